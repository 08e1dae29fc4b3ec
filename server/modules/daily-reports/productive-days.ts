/** Read models of daily reports: productive days of an OT-month, one stored report. */
import { productiveDays } from '../../../domain/daily-report';
import { yearMonthOf } from '../../../domain/dates';
import type { DailyReport, ProductiveDaysResponse } from '../../../contracts/daily-reports';
import type { DbOrTx } from '../../db/database';
import { missing } from '../../fail';
import { familySites, loadFamily, type FamilyContext } from '../production/family-site';
import { reportsOfMonth } from './daily-reports.repository';
import { presentDailyReport } from './load-daily-grid';

export async function productiveDaysOf(db: DbOrTx, f: FamilyContext, year: number, month: number): Promise<ProductiveDaysResponse> {
  const reports = await reportsOfMonth(db, [f.familyId], null, year, month);
  const sites = familySites(f);
  const names = new Map(sites.map((s) => [s.siteId, s.name]));
  const siteIds = [...new Set([...sites.map((s) => s.siteId), ...reports.map((r) => r.siteId)])];
  return {
    familyId: f.familyId,
    year,
    month,
    total: productiveDays(reports),
    calendarDays: new Set(reports.filter((r) => r.operationalStatus === 'productivo').map((r) => r.date)).size,
    bySite: siteIds.map((siteId) => ({
      siteId,
      siteName: names.get(siteId) ?? String(siteId),
      productiveDays: productiveDays(reports.filter((r) => r.siteId === siteId)),
    })),
  };
}

/** The stored report of (family, site, date) after a write. */
export async function findDailyReport(db: DbOrTx, workOrderId: number, siteId: number, date: string): Promise<DailyReport> {
  const f = await loadFamily(db, workOrderId);
  const { year, month } = yearMonthOf(date);
  const r = (await reportsOfMonth(db, [f.familyId], siteId, year, month)).find((x) => x.date === date);
  if (!r) throw missing('El reporte diario');
  return presentDailyReport(r);
}
