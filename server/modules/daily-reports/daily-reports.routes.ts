import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../contracts/common';
import {
  BulkDailyReportsBody,
  BulkDailyReportsResponse,
  DailyGridQuery,
  DailyGridResponse,
  DailyReport,
  DeleteDailyReportQuery,
  ProductiveDaysQuery,
  ProductiveDaysResponse,
  PutDailyReportBody,
} from '../../../contracts/daily-reports';
import type { Db } from '../../db/database';
import { fail } from '../../fail';
import { ctxOf } from '../../http/auth';
import { loadFamily } from '../production/family-site';
import { setDailyReports } from './commands/set-daily-reports';
import { findDailyReport, productiveDaysOf } from './productive-days';
import { loadDailyGrid } from './load-daily-grid';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export function registerDailyReportRoutes(appBase: FastifyInstance, db: Db) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['Reportes diarios'];

  app.get('/api/v1/daily-reports/grid', {
    schema: {
      tags,
      summary: 'OT de un sitio × días del mes con estatus operativo y de firma',
      querystring: DailyGridQuery,
      response: { 200: DailyGridResponse, 400: ErrorBody },
    },
    handler: async (request) => loadDailyGrid(db, request.actor!, request.query),
  });

  app.put('/api/v1/daily-reports', {
    schema: {
      tags,
      summary: 'Crear o reemplazar el reporte diario de (OT, sitio, día)',
      body: PutDailyReportBody,
      response: { 200: DailyReport, ...errors },
    },
    handler: async (request) => {
      const { workOrderId, siteId, date, ...report } = request.body;
      await setDailyReports(db, ctxOf(request), { workOrderId, siteId, dates: [date], report });
      return findDailyReport(db, workOrderId, siteId, date);
    },
  });

  app.delete('/api/v1/daily-reports', {
    schema: {
      tags,
      summary: 'Limpiar un día: elimina su reporte diario',
      querystring: DeleteDailyReportQuery,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      const { workOrderId, siteId, date } = request.query;
      await setDailyReports(db, ctxOf(request), { workOrderId, siteId, dates: [date], report: null });
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/daily-reports/bulk', {
    schema: {
      tags,
      summary: 'Capturar o limpiar muchos días de una OT y sitio (todo o nada)',
      body: BulkDailyReportsBody,
      response: { 200: BulkDailyReportsResponse, ...errors },
    },
    handler: async (request) => {
      const { workOrderId, siteId, dates, clear, report } = request.body;
      if (!clear && !report) throw fail('validation_failed', 'Indique el reporte a capturar o clear: true para limpiar');
      const r = await setDailyReports(db, ctxOf(request), { workOrderId, siteId, dates, report: clear ? null : report! });
      return { written: r.written, deleted: r.deleted, unchanged: r.unchanged };
    },
  });

  app.get('/api/v1/daily-reports/productive-days', {
    schema: {
      tags,
      summary: 'Días productivos de una OT en un mes (por sitio y total)',
      querystring: ProductiveDaysQuery,
      response: { 200: ProductiveDaysResponse, 404: ErrorBody },
    },
    handler: async (request) => {
      const f = await loadFamily(db, request.query.workOrderId);
      return productiveDaysOf(db, f, request.query.year, request.query.month);
    },
  });
}
