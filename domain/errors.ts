/**
 * The closed set of domain errors.
 *
 * Domain code never speaks HTTP: it throws (or returns) a {@link DomainError} with a stable
 * `code`, and `server/http` maps each code to a status in one place. `message` is Spanish (the UI
 * language), `messageEn` its English variant; `details` carries machine-readable context (ids,
 * offending cells) that the API returns as `{ error: { code, message, details } }`.
 */

export const DOMAIN_ERROR_CODES = [
  'validation_failed',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'period_closed',
  'day_signed',
  'stale_grid',
  'outside_window',
  'gpu_has_evidence',
  'illegal_transition',
  'checklist_blocked',
  'segregation_of_duties',
  'import_has_errors',
  'invalid_credentials',
  'csrf_failed',
  'rate_limited',
  'payload_too_large',
  'unsupported_file',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Generic messages per code (Spanish first, English second), used when no specific one is given. */
export const DOMAIN_ERROR_MESSAGES: Readonly<Record<DomainErrorCode, { readonly es: string; readonly en: string }>> = {
  validation_failed: { es: 'Los datos enviados no son válidos.', en: 'The submitted data is not valid.' },
  not_found: { es: 'No se encontró el registro solicitado.', en: 'The requested record was not found.' },
  conflict: {
    es: 'La operación entra en conflicto con el estado actual.',
    en: 'The operation conflicts with the current state.',
  },
  forbidden: { es: 'No tiene permiso para realizar esta acción.', en: 'You are not allowed to perform this action.' },
  unauthorized: { es: 'Debe iniciar sesión.', en: 'You must log in.' },
  period_closed: { es: 'El mes está cerrado; no admite cambios.', en: 'The month is closed and cannot be changed.' },
  day_signed: {
    es: 'El reporte diario está firmado; la producción del día está congelada.',
    en: 'The daily report is signed; the day’s production is frozen.',
  },
  stale_grid: {
    es: 'Otra persona modificó estas celdas después de que usted cargó la sábana.',
    en: 'Someone else changed these cells after you loaded the grid.',
  },
  outside_window: {
    es: 'La fecha está fuera de la vigencia de la OT.',
    en: 'The date is outside the work order’s validity window.',
  },
  gpu_has_evidence: {
    es: 'El GPU ya tiene evidencia; no se puede eliminar la producción.',
    en: 'The GPU already has evidence; the production cannot be deleted.',
  },
  illegal_transition: { es: 'El cambio de estatus no está permitido.', en: 'The status change is not allowed.' },
  checklist_blocked: {
    es: 'La lista de verificación tiene puntos bloqueantes sin cumplir.',
    en: 'The checklist has failing blocking items.',
  },
  segregation_of_duties: {
    es: 'Quien capturó todos los datos del mes no puede firmar su revisión.',
    en: 'The only person who captured the month’s data cannot sign it off.',
  },
  import_has_errors: {
    es: 'El archivo tiene errores; no se guardó nada.',
    en: 'The file has errors; nothing was saved.',
  },
  invalid_credentials: { es: 'Correo o contraseña incorrectos.', en: 'Wrong e-mail or password.' },
  csrf_failed: {
    es: 'La sesión expiró o la solicitud no es válida; recargue la página.',
    en: 'The session expired or the request is invalid; reload the page.',
  },
  rate_limited: { es: 'Demasiados intentos; espere un momento.', en: 'Too many attempts; please wait.' },
  payload_too_large: { es: 'El contenido enviado es demasiado grande.', en: 'The payload is too large.' },
  unsupported_file: { es: 'El tipo de archivo no es compatible.', en: 'The file type is not supported.' },
};

/** Options accepted by the {@link DomainError} constructor. */
export interface DomainErrorOptions {
  /** Spanish, user-facing message; defaults to the generic message of the code. */
  readonly message?: string;
  /** English variant of `message`. */
  readonly messageEn?: string;
  /** Machine-readable context returned to the client (never stack traces or SQL). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Underlying error, kept for logs only. */
  readonly cause?: unknown;
}

/** A business-rule failure with a stable code. See the module comment. */
export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  readonly code: C;
  readonly messageEn: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: C, options: DomainErrorOptions = {}) {
    const defaults = DOMAIN_ERROR_MESSAGES[code];
    super(options.message ?? defaults.es, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.messageEn = options.messageEn ?? defaults.en;
    this.details = options.details ?? {};
  }
}

/** Type guard usable across module boundaries (also matches a specific code when given). */
export function isDomainError<C extends DomainErrorCode>(value: unknown, code?: C): value is DomainError<C> {
  return value instanceof DomainError && (code === undefined || value.code === code);
}

/** One failed field of a validation error. */
export interface FieldIssue {
  /** Dotted path of the field (`volume`, `rows.3.unitPrice`). */
  readonly path: string;
  /** Stable machine code (`negative`, `too_many_decimals`, `required`…). */
  readonly code: string;
  /** Spanish message for the UI. */
  readonly message: string;
}

