/**
 * S3_catalogue: the contract's real Anexo C workbook (tests/fixtures/anexo-c-contrato.xlsx)
 * imported (preview + commit) into a new contract — target ≤ 2 s.
 * S3: a generated 3,000-row × 31-day sábana (300 rows in --quick) imported into a new OT family
 * (preview + commit, cap rule replacement) — target ≤ 3 s. Its catalogue is imported first,
 * untimed, directly on the database. Both timed imports go through the app's HTTP API as the import
 * screens do: multipart upload (preview) + commit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemCtx } from '../../../server/context';
import { importContractCatalogue } from '../../../server/modules/catalogue/commands/import-contract-catalogue';
import { createWorkOrder } from '../../../server/modules/work-orders/commands/create-work-order';
import { generateSabana } from '../../../server/spreadsheets/generate-sabana';
import { contractCatalogueForSabana } from '../../cli/import-bench-catalogue';
import type { Scenario } from '../context';
import type { BenchClient } from '../http-client';
import { round1 } from '../stats';

/** Upload (preview) then commit; the two HTTP times. */
async function importOverHttp(
  c: BenchClient,
  uploadPath: string,
  fileName: string,
  bytes: Buffer,
  commitPath: (id: number) => string,
  commitBody?: unknown,
) {
  let t = performance.now();
  const preview = await c.upload(uploadPath, fileName, bytes);
  const previewMs = performance.now() - t;
  if (preview.status !== 201) throw new Error(`S3: preview of ${fileName} answered ${preview.status}: ${preview.body.slice(0, 300)}`);
  const { id } = preview.json<{ id: number }>();
  t = performance.now();
  const commit = await c.post(commitPath(id), commitBody);
  const commitMs = performance.now() - t;
  if (commit.status !== 200) throw new Error(`S3: commit of ${fileName} answered ${commit.status}: ${commit.body.slice(0, 300)}`);
  return { previewMs, commitMs, result: commit.json<Record<string, unknown>>() };
}

const FIXTURE = path.resolve('tests/fixtures/anexo-c-contrato.xlsx');

export const s3Import: Scenario = {
  name: 'S3',
  async run(ctx) {
    const db = ctx.database.db;
    const sys = systemCtx('system');

    const http = await ctx.client();
    const anexo = fs.readFileSync(FIXTURE);
    const catalogue = await importOverHttp(
      http,
      '/api/v1/catalogue/imports?format=contract&contractNumber=BENCH-ANEXO-C',
      'anexo-c-contrato.xlsx',
      anexo,
      (id) => `/api/v1/catalogue/imports/${id}/commit`,
    );
    const counts = catalogue.result.counts as { new: number; changed: number; unchanged: number };
    ctx.results.S3_catalogue = {
      ms: round1(catalogue.previewMs + catalogue.commitMs),
      preview_ms: round1(catalogue.previewMs),
      commit_ms: round1(catalogue.commitMs),
      items: counts.new + counts.changed + counts.unchanged,
    };

    const rows = ctx.quick ? 300 : 3000;
    const sabana = await generateSabana({ rows, days: 31, seed: 7 });
    const synthetic = await importContractCatalogue(db, sys, {
      format: 'contract',
      contractNumber: 'BENCH-SABANA',
      fileName: 'sabana-catalogo.xlsx',
      bytes: await contractCatalogueForSabana(sabana),
    });
    const client = await ctx.pool.query<{ id: number }>(`select id from clients order by id limit 1`);
    const wo = await createWorkOrder(db, sys, {
      folio: `BENCH-S3-${process.pid}`, // unique: BENCH_REUSE_DIR keeps earlier runs' data
      description: 'Importación de anexo para el benchmark S3',
      kind: 'initial',
      clientId: client.rows[0]!.id,
      plannedStart: '2025-12-01',
      plannedEnd: '2025-12-31',
    });

    const annex = await importOverHttp(
      http,
      `/api/v1/work-orders/${wo.id}/annex-imports?contractId=${synthetic.contractId}`,
      'sabana.xlsx',
      sabana,
      (id) => `/api/v1/annex-imports/${id}/commit`,
      { capRule: 'replacement' },
    );
    http.close();
    const previewMs = annex.previewMs;
    const commitMs = annex.commitMs;
    const items = await ctx.pool.query<{ n: number }>(`select count(*)::int as n from line_items where family_id = $1`, [wo.id]);
    ctx.results.S3 = {
      ms: round1(previewMs + commitMs),
      preview_ms: round1(previewMs),
      commit_ms: round1(commitMs),
      rows,
      line_items: items.rows[0]!.n,
    };
    ctx.log(`S3: ${rows} rows → ${items.rows[0]!.n} line items`);
  },
};
