/**
 * Applies a previewed annex import in one transaction:
 *  1. lock the family (annex commits of one family are serial) and the job;
 *  2. refuse when the file has row errors, when the annex changed since the preview, or when a
 *     cap would change under production filed in a Cerrado/Facturado month (period_closed);
 *  3. create annex version N+1; insert the new line items, restate the listed ones (cap by the
 *     chosen rule, prices, current version), one line_item_versions row each;
 *  4. restate the programme of the listed items on the file's days;
 *  5. audit (one entry per import + one per new or changed line item) and recompute excess of the
 *     line items whose cap changed.
 * Set-based statements throughout (jsonb recordsets): a 3,000-row sábana is a handful of queries.
 */
import { sql } from 'drizzle-orm';
import type { CapRule } from '../../../../contracts/annex';
import { conflict, DomainError, importHasErrors } from '../../../../domain/errors';
import { Dec } from '../../../../domain/money';
import type { Ctx } from '../../../context';
import type { Db, Tx } from '../../../db/database';

import { ensure } from '../../../policy';
import { recordAudit, recordAuditMany, type AuditInput } from '../../audit/record-audit';
import { currentLineItems } from '../../line-items/line-items.repository';
import { lineItemSortKey } from '../../line-items/sort-key';
import { recomputeExcessForLineItems } from '../../production/recompute-excess';
import { capAfter, indexCurrent, type CurrentLineItem } from '../annex-diff';
import { closedMonthsAmong, familyOfJob, lockJobForCommit } from '../annex-imports.repository';
import { lineKey, type ResolvedRow } from '../resolve-annex-rows';

export interface CommitAnnexResult {
  versionId: number;
  versionNumber: number;
  created: number;
  restated: number;
  capChanged: number;
  excessEntriesChanged: number;
}

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
const same = (a: string, b: string) => new Dec(a).eq(new Dec(b));

/** Refuses when production of these line items lies in a closed or invoiced month; locks those months meanwhile. */
async function assertNoClosedProduction(tx: Tx, lineItemIds: number[]): Promise<void> {
  if (!lineItemIds.length) return;
  const r = await tx.execute<{ id: number; workOrderId: number; year: number; month: number; status: string }>(sql`
    select mr.id, mr.work_order_id as "workOrderId", mr.year, mr.month, mr.status from monthly_reports mr
    where mr.id in (select distinct pe.monthly_report_id from production_entries pe where pe.line_item_id = any(${sql.param(lineItemIds)}::int[]))
    order by mr.id for share`);
  const closed = r.rows.find((m) => m.status === 'cerrado' || m.status === 'facturado');
  if (!closed) return;
  const state = closed.status === 'facturado' ? 'facturado' : 'cerrado';
  throw new DomainError('period_closed', {
    message: `El anexo cambia el volumen autorizado de partidas con producción en ${closed.month}/${closed.year}, mes ${state}: no se aplicó nada. Reabra el mes o importe sin cambiar esas partidas.`,
    messageEn: `The annex changes the cap of line items with production in ${closed.month}/${closed.year}, which is ${state}; nothing was applied.`,
    details: { workOrderId: closed.workOrderId, year: closed.year, month: closed.month, status: closed.status },
  });
}

