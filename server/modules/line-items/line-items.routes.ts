/**
 * An OT family's annex: line items (natural order, amounts, totals per sub-annex and currency),
 * annex versions, a line item's history, ad-hoc line items. Reads: any signed-in user; ad-hoc
 * additions need `annex.import`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AddAdhocLineItemBody, LineItem, LineItemHistory, LineItemList, LineItemParams } from '../../../contracts/annex';
import { ErrorBody, IdParams } from '../../../contracts/common';
import type { Db } from '../../db/database';
import { missing } from '../../fail';
import { ctxOf } from '../../http/auth';
import { sendXlsx } from '../../http/xlsx-reply';
import { findWorkOrder } from '../work-orders/work-orders.repository';
import { addAdhocLineItem } from './commands/add-adhoc-line-item';
import { exportLineItems } from './export-line-items';
import { presentLineItem, presentLineItemList } from './line-items.presenter';
import { findLineItem, lineItemHistory, listAnnexVersions, listLineItems } from './line-items.repository';

export function registerLineItemRoutes(appBase: FastifyInstance, db: Db) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['Anexo C de la OT'];

  async function familyOf(workOrderId: number): Promise<number> {
    const wo = await findWorkOrder(db, workOrderId);
    if (!wo) throw missing(`La OT ${workOrderId}`);
    return wo.familyId;
  }

  async function list(workOrderId: number) {
    const familyId = await familyOf(workOrderId);
    const [rows, versions] = await Promise.all([listLineItems(db, familyId), listAnnexVersions(db, familyId)]);
    return presentLineItemList(familyId, rows, versions);
  }

  app.get('/api/v1/work-orders/:id/line-items', {
    schema: {
      tags,
      summary: 'Partidas de la familia de la OT: volumen autorizado, P.U., importes y totales por subanexo y moneda; versiones del anexo',
      params: IdParams,
      response: { 200: LineItemList, 404: ErrorBody },
    },
    handler: async (request) => list(request.params.id),
  });

  app.get('/api/v1/work-orders/:id/line-items/export.xlsx', {
    schema: { tags, summary: 'Exportar el anexo de la OT a XLSX', params: IdParams },
    handler: async (request, reply) =>
      sendXlsx(reply, `anexo-ot-${request.params.id}.xlsx`, await exportLineItems((await list(request.params.id)).items)),
  });

  app.get('/api/v1/work-orders/:id/line-items/:lineItemId/history', {
    schema: {
      tags,
      summary: 'Historial de una partida: lo que declaró cada versión del anexo',
      params: LineItemParams,
      response: { 200: LineItemHistory, 404: ErrorBody },
    },
    handler: async (request) => {
      const familyId = await familyOf(request.params.id);
      const item = await findLineItem(db, request.params.lineItemId);
      if (!item || item.familyId !== familyId) throw missing(`La partida ${request.params.lineItemId} en esta OT`);
      return { lineItem: presentLineItem(item), entries: await lineItemHistory(db, item.id) };
    },
  });

  app.post('/api/v1/work-orders/:id/line-items', {
    schema: {
      tags,
      summary: 'Agregar una partida del catálogo fuera del anexo (volumen autorizado 0 hasta que un anexo la autorice)',
      params: IdParams,
      body: AddAdhocLineItemBody,
      response: { 201: LineItem, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request, reply) => {
      const { id } = await addAdhocLineItem(db, ctxOf(request), request.params.id, request.body.catalogueItemId);
      return reply.status(201).send(presentLineItem((await findLineItem(db, id))!));
    },
  });
}
