/**
 * Demo annexes from the real workbooks in tests/fixtures, through the same commands as the
 * import wizard: the contract's Anexo C and its PUE sheet into the catalogue, then the PTE
 * workbook and the sábana de recursos into the demo OT families (the first family gets both, as
 * versions 1 and 2, plus one ad-hoc line item still waiting for authorization).
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import type { Db } from '../../server/db/database';
import { commitAnnexImport } from '../../server/modules/annex-imports/commands/commit-annex-import';
import { previewAnnexImport } from '../../server/modules/annex-imports/commands/preview-annex-import';
import { importContractCatalogue } from '../../server/modules/catalogue/commands/import-contract-catalogue';
import { addAdhocLineItem } from '../../server/modules/line-items/commands/add-adhoc-line-item';

/** The contract number printed on the PTE workbook (`CONTRATO: 648233801`). */
export const DEMO_CONTRACT = '648233801';

const fixture = (name: string) => readFile(new URL(`../../tests/fixtures/${name}`, import.meta.url));

async function importAnnex(db: Db, ctx: Ctx, workOrderId: number, name: string) {
  const { id } = await previewAnnexImport(db, ctx, { workOrderId, fileName: name, bytes: await fixture(name) });
  return commitAnnexImport(db, ctx, id, 'replacement');
}

export async function loadDemoAnnexes(db: Db, ctx: Ctx, { familyIds }: { familyIds: number[] }): Promise<void> {
  await importContractCatalogue(db, ctx, {
    format: 'contract',
    contractNumber: DEMO_CONTRACT,
    fileName: 'anexo-c-contrato.xlsx',
    bytes: await fixture('anexo-c-contrato.xlsx'),
  });
  await importContractCatalogue(db, ctx, {
    format: 'pue',
    contractNumber: DEMO_CONTRACT,
    fileName: 'ot-annex-sabana.xlsx',
    bytes: await fixture('ot-annex-sabana.xlsx'),
  });
  const [first, ...others] = familyIds;
  if (first === undefined) return;
  await importAnnex(db, ctx, first, 'ot-annex-pte.xlsm');
  await importAnnex(db, ctx, first, 'ot-annex-sabana.xlsx');
  const adhoc = await db.execute<{ id: number }>(sql`
    select ci.id from catalogue_items ci join sub_annexes sa on sa.id = ci.sub_annex_id where sa.label = 'C-3' and ci.code = '3.1.' order by ci.id limit 1`);
  if (adhoc.rows[0]) await addAdhocLineItem(db, ctx, first, adhoc.rows[0].id);
  for (const [i, familyId] of others.entries())
    await importAnnex(db, ctx, familyId, i % 2 === 0 ? 'ot-annex-sabana.xlsx' : 'ot-annex-pte.xlsm');
}