async function insertNewLineItems(
  tx: Tx,
  familyId: number,
  versionId: number,
  rows: { row: ResolvedRow; cap: string }[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (!rows.length) return ids;
  const records = rows.map(({ row, cap }) => ({
    sub_annex: row.subAnnex,
    code: row.code,
    concept: row.concept,
    concept_norm: row.conceptNorm,
    unit_id: row.unitId,
    catalogue_item_id: row.catalogueItemId,
    authorized_volume: cap,
    pu_mxn: row.puMxn,
    pu_usd: row.puUsd,
    sort_key: lineItemSortKey(row.subAnnex, row.code),
  }));
  const r = await tx.execute<{ id: number; subAnnex: string; code: string; conceptNorm: string; unitId: number }>(sql`
    insert into line_items (family_id, sub_annex, code, concept, concept_norm, unit_id, catalogue_item_id, authorized_volume, pu_mxn, pu_usd,
                            origin, current_version_id, sort_key)
    select ${familyId}, x.sub_annex, x.code, x.concept, x.concept_norm, x.unit_id, x.catalogue_item_id, x.authorized_volume, x.pu_mxn, x.pu_usd,
           'annex', ${versionId}, x.sort_key
    from jsonb_to_recordset(${json(records)}) as x(sub_annex text, code text, concept text, concept_norm text, unit_id int, catalogue_item_id int,
                                                  authorized_volume numeric, pu_mxn numeric, pu_usd numeric, sort_key text)
    returning id, sub_annex as "subAnnex", code, concept_norm as "conceptNorm", unit_id as "unitId"`);
  for (const li of r.rows) ids.set(lineKey(li), li.id);
  return ids;
}

async function restateLineItems(tx: Tx, versionId: number, rows: { id: number; row: ResolvedRow; cap: string }[]): Promise<void> {
  if (!rows.length) return;
  const records = rows.map(({ id, row, cap }) => ({
    id,
    authorized_volume: cap,
    pu_mxn: row.puMxn,
    pu_usd: row.puUsd,
    catalogue_item_id: row.catalogueItemId,
  }));
  await tx.execute(sql`
    update line_items li set authorized_volume = x.authorized_volume, pu_mxn = x.pu_mxn, pu_usd = x.pu_usd,
      catalogue_item_id = x.catalogue_item_id, current_version_id = ${versionId}, active = true, updated_at = now()
    from jsonb_to_recordset(${json(records)}) as x(id int, authorized_volume numeric, pu_mxn numeric, pu_usd numeric, catalogue_item_id int)
    where li.id = x.id`);
}

async function insertVersionRows(tx: Tx, versionId: number, rows: { id: number; row: ResolvedRow; cap: string }[]): Promise<void> {
  const records = rows.map(({ id, row, cap }) => ({
    line_item_id: id,
    stated_volume: row.statedVolume,
    cap_after: cap,
    pu_mxn: row.puMxn,
    pu_usd: row.puUsd,
    file_pu_mxn: row.filePuMxn,
    file_pu_usd: row.filePuUsd,
    sheet: row.sheet,
    row_number: row.row,
  }));
  await tx.execute(sql`
    insert into line_item_versions (annex_version_id, line_item_id, stated_volume, cap_after, pu_mxn, pu_usd, file_pu_mxn, file_pu_usd, sheet, row_number)
    select ${versionId}, x.line_item_id, x.stated_volume, x.cap_after, x.pu_mxn, x.pu_usd, x.file_pu_mxn, x.file_pu_usd, x.sheet, x.row_number
    from jsonb_to_recordset(${json(records)}) as x(line_item_id int, stated_volume numeric, cap_after numeric, pu_mxn numeric, pu_usd numeric,
                                                  file_pu_mxn numeric, file_pu_usd numeric, sheet text, row_number int)`);
}

/**
 * The file's programme replaces the listed items' programme on the days the file has columns for;
 * other days stay, and so do the days of closed months (a closed month is locked: its planned
 * volumes are part of what was closed). Returns the cells written and the cells left as they were
 * because their month is closed.
 */
async function restatePlanned(
  tx: Tx,
  versionId: number,
  dayDates: string[],
  rows: { id: number; row: ResolvedRow }[],
  closedMonths: Set<string>,
): Promise<{ written: number; keptClosed: number }> {
  // Three parallel arrays (unnest) parse much faster than 28k jsonb objects.
  const lineItemIds: number[] = [];
  const dates: string[] = [];
  const volumes: string[] = [];
  let keptClosed = 0;
  for (const { id, row } of rows) {
    for (const p of row.planned) {
      if (closedMonths.has(p.date.slice(0, 7))) {
        keptClosed++;
        continue;
      }
      lineItemIds.push(id);
      dates.push(p.date);
      volumes.push(p.volume);
    }
  }
  const openDates = dayDates.filter((d) => !closedMonths.has(d.slice(0, 7)));
  if (openDates.length && rows.length)
    await tx.execute(sql`
      delete from planned_volumes where line_item_id = any(${sql.param(rows.map((r) => r.id))}::int[]) and date = any(${sql.param(openDates)}::date[])`);
  if (lineItemIds.length)
    await tx.execute(sql`
      insert into planned_volumes (line_item_id, date, volume, annex_version_id)
      select l, d, v, ${versionId} from unnest(${sql.param(lineItemIds)}::int[], ${sql.param(dates)}::date[], ${sql.param(volumes)}::numeric[]) as x(l, d, v)`);
  return { written: lineItemIds.length, keptClosed };
}

export async function commitAnnexImport(db: Db, ctx: Ctx, jobId: number, capRule: CapRule = 'replacement'): Promise<CommitAnnexResult> {
  ensure(ctx.actor, 'annex.import');
  return db.transaction(async (tx) => {
    const familyId = await familyOfJob(tx, jobId);
    await tx.execute(sql`select id from work_orders where id = ${familyId} for update`);
    const job = await lockJobForCommit(tx, jobId);
    if (job.status !== 'preview')
      throw conflict('Esta importación ya se aplicó o se descartó; suba el archivo de nuevo.', { status: job.status });
    if (job.errorCount > 0) throw importHasErrors(job.errorCount, { importId: jobId });
    const { rows, dayDates, baseVersion } = job;
    const latest = await tx.execute<{ n: number }>(
      sql`select coalesce(max(number), 0)::int as n from annex_versions where family_id = ${familyId}`,
    );
    const latestNumber = latest.rows[0]!.n;
    if (latestNumber !== baseVersion) {
      throw conflict(
        `El anexo de la OT cambió desde esta vista previa (ahora va en la versión ${latestNumber}); suba el archivo de nuevo para ver las diferencias actuales.`,
        {
          baseVersion,
          latestVersion: latestNumber,
        },
      );
    }

    const current = indexCurrent(await currentLineItems(tx, familyId, { forUpdate: true }));
    const fresh: { row: ResolvedRow; cap: string }[] = [];
    const restated: { id: number; row: ResolvedRow; cap: string; before: CurrentLineItem }[] = [];
    for (const row of rows) {
      const cur = current.get(lineKey(row));
      const cap = capAfter(capRule, cur, row.statedVolume);
      if (cur) restated.push({ id: cur.id, row, cap, before: cur });
      else fresh.push({ row, cap });
    }
    const capChanged = restated.filter((r) => !same(r.before.authorizedVolume, r.cap)).map((r) => r.id);
    await assertNoClosedProduction(tx, capChanged);

    const [version] = (
      await tx.execute<{ id: number }>(sql`
        insert into annex_versions (family_id, work_order_id, number, import_job_id, file_name, sha256, cap_rule, created_by)
        values (${familyId}, ${job.workOrderId}, ${latestNumber + 1}, ${jobId}, ${job.fileName}, ${job.sha256}, ${capRule}, ${ctx.actor.id})
        returning id`)
    ).rows;
    const versionId = version!.id;
    const newIds = await insertNewLineItems(tx, familyId, versionId, fresh);
    await restateLineItems(tx, versionId, restated);
    const all = [...restated, ...fresh.map((f) => ({ id: newIds.get(lineKey(f.row))!, row: f.row, cap: f.cap }))];
    await insertVersionRows(tx, versionId, all);
    const planned = await restatePlanned(tx, versionId, dayDates, all, await closedMonthsAmong(tx, familyId, dayDates, true));

    const counts = {
      rows: rows.length,
      created: fresh.length,
      restated: restated.length,
      capChanged: capChanged.length,
      priceChanged: restated.filter((r) => !same(r.before.puMxn, r.row.puMxn) || !same(r.before.puUsd, r.row.puUsd)).length,
      plannedCells: planned.written,
      plannedKeptClosed: planned.keptClosed,
    };
    await tx.execute(sql`update annex_versions set counts = ${json(counts)} where id = ${versionId}`);
    await tx.execute(
      sql`update import_jobs set status = 'committed', committed_by = ${ctx.actor.id}, committed_at = now() where id = ${jobId}`,
    );

    await recordAudit(tx, ctx, {
      entity: 'annex_version',
      entityId: versionId,
      action: 'import',
      workOrderId: job.workOrderId,
      changes: {
        number: { before: latestNumber || null, after: latestNumber + 1 },
        fileName: { before: null, after: job.fileName },
        sha256: { before: null, after: job.sha256 },
        capRule: { before: null, after: capRule },
        counts: { before: null, after: counts },
      },
    });
    const entries: AuditInput[] = [];
    for (const f of fresh) {
      entries.push({
        entity: 'line_item',
        entityId: newIds.get(lineKey(f.row))!,
        action: 'create',
        workOrderId: job.workOrderId,
        before: null,
        after: {
          subAnnex: f.row.subAnnex,
          code: f.row.code,
          concept: f.row.concept,
          unit: f.row.unitCode,
          authorizedVolume: f.cap,
          puMxn: f.row.puMxn,
          puUsd: f.row.puUsd,
          version: latestNumber + 1,
        },
      });
    }
    for (const r of restated) {
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      if (!same(r.before.authorizedVolume, r.cap))
        changes.authorizedVolume = { before: new Dec(r.before.authorizedVolume).toFixed(), after: r.cap };
      if (!same(r.before.puMxn, r.row.puMxn)) changes.puMxn = { before: new Dec(r.before.puMxn).toFixed(), after: r.row.puMxn };
      if (!same(r.before.puUsd, r.row.puUsd)) changes.puUsd = { before: new Dec(r.before.puUsd).toFixed(), after: r.row.puUsd };
      if (r.before.currentVersionId === null) changes.authorized = { before: false, after: true };
      if (Object.keys(changes).length)
        entries.push({ entity: 'line_item', entityId: r.id, action: 'update', workOrderId: job.workOrderId, changes });
    }
    await recordAuditMany(tx, ctx, entries);

    const excessEntriesChanged = await recomputeExcessForLineItems(tx, capChanged);
    return {
      versionId,
      versionNumber: latestNumber + 1,
      created: fresh.length,
      restated: restated.length,
      capChanged: capChanged.length,
      excessEntriesChanged,
    };
  });
}
