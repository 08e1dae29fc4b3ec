/**
 * Closure of a monthly report (*carpeta mensual*), spec §3.1: statuses, the transition table,
 * who may act, and what each status locks.
 *
 *     Abierto ──submit──▶ En Revisión ──close──▶ Cerrado ──invoice (estimate)──▶ Facturado (final)
 *        ▲                    │                     │
 *        └──────return────────┘                     │
 *        └──────────────reopen (admin, reason)──────┘
 */
import { err, ok, assertNever, type Result } from './result.js';
import { DomainError, illegalTransition, validationFailed } from './errors.js';
import { isOneOf, type Label } from './labels.js';
import { CAPTURE_ROLES, REVIEW_CORRECTION_ROLES, type Role } from './roles.js';

export { closureSchedule, expectedClosureStatus, isOverdue } from './closure-schedule.js';
export { EVIDENCE_SUBFOLDERS, MAX_URL_LENGTH, evidenceFolderLayout, evidenceFolderName, isHttpUrl } from './evidence-link.js';

export const MONTHLY_REPORT_STATUSES = ['abierto', 'en_revision', 'cerrado', 'facturado'] as const;
export type MonthlyReportStatus = (typeof MONTHLY_REPORT_STATUSES)[number];

/** Labels; the Spanish ones exactly as the seed writes them. */
export const MONTHLY_REPORT_STATUS_LABELS: Readonly<Record<MonthlyReportStatus, Label>> = {
  abierto: { es: 'Abierto', en: 'Open' },
  en_revision: { es: 'En Revisión', en: 'Under review' },
  cerrado: { es: 'Cerrado', en: 'Closed' },
  facturado: { es: 'Facturado', en: 'Invoiced' },
};

/** New monthly reports are created `Abierto`. */
export const INITIAL_MONTHLY_REPORT_STATUS: MonthlyReportStatus = 'abierto';

/** Type guard. */
export function isMonthlyReportStatus(value: unknown): value is MonthlyReportStatus {
  return isOneOf(MONTHLY_REPORT_STATUSES, value);
}

export const CLOSURE_ACTIONS = ['submit', 'return', 'close', 'reopen', 'invoice'] as const;
export type ClosureAction = (typeof CLOSURE_ACTIONS)[number];

/** Button labels of each action. */
export const CLOSURE_ACTION_LABELS: Readonly<Record<ClosureAction, Label>> = {
  submit: { es: 'Enviar a revisión', en: 'Submit for review' },
  return: { es: 'Devolver', en: 'Return' },
  close: { es: 'Cerrar mes', en: 'Close month' },
  reopen: { es: 'Reabrir', en: 'Reopen' },
  invoice: { es: 'Marcar como facturado', en: 'Mark as invoiced' },
};

/** The transition table: the only edges of the machine. `Facturado` has none (final). */
export const CLOSURE_TRANSITIONS: Readonly<
  Record<ClosureAction, { readonly from: MonthlyReportStatus; readonly to: MonthlyReportStatus }>
> = {
  submit: { from: 'abierto', to: 'en_revision' },
  return: { from: 'en_revision', to: 'abierto' },
  close: { from: 'en_revision', to: 'cerrado' },
  reopen: { from: 'cerrado', to: 'abierto' },
  invoice: { from: 'cerrado', to: 'facturado' },
};

/** Actions that need a written reason (stored in the audit and reopen history). */
export const ACTIONS_REQUIRING_REASON: readonly ClosureAction[] = ['return', 'reopen'];

/** Longest reason accepted. */
export const REASON_MAX_LENGTH = 1000;

/** Context of a transition request. */
export interface TransitionContext {
  /** Why; mandatory for `return` and `reopen`. */
  readonly reason?: string | null;
  /** Set only by the estimate workflow: `invoice` is refused otherwise. */
  readonly viaEstimate?: boolean;
}

/** The actions whose edge starts at `status` (what the UI may offer, before permissions). */
export function availableActions(status: MonthlyReportStatus): ClosureAction[] {
  return CLOSURE_ACTIONS.filter((action) => CLOSURE_TRANSITIONS[action].from === status);
}

function edge(
  status: MonthlyReportStatus,
  action: ClosureAction,
  from: MonthlyReportStatus,
  to: MonthlyReportStatus,
): Result<MonthlyReportStatus, DomainError> {
  if (status === from) return ok(to);
  const label = MONTHLY_REPORT_STATUS_LABELS[status];
  const actionLabel = CLOSURE_ACTION_LABELS[action];
  const final = status === 'facturado';
  return err(
    illegalTransition(
      { entity: 'monthly_report', from: status, action },
      final
        ? 'El reporte mensual está Facturado; ese estatus es definitivo.'
        : `No se puede «${actionLabel.es}» un reporte mensual en estatus «${label.es}».`,
      final
        ? 'The monthly report is Invoiced; that status is final.'
        : `Cannot "${actionLabel.en}" a monthly report whose status is "${label.en}".`,
    ),
  );
}

