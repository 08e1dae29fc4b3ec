/**
 * The one gate every write to an OT-month passes (grid saves, daily reports, GPU records,
 * evidence links, imports, CLI): get-or-create the monthly report race-free, then hold a
 * share lock on it for the rest of the transaction and refuse writes the status forbids.
 *
 * Why FOR SHARE: concurrent saves of one month do not block each other, while a status
 * change (an UPDATE, which needs the row exclusively) waits for in-flight saves to commit and
 * saves that start after it see the new status. So a cell can never land inside a closed month.
 */
import { sql } from 'drizzle-orm';
import { periodClosed } from '../../../domain/errors';
import type { Actor } from '../../context';
import type { DbOrTx } from '../../db/database';
import { fail } from '../../fail';

export type MonthlyStatus = 'abierto' | 'en_revision' | 'cerrado' | 'facturado';

export interface PeriodRef {
  /** The family's initial OT (monthly reports are filed there). */
  familyId: number;
  year: number;
  month: number;
}

export interface LockedPeriod extends PeriodRef {
  monthlyReportId: number;
  status: MonthlyStatus;
  version: number;
  evidenceUrl: string | null;
}

/** Race-free get-or-create: an upsert on the unique (OT, year, month) key. */
export async function ensureMonthlyReport(tx: DbOrTx, p: PeriodRef): Promise<number> {
  const inserted = await tx.execute<{ id: number }>(sql`
    insert into monthly_reports (work_order_id, year, month) values (${p.familyId}, ${p.year}, ${p.month})
    on conflict (work_order_id, year, month) do nothing returning id`);
  if (inserted.rows[0]) return inserted.rows[0].id;
  const existing = await tx.execute<{ id: number }>(sql`
    select id from monthly_reports where work_order_id = ${p.familyId} and year = ${p.year} and month = ${p.month}`);
  return existing.rows[0]!.id;
}

async function lockRow(tx: DbOrTx, id: number): Promise<{ status: MonthlyStatus; version: number; evidenceUrl: string | null }> {
  const r = await tx.execute<{ status: MonthlyStatus; version: number; evidenceUrl: string | null }>(sql`
    select status, version, evidence_url as "evidenceUrl" from monthly_reports where id = ${id} for share`);
  return r.rows[0]!;
}

/** Refuses the write when the month's status forbids it for this actor. */
export function assertWritable(actor: Actor, p: PeriodRef, status: MonthlyStatus): void {
  if (status === 'cerrado' || status === 'facturado') throw periodClosed({ workOrderId: p.familyId, year: p.year, month: p.month, status });
  if (status === 'en_revision' && actor.role !== 'gerente_operaciones' && actor.role !== 'admin') {
    throw fail(
      'period_closed',
      `El mes ${p.month}/${p.year} está En Revisión: la captura está congelada; solo un gerente de operaciones puede corregir.`,
      {
        workOrderId: p.familyId,
        year: p.year,
        month: p.month,
        status,
      },
    );
  }
}

type LockedRow = { id: number; status: MonthlyStatus; version: number; evidenceUrl: string | null };

/** The OT-month's report by its unique key, share-locked (none when it does not exist yet). */
async function lockByKey(tx: DbOrTx, p: PeriodRef): Promise<LockedRow | undefined> {
  const r = await tx.execute<LockedRow>(sql`
    select id, status, version, evidence_url as "evidenceUrl" from monthly_reports
    where work_order_id = ${p.familyId} and year = ${p.year} and month = ${p.month} for share`);
  return r.rows[0];
}

/**
 * Get-or-create the OT-month, lock it for this transaction and check it accepts writes.
 * One round trip when the report exists (the common case): select … for share by the unique key.
 * Otherwise an upsert that does nothing on conflict; the row it creates is ours (locked until
 * commit). If a concurrent transaction created it first, the insert waited for that one to commit,
 * so the second keyed select (a new snapshot in READ COMMITTED) finds and share-locks it.
 */
export async function lockPeriodForWrite(tx: DbOrTx, actor: Actor, p: PeriodRef): Promise<LockedPeriod> {
  let row = await lockByKey(tx, p);
  if (!row) {
    const inserted = await tx.execute<LockedRow>(sql`
      insert into monthly_reports (work_order_id, year, month) values (${p.familyId}, ${p.year}, ${p.month})
      on conflict (work_order_id, year, month) do nothing
      returning id, status, version, evidence_url as "evidenceUrl"`);
    row = inserted.rows[0] ?? (await lockByKey(tx, p));
    if (!row) throw new Error(`monthly report ${p.familyId}/${p.year}-${p.month} vanished while being created`);
  }
  const { id, ...rest } = row;
  assertWritable(actor, p, rest.status);
  return { ...p, monthlyReportId: id, ...rest };
}

/** Same check without creating the report (a month with no report yet is open). */
export async function assertPeriodWritableIfExists(tx: DbOrTx, actor: Actor, p: PeriodRef): Promise<void> {
  const r = await tx.execute<{ id: number }>(sql`
    select id from monthly_reports where work_order_id = ${p.familyId} and year = ${p.year} and month = ${p.month}`);
  if (!r.rows[0]) return;
  const row = await lockRow(tx, r.rows[0].id);
  assertWritable(actor, p, row.status);
}

/**
 * For writes that reach existing entries of several months at once (an annex commit changing a
 * cap recomputes the excess of entries in every month of the family): locks each of those
 * monthly reports FOR SHARE, in id order (no deadlocks between two such writers), and refuses
 * with `period_closed` if any of them forbids the write. Pass the reports whose entries change.
 */
export async function lockReportsForWrite(tx: DbOrTx, actor: Actor, monthlyReportIds: readonly number[]): Promise<void> {
  const ids = [...new Set(monthlyReportIds)].sort((a, b) => a - b);
  if (!ids.length) return;
  const rows = await tx.execute<{ id: number; workOrderId: number; year: number; month: number; status: MonthlyStatus }>(sql`
    select id, work_order_id as "workOrderId", year, month, status from monthly_reports
    where id = any(${`{${ids.join(',')}}`}::int[]) order by id for share`);
  for (const r of rows.rows) assertWritable(actor, { familyId: r.workOrderId, year: r.year, month: r.month }, r.status);
}
