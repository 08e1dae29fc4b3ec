import { afterAll, beforeAll, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(() => t.close());

it('dump', async () => {
  for (const q of [`select version()`, `select lower('PEMEX ÓÑ' collate "und-x-icu") as x`, `select lower('ÓÑ') as y`, `show lc_ctype`, `select collname, collprovider from pg_collation where collname in ('und-x-icu','pg_c_utf8','ucs_basic')`]) {
    try { console.log(JSON.stringify((await t.database.pool.query(q)).rows)); } catch (e) { console.log(q, String(e)); }
  }
});
