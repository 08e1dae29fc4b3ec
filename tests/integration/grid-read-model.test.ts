/**
 * What the grid reads: planned_monthly (the per-month planned volumes) follows planned_volumes on
 * every write path — inserts, updates (volume and date, across months), deletes, hand-written SQL —
 * and the grid's JSON text (loadGridJson, the route's answer) is exactly loadGrid's GridResponse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProductionFamily, getGrid } from '../support/builders-production';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** planned_monthly of these line items, and the same recomputed from planned_volumes. */
async function both(ids: number[]) {
  const q = (sql: string) => t.database.pool.query(sql, [ids]).then((r) => r.rows.map((x) => `${x.li}/${x.y}-${x.m}=${x.days}`));
  const kept = await q(`select line_item_id li, year y, month m, days from planned_monthly where line_item_id = any($1) order by 1, 2, 3`);
  const fresh = await q(`
    select line_item_id li, extract(year from date)::int y, extract(month from date)::int m,
           string_agg(extract(day from date)::int || ':' || trim_scale(volume)::text, ',' order by date) days
    from planned_volumes where line_item_id = any($1) group by 1, 2, 3 order by 1, 2, 3`);
  return { kept, fresh };
}

describe('planned_monthly', () => {
  it('is rebuilt for every (line item, month) a statement touches, and dropped when a month empties', async () => {
    const f = await buildProductionFamily(t, { items: [{ subAnnex: 'C-4' }, { subAnnex: 'C-4' }] });
    const [a, b] = f.lineItemIds as [number, number];
    const pool = t.database.pool;
    await pool.query(
      `insert into planned_volumes (line_item_id, date, volume) values ($1, '2025-03-02', 1.5), ($1, '2025-03-01', 2), ($1, '2025-04-30', 3.25), ($2, '2025-03-31', 10)`,
      [a, b],
    );
    let r = await both([a, b]);
    expect(r.kept).toEqual([`${a}/2025-3=1:2,2:1.5`, `${a}/2025-4=30:3.25`, `${b}/2025-3=31:10`]);
    expect(r.kept).toEqual(r.fresh);

    // An update that moves a day to another month rebuilds both months.
    await pool.query(`update planned_volumes set date = '2025-04-01', volume = 7 where line_item_id = $1 and date = '2025-03-02'`, [a]);
    r = await both([a, b]);
    expect(r.kept).toEqual([`${a}/2025-3=1:2`, `${a}/2025-4=1:7,30:3.25`, `${b}/2025-3=31:10`]);
    expect(r.kept).toEqual(r.fresh);

    await pool.query(`delete from planned_volumes where line_item_id = $1`, [b]);
    await pool.query(`delete from planned_volumes where line_item_id = $1 and date < '2025-04-01'`, [a]);
    r = await both([a, b]);
    expect(r.kept).toEqual([`${a}/2025-4=1:7,30:3.25`]);
    expect(r.kept).toEqual(r.fresh);

    const grid = (await getGrid(t.admin, { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 4 })).json();
    const row = grid.rows.find((x: { lineItemId: number }) => x.lineItemId === a);
    expect(row.planned[0]).toBe('7');
    expect(row.planned[29]).toBe('3.25');
    expect(row.planned.filter((v: string | null) => v !== null)).toHaveLength(2);
  });
});

describe('the grid as JSON text', () => {
  it('is field for field the GridResponse that loadGrid builds (cells of both layers and sites, excess, planned)', async () => {
    const { loadGrid, loadGridJson } = await import('../../server/modules/production/load-grid');
    const { SYSTEM_ACTOR } = await import('../../server/context');
    const f = await buildProductionFamily(t, {
      sites: 2,
      items: [{ subAnnex: 'C-2', cap: '5' }, { subAnnex: 'C-4', puMxn: '3.5' }, { subAnnex: 'C-4' }],
    });
    const [a, b] = f.lineItemIds as [number, number, number];
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    const { saveCells } = await import('../support/builders-production');
    await saveCells(t.admin, g, [
      { lineItemId: a, date: '2025-03-01', volume: '4', previous: null },
      { lineItemId: a, date: '2025-03-02', volume: '2.5', previous: null }, // 1.5 above the cap of 5
      { lineItemId: b, date: '2025-03-31', volume: '0.000001', previous: null },
    ]);
    await saveCells(t.admin, { ...g, layer: 'CMA' }, [{ lineItemId: b, date: '2025-03-03', volume: '7', previous: null }]);
    await saveCells(t.admin, { ...g, siteId: f.siteIds[1]! }, [{ lineItemId: b, date: '2025-03-04', volume: '1', previous: null }]);
    await t.database.pool.query(
      `insert into planned_volumes (line_item_id, date, volume) values ($1, '2025-03-05', 2.50), ($2, '2025-03-31', 1)`,
      [a, b],
    );
    const q = { ...g, layer: 'TE' as const };
    const objects = await loadGrid(t.database.db, SYSTEM_ACTOR, q);
    const text = await loadGridJson(t.database.db, SYSTEM_ACTOR, q);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(objects)));
    const row = objects.rows.find((r) => r.lineItemId === a)!;
    expect(row.excess[1]).toBe('1.5');
    expect(row.planned[4]).toBe('2.5');
    expect(objects.rows.find((r) => r.lineItemId === b)!.otherLayer[2]).toBe('7');
  });
});
