/**
 * OT annex import wizard: upload (→ preview), read the preview, commit with a cap rule, download
 * the errors workbook. Writes need `annex.import`; reads any signed-in user.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AnnexImport, CommitAnnexBody } from '../../../contracts/annex';
import { ErrorBody, Id, IdParams } from '../../../contracts/common';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { missing } from '../../fail';
import { ctxOf } from '../../http/auth';
import { sendXlsx } from '../../http/xlsx-reply';
import { ensure } from '../../policy';
import { readUpload } from '../catalogue/read-upload';
import { findJobFile } from '../catalogue/catalogue-jobs.repository';
import { annexErrorsXlsx } from './annex-errors-xlsx';
import { presentAnnexImport } from './annex-import-preview';
import { findAnnexJob } from './annex-imports.repository';
import { commitAnnexImport } from './commands/commit-annex-import';
import { previewAnnexImport } from './commands/preview-annex-import';
import { discardImport } from '../import-jobs/discard-import';

const UPLOAD_DESCRIPTION =
  'multipart/form-data con el libro en el campo `file`: libro PTE (.xlsm, hoja `ANEXO C`) o sábana de recursos (.xlsx, columna `OK` y una columna por día). Responde la vista previa: conteos, diferencias contra el anexo vigente de la familia (altas, volumen, precio, no listadas), programa diario y errores por fila. Nada cambia hasta confirmar.';

export function registerAnnexImportRoutes(appBase: FastifyInstance, db: Db, config: Pick<Config, 'maxUploadBytes'>) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['Anexo C de la OT'];

  async function present(id: number) {
    const job = await findAnnexJob(db, id);
    if (!job) throw missing(`La importación ${id}`);
    return presentAnnexImport(job);
  }

  app.post('/api/v1/work-orders/:id/annex-imports', {
    schema: {
      tags,
      summary: 'Subir el anexo de la OT (vista previa)',
      description: UPLOAD_DESCRIPTION,
      consumes: ['multipart/form-data'],
      params: IdParams,
      querystring: z.object({ contractId: Id.optional() }),
      response: { 201: AnnexImport, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (request, reply) => {
      const ctx = ctxOf(request);
      ensure(ctx.actor, 'annex.import');
      const upload = await readUpload(request, config.maxUploadBytes);
      const { id } = await previewAnnexImport(db, ctx, {
        workOrderId: request.params.id,
        fileName: upload.fileName,
        bytes: upload.bytes,
        contractId: request.query.contractId,
      });
      return reply.status(201).send(await present(id));
    },
  });

  app.get('/api/v1/annex-imports/:id', {
    schema: {
      tags,
      summary: 'Vista previa / resultado de una importación de anexo',
      params: IdParams,
      response: { 200: AnnexImport, 404: ErrorBody },
    },
    handler: async (request) => present(request.params.id),
  });

  app.post('/api/v1/annex-imports/:id/commit', {
    schema: {
      tags,
      summary: 'Confirmar la importación: crea la versión N+1 del anexo (una transacción)',
      description:
        '`capRule`: `replacement` (predeterminada: el volumen del archivo reemplaza el autorizado) o `additional` (se suma al autorizado vigente).',
      params: IdParams,
      body: CommitAnnexBody.optional(),
      response: { 200: AnnexImport, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
    },
    handler: async (request) => {
      await commitAnnexImport(db, ctxOf(request), request.params.id, request.body?.capRule ?? 'replacement');
      return present(request.params.id);
    },
  });

  app.post('/api/v1/annex-imports/:id/discard', {
    schema: {
      tags,
      summary: 'Descartar la vista previa (no se aplica; se conserva la vista, no el archivo)',
      params: IdParams,
      response: { 200: AnnexImport, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request) => {
      await discardImport(db, ctxOf(request), request.params.id, 'annex');
      return present(request.params.id);
    },
  });

  app.get('/api/v1/annex-imports/:id/errors.xlsx', {
    schema: { tags, summary: 'Errores de la importación como XLSX (OBSERVACIONES + columnas originales)', params: IdParams },
    handler: async (request, reply) => {
      const job = await findAnnexJob(db, request.params.id);
      if (!job) throw missing(`La importación ${request.params.id}`);
      const file = (await findJobFile(db, job.id))!;
      return sendXlsx(reply, `errores-anexo-${job.id}.xlsx`, await annexErrorsXlsx(file, job.preview));
    },
  });
}
