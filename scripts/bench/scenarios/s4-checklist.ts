/** S4: the pre-closure checklist of the 3,000-item OT-month (July 2025, main family); p50/p95 of server time. */
import type { Scenario } from '../context';
import { percentile, round1 } from '../stats';

export async function monthlyReportId(ctx: Parameters<Scenario['run']>[0], year = 2025, month = 7): Promise<number> {
  const r = await ctx.pool.query<{ id: number }>(`select id from monthly_reports where work_order_id = $1 and year = $2 and month = $3`, [
    ctx.dataset.main.familyId,
    year,
    month,
  ]);
  if (!r.rows[0]) throw new Error(`no monthly report for ${month}/${year} of the main family`);
  return r.rows[0].id;
}

export const s4Checklist: Scenario = {
  name: 'S4',
  async run(ctx) {
    const id = await monthlyReportId(ctx);
    const c = await ctx.client();
    const url = `/api/v1/monthly-reports/${id}/checklist`;
    const first = await c.get(url);
    if (first.status !== 200) throw new Error(`S4: checklist answered ${first.status}: ${first.body.slice(0, 300)}`);
    const server: number[] = [];
    for (let i = 0; i < ctx.runs; i++) server.push((await c.get(url)).serverMs);
    c.close();
    const entries = await ctx.pool.query<{ n: number }>(`select count(*)::int as n from production_entries where monthly_report_id = $1`, [
      id,
    ]);
    ctx.results.S4 = {
      p50_ms: round1(percentile(server, 50)),
      p95_ms: round1(percentile(server, 95)),
      entries: entries.rows[0]?.n ?? 0,
      response_kb: Math.round(first.body.length / 1024),
    };
  },
};
