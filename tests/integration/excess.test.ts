/**
 * The excess engine as the saves apply it: stored excess must equal (a) the domain engine run over
 * every entry of the line item and (b) an independent SQL window-function computation — after any
 * sequence of saves across sites, layers and months (earlier months saved last included), and after
 * a cap change through recomputeExcessForLineItems.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeExcess } from '../../domain/excess';
import { recomputeExcessForLineItems } from '../../server/modules/production/recompute-excess';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildProductionFamily, saveCells } from '../support/builders-production';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const canon = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

/** Stored vs engine vs SQL, for every entry of the family. */
async function checkFamily(familyId: number) {
  const rows = (
    await t.database.pool.query<{
      id: string;
      lineItemId: number;
      date: string;
      layer: 'TE' | 'CMA';
      siteId: number;
      volume: string;
      excess: string;
      cap: string;
      sqlExcess: string;
    }>(
      `select p.id::text, p.line_item_id as "lineItemId", p.date::text, p.layer, p.site_id as "siteId", p.volume::text, p.excess_volume::text as excess,
              l.authorized_volume::text as cap,
              greatest(0, least(p.volume, sum(p.volume) over (partition by p.line_item_id order by p.date, p.layer, p.site_id, p.id) - l.authorized_volume))::text as "sqlExcess"
       from production_entries p join line_items l on l.id = p.line_item_id where l.family_id = $1`,
      [familyId],
    )
  ).rows;
  const byItem = new Map<number, typeof rows>();
  for (const r of rows) byItem.set(r.lineItemId, [...(byItem.get(r.lineItemId) ?? []), r]);
  for (const [, list] of byItem) {
    const engine = computeExcess(
      list[0]!.cap,
      list.map((r) => ({ id: r.id, date: r.date, layer: r.layer, siteId: r.siteId, volume: canon(r.volume) })),
    );
    for (const r of list) {
      expect(canon(r.excess), `stored vs engine, entry ${r.id}`).toBe(engine.get(r.id));
      expect(canon(r.excess), `stored vs SQL, entry ${r.id}`).toBe(canon(r.sqlExcess));
    }
  }
  const totals = await t.database.pool.query(
    `select coalesce((select sum(volume) from production_monthly_totals t join line_items l on l.id = t.line_item_id where l.family_id = $1), 0)::text as t,
            coalesce((select sum(volume) from production_entries p join line_items l on l.id = p.line_item_id where l.family_id = $1), 0)::text as p`,
    [familyId],
  );
  expect(canon(totals.rows[0].t)).toBe(canon(totals.rows[0].p));
  return rows;
}

