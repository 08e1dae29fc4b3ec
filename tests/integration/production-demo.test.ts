/** The demo loader fills months through the real commands (and is deterministic). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoProduction } from '../../scripts/demo/production';
import { systemCtx } from '../../server/context';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildProductionFamily } from '../support/builders-production';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('loadDemoProduction', () => {
  it('fills daily reports, production and GPU progress, signed in past months, open in the last', async () => {
    const f = await buildProductionFamily(t, {
      sites: 2,
      items: Array.from({ length: 12 }, (_, i) => ({
        subAnnex: ['C-2', 'C-3', 'C-4'][i % 3]!,
        cap: String(20 + i),
        puMxn: '150.25',
        puUsd: i % 4 === 0 ? '12.5' : '0',
      })),
    });
    const months = [
      { year: 2025, month: 3 },
      { year: 2025, month: 4 },
    ];
    const r = await loadDemoProduction(t.database.db, systemCtx('cli'), { familyIds: [f.familyId], months });
    expect(r.entries).toBeGreaterThan(50);
    expect(r.dailyReports).toBe(2 * (31 + 30));
    expect(r.gpuUpdated).toBeGreaterThan(0);
    const q = await t.database.pool.query(
      `select m.month, d.signature_status, count(*)::int as n from daily_reports d join monthly_reports m on m.id = d.monthly_report_id
       where m.work_order_id = $1 group by 1, 2 order by 1, 2`,
      [f.familyId],
    );
    expect(q.rows).toEqual([
      { month: 3, signature_status: 'firmado', n: 62 },
      { month: 4, signature_status: 'en_proceso', n: 60 },
    ]);
    const excess = await t.database.pool.query(
      `select count(*)::int as n from production_entries p join line_items l on l.id = p.line_item_id where l.family_id = $1 and p.excess_volume > 0`,
      [f.familyId],
    );
    expect(excess.rows[0].n).toBeGreaterThan(0);
    const grid = await t.admin.get(`/api/v1/production/grid?workOrderId=${f.workOrderId}&siteId=${f.siteId}&year=2025&month=3`);
    expect(grid.json().days.every((d: { lockedReason: string | null }) => d.lockedReason === 'day_signed')).toBe(true);
  });
});
