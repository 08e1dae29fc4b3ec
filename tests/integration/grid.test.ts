import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildProductionFamily, getGrid, productionSnapshot, saveCells } from '../support/builders-production';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('production grid: load and save', () => {
  it('loads rows in natural order with subtotals, locks and KPIs', async () => {
    const f = await buildProductionFamily(t, {
      items: [
        { subAnnex: 'C-3', code: '3.1.', cap: '10', puMxn: '100' },
        { subAnnex: 'C-2', code: '2.10.', cap: '5', puUsd: '2.5', puMxn: '0' },
        { subAnnex: 'C-2', code: '2.9.', cap: '20', puMxn: '1.5' },
      ],
    });
    const res = await getGrid(t.admin, { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 });
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g.rows.map((r: { code: string }) => r.code)).toEqual(['2.9.', '2.10.', '3.1.']);
    expect(g.subtotals).toEqual([
      expect.objectContaining({ subAnnex: 'C-2', firstRow: 0, lineItemCount: 2, authorizedMxn: '30.00', authorizedUsd: '12.50' }),
      expect.objectContaining({ subAnnex: 'C-3', firstRow: 2, lineItemCount: 1, authorizedMxn: '1000.00' }),
    ]);
    expect(g.days).toHaveLength(31);
    expect(g.days.every((d: { lockedReason: unknown }) => d.lockedReason === null)).toBe(true);
    expect(g.kpis.MXN).toEqual({ authorized: '1030.00', producedBefore: '0.00', producedThisMonth: '0.00', remaining: '1030.00' });
    expect(g.monthlyReport).toBeNull();
    expect(g.abilities.edit).toBe(true);
  });

  it('saves only changed cells, computes amounts, creates the monthly report, and zero deletes', async () => {
    const f = await buildProductionFamily(t, { items: [{ subAnnex: 'C-4', cap: '100', puMxn: '2.005' }] });
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    const li = f.lineItemIds[0]!;
    const s1 = await saveCells(t.admin, g, [
      { lineItemId: li, date: '2025-03-01', volume: '1.5', previous: null },
      { lineItemId: li, date: '2025-03-02', volume: 2, previous: null },
      { lineItemId: li, date: '2025-03-03', volume: '0', previous: null },
    ]);
    expect(s1.statusCode).toBe(200);
    expect(s1.json()).toMatchObject({ inserted: 2, updated: 0, deleted: 0, unchanged: 1 });
    expect(s1.json().rows[0]).toMatchObject({ monthTotal: '3.5', amountMxn: '7.02' });
    const loaded = (await getGrid(t.admin, g)).json();
    expect(loaded.rows[0].volumes.slice(0, 3)).toEqual(['1.5', '2', null]);
    expect(loaded.monthlyReport.status).toBe('abierto');
    expect(loaded.kpis.MXN.producedThisMonth).toBe('7.02');

    const s2 = await saveCells(t.admin, g, [
      { lineItemId: li, date: '2025-03-01', volume: '', previous: '1.5' },
      { lineItemId: li, date: '2025-03-02', volume: '2.000', previous: '2' },
    ], loaded.revision);
    expect(s2.json()).toMatchObject({ inserted: 0, updated: 0, deleted: 1, unchanged: 1 });
    const snap = await productionSnapshot(t.database.pool, f.familyId);
    expect(snap.map((r) => [r.date, r.volume])).toEqual([['2025-03-02', '2.000000']]);
    const audit = await t.database.pool.query(`select action, changes from audit_log where entity = 'production_entry' and work_order_id = $1 order by id`, [f.familyId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['insert', 'insert', 'delete']);
    expect(audit.rows[2].changes.volume).toEqual({ before: '1.5', after: null });
  });
});