describe('excess after saves', () => {
  it('splits the entry that crosses the cap and moves when an earlier month is filled later', async () => {
    const f = await buildProductionFamily(t, { items: [{ subAnnex: 'C-4', cap: '10' }], sites: 2 });
    const li = f.lineItemIds[0]!;
    const apr = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 4 };
    await saveCells(t.admin, apr, [
      { lineItemId: li, date: '2025-04-01', volume: '6' },
      { lineItemId: li, date: '2025-04-02', volume: '6' },
    ]);
    let rows = await checkFamily(f.familyId);
    expect(rows.map((r) => [r.date, canon(r.excess)]).sort()).toEqual([
      ['2025-04-01', '0'],
      ['2025-04-02', '2'],
    ]);
    // March is captured after April: its volume comes first in the walk, April's excess grows.
    const mar = { ...apr, month: 3, siteId: f.siteIds[1]!, layer: 'CMA' as const };
    const res = await saveCells(t.admin, mar, [{ lineItemId: li, date: '2025-03-31', volume: '5' }]);
    expect(res.json().excessChanged).toBe(2);
    rows = await checkFamily(f.familyId);
    expect(rows.map((r) => [r.date, canon(r.excess)]).sort()).toEqual([
      ['2025-03-31', '0'],
      ['2025-04-01', '1'],
      ['2025-04-02', '6'],
    ]);
    // The grid shows the excess per cell.
    const grid = (
      await t.admin.get(`/api/v1/production/grid?workOrderId=${f.workOrderId}&siteId=${f.siteId}&year=2025&month=4&layer=TE`)
    ).json();
    expect(grid.rows[0].excess.slice(0, 2)).toEqual(['1', '6']);
    expect(grid.rows[0].producedBefore).toBe('5');
    expect(grid.rows[0].excessTotal).toBe('7');
  });

  it('property: any sequence of saves leaves stored excess equal to the engine and to SQL', async () => {
    const cell = fc.record({
      item: fc.nat(1),
      site: fc.nat(1),
      layer: fc.constantFrom('TE' as const, 'CMA' as const),
      month: fc.constantFrom(3, 4),
      day: fc.integer({ min: 1, max: 4 }),
      volume: fc.oneof(
        fc.constant('0'),
        fc.integer({ min: 1, max: 900 }).map((n) => (n / 100).toString()),
        fc.constant('12.345678'),
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        async (caps, saves) => {
          const f = await buildProductionFamily(t, { items: caps.map((c) => ({ subAnnex: 'C-2', cap: String(c) })), sites: 2 });
          for (const batch of saves) {
            const first = batch[0]!;
            const same = batch.filter((c) => c.month === first.month && c.site === first.site && c.layer === first.layer);
            const unique = [...new Map(same.map((c) => [`${c.item}|${c.day}`, c])).values()];
            const res = await saveCells(
              t.admin,
              { workOrderId: f.workOrderId, siteId: f.siteIds[first.site]!, year: 2025, month: first.month, layer: first.layer },
              unique.map((c) => ({ lineItemId: f.lineItemIds[c.item]!, date: `2025-0${c.month}-0${c.day}`, volume: c.volume })),
              Number.MAX_SAFE_INTEGER, // "I have seen everything": overwrite (no `previous` sent)
            );
            expect(res.statusCode, res.body).toBe(200);
          }
          await checkFamily(f.familyId);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('excess after a cap change', () => {
  it('recomputeExcessForLineItems rewrites only what changed, in the caller transaction', async () => {
    const f = await buildProductionFamily(t, {
      items: [
        { subAnnex: 'C-5', cap: '3' },
        { subAnnex: 'C-5', cap: '100' },
      ],
    });
    const g = { workOrderId: f.workOrderId, siteId: f.siteId, year: 2025, month: 3 };
    await saveCells(
      t.admin,
      g,
      [1, 2, 3, 4].flatMap((d) => f.lineItemIds.map((li) => ({ lineItemId: li, date: `2025-03-0${d}`, volume: '2' }))),
    );
    await checkFamily(f.familyId);
    const changed = await t.database.db.transaction(async (tx) => {
      await tx.execute(`update line_items set authorized_volume = 7 where id = ${f.lineItemIds[0]}` as never);
      return recomputeExcessForLineItems(tx, [f.lineItemIds[0]!, f.lineItemIds[1]!]);
    });
    // cap 3 → 7 over 2,2,2,2: excess 0,1,2,2 → 0,0,0,1.
    expect(changed).toBe(3);
    const rows = await checkFamily(f.familyId);
    expect(
      rows
        .filter((r) => r.lineItemId === f.lineItemIds[0])
        .map((r) => canon(r.excess))
        .sort(),
    ).toEqual(['0', '0', '0', '1']);
    // Raising the cap never raised an excess; lowering it to 0 makes everything excess.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(`update line_items set authorized_volume = 0 where id = ${f.lineItemIds[1]}` as never);
      await recomputeExcessForLineItems(tx, [f.lineItemIds[1]!]);
    });
    const after = await checkFamily(f.familyId);
    expect(after.filter((r) => r.lineItemId === f.lineItemIds[1]).every((r) => canon(r.excess) === '2')).toBe(true);
  });
});
