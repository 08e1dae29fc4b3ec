/**
 * One place maps domain error codes to HTTP statuses and shapes every error answer as
 * `{"error":{"code","message","details"}}`. Never a stack trace or SQL in a response.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorCode } from '../../domain/errors';
import { fail } from '../fail';

const STATUS: Record<DomainErrorCode, number> = {
  validation_failed: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  period_closed: 409,
  day_signed: 409,
  stale_grid: 409,
  gpu_has_evidence: 409,
  illegal_transition: 409,
  checklist_blocked: 409,
  segregation_of_duties: 409,
  payload_too_large: 413,
  unsupported_file: 415,
  outside_window: 422,
  import_has_errors: 422,
  rate_limited: 429,
};

export function httpStatusOf(code: DomainErrorCode): number {
  return STATUS[code];
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.status(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

type PgError = { code?: string; constraint?: string; cause?: unknown };

/** Drizzle wraps the driver's error (DrizzleQueryError) and keeps it as `cause`. */
function driverError(err: PgError): PgError {
  const cause = err.cause as PgError | undefined;
  return typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code)
    ? err
    : cause && typeof cause === 'object'
      ? driverError(cause)
      : err;
}

/** PostgreSQL errors that are the caller's fault, turned into clear 4xx answers. */
function fromPostgres(wrapped: PgError): DomainError | undefined {
  const err = driverError(wrapped);
  switch (err.code) {
    case '23505':
      return fail('conflict', 'Ya existe un registro con esos datos', { constraint: err.constraint });
    case '23503':
      return fail('validation_failed', 'Hace referencia a un registro que no existe o está en uso', { constraint: err.constraint });
    case '23514':
      return fail('validation_failed', 'Los datos no cumplen una regla de integridad', { constraint: err.constraint });
    case '22P02':
    case '22003':
    case '22008':
    case '22007':
      return fail('validation_failed', 'Valor con formato inválido');
    case '22021': // a NUL byte (\u0000) or invalid UTF-8 in a text value
    case '22P05':
      return fail('validation_failed', 'El texto contiene caracteres no permitidos');
    case '40001':
    case '40P01':
      return fail('conflict', 'Otro usuario modificó los mismos datos al mismo tiempo; intente de nuevo');
    default:
      return undefined;
  }
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    sendError(reply, 404, 'not_found', `Ruta no encontrada: ${request.method} ${request.url.split('?')[0]}`),
  );

  app.setErrorHandler((error: FastifyError & { code?: string }, request, reply) => {
    if (error instanceof DomainError) return sendError(reply, httpStatusOf(error.code), error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: [
          error.validationContext,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        code: String(v.keyword ?? 'invalid'),
        message: v.message ?? 'Valor inválido',
      }));
      return sendError(reply, 400, 'validation_failed', 'Datos inválidos: revise los campos marcados', { issues });
    }
    const pgError = fromPostgres(error as PgError);
    if (pgError) return sendError(reply, httpStatusOf(pgError.code), pgError.code, pgError.message, pgError.details);
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, 400, 'validation_failed', 'El cuerpo de la petición no es JSON válido');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 415, 'unsupported_media_type', 'Tipo de contenido no soportado');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return sendError(reply, 413, 'payload_too_large', 'El archivo o la petición excede el tamaño máximo permitido');
      case 'FST_ERR_VALIDATION':
        return sendError(reply, 400, 'validation_failed', 'Datos inválidos');
    }
    if (error.statusCode === 429) return sendError(reply, 429, 'rate_limited', 'Demasiados intentos; espere un minuto e intente de nuevo');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'bad_request', 'Petición inválida');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, 'internal_error', 'Error interno del servidor');
  });
}