/** Input failed validation; `issues` lists each field (shown next to it in the UI). */
export function validationFailed(issues: readonly FieldIssue[], message?: string): DomainError<'validation_failed'> {
  return new DomainError('validation_failed', { message, details: { issues } });
}

/** Entity `entity` with id `id` does not exist (or is not visible to the caller). */
export function notFound(entity: string, id: string | number): DomainError<'not_found'> {
  return new DomainError('not_found', { details: { entity, id } });
}

/** A uniqueness or state conflict not covered by a more specific code. */
export function conflict(message?: string, details?: Record<string, unknown>): DomainError<'conflict'> {
  return new DomainError('conflict', { message, details });
}

/** Authenticated but not allowed (role, scope or segregation rules). */
export function forbidden(action?: string): DomainError<'forbidden'> {
  return new DomainError('forbidden', { details: action === undefined ? {} : { action } });
}

/** Not authenticated. */
export function unauthorized(): DomainError<'unauthorized'> {
  return new DomainError('unauthorized');
}

/** A write touched an OT-month whose status is `Cerrado` or `Facturado`. */
export function periodClosed(period: { workOrderId: number; year: number; month: number; status: string }): DomainError<'period_closed'> {
  return new DomainError('period_closed', {
    message: `El mes ${period.month}/${period.year} está ${period.status === 'facturado' ? 'facturado' : 'cerrado'}; no admite cambios.`,
    messageEn: `Month ${period.month}/${period.year} is ${period.status === 'facturado' ? 'invoiced' : 'closed'} and cannot be changed.`,
    details: period,
  });
}

/** A write touched production of a site-day whose daily report is `Firmado`. */
export function daySigned(day: { siteId: number; date: string }): DomainError<'day_signed'> {
  return new DomainError('day_signed', { details: day });
}

/** One cell that changed under the caller's feet (optimistic concurrency). */
export interface StaleCell {
  readonly lineItemId: number;
  readonly siteId: number;
  readonly date: string;
  readonly layer: string;
}

/** A grid save would overwrite cells changed by someone else since the grid's revision. */
export function staleGrid(cells: readonly StaleCell[]): DomainError<'stale_grid'> {
  return new DomainError('stale_grid', { details: { cells } });
}

/** A date outside the OT's validity window (for that site). */
export function outsideWindow(info: {
  date: string;
  siteId?: number;
  start: string | null;
  end: string | null;
}): DomainError<'outside_window'> {
  return new DomainError('outside_window', { details: info });
}

/** Deleting production whose GPU record already carries evidence. */
export function gpuHasEvidence(productionEntryId: number): DomainError<'gpu_has_evidence'> {
  return new DomainError('gpu_has_evidence', { details: { productionEntryId } });
}

/** A status change not present in the relevant state machine. */
export function illegalTransition(
  info: { entity: string; from: string; to?: string; action?: string },
  message?: string,
  messageEn?: string,
): DomainError<'illegal_transition'> {
  return new DomainError('illegal_transition', { message, messageEn, details: info });
}

/** Closing a month whose checklist has failing blocking items. */
export function checklistBlocked(failingKeys: readonly string[]): DomainError<'checklist_blocked'> {
  return new DomainError('checklist_blocked', { details: { failingKeys } });
}

/** A sign-off by the only person who captured the month's data, or one user signing twice. */
export function segregationOfDuties(userId: number, reason: 'sole_capturer' | 'already_signed'): DomainError<'segregation_of_duties'> {
  return new DomainError('segregation_of_duties', { details: { userId, reason } });
}

/** An import preview/commit found row errors; nothing was saved. */
export function importHasErrors(errorCount: number, details: Record<string, unknown> = {}): DomainError<'import_has_errors'> {
  return new DomainError('import_has_errors', {
    message: `El archivo tiene ${errorCount} ${errorCount === 1 ? 'error' : 'errores'}; no se guardó nada.`,
    messageEn: `The file has ${errorCount} ${errorCount === 1 ? 'error' : 'errors'}; nothing was saved.`,
    details: { errorCount, ...details },
  });
}

/** Login failed (deliberately does not say which part was wrong). */
export function invalidCredentials(): DomainError<'invalid_credentials'> {
  return new DomainError('invalid_credentials');
}

/** Missing or wrong CSRF token on a cookie-authenticated write. */
export function csrfFailed(): DomainError<'csrf_failed'> {
  return new DomainError('csrf_failed');
}

/** Too many requests; `retryAfterSeconds` tells the client when to retry. */
export function rateLimited(retryAfterSeconds: number): DomainError<'rate_limited'> {
  return new DomainError('rate_limited', { details: { retryAfterSeconds } });
}

/** Request body or upload above the configured limit. */
export function payloadTooLarge(limitBytes: number): DomainError<'payload_too_large'> {
  return new DomainError('payload_too_large', { details: { limitBytes } });
}

/** An upload that is not a readable workbook of the expected kind (corrupt, encrypted, wrong type). */
export function unsupportedFile(reason: string, message?: string): DomainError<'unsupported_file'> {
  return new DomainError('unsupported_file', { message, details: { reason } });
}
