import { startEmbeddedPostgres } from '../../server/db/embedded-postgres';
import pg from 'pg';
const server = await startEmbeddedPostgres({ dataDir: process.env.DIR ?? '/tmp/benchfull', port: 54998 });
const c = new pg.Client({ connectionString: server.url.replace(/\/postgres$/, '/carpeta_bench') });
await c.connect();
const fam = (await c.query(`select id from work_orders where folio='BENCH-MAIN'`)).rows[0].id;
const mr = (await c.query(`select id from monthly_reports where work_order_id=$1 and month=7`, [fam])).rows[0].id;
const site = (await c.query(`select site_id from work_order_sites where work_order_id=$1`, [fam])).rows[0].site_id;
const subst = (q: string) => q.replaceAll('$F', String(fam)).replaceAll('$MR', String(mr)).replaceAll('$S', String(site));
for (const q of process.argv.slice(2)) {
  for (let i = 0; i < 2; i++) {
    await c.query("begin"); const r = await c.query(`explain (analyze, buffers) ${subst(q)}`); await c.query("rollback");
    if (i === 1) console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
  }
}
await c.end();
await server.stop();
