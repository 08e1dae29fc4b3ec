import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../../contracts/common';
import {
  AcknowledgeExcessBody,
  BoardQuery,
  BoardResponse,
  ChecklistResponse,
  ChildQuery,
  DailyReportRow,
  EvidenceCheck,
  ExcessEntry,
  MonthlyReportDetail,
  MonthlyReportList,
  MonthlyReportListQuery,
  OpenMonthlyReportBody,
  ProductionRow,
  SetEvidenceBody,
  SetEvidenceByPeriodBody,
  SignOffBody,
  TransitionBody,
  VersionDiff,
  VersionParams,
} from '../../../contracts/monthly-reports';
import { todayInMexicoCity, yearMonthOf } from '../../../domain/dates';
import type { Actor } from '../../context';
import type { Db } from '../../db/database';
import type { Config } from '../../config';
import { fail, missing } from '../../fail';
import { ctxOf } from '../../http/auth';
import { sendXlsx } from '../../http/xlsx-reply';
import { closureBoard } from './closure-board';
import { acknowledgeExcess } from './commands/acknowledge-excess';
import { checkEvidenceLink } from './commands/check-evidence-link';
import { closeMonthlyReport } from './commands/close-monthly-report';
import { openMonthlyReport } from './commands/open-monthly-report';
import { reopenMonthlyReport } from './commands/reopen-monthly-report';
import { returnMonthlyReport } from './commands/return-monthly-report';
import { setEvidenceLink } from './commands/set-evidence-link';
import { signOffMonthlyReport } from './commands/sign-off-monthly-report';
import { submitMonthlyReport } from './commands/submit-monthly-report';
import { computeMonthlyChecklist } from './compute-checklist';
import { exportMonthlyReports } from './export-monthly-reports';
import { listDailyReports, listExcess, listProduction } from './monthly-report-children';
import { ensureCanRead } from './monthly-reports.policy';
import { presentMonthlyReport, presentMonthlyReportDetail } from './monthly-reports.presenter';
import { familyIdOf, findMonthlyReport, listMonthlyReports, type MonthlyReportRow } from './monthly-reports.repository';
import { buildPack, packFileName } from './pack/build-pack';
import { diffVersions } from './version-diff';

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendFile(reply: FastifyReply, type: string, name: string, body: Buffer, sha256: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-sha256', sha256)
    .send(body);
}

