/** Short constructors for domain errors raised by server commands (Spanish messages). */
import { DomainError, validationFailed, type DomainErrorCode } from '../domain/errors';

export function fail(code: DomainErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(code, { message, ...(details ? { details } : {}) });
}

/** A validation error listing the offending fields (`path` like `body.clientId`). */
export function invalid(issues: { path: string; message: string; code?: string }[]): DomainError {
  return validationFailed(
    issues.map((i) => ({ path: i.path, code: i.code ?? 'invalid', message: i.message })),
    issues[0]?.message,
  );
}

export function missing(what: string): DomainError {
  return new DomainError('not_found', { message: `${what} no existe` });
}
