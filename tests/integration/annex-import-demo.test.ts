import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoAnnexes } from '../../scripts/demo/annexes';
import { systemCtx } from '../../server/context';
import { buildWorkOrder } from '../support/builders';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo annexes', () => {
  it('imports the real fixtures into demo families through the import commands', async () => {
    const families = [await buildWorkOrder(t.admin), await buildWorkOrder(t.admin), await buildWorkOrder(t.admin)];
    await loadDemoAnnexes(t.database.db, systemCtx('system'), { familyIds: families.map((f) => f.familyId) });
    const first = (await t.admin.get(`/api/v1/work-orders/${families[0]!.id}/line-items`)).json();
    expect(first.versions.map((v: { number: number; fileName: string }) => `${v.number} ${v.fileName}`)).toEqual([
      '2 ot-annex-sabana.xlsx',
      '1 ot-annex-pte.xlsm',
    ]);
    expect(first.items.map((i: { code: string; versionNumber: number | null }) => `${i.code} v${i.versionNumber}`)).toEqual([
      '2.2. v2',
      '2.3. v2',
      '2.4. v1',
      '3.1. vnull',
    ]);
    expect((await t.admin.get(`/api/v1/work-orders/${families[1]!.id}/line-items`)).json().items).toHaveLength(2);
    expect((await t.admin.get(`/api/v1/work-orders/${families[2]!.id}/line-items`)).json().items).toHaveLength(1);
    const catalogue = (await t.admin.get('/api/v1/catalogue/contracts')).json();
    expect(catalogue.items).toMatchObject([{ number: '648233801', itemCount: 1463 + 3056 }]);
  }, 60_000);
});
