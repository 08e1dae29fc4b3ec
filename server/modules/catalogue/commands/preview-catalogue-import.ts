/**
 * Upload step of a catalogue import: parse the workbook, check it, diff it against the
 * contract's catalogue, and keep file + preview in an import job. Nothing in the catalogue
 * changes until the job is committed.
 */
import type { CatalogueFormat } from '../../../../contracts/catalogue';
import { compareSubAnnex } from '../../../../domain/catalogue/sub-annex';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { importJobs } from '../../../db/schema';
import { invalid } from '../../../fail';
import { ensure } from '../../../policy';
import { parseContractCatalogue } from '../../../spreadsheets/parse-contract-catalogue';
import { parsePueCatalogue } from '../../../spreadsheets/parse-pue-catalogue';
import { recordAudit } from '../../audit/record-audit';
import { findContractByNumber, listContracts, loadCatalogue } from '../catalogue.repository';
import { MAX_LISTED_CHANGES, type StoredCataloguePreview } from '../catalogue-import-preview';
import { diffCatalogue, mergeDuplicates, rowsOfContract, rowsOfPue, type CatalogueRow } from '../catalogue-rows';
import { sha256 } from '../read-upload';
import { IMPORT_MAX_DATA_ROWS, parsingWorkbook } from '../spreadsheet-failure';
import { discardStalePreviews } from '../../import-jobs/discard-import';

export interface PreviewCatalogueInput {
  format: CatalogueFormat;
  contractNumber?: string | undefined;
  fileName: string;
  bytes: Buffer;
  onProgress?: (rowsRead: number) => void;
}

async function resolveContractNumber(db: Db, given: string | undefined): Promise<string> {
  if (given) return given.trim();
  const contracts = await listContracts(db);
  if (contracts.length === 1) return contracts[0]!.number;
  throw invalid([
    {
      path: 'querystring.contractNumber',
      message:
        contracts.length === 0
          ? 'Indique el número de contrato al que pertenece el catálogo'
          : 'Hay varios contratos: indique a cuál pertenece el catálogo',
    },
  ]);
}

async function parse(input: PreviewCatalogueInput) {
  const options = { maxDataRows: IMPORT_MAX_DATA_ROWS, ...(input.onProgress ? { onProgress: input.onProgress } : {}) };
  if (input.format === 'pue') {
    const parsed = await parsingWorkbook(() => parsePueCatalogue(input.bytes, options));
    return { rows: rowsOfPue(parsed), errors: parsed.errors, skippedSheets: [] };
  }
  const parsed = await parsingWorkbook(() => parseContractCatalogue(input.bytes, options));
  return {
    rows: rowsOfContract(parsed),
    errors: parsed.errors,
    skippedSheets: parsed.skippedSheets.map((s) => ({ sheet: s.sheet, reason: s.reason_es })),
  };
}

function countBySubAnnex(rows: readonly CatalogueRow[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.subAnnex, (counts.get(r.subAnnex) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => compareSubAnnex(a, b)));
}

export async function previewCatalogueImport(db: Db, ctx: Ctx, input: PreviewCatalogueInput): Promise<{ id: number }> {
  ensure(ctx.actor, 'contractCatalogue.write');
  const contractNumber = await resolveContractNumber(db, input.contractNumber);
  const parsed = await parse(input);
  const { errors: duplicates, warnings, unique } = mergeDuplicates(parsed.rows);
  const errors = [...parsed.errors, ...duplicates];
  const contract = await findContractByNumber(db, contractNumber);
  const diff = diffCatalogue(input.format, unique, contract ? await loadCatalogue(db, contract.id) : []);
  const changes = [
    ...diff.created.map((row) => ({ row, change: 'new' as const, fields: [] as string[] })),
    ...diff.changed.map((c) => ({ row: c.row, change: 'changed' as const, fields: c.fields })),
  ]
    .sort((a, b) => (a.row.sheet === b.row.sheet ? a.row.row - b.row.row : a.row.sheet < b.row.sheet ? -1 : 1))
    .slice(0, MAX_LISTED_CHANGES)
    .map(({ row, change, fields }) => ({
      sheet: row.sheet,
      row: row.row,
      subAnnex: row.subAnnex,
      code: row.code,
      concept: row.concept,
      unit: row.unit,
      change,
      fields,
      puMxn: row.puMxn,
      puUsd: row.puUsd,
    }));
  const preview: StoredCataloguePreview = {
    kind: 'catalogue',
    format: input.format,
    contractNumber,
    counts: {
      bySubAnnex: countBySubAnnex(parsed.rows),
      total: parsed.rows.length,
      merged: warnings.length,
      new: diff.created.length,
      changed: diff.changed.length,
      unchanged: diff.unchanged,
      errors: errors.length,
    },
    changes,
    skippedSheets: parsed.skippedSheets,
    errors,
    warnings,
    rows: unique,
  };
  const fileSha = sha256(input.bytes);
  return db.transaction(async (tx) => {
    await discardStalePreviews(tx);
    const [job] = await tx
      .insert(importJobs)
      .values({
        target: input.format === 'pue' ? 'pue_catalogue' : 'contract_catalogue',
        contractId: contract?.id ?? null,
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
      changes: {
        fileName: { before: null, after: input.fileName },
        sha256: { before: null, after: fileSha },
        counts: { before: null, after: preview.counts },
      },
    });
    return { id: job!.id };
  });
}
