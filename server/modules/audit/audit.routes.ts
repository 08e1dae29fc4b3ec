import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditEntry, AuditQuery } from '../../../contracts/audit';
import { ErrorBody, listOf } from '../../../contracts/common';
import type { Db } from '../../db/database';
import { sendXlsx } from '../../http/xlsx-reply';
import { ensure } from '../../policy';
import { writeTableXlsx } from '../../spreadsheets/write-table-xlsx';
import { listAudit } from './audit.repository';

/** Read-only: the audit trail has no write endpoint at all. */
export function registerAuditRoutes(appBase: FastifyInstance, db: Db) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['Auditoría'];

  app.get('/api/v1/audit', {
    schema: {
      tags,
      summary: 'Bitácora de auditoría (solo lectura)',
      querystring: AuditQuery,
      response: { 200: listOf(AuditEntry), 403: ErrorBody },
    },
    handler: async (request) => {
      ensure(request.actor!, 'audit.read');
      return listAudit(db, request.query);
    },
  });

  app.get('/api/v1/audit/export.xlsx', {
    schema: { tags, summary: 'Exportar la bitácora a XLSX', querystring: AuditQuery },
    handler: async (request, reply) => {
      ensure(request.actor!, 'audit.read');
      const { items } = await listAudit(db, { ...request.query, limit: 200_000, offset: 0 });
      const fmt = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v));
      const buffer = await writeTableXlsx(
        'Auditoría',
        [
          { header: 'ID', value: (r) => r.id },
          { header: 'Fecha y hora (UTC)', width: 24, value: (r) => r.at },
          { header: 'Usuario', width: 32, value: (r) => r.actorLabel },
          { header: 'Vía', value: (r) => r.via },
          { header: 'Entidad', width: 18, value: (r) => r.entity },
          { header: 'ID entidad', value: (r) => r.entityId },
          { header: 'Acción', width: 16, value: (r) => r.action },
          { header: 'OT', value: (r) => r.workOrderId },
          { header: 'Motivo', width: 30, value: (r) => r.reason },
          {
            header: 'Cambios',
            width: 80,
            value: (r) =>
              Object.entries(r.changes)
                .map(([k, c]) => `${k}: ${fmt(c.before)} → ${fmt(c.after)}`)
                .join('; '),
          },
        ],
        items,
      );
      return sendXlsx(reply, 'auditoria.xlsx', buffer);
    },
  });
}
