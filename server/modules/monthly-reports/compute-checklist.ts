/**
 * Computes the checklist of an OT-month now (read-only) and caches its summary on the report for
 * the closure board. The cache write is skipped when a save or a status change holds the row
 * (SKIP LOCKED): a read must never wait for writers, and the board tolerates a slightly old
 * progress figure (it shows when it was computed).
 */
import { sql } from 'drizzle-orm';
import { summarizeChecklist } from '../../../domain/checklist';
import { computeChecklistFromFacts } from '../../../domain/checklist-aggregated';
import type { DbOrTx } from '../../db/database';
import { loadChecklistFacts } from './checklist-data';
import type { MonthlyReportRow } from './monthly-reports.repository';

export async function computeMonthlyChecklist(db: DbOrTx, report: MonthlyReportRow) {
  const items = computeChecklistFromFacts(await loadChecklistFacts(db, report));
  const summary = summarizeChecklist(items);
  const computedAt = new Date().toISOString();
  const cached = { blockingPassed: summary.blockingPassed, blockingTotal: summary.blockingTotal, canClose: summary.canClose, computedAt };
  await db.execute(sql`
    update monthly_reports set checklist_summary = ${JSON.stringify(cached)}::jsonb
    where id = (select id from monthly_reports where id = ${report.id} for no key update skip locked)`);
  return { items, summary, computedAt };
}
