import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '../../../contracts/common';
import { GpuBoardQuery, GpuBoardResponse, GpuRecord, UpdateGpuBody } from '../../../contracts/gpu';
import type { Db } from '../../db/database';
import { missing } from '../../fail';
import { ctxOf } from '../../http/auth';
import { sendXlsx } from '../../http/xlsx-reply';
import { updateGpuRecord } from './commands/update-gpu';
import { exportGpuBoard } from './export-gpu-board';
import { findGpuRecord } from './gpu.repository';
import { loadGpuBoard } from './load-gpu-board';

export function registerGpuRoutes(appBase: FastifyInstance, db: Db) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['GPU'];

  app.get('/api/v1/gpu/board', {
    schema: {
      tags,
      summary: 'Tablero de GPU de una OT-mes: una celda por entrada de producción (sitio y capa visibles)',
      querystring: GpuBoardQuery,
      response: { 200: GpuBoardResponse, 400: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => loadGpuBoard(db, request.actor!, request.query),
  });

  app.get('/api/v1/gpu/board.xlsx', {
    schema: { tags, summary: 'Exportar el tablero de GPU (con filtros) a XLSX', querystring: GpuBoardQuery },
    handler: async (request, reply) => {
      const board = await loadGpuBoard(db, request.actor!, request.query);
      return sendXlsx(reply, `gpu-${board.familyId}-${board.year}-${board.month}.xlsx`, await exportGpuBoard(board.items));
    },
  });

  app.patch('/api/v1/gpu/:id', {
    schema: {
      tags,
      summary: 'Cambiar estatus, evidencia (http/https) o nota de un GPU',
      description: 'Hacia atrás solo gerente de operaciones o administrador (409 illegal_transition). Mes cerrado: 409 period_closed.',
      params: IdParams,
      body: UpdateGpuBody,
      response: { 200: GpuRecord, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request) => {
      await updateGpuRecord(db, ctxOf(request), request.params.id, request.body);
      const r = await findGpuRecord(db, request.params.id);
      if (!r) throw missing(`El GPU ${request.params.id}`);
      return r;
    },
  });
}
