/**
 * The legacy-compatible evidence endpoint, exact contract of spec §3.2 (the seed's
 * `guardar_archivo_mensual`): JSON `{id_ot, mes, anio, archivo}` → `{exito, mensaje, archivo}`.
 * The three legacy messages keep their HTTP 200; the stricter checks answer 4xx in the same
 * shape; unexpected failures answer 500 without stack traces or SQL. Auth failures are shaped by
 * `config.legacy` in server/http/auth.ts. The work itself is the modern `setEvidenceLink`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../../domain/errors';
import type { Db } from '../../db/database';
import { ctxOf } from '../../http/auth';
import { httpStatusOf } from '../../http/errors';
import { setEvidenceLink } from '../monthly-reports/commands/set-evidence-link';
import { parseLegacyEvidence } from './parse-legacy-evidence';

export const LEGACY_MESSAGES = {
  missingData: 'Faltan datos obligatorios (OT, Mes o Año).',
  missingUrl: 'La URL del archivo es obligatoria.',
  success: 'Evidencia vinculada al Reporte Mensual correctamente.',
  internal: 'Error interno al guardar evidencia: ',
} as const;

export function registerLegacyRoutes(app: FastifyInstance, db: Db) {
  // Own scope: Django read `request.body` whatever the content type, so this route takes the raw
  // text and parses it itself (bad JSON answers in the legacy shape, not the API's).
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: { statusCode?: number }, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'legacy evidence endpoint failed');
      return reply.status(status).send({
        exito: false,
        mensaje: status === 500 ? `${LEGACY_MESSAGES.internal}no se pudo completar la operación.` : 'Petición inválida.',
      });
    });
    scope.post('/operaciones/produccion/guardar_archivo_mensual/', {
      config: { legacy: true },
      schema: {
        tags: ['Compatibilidad (sistema anterior)'],
        summary:
          'Vincular la evidencia (Drive) al reporte mensual — contrato del sistema anterior: {id_ot, mes, anio, archivo} → {exito, mensaje, archivo}',
      },
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const parsed = parseLegacyEvidence(request.body);
        if (!parsed.ok) return reply.status(parsed.status).send({ exito: false, mensaje: parsed.message });
        try {
          const r = await setEvidenceLink(db, ctxOf(request), parsed.value);
          return reply.status(200).send({ exito: true, mensaje: LEGACY_MESSAGES.success, archivo: r.evidenceUrl });
        } catch (e) {
          if (isDomainError(e)) {
            const message = e.code === 'not_found' ? `La OT ${parsed.value.workOrderId} no existe.` : e.message;
            return reply.status(httpStatusOf(e.code)).send({ exito: false, mensaje: message });
          }
          request.log.error({ err: e }, 'legacy evidence endpoint failed');
          return reply
            .status(500)
            .send({ exito: false, mensaje: `${LEGACY_MESSAGES.internal}no se pudo completar la operación (solicitud ${request.id}).` });
        }
      },
    });
  });
}