export function registerMonthlyReportRoutes(appBase: FastifyInstance, db: Db, config: Pick<Config, 'evidenceCheckPrivate'>) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['Reportes mensuales'];

  async function readable(id: number, actor: Actor): Promise<MonthlyReportRow> {
    const report = await findMonthlyReport(db, id);
    if (!report) throw missing(`El reporte mensual ${id}`);
    ensureCanRead(actor, report);
    return report;
  }

  async function list(query: z.infer<typeof MonthlyReportListQuery>, actor: Actor) {
    let familyId: number | undefined;
    if (query.workOrderId !== undefined) {
      const family = await familyIdOf(db, query.workOrderId);
      if (!family) throw missing(`La OT ${query.workOrderId}`);
      familyId = family.familyId;
    }
    const current = query.period === 'current' ? yearMonthOf(todayInMexicoCity()) : undefined;
    return listMonthlyReports(db, {
      familyId,
      folio: query.folio,
      year: current?.year ?? query.year,
      month: current?.month ?? query.month,
      status: query.status,
      scope: actor.role === 'supervisor' ? { siteIds: actor.siteIds, workOrderIds: actor.workOrderIds } : undefined,
      sort: query.sort,
      limit: query.limit,
      offset: query.offset,
    });
  }

  app.get('/api/v1/monthly-reports', {
    schema: {
      tags,
      summary: 'Reportes mensuales por OT, año, mes y estatus (la OT puede ser una reprogramación)',
      querystring: MonthlyReportListQuery,
      response: { 200: MonthlyReportList, 400: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => {
      const r = await list(request.query, request.actor!);
      return { items: r.items.map((row) => presentMonthlyReport(row, request.actor!)), total: r.total };
    },
  });

  app.get('/api/v1/monthly-reports/export.xlsx', {
    schema: { tags, summary: 'Exportar la lista de reportes mensuales a XLSX', querystring: MonthlyReportListQuery },
    handler: async (request, reply) => {
      const r = await list({ ...request.query, limit: 5000, offset: 0 }, request.actor!);
      return sendXlsx(reply, 'reportes-mensuales.xlsx', await exportMonthlyReports(r.items.map((row) => presentMonthlyReport(row))));
    },
  });

  app.get('/api/v1/monthly-reports/board', {
    schema: {
      tags,
      summary: 'Tablero de cierre: OT × meses con estatus, avance de la lista de verificación, firmas y atrasos',
      querystring: BoardQuery,
      response: { 200: BoardResponse, 400: ErrorBody },
    },
    handler: async (request) => closureBoard(db, request.actor!, request.query),
  });

  app.post('/api/v1/monthly-reports', {
    schema: {
      tags,
      summary: 'Abrir (obtener o crear) el reporte mensual de una OT y mes; idempotente',
      body: OpenMonthlyReportBody,
      response: { 200: MonthlyReportDetail, 201: MonthlyReportDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request, reply) => {
      const r = await openMonthlyReport(db, ctxOf(request), request.body);
      const report = await readable(r.id, request.actor!);
      return reply.status(r.created ? 201 : 200).send(await presentMonthlyReportDetail(db, report, request.actor!));
    },
  });

  app.put('/api/v1/monthly-reports/evidence', {
    schema: {
      tags,
      summary: 'Vincular la carpeta de evidencia de una OT y mes (crea el reporte si no existe)',
      body: SetEvidenceByPeriodBody,
      response: { 200: MonthlyReportDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request) => {
      const { workOrderId, year, month, evidenceUrl } = request.body;
      const r = await setEvidenceLink(db, ctxOf(request), { workOrderId, year, month, url: evidenceUrl });
      return presentMonthlyReportDetail(db, await readable(r.reportId, request.actor!), request.actor!);
    },
  });

  app.get('/api/v1/monthly-reports/:id', {
    schema: {
      tags,
      summary: 'Detalle: estatus, evidencia, carpeta propuesta, firmas, historial y versiones',
      params: IdParams,
      response: { 200: MonthlyReportDetail, 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => presentMonthlyReportDetail(db, await readable(request.params.id, request.actor!), request.actor!),
  });

  app.put('/api/v1/monthly-reports/:id/evidence', {
    schema: {
      tags,
      summary: 'Vincular o cambiar la carpeta de evidencia del mes (solo http/https)',
      params: IdParams,
      body: SetEvidenceBody,
      response: { 200: MonthlyReportDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request) => {
      const report = await readable(request.params.id, request.actor!);
      await setEvidenceLink(db, ctxOf(request), {
        workOrderId: report.workOrderId,
        year: report.year,
        month: report.month,
        url: request.body.evidenceUrl,
      });
      return presentMonthlyReportDetail(db, await readable(report.id, request.actor!), request.actor!);
    },
  });

  app.post('/api/v1/monthly-reports/:id/evidence-check', {
    schema: {
      tags,
      summary: 'Verificar que el enlace de evidencia responde (tiempo límite 3 s) y registrar el resultado',
      params: IdParams,
      response: { 200: EvidenceCheck, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => checkEvidenceLink(db, ctxOf(request), request.params.id, { allowPrivate: config.evidenceCheckPrivate }),
  });

  app.get('/api/v1/monthly-reports/:id/checklist', {
    schema: {
      tags,
      summary: 'Lista de verificación previa al cierre, calculada de los datos',
      params: IdParams,
      response: { 200: ChecklistResponse, 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => {
      const report = await readable(request.params.id, request.actor!);
      const r = await computeMonthlyChecklist(db, report);
      return {
        items: r.items.map((i) => ({ ...i, offending: i.offending.slice(0, 5000) as never })),
        summary: { ...r.summary, failingBlockingKeys: [...r.summary.failingBlockingKeys], warningKeys: [...r.summary.warningKeys] },
        computedAt: r.computedAt,
      };
    },
  });

  app.post('/api/v1/monthly-reports/:id/sign-offs', {
    schema: {
      tags,
      summary: 'Firmar la revisión del mes (supervisor, gerente de operaciones o administración)',
      params: IdParams,
      body: SignOffBody,
      response: { 200: MonthlyReportDetail, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request) => {
      await signOffMonthlyReport(db, ctxOf(request), request.params.id, request.body.kind);
      return presentMonthlyReportDetail(db, await readable(request.params.id, request.actor!), request.actor!);
    },
  });

  app.post('/api/v1/monthly-reports/:id/transitions', {
    schema: {
      tags,
      summary: 'Cambiar el estatus: submit (a revisión), return (devolver, con motivo), close (cerrar), reopen (reabrir, con motivo)',
      params: IdParams,
      body: TransitionBody,
      response: { 200: MonthlyReportDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request) => {
      const ctx = ctxOf(request);
      const id = request.params.id;
      await readable(id, request.actor!);
      const { action, reason } = request.body;
      if (action === 'submit') await submitMonthlyReport(db, ctx, id);
      else if (action === 'return') await returnMonthlyReport(db, ctx, id, reason);
      else if (action === 'close') await closeMonthlyReport(db, ctx, id);
      else await reopenMonthlyReport(db, ctx, id, reason);
      return presentMonthlyReportDetail(db, await readable(id, request.actor!), request.actor!);
    },
  });

  app.get('/api/v1/monthly-reports/:id/excess', {
    schema: {
      tags,
      summary: 'Registros con excedente del mes y sus reconocimientos',
      params: IdParams,
      response: { 200: z.object({ items: z.array(ExcessEntry) }), 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => ({ items: await listExcess(db, (await readable(request.params.id, request.actor!)).id) }),
  });

  app.post('/api/v1/monthly-reports/:id/excess-acknowledgments', {
    schema: {
      tags,
      summary: 'Reconocer excedentes como no cobrables (por registro o todos), con motivo',
      params: IdParams,
      body: AcknowledgeExcessBody,
      response: { 200: z.object({ acknowledged: z.number().int() }), 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request) => {
      await readable(request.params.id, request.actor!);
      return acknowledgeExcess(db, ctxOf(request), request.params.id, request.body);
    },
  });

  app.get('/api/v1/monthly-reports/:id/daily-reports', {
    schema: {
      tags,
      summary: 'Reportes diarios del mes (relación hija)',
      params: IdParams,
      querystring: ChildQuery,
      response: { 200: z.object({ items: z.array(DailyReportRow) }), 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => ({
      items: await listDailyReports(db, (await readable(request.params.id, request.actor!)).id, request.query),
    }),
  });

  app.get('/api/v1/monthly-reports/:id/production', {
    schema: {
      tags,
      summary: 'Producción del mes (relación hija; excluye partidas dadas de baja)',
      params: IdParams,
      querystring: ChildQuery,
      response: { 200: z.object({ items: z.array(ProductionRow) }), 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => ({
      items: await listProduction(db, (await readable(request.params.id, request.actor!)).id, request.query),
    }),
  });

  for (const ext of ['pdf', 'xlsx'] as const) {
    app.get(`/api/v1/monthly-reports/:id/pack.${ext}`, {
      schema: { tags, summary: `Paquete mensual (${ext.toUpperCase()}) generado al momento`, params: IdParams },
      handler: async (request, reply) => {
        const report = await readable(request.params.id, request.actor!);
        const pack = await buildPack(db, report, ext);
        return ext === 'pdf'
          ? sendFile(reply, PDF, packFileName(report, report.version, 'pdf'), pack.pdf, pack.pdfSha256)
          : sendFile(reply, XLSX, packFileName(report, report.version, 'xlsx'), pack.xlsx, pack.xlsxSha256);
      },
    });

    app.get(`/api/v1/monthly-reports/:id/versions/:version/pack.${ext}`, {
      schema: {
        tags,
        summary: `Paquete congelado al cierre de la versión N (${ext.toUpperCase()}), con su SHA-256`,
        params: VersionParams,
      },
      handler: async (request, reply) => {
        const report = await readable(request.params.id, request.actor!);
        const r = await db.execute<{ file: Buffer | null; sha: string | null }>(
          ext === 'pdf'
            ? sql`select pack_pdf as file, pdf_sha256 as sha from monthly_report_versions where monthly_report_id = ${report.id} and version = ${request.params.version}`
            : sql`select pack_xlsx as file, xlsx_sha256 as sha from monthly_report_versions where monthly_report_id = ${report.id} and version = ${request.params.version}`,
        );
        const row = r.rows[0];
        if (!row?.file || !row.sha)
          throw fail('not_found', `La versión ${request.params.version} de este reporte no tiene paquete congelado`);
        return sendFile(reply, ext === 'pdf' ? PDF : XLSX, packFileName(report, request.params.version, ext), row.file, row.sha);
      },
    });
  }

  app.get('/api/v1/monthly-reports/:id/versions/:version/diff', {
    schema: {
      tags,
      summary: 'Diferencias entre la versión N cerrada y la siguiente (o los datos actuales)',
      params: VersionParams,
      response: { 200: VersionDiff, 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => diffVersions(db, await readable(request.params.id, request.actor!), request.params.version),
  });
}
