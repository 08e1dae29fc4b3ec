/**
 * S1_sql_floor: the best naive raw SQL for the grid's data (legacy-bench.md §4 "grid_long"):
 * sparse month cells of the site plus, per line item, the volume accumulated before the month
 * summed from the raw history (no pre-aggregation). The app should sit at or below it.
 */
import type { Scenario } from '../context';
import { percentile, round1 } from '../stats';

const FLOOR_SQL = `
  with li as (select id from line_items where family_id = $1)
  select p.line_item_id, case when p.date < $3::date then 0 else extract(day from p.date)::int end as day,
         sum(p.volume) filter (where p.layer = 'TE' and p.site_id = $2) as te,
         sum(p.volume) filter (where p.layer = 'CMA' and p.site_id = $2) as cma,
         sum(p.volume) as all_sites, bool_or(p.excess_volume > 0) as excess
  from production_entries p join li on li.id = p.line_item_id
  where p.date < $4::date
  group by 1, 2`;

export const s1SqlFloor: Scenario = {
  name: 'S1_sql_floor',
  async run(ctx) {
    const { main } = ctx.dataset;
    const c = await ctx.pool.connect();
    try {
      const params = [main.familyId, main.siteIds[0], '2025-07-01', '2025-08-01'];
      await c.query({ name: 'floor', text: FLOOR_SQL, values: params });
      const times: number[] = [];
      for (let i = 0; i < Math.max(9, ctx.runs); i++) {
        const t = performance.now();
        await c.query({ name: 'floor', text: FLOOR_SQL, values: params });
        times.push(performance.now() - t);
      }
      ctx.results.S1_sql_floor = { p50_ms: round1(percentile(times, 50)) };
    } finally {
      c.release();
    }
  },
};
