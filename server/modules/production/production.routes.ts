import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../../contracts/common';
import { GridQuery, GridResponse, SaveGridBody, SaveGridResponse } from '../../../contracts/production';
import type { Db } from '../../db/database';
import { ctxOf } from '../../http/auth';
import { sendXlsx } from '../../http/xlsx-reply';
import { saveGrid } from './commands/save-grid';
import { exportGrid } from './export-grid';
import { loadGrid, loadGridJson } from './load-grid';
import { saveGridValidatorCompiler } from './save-grid-body';

/** The grid answer is large (3,000 rows × 31 days): serialise it directly, the schema still documents it. */
const plainJson = () => (data: unknown) => JSON.stringify(data);

export function registerProductionRoutes(appBase: FastifyInstance, db: Db) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['Producción'];

  app.get('/api/v1/production/grid', {
    schema: {
      tags,
      summary: 'Sábana de producción de una familia de OT, mes, sitio y capa (TE/CMA)',
      description:
        'Partidas en orden natural con subtotales por anexo, volúmenes por día, programado, excedentes, días bloqueados, KPIs y la revisión para guardar.',
      querystring: GridQuery,
      response: { 200: GridResponse, 400: ErrorBody, 404: ErrorBody },
    },
    serializerCompiler: plainJson,
    // Pre-serialised JSON text (loadGridJson): Fastify sends a string with a JSON content type as is.
    handler: async (request, reply) =>
      reply.type('application/json; charset=utf-8').send((await loadGridJson(db, request.actor!, request.query)) as never),
  });

  app.get('/api/v1/production/grid.xlsx', {
    schema: { tags, summary: 'Exportar la sábana a XLSX', querystring: GridQuery },
    handler: async (request, reply) => {
      const grid = await loadGrid(db, request.actor!, request.query);
      return sendXlsx(reply, `sabana-${grid.folio}-${grid.year}-${grid.month}-${grid.layer}.xlsx`, await exportGrid(grid));
    },
  });

  app.put('/api/v1/production/grid', {
    schema: {
      tags,
      summary: 'Guardar celdas de la sábana (una transacción, solo celdas cambiadas, concurrencia optimista)',
      description:
        'Cada celda: {lineItemId, date, volume, previous}. Cero o vacío elimina la entrada. Errores: 400 validation_failed, 403, 404, 409 period_closed | day_signed | stale_grid | gpu_has_evidence, 422 outside_window.',
      body: SaveGridBody,
      response: { 200: SaveGridResponse, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
    },
    // Same rules as SaveGridBody, without copying 93,000 cells (see save-grid-body.ts); the answer
    // (up to 3,000 rows × 31 days) is serialised as built — tests check it against SaveGridResponse.
    validatorCompiler: saveGridValidatorCompiler,
    serializerCompiler: plainJson,
    handler: async (request) => saveGrid(db, ctxOf(request), request.body),
  });
}
