import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, listOf } from '../../../contracts/common';
import { CreateWorkOrderBody, UpdateWorkOrderBody, WorkOrder, WorkOrderListQuery } from '../../../contracts/work-orders';
import { missing } from '../../fail';
import type { Db } from '../../db/database';
import { ctxOf } from '../../http/auth';
import { sendXlsx } from '../../http/xlsx-reply';
import { createWorkOrder } from './commands/create-work-order';
import { updateWorkOrder } from './commands/update-work-order';
import { exportWorkOrders } from './export-work-orders';
import { presentWorkOrder } from './work-orders.presenter';
import { findFamilies, findFamily, findWorkOrder, listWorkOrders, type WorkOrderRow } from './work-orders.repository';

export function registerWorkOrderRoutes(appBase: FastifyInstance, db: Db) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['Órdenes de trabajo'];

  async function presentMany(rows: WorkOrderRow[], actor: Parameters<typeof presentWorkOrder>[2]) {
    const families = await findFamilies(db, [...new Set(rows.map((r) => r.familyId))]);
    return rows.map((r) => presentWorkOrder(r, families.get(r.familyId) ?? [r], actor));
  }

  async function presentOne(id: number, actor: Parameters<typeof presentWorkOrder>[2]) {
    const wo = await findWorkOrder(db, id);
    if (!wo) throw missing(`La OT ${id}`);
    return presentWorkOrder(wo, await findFamily(db, wo.familyId), actor);
  }

  app.get('/api/v1/work-orders', {
    schema: { tags, summary: 'Lista de OT con búsqueda y filtros', querystring: WorkOrderListQuery, response: { 200: listOf(WorkOrder) } },
    handler: async (request) => {
      const r = await listWorkOrders(db, request.query);
      return { items: await presentMany(r.items, request.actor!), total: r.total };
    },
  });

  app.get('/api/v1/work-orders/export.xlsx', {
    schema: { tags, summary: 'Exportar la lista de OT a XLSX', querystring: WorkOrderListQuery },
    handler: async (request, reply) => {
      const r = await listWorkOrders(db, { ...request.query, limit: 100_000, offset: 0 });
      return sendXlsx(reply, 'ordenes-de-trabajo.xlsx', await exportWorkOrders(await presentMany(r.items, undefined)));
    },
  });

  app.get('/api/v1/work-orders/:id', {
    schema: { tags, params: IdParams, response: { 200: WorkOrder, 404: ErrorBody } },
    handler: async (request) => presentOne(request.params.id, request.actor!),
  });

  app.get('/api/v1/work-orders/:id/family', {
    schema: {
      tags,
      summary: 'La familia de la OT: inicial y reprogramaciones',
      params: IdParams,
      response: { 200: z.object({ items: z.array(WorkOrder) }), 404: ErrorBody },
    },
    handler: async (request) => {
      const wo = await findWorkOrder(db, request.params.id);
      if (!wo) throw missing(`La OT ${request.params.id}`);
      const family = await findFamily(db, wo.familyId);
      return { items: family.map((f) => presentWorkOrder(f, family, request.actor!)) };
    },
  });

  app.post('/api/v1/work-orders', {
    schema: {
      tags,
      summary: 'Crear una OT inicial o una reprogramación',
      body: CreateWorkOrderBody,
      response: { 201: WorkOrder, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
    handler: async (request, reply) => {
      const created = await createWorkOrder(db, ctxOf(request), request.body);
      return reply.status(201).send(await presentOne(created.id, request.actor!));
    },
  });

  app.patch('/api/v1/work-orders/:id', {
    schema: {
      tags,
      params: IdParams,
      body: UpdateWorkOrderBody,
      response: { 200: WorkOrder, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request) => {
      await updateWorkOrder(db, ctxOf(request), request.params.id, request.body);
      return presentOne(request.params.id, request.actor!);
    },
  });
}
