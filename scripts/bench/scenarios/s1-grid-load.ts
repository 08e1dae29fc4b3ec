/** S1 / S1_300: GET the July 2025 TE grid of the main site; p50/p95 of the app's server time. */
import type { BenchContext, Scenario } from '../context';
import { percentile, round1 } from '../stats';

async function timeGrid(ctx: BenchContext, workOrderId: number, siteId: number, runs: number) {
  const c = await ctx.client();
  const url = `/api/v1/production/grid?workOrderId=${workOrderId}&siteId=${siteId}&year=2025&month=7&layer=TE`;
  const first = await c.get(url); // warm-up
  if (first.status !== 200) throw new Error(`S1: grid answered ${first.status}: ${first.body.slice(0, 300)}`);
  const server: number[] = [];
  const client: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await c.get(url);
    server.push(r.serverMs);
    client.push(r.clientMs);
  }
  c.close();
  return { server, client, bytes: first.body.length, rows: first.json<{ rows: unknown[] }>().rows.length };
}

export const s1GridLoad: Scenario = {
  name: 'S1',
  async run(ctx) {
    const { main, small300 } = ctx.dataset;
    const big = await timeGrid(ctx, main.workOrderId, main.siteIds[0]!, ctx.runs);
    ctx.results.S1 = {
      p50_ms: round1(percentile(big.server, 50)),
      p95_ms: round1(percentile(big.server, 95)),
      client_p50_ms: round1(percentile(big.client, 50)),
      rows: big.rows,
      response_kb: Math.round(big.bytes / 1024),
    };
    const small = small300 === main ? big : await timeGrid(ctx, small300.workOrderId, small300.siteIds[0]!, ctx.runs);
    ctx.results.S1_300 = { p50_ms: round1(percentile(small.server, 50)), rows: small.rows };
  },
};
