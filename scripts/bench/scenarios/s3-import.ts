/**
 * S3_catalogue: the contract's real Anexo C workbook (tests/fixtures/anexo-c-contrato.xlsx)
 * imported (preview + commit) into a new contract — target ≤ 2 s.
 * S3: a generated 3,000-row × 31-day sábana (300 rows in --quick) imported into a new OT family
 * (preview + commit, cap rule replacement) — target ≤ 3 s. Its catalogue is imported first,
 * untimed, through the same import path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemCtx } from '../../../server/context';
import { commitAnnexImport } from '../../../server/modules/annex-imports/commands/commit-annex-import';
import { previewAnnexImport } from '../../../server/modules/annex-imports/commands/preview-annex-import';
import { importContractCatalogue } from '../../../server/modules/catalogue/commands/import-contract-catalogue';
import { createWorkOrder } from '../../../server/modules/work-orders/commands/create-work-order';
import { generateSabana } from '../../../server/spreadsheets/generate-sabana';
import { contractCatalogueForSabana } from '../../cli/import-bench-catalogue';
import type { Scenario } from '../context';
import { round1 } from '../stats';

const FIXTURE = path.resolve('tests/fixtures/anexo-c-contrato.xlsx');

export const s3Import: Scenario = {
  name: 'S3',
  async run(ctx) {
    const db = ctx.database.db;
    const sys = systemCtx('system');

    const anexo = fs.readFileSync(FIXTURE);
    let t0 = performance.now();
    const catalogue = await importContractCatalogue(db, sys, {
      format: 'contract',
      contractNumber: 'BENCH-ANEXO-C',
      fileName: 'anexo-c-contrato.xlsx',
      bytes: anexo,
    });
    ctx.results.S3_catalogue = { ms: round1(performance.now() - t0), items: catalogue.created + catalogue.changed + catalogue.unchanged };

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
      folio: 'BENCH-S3',
      description: 'Importación de anexo para el benchmark S3',
      kind: 'initial',
      clientId: client.rows[0]!.id,
      plannedStart: '2025-12-01',
      plannedEnd: '2025-12-31',
    });

    t0 = performance.now();
    const { id } = await previewAnnexImport(db, sys, {
      workOrderId: wo.id,
      fileName: 'sabana.xlsx',
      bytes: sabana,
      contractId: synthetic.contractId,
    });
    const previewMs = performance.now() - t0;
    const t1 = performance.now();
    await commitAnnexImport(db, sys, id, 'replacement');
    const commitMs = performance.now() - t1;
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
