/**
 * The closure board (spec §3.1 queries): initial OTs × months with status, sign-offs, evidence,
 * checklist progress (the last computed summary) and the overdue flag of the seed's schedule.
 */
import { sql, type SQL } from 'drizzle-orm';
import { BLOCKING_CHECKLIST_KEYS } from '../../../domain/checklist';
import { expectedClosureStatus, isOverdue } from '../../../domain/closure-schedule';
import { todayInMexicoCity } from '../../../domain/dates';
import type { Actor } from '../../context';
import type { DbOrTx } from '../../db/database';
import { fail } from '../../fail';
import type { MonthlyStatus } from './period-lock';

const MAX_MONTHS = 24;

export function monthsBetween(from: string, to: string): { year: number; month: number }[] {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const out: { year: number; month: number }[] = [];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    out.push({ year: y, month: m });
    if (out.length > MAX_MONTHS) throw fail('validation_failed', `El tablero abarca como máximo ${MAX_MONTHS} meses.`);
  }
  if (!out.length) throw fail('validation_failed', 'El mes inicial debe ser anterior o igual al final.');
  return out;
}

export async function closureBoard(db: DbOrTx, actor: Actor, query: { from: string; to: string; q?: string | undefined }) {
  const months = monthsBetween(query.from, query.to);
  const today = todayInMexicoCity();
  const c: SQL[] = [sql`w.kind = 'initial'`, sql`w.active`];
  if (query.q) c.push(sql`(w.folio ilike ${'%' + query.q + '%'} or w.description ilike ${'%' + query.q + '%'})`);
  if (actor.role === 'supervisor') {
    const sites = actor.siteIds.length
      ? sql.join(
          actor.siteIds.map((s) => sql`${s}`),
          sql`, `,
        )
      : sql`null`;
    const ots = actor.workOrderIds.length
      ? sql.join(
          actor.workOrderIds.map((s) => sql`${s}`),
          sql`, `,
        )
      : sql`null`;
    c.push(sql`exists (select 1 from work_orders f left join work_order_sites ws on ws.work_order_id = f.id
      where coalesce(f.parent_id, f.id) = w.id and (f.id in (${ots}) or ws.site_id in (${sites})))`);
  }
  const ots = await db.execute<{ id: number; folio: string; description: string }>(sql`
    select w.id, w.folio, w.description from work_orders w where ${sql.join(c, sql` and `)} order by w.folio limit 1000`);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const reports = await db.execute<{
    id: number;
    workOrderId: number;
    year: number;
    month: number;
    status: MonthlyStatus;
    hasEvidence: boolean;
    signOffs: number;
    passed: number | null;
  }>(sql`
    select m.id, m.work_order_id as "workOrderId", m.year, m.month, m.status, (m.evidence_url is not null) as "hasEvidence",
      (select count(*)::int from monthly_report_sign_offs s where s.monthly_report_id = m.id and s.version = m.version) as "signOffs",
      (m.checklist_summary->>'blockingPassed')::int as passed
    from monthly_reports m
    where (m.year * 12 + m.month) between ${first.year * 12 + first.month} and ${last.year * 12 + last.month}`);
  const byKey = new Map(reports.rows.map((r) => [`${r.workOrderId}|${r.year}|${r.month}`, r]));
  return {
    months,
    today,
    rows: ots.rows.map((ot) => ({
      workOrderId: ot.id,
      folio: ot.folio,
      description: ot.description,
      cells: months.map(({ year, month }) => {
        const r = byKey.get(`${ot.id}|${year}|${month}`);
        const status = r?.status ?? null;
        return {
          year,
          month,
          reportId: r?.id ?? null,
          status,
          // A month without a report has no data yet: nothing to close, never overdue.
          overdue: status !== null && isOverdue(status, year, month, today),
          expectedStatus: expectedClosureStatus(year, month, today),
          signOffs: r?.signOffs ?? 0,
          checklistPassed: status === 'cerrado' || status === 'facturado' ? BLOCKING_CHECKLIST_KEYS.length : (r?.passed ?? null),
          checklistTotal: BLOCKING_CHECKLIST_KEYS.length,
          hasEvidence: r?.hasEvidence ?? false,
        };
      }),
    })),
  };
}