function requireReason(reason: string | null | undefined): DomainError | null {
  const trimmed = (reason ?? '').trim();
  if (trimmed === '')
    return validationFailed([{ path: 'reason', code: 'required', message: 'El motivo es obligatorio.' }], 'El motivo es obligatorio.');
  if (trimmed.length > REASON_MAX_LENGTH)
    return validationFailed([{ path: 'reason', code: 'too_long', message: `El motivo admite hasta ${REASON_MAX_LENGTH} caracteres.` }]);
  return null;
}

/** Keeps a refused edge's error; otherwise requires a reason. */
function withReason(
  next: Result<MonthlyReportStatus, DomainError>,
  reason: string | null | undefined,
): Result<MonthlyReportStatus, DomainError> {
  if (!next.ok) return next;
  const problem = requireReason(reason);
  return problem ? err(problem) : next;
}

/**
 * Applies `action` to `status`: the new status, or a typed error (`illegal_transition` for an
 * edge not in the table or an invoice outside an estimate; `validation_failed` for a missing
 * reason). Role permissions ({@link canPerform}) and checklist/sign-off gates are checked by the
 * caller; this function is only the graph.
 */
export function transition(
  status: MonthlyReportStatus,
  action: ClosureAction,
  context: TransitionContext = {},
): Result<MonthlyReportStatus, DomainError> {
  switch (action) {
    case 'submit':
      return edge(status, action, 'abierto', 'en_revision');
    case 'close':
      return edge(status, action, 'en_revision', 'cerrado');
    case 'return':
      return withReason(edge(status, action, 'en_revision', 'abierto'), context.reason);
    case 'reopen':
      return withReason(edge(status, action, 'cerrado', 'abierto'), context.reason);
    case 'invoice': {
      const next = edge(status, action, 'cerrado', 'facturado');
      if (!next.ok || context.viaEstimate === true) return next;
      return err(
        illegalTransition(
          { entity: 'monthly_report', from: status, action },
          'Solo una estimación puede marcar un mes como Facturado.',
          'Only an estimate can mark a month as Invoiced.',
        ),
      );
    }
    default:
      return assertNever(action, 'closure action');
  }
}

/**
 * Who may perform each closure action (spec §3.1; `admin` may do everything, a decision):
 * submit — operations manager or the OT's supervisor (scope checked by the server);
 * return — operations manager or administration (the reviewers);
 * close — administration/billing or operations manager;
 * reopen — admin only; invoice — administration (through an estimate) or admin.
 */
export const CLOSURE_ACTION_ROLES: Readonly<Record<ClosureAction, readonly Role[]>> = {
  submit: ['admin', 'gerente_operaciones', 'supervisor'],
  return: ['admin', 'gerente_operaciones', 'administracion'],
  close: ['admin', 'gerente_operaciones', 'administracion'],
  reopen: ['admin'],
  invoice: ['admin', 'administracion'],
};

/** Whether `role` may perform `action` (before scope, status and checklist checks). */
export function canPerform(role: Role, action: ClosureAction): boolean {
  return CLOSURE_ACTION_ROLES[action].includes(role);
}

/** What a closure status locks. */
export interface MonthLock {
  /** `open`: everyone permitted writes; `review`: supervisors frozen; `locked`: nobody writes. */
  readonly level: 'open' | 'review' | 'locked';
  readonly supervisorsMayWrite: boolean;
  /** Operations managers (and admins) correcting data; audited. */
  readonly managersMayWrite: boolean;
}

/** The write lock of an OT-month in `status` (enforced on every write path by the server). */
export function lockLevel(status: MonthlyReportStatus): MonthLock {
  switch (status) {
    case 'abierto':
      return { level: 'open', supervisorsMayWrite: true, managersMayWrite: true };
    case 'en_revision':
      return { level: 'review', supervisorsMayWrite: false, managersMayWrite: true };
    case 'cerrado':
    case 'facturado':
      return { level: 'locked', supervisorsMayWrite: false, managersMayWrite: false };
    default:
      return assertNever(status, 'monthly report status');
  }
}

/**
 * Whether `role` may write daily reports, production, GPU records or the evidence link of an
 * OT-month in `status`: capture roles while `Abierto`, managers and admins while `En Revisión`,
 * nobody once `Cerrado`/`Facturado` (reopen first). `administracion` and `consulta` never capture.
 */
export function mayWriteMonth(role: Role, status: MonthlyReportStatus): boolean {
  const lock = lockLevel(status);
  if (lock.level === 'open') return CAPTURE_ROLES.includes(role);
  if (lock.level === 'review') return REVIEW_CORRECTION_ROLES.includes(role);
  return false;
}

/** True when writes are refused for everyone (`period_closed`). */
export function isPeriodClosed(status: MonthlyReportStatus): boolean {
  return lockLevel(status).level === 'locked';
}

/** Display name of a monthly report, as the legacy `__str__`: `Reporte OTE-2025-001 - 3/2025`. */
export function reportDisplayName(folio: string, month: number, year: number): string {
  return `Reporte ${folio} - ${month}/${year}`;
}
