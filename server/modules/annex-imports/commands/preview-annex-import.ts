/**
 * Upload step of an OT annex import: parse the workbook (PTE workbook or sábana), resolve every
 * row against the contract catalogue, diff it with the family's current annex, and keep file +
 * preview in an import job. Nothing of the annex changes until the job is committed.
 */
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { importJobs } from '../../../db/schema';
import { missing } from '../../../fail';
import { ensure } from '../../../policy';
import { parseAnnex } from '../../../spreadsheets/parse-annex';
import { recordAudit } from '../../audit/record-audit';
import { loadCatalogue } from '../../catalogue/catalogue.repository';
import { sha256 } from '../../catalogue/read-upload';
import { IMPORT_MAX_DATA_ROWS, parsingWorkbook } from '../../catalogue/spreadsheet-failure';
import { currentLineItems, latestVersionNumber } from '../../line-items/line-items.repository';
import { findWorkOrder } from '../../work-orders/work-orders.repository';
import { diffAnnex } from '../annex-diff';
import type { StoredAnnexPreview } from '../annex-import-preview';
import { closedMonthsAmong, contractForWorkOrder } from '../annex-imports.repository';
import { CatalogueIndex, resolveAnnexRows } from '../resolve-annex-rows';
import { discardStalePreviews } from '../../import-jobs/discard-import';

export interface PreviewAnnexInput {
  workOrderId: number;
  fileName: string;
  bytes: Buffer;
  contractId?: number | undefined;
  onProgress?: (rowsRead: number) => void;
}

function plannedByDate(rows: StoredAnnexPreview['rows']): StoredAnnexPreview['planned'] {
  const cells = new Map<string, number>();
  for (const r of rows) for (const p of r.planned) cells.set(p.date, (cells.get(p.date) ?? 0) + 1);
  return [...cells].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, n]) => ({ date, cells: n }));
}

export async function previewAnnexImport(db: Db, ctx: Ctx, input: PreviewAnnexInput): Promise<{ id: number }> {
  ensure(ctx.actor, 'annex.import');
  const workOrder = await findWorkOrder(db, input.workOrderId);
  if (!workOrder) throw missing(`La OT ${input.workOrderId}`);
  const contractId = await contractForWorkOrder(db, workOrder.clientId, input.contractId);
  const parsed = await parsingWorkbook(() =>
    parseAnnex(input.bytes, { maxDataRows: IMPORT_MAX_DATA_ROWS, ...(input.onProgress ? { onProgress: input.onProgress } : {}) }),
  );
  const dayDates = [...new Set(parsed.dayColumns.map((d) => d.date))].sort();
  const [catalogue, current, baseVersion, closedMonths] = await Promise.all([
    loadCatalogue(db, contractId),
    currentLineItems(db, workOrder.familyId),
    latestVersionNumber(db, workOrder.familyId),
    closedMonthsAmong(db, workOrder.familyId, dayDates),
  ]);
  const resolved = resolveAnnexRows(parsed.items, new CatalogueIndex(catalogue));
  const errors = [...parsed.errors, ...resolved.errors].sort((a, b) => a.row - b.row);
  const diff = diffAnnex(resolved.rows, current);
  const noRows = parsed.items.length === 0 && parsed.errors.length === 0;
  if (noRows) {
    errors.push({
      sheet: parsed.sheet,
      row: parsed.headerRow,
      column: parsed.hasOkColumn ? 'OK' : 'PARTIDA',
      columnLetter: '',
      reason_es: parsed.hasOkColumn
        ? 'El archivo no contiene partidas marcadas con OK: marque en la columna OK las partidas que usa la OT'
        : 'El archivo no contiene partidas debajo del encabezado',
      values: [],
    });
  }
  const preview: StoredAnnexPreview = {
    kind: 'annex',
    familyId: workOrder.familyId,
    contractId,
    shape: parsed.shape,
    sheet: parsed.sheet,
    headerRow: parsed.headerRow,
    header: [...parsed.header],
    dayDates,
    baseVersion,
    counts: {
      rows: parsed.items.length,
      ...diff.counts,
      errors: errors.length,
      rowsNotSelected: parsed.rowsNotSelected,
      plannedCells: resolved.rows.reduce((n, r) => n + r.planned.length, 0),
      // Cells of months closed now: the commit keeps those months' programme as it was (ADR 008).
      plannedInClosedMonths: resolved.rows.reduce((n, r) => n + r.planned.filter((p) => closedMonths.has(p.date.slice(0, 7))).length, 0),
    },
    items: diff.items,
    removed: diff.removed,
    planned: plannedByDate(resolved.rows),
    errors,
    rows: resolved.rows,
  };
  const fileSha = sha256(input.bytes);
  return db.transaction(async (tx) => {
    await discardStalePreviews(tx);
    const [job] = await tx
      .insert(importJobs)
      .values({
        target: 'annex',
        contractId,
        workOrderId: workOrder.id,
        fileName: input.fileName,
        sha256: fileSha,
        file: input.bytes,
        preview,
        errorCount: errors.length,
        createdBy: ctx.actor.id,
      })
      .returning({ id: importJobs.id });
    await recordAudit(tx, ctx, {
      entity: 'import_job',
      entityId: job!.id,
      action: 'preview',
      workOrderId: workOrder.id,
      changes: {
        fileName: { before: null, after: input.fileName },
        sha256: { before: null, after: fileSha },
        counts: { before: null, after: preview.counts },
      },
    });
    return { id: job!.id };
  });
}
