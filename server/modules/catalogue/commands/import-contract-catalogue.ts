/**
 * Preview + commit in one call, for the CLI, the demo loader and the benchmark: the same
 * commands the HTTP wizard runs in two steps. Row errors stop it before anything is written.
 */
import { importHasErrors } from '../../../../domain/errors';
import type { CatalogueFormat } from '../../../../contracts/catalogue';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { findCatalogueJob } from '../catalogue-jobs.repository';
import { commitCatalogueImport, type CommitCatalogueResult } from './commit-catalogue-import';
import { previewCatalogueImport } from './preview-catalogue-import';

export interface ImportCatalogueInput {
  format?: CatalogueFormat;
  contractNumber?: string;
  fileName: string;
  bytes: Buffer;
  onProgress?: (rowsRead: number) => void;
}

export async function importContractCatalogue(
  db: Db,
  ctx: Ctx,
  input: ImportCatalogueInput,
): Promise<CommitCatalogueResult & { importId: number; counts: Record<string, number> }> {
  const { id } = await previewCatalogueImport(db, ctx, { ...input, format: input.format ?? 'contract' });
  const job = (await findCatalogueJob(db, id))!;
  if (job.errorCount > 0)
    throw importHasErrors(job.errorCount, {
      importId: id,
      errors: job.preview.errors.slice(0, 20).map((e) => `${e.sheet} fila ${e.row}: ${e.reason_es}`),
    });
  const result = await commitCatalogueImport(db, ctx, id);
  return { ...result, importId: id, counts: job.preview.counts.bySubAnnex };
}
