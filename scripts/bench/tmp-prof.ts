import { startEmbeddedPostgres } from '../../server/db/embedded-postgres';
import { connect } from '../../server/db/database';
import { saveGrid } from '../../server/modules/production/commands/save-grid';
import { systemCtx } from '../../server/context';
import { prng } from './stats';
const server = await startEmbeddedPostgres({ dataDir: process.env.DIR ?? '/tmp/benchq', port: 54997 });
const database = connect(server.url.replace(/\/postgres$/, '/carpeta_bench'), 'embedded');
const fam = (await database.pool.query(`select id from work_orders where folio='BENCH-MAIN'`)).rows[0].id;
const site = (await database.pool.query(`select site_id from work_order_sites where work_order_id=$1`, [fam])).rows[0].site_id;
const items = (await database.pool.query(`select id from line_items where family_id=$1 order by sort_key`, [fam])).rows.map((r) => r.id);
const m = `select id from monthly_reports where work_order_id = ${fam} and year = 2025 and month = 8`;
for (let k = 0; k < 3; k++) {
  await database.pool.query(`delete from gpu_records where production_entry_id in (select id from production_entries where monthly_report_id in (${m}))`);
  await database.pool.query(`delete from production_entries where monthly_report_id in (${m})`);
  const rnd = prng(777);
  const cells = items.flatMap((li) => Array.from({ length: 31 }, (_, i) => ({ lineItemId: li, date: `2025-08-${String(i + 1).padStart(2, '0')}`, volume: rnd() < 0.3 ? (0.5 + rnd() * 19.5).toFixed(3) : 0 })));
  const t = performance.now();
  const r = await saveGrid(database.db, systemCtx(), { workOrderId: fam, siteId: site, year: 2025, month: 8, layer: 'TE', baseRevision: 1e15, cells });
  console.log('\nS2a', (performance.now() - t).toFixed(0), r.inserted);
}
await database.close();
await server.stop();
