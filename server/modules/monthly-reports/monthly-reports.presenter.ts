import { expectedClosureStatus, isOverdue } from '../../../domain/closure-schedule';
import { todayInMexicoCity } from '../../../domain/dates';
import { evidenceFolderLayout } from '../../../domain/evidence-link';
import { MONTHLY_REPORT_STATUS_LABELS, reportDisplayName } from '../../../domain/monthly-report-status';
import { SIGN_OFF_LABELS } from '../../../domain/sign-off';
import type { Actor } from '../../context';
import type { DbOrTx } from '../../db/database';
import { monthlyReportAbilities } from './monthly-reports.policy';
import { countChildren, listSignOffs, listTransitions, listVersions, type MonthlyReportRow } from './monthly-reports.repository';
import { readAll } from './run-queries';

export function presentMonthlyReport(r: MonthlyReportRow, actor?: Actor) {
  return {
    id: r.id,
    workOrderId: r.workOrderId,
    folio: r.folio,
    year: r.year,
    month: r.month,
    status: r.status,
    statusLabel: MONTHLY_REPORT_STATUS_LABELS[r.status].es,
    displayName: reportDisplayName(r.folio, r.month, r.year),
    evidenceUrl: r.evidenceUrl,
    version: r.version,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ...(actor ? { abilities: monthlyReportAbilities(actor, r) } : {}),
  };
}

function presentCheck(check: unknown) {
  if (!check || typeof check !== 'object') return null;
  const c = check as Record<string, unknown>;
  if (typeof c.url !== 'string' || typeof c.reachable !== 'boolean' || typeof c.checkedAt !== 'string') return null;
  return {
    url: c.url,
    reachable: c.reachable,
    httpStatus: typeof c.httpStatus === 'number' ? c.httpStatus : null,
    error: typeof c.error === 'string' ? c.error : null,
    checkedAt: c.checkedAt,
  };
}

export async function presentMonthlyReportDetail(db: DbOrTx, r: MonthlyReportRow, actor: Actor) {
  const [signOffs, transitions, versions, counts] = await readAll(db, [
    () => listSignOffs(db, r.id, r.version),
    () => listTransitions(db, r.id),
    () => listVersions(db, r.id),
    () => countChildren(db, r.id),
  ] as const);
  const today = todayInMexicoCity();
  return {
    ...presentMonthlyReport(r, actor),
    familyId: r.workOrderId,
    description: r.description,
    evidenceCheck: presentCheck(r.evidenceCheck),
    closedByName: r.closedByName,
    folder: evidenceFolderLayout(r.folio, r.month, r.year),
    counts,
    signOffs: signOffs.map((s) => ({ ...s, label: SIGN_OFF_LABELS[s.kind].es })),
    transitions,
    versions,
    overdue: isOverdue(r.status, r.year, r.month, today),
    expectedStatus: expectedClosureStatus(r.year, r.month, today),
  };
}
