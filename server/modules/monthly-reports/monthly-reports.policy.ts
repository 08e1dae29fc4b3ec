/**
 * Who may do what with a monthly report: the domain's role tables (`canPerform`, `mayWriteMonth`,
 * `SIGN_OFF_ROLES`) plus the supervisor's scope. The same function answers the API's `abilities`
 * and guards the commands, so the UI never offers what the server refuses.
 */
import { availableActions, canPerform, mayWriteMonth, type ClosureAction } from '../../../domain/monthly-report-status';
import { SIGN_OFF_ROLES, type SignOffKind } from '../../../domain/sign-off';
import type { Actor } from '../../context';
import { fail } from '../../fail';
import { can, inSupervisorScope } from '../../policy';
import type { MonthlyReportRow } from './monthly-reports.repository';

type ScopeRef = Pick<MonthlyReportRow, 'workOrderId' | 'siteIds'> & { memberIds?: number[] };
type ReportRef = ScopeRef & Pick<MonthlyReportRow, 'status'>;

/** Supervisors act on OTs assigned to them (any OT of the family) or on one of their sites. */
export function inScope(actor: Actor, report: ScopeRef): boolean {
  if (inSupervisorScope(actor, { id: report.workOrderId, familyId: report.workOrderId, siteIds: report.siteIds })) return true;
  return (report.memberIds ?? []).some((id) => actor.workOrderIds.includes(id));
}

/** Public transitions (invoice happens only through an estimate). */
export function mayTransition(actor: Actor, report: ReportRef, action: ClosureAction): boolean {
  if (action === 'invoice') return false;
  return canPerform(actor.role, action) && inScope(actor, report) && availableActions(report.status).includes(action);
}

export function maySignOff(actor: Actor, report: ReportRef, kind: SignOffKind): boolean {
  return report.status === 'en_revision' && SIGN_OFF_ROLES[kind].includes(actor.role) && inScope(actor, report);
}

export function mayWriteEvidence(actor: Actor, report: ReportRef): boolean {
  return can(actor, 'production.capture') && inScope(actor, report) && mayWriteMonth(actor.role, report.status);
}

export function monthlyReportAbilities(actor: Actor, report: ReportRef) {
  const writable = report.status === 'abierto' || report.status === 'en_revision';
  return {
    submit: mayTransition(actor, report, 'submit'),
    return: mayTransition(actor, report, 'return'),
    close: mayTransition(actor, report, 'close'),
    reopen: mayTransition(actor, report, 'reopen'),
    setEvidence: mayWriteEvidence(actor, report),
    checkEvidence: actor.role !== 'consulta' && inScope(actor, report),
    acknowledgeExcess: can(actor, 'monthly.acknowledgeExcess') && writable,
    signOffSupervisor: maySignOff(actor, report, 'supervisor_reviewed'),
    signOffManager: maySignOff(actor, report, 'manager_validated'),
    signOffAdministration: maySignOff(actor, report, 'administration_confirmed'),
  };
}

/** Reads are open to every role except supervisors outside their OTs. */
export function ensureCanRead(actor: Actor, report: ScopeRef): void {
  if (!inScope(actor, report)) throw fail('forbidden', 'La OT de este reporte mensual no está asignada a usted');
}
