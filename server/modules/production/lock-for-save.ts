/**
 * The locks of a grid save, in one round trip when the OT-month already has its report (every
 * save but the month's first): the monthly report FOR SHARE (the period gate of period-lock.ts:
 * a status change waits for the save, a save after it sees the new status), the saved days'
 * daily reports FOR SHARE (a signature waits), and the touched line items FOR NO KEY UPDATE in id
 * order (writers of the same line items queue; excess is computed after this).
 * The month's first save goes through lockPeriodForWrite's race-free get-or-create instead.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../context';
import type { DbOrTx } from '../../db/database';
import { assertWritable, lockPeriodForWrite, type MonthlyStatus, type PeriodRef } from '../monthly-reports/period-lock';
import { SAVE_LOCK_COLUMNS, saveLockCtes } from './production.repository';

export interface SaveLocks {
  monthlyReportId: number;
  /** Saved dates whose daily report at this site is signed. */
  signed: Set<string>;
}

async function lockAll(
  tx: DbOrTx,
  p: PeriodRef,
  days: { siteId: number; dates: readonly string[] },
  lineItemIds: readonly number[],
  createdReportId?: number,
) {
  const report = createdReportId
    ? sql`select id, status from monthly_reports where id = ${createdReportId}`
    : sql`select id, status from monthly_reports where work_order_id = ${p.familyId} and year = ${p.year} and month = ${p.month} for share`;
  const r = await tx.execute<{ id: number | null; status: MonthlyStatus | null; signed: string[] | null }>(sql`
    with ${saveLockCtes(report, days.siteId, days.dates, lineItemIds)}
    select r.id, r.status, ${SAVE_LOCK_COLUMNS}
    from (select 1) one left join r on true`);
  return r.rows[0]!;
}

export async function lockForSave(
  tx: DbOrTx,
  actor: Actor,
  p: PeriodRef,
  days: { siteId: number; dates: readonly string[] },
  lineItemIds: readonly number[],
): Promise<SaveLocks> {
  let row = await lockAll(tx, p, days, lineItemIds);
  if (row.id === null) {
    // The month's first write: create its report (locked by us until commit), then lock the rest.
    const period = await lockPeriodForWrite(tx, actor, p);
    row = await lockAll(tx, p, days, lineItemIds, period.monthlyReportId);
    return { monthlyReportId: period.monthlyReportId, signed: new Set(row.signed ?? []) };
  }
  assertWritable(actor, p, row.status!);
  return { monthlyReportId: row.id, signed: new Set(row.signed ?? []) };
}
