/**
 * Contract catalogue (Anexo C): import wizard endpoints (upload → preview → commit, errors.xlsx)
 * and the catalogue browser. Imports need `contractCatalogue.write`; reads any signed-in user.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CatalogueImport,
  CatalogueImportQuery,
  CatalogueItem,
  CatalogueItemList,
  CatalogueItemsQuery,
  ContractList,
} from '../../../contracts/catalogue';
import { ErrorBody, IdParams } from '../../../contracts/common';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { missing } from '../../fail';
import { ctxOf } from '../../http/auth';
import { sendXlsx } from '../../http/xlsx-reply';
import { ensure } from '../../policy';
import { contractSummaries, findCatalogueItem, listCatalogueItems } from './catalogue.repository';
import { catalogueErrorsXlsx } from './catalogue-errors-xlsx';
import { presentCatalogueImport } from './catalogue-import-preview';
import { findCatalogueJob, findJobFile } from './catalogue-jobs.repository';
import { commitCatalogueImport } from './commands/commit-catalogue-import';
import { previewCatalogueImport } from './commands/preview-catalogue-import';
import { exportCatalogue } from './export-catalogue';
import { readUpload } from './read-upload';
import { discardImport } from '../import-jobs/discard-import';

const UPLOAD_DESCRIPTION =
  'multipart/form-data con el libro en el campo `file` (.xlsx/.xlsm). `format=contract`: Anexo C del contrato (8 hojas, encabezado en la fila 6); `format=pue`: hoja `PUE´s BME`. Responde la vista previa (conteos por subanexo, altas, cambios y errores por fila); nada cambia hasta confirmar.';

export function registerCatalogueImportRoutes(appBase: FastifyInstance, db: Db, config: Pick<Config, 'maxUploadBytes'>) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['Catálogo del contrato (Anexo C)'];

  async function present(id: number) {
    const job = await findCatalogueJob(db, id);
    if (!job) throw missing(`La importación ${id}`);
    return presentCatalogueImport(job);
  }

  app.post('/api/v1/catalogue/imports', {
    schema: {
      tags,
      summary: 'Subir el catálogo del contrato (vista previa)',
      description: UPLOAD_DESCRIPTION,
      consumes: ['multipart/form-data'],
      querystring: CatalogueImportQuery,
      response: { 201: CatalogueImport, 400: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      ensure(ctx.actor, 'contractCatalogue.write');
      const upload = await readUpload(request, config.maxUploadBytes);
      const format = CatalogueImportQuery.shape.format.parse(request.query.format ?? upload.fields.format);
      const { id } = await previewCatalogueImport(db, ctx, {
        format,
        contractNumber: request.query.contractNumber ?? upload.fields.contractNumber,
        fileName: upload.fileName,
        bytes: upload.bytes,
      });
      return reply.status(201).send(await present(id));
    },
  });

  app.get('/api/v1/catalogue/imports/:id', {
    schema: {
      tags,
      summary: 'Vista previa / resultado de una importación del catálogo',
      params: IdParams,
      response: { 200: CatalogueImport, 404: ErrorBody },
    },
    handler: async (request) => present(request.params.id),
  });

  app.post('/api/v1/catalogue/imports/:id/commit', {
    schema: {
      tags,
      summary: 'Confirmar la importación del catálogo (una transacción)',
      params: IdParams,
      response: { 200: CatalogueImport, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
    },
    handler: async (request) => {
      await commitCatalogueImport(db, ctxOf(request), request.params.id);
      return present(request.params.id);
    },
  });

  app.post('/api/v1/catalogue/imports/:id/discard', {
    schema: {
      tags,
      summary: 'Descartar la vista previa del catálogo (no se aplica; se conserva la vista, no el archivo)',
      params: IdParams,
      response: { 200: CatalogueImport, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request) => {
      await discardImport(db, ctxOf(request), request.params.id, 'catalogue');
      return present(request.params.id);
    },
  });

  app.get('/api/v1/catalogue/imports/:id/errors.xlsx', {
    schema: { tags, summary: 'Errores de la importación como XLSX (columna OBSERVACIONES + columnas originales)', params: IdParams },
    handler: async (request, reply) => {
      const job = await findCatalogueJob(db, request.params.id);
      if (!job) throw missing(`La importación ${request.params.id}`);
      const file = (await findJobFile(db, job.id))!;
      return sendXlsx(reply, `errores-catalogo-${job.id}.xlsx`, await catalogueErrorsXlsx(file, job.preview.errors));
    },
  });

  app.get('/api/v1/catalogue/contracts', {
    schema: { tags, summary: 'Contratos con su número de partidas por subanexo', response: { 200: ContractList } },
    handler: async () => ({ items: await contractSummaries(db) }),
  });

  app.get('/api/v1/catalogue/items', {
    schema: {
      tags,
      summary: 'Catálogo: búsqueda por partida/concepto, filtros por subanexo, tipo y estatus',
      querystring: CatalogueItemsQuery,
      response: { 200: CatalogueItemList },
    },
    handler: async (request) => listCatalogueItems(db, request.query),
  });

  app.get('/api/v1/catalogue/items/export.xlsx', {
    schema: { tags, summary: 'Exportar el catálogo filtrado a XLSX', querystring: CatalogueItemsQuery.omit({ limit: true, offset: true }) },
    handler: async (request, reply) => {
      const { items } = await listCatalogueItems(db, { ...request.query, limit: 100_000, offset: 0 });
      return sendXlsx(reply, 'catalogo-anexo-c.xlsx', await exportCatalogue(items));
    },
  });

  app.get('/api/v1/catalogue/items/:id', {
    schema: { tags, summary: 'Una partida del catálogo', params: IdParams, response: { 200: CatalogueItem, 404: ErrorBody } },
    handler: async (request) => {
      const item = await findCatalogueItem(db, request.params.id);
      if (!item) throw missing(`La partida de catálogo ${request.params.id}`);
      return item;
    },
  });
}
