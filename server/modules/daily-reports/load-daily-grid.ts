/**
 * The daily-report grid of a site: every OT family working there whose window (for this site)
 * overlaps the month × the days of the month, with locks and productive days per row.
 */
import { monthDays } from '../../../domain/dates';
import { productiveDays } from '../../../domain/daily-report';
import { isDayInWindow, windowOverlapsMonth } from '../../../domain/validity-window';
import type { DailyGridQuery, DailyGridResponse, DailyGridRow, DailyReport } from '../../../contracts/daily-reports';
import type { Actor } from '../../context';
import type { DbOrTx } from '../../db/database';
import { can } from '../../policy';
import { canWrite, familySites, siteWindow } from '../production/family-site';
import { periodLock } from '../production/load-grid';
import { findFamilies } from '../work-orders/work-orders.repository';
import { familiesAtSite, monthlyReportsOf, reportsOfMonth, type DailyReportRow } from './daily-reports.repository';

export function presentDailyReport(r: DailyReportRow): DailyReport {
  return {
    id: r.id,
    familyId: r.familyId,
    siteId: r.siteId,
    date: r.date,
    operationalStatus: r.operationalStatus,
    signatureStatus: r.signatureStatus,
    note: r.note,
    incident: r.incident,
    incidentUrl: r.incidentUrl,
    updatedAt: r.updatedAt,
  };
}

export async function loadDailyGrid(db: DbOrTx, actor: Actor, q: DailyGridQuery): Promise<DailyGridResponse> {
  const familyIds = await familiesAtSite(db, q.siteId);
  const families = await findFamilies(db, familyIds);
  const reports = await reportsOfMonth(db, familyIds, q.siteId, q.year, q.month);
  const monthly = await monthlyReportsOf(db, familyIds, q.year, q.month);
  const days = monthDays(q.year, q.month);

  const rows: DailyGridRow[] = [];
  for (const familyId of familyIds) {
    const members = families.get(familyId) ?? [];
    const initial = members.find((m) => m.kind === 'initial');
    if (!initial) continue;
    const f = { familyId, initial, members };
    const site = familySites(f).find((s) => s.siteId === q.siteId);
    if (!site) continue;
    const window = siteWindow(f, site.role);
    if (!windowOverlapsMonth(window, q.year, q.month)) continue;
    const mine = reports.filter((r) => r.familyId === familyId);
    const byDate = new Map(mine.map((r) => [r.date, r]));
    const report = monthly.get(familyId) ?? null;
    const locked = periodLock(report?.status, actor);
    rows.push({
      familyId,
      folio: initial.folio,
      description: initial.description,
      siteRole: site.role,
      window: { start: window.start, end: window.end },
      monthlyReport: report,
      days: days.map((date) => {
        const inWindow = isDayInWindow(window, date);
        const r = byDate.get(date);
        return { date, inWindow, lockedReason: locked ?? (inWindow ? null : 'outside_window'), report: r ? presentDailyReport(r) : null };
      }),
      productiveDays: productiveDays(mine),
      abilities: {
        capture: canWrite(actor, { familyId, siteId: q.siteId, members }) && locked === null,
        unsign: can(actor, 'production.correct') && locked === null,
      },
    });
  }
  rows.sort((a, b) => a.folio.localeCompare(b.folio));
  return { siteId: q.siteId, year: q.year, month: q.month, rows };
}
