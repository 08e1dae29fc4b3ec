/**
 * A 3,000-row × 31-day sábana through preview + commit (bench scenario S3). Times are printed,
 * not asserted (numbers are checked by `npm run bench`); the counts are asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../server/context';
import { commitAnnexImport } from '../../server/modules/annex-imports/commands/commit-annex-import';
import { previewAnnexImport } from '../../server/modules/annex-imports/commands/preview-annex-import';
import { findAnnexJob } from '../../server/modules/annex-imports/annex-imports.repository';
import { importContractCatalogue } from '../../server/modules/catalogue/commands/import-contract-catalogue';
import { generateSabana } from '../../server/spreadsheets/generate-sabana';
import { contractCatalogueForSabana } from '../../scripts/cli/import-bench-catalogue';
import { buildWorkOrder } from '../support/builders';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('S3: 3,000 rows × 31 days', () => {
  it('previews and commits, then re-imports with every volume changed', async () => {
    const ctx = systemCtx('cli');
    const first = await generateSabana({ rows: 3000, days: 31, seed: 7 });
    await importContractCatalogue(t.database.db, ctx, {
      bytes: await contractCatalogueForSabana(first),
      fileName: 'bench.xlsx',
      contractNumber: 'BENCH',
    });
    const wo = await buildWorkOrder(t.admin);

    let started = performance.now();
    const { id } = await previewAnnexImport(t.database.db, ctx, { workOrderId: wo.id, fileName: 'sabana.xlsx', bytes: first });
    const previewMs = performance.now() - started;
    const job = (await findAnnexJob(t.database.db, id))!;
    expect(job.preview.counts).toMatchObject({ rows: 3000, new: 3000, errors: 0 });
    started = performance.now();
    const result = await commitAnnexImport(t.database.db, ctx, id);
    const commitMs = performance.now() - started;
    expect(result).toMatchObject({ versionNumber: 1, created: 3000 });
    console.log(
      `S3 first import: preview ${previewMs.toFixed(0)} ms + commit ${commitMs.toFixed(0)} ms = ${(previewMs + commitMs).toFixed(0)} ms; planned cells ${job.preview.counts.plannedCells}`,
    );

    // The same file again under the additional rule: every cap changes.
    started = performance.now();
    const again = await previewAnnexImport(t.database.db, ctx, { workOrderId: wo.id, fileName: 'sabana-2.xlsx', bytes: first });
    const r2 = await commitAnnexImport(t.database.db, ctx, again.id, 'additional');
    console.log(`S3 re-import (additional, every cap changes): ${(performance.now() - started).toFixed(0)} ms`);
    expect(r2).toMatchObject({ versionNumber: 2, restated: 3000, capChanged: 3000 });
  }, 120_000);
});
