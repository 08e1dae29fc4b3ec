/**
 * production_entries' references to line items, monthly reports and sites are checked by
 * triggers once per statement (migration 0010, ADR 009 decision 19) instead of row-level foreign
 * keys. The rules must stay those of the keys: no entry without its parents, no parent deleted
 * while entries reference it (ON DELETE RESTRICT), also when both happen at once — on every
 * path, plain SQL included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildMonthOt, ensureReport, insertLineItem, insertProduction } from '../support/builders-monthly';

let t: TestApp;
let pool: pg.Pool;
let familyId: number;
let siteId: number;

beforeAll(async () => {
  t = await createTestApp();
  pool = t.database.pool;
  const ot = await buildMonthOt(t.admin, { year: 2025, month: 3 });
  familyId = ot.workOrderId;
  siteId = ot.siteIds[0]!;
});
afterAll(() => t.close());

const code = (e: unknown) => (e as { code?: string }).code;
const insert = (lineItemId: number, reportId: number, site: number, date = '2025-03-02') =>
  pool.query(
    `insert into production_entries (line_item_id, monthly_report_id, site_id, date, layer, volume)
     select * from (values ($1::int, $2::int, $3::int, $4::date, 'TE'::layer, 5::numeric)) v`,
    [lineItemId, reportId, site, date],
  );

describe('production entries keep their parents', () => {
  it('refuses an entry whose line item, monthly report or site does not exist, and writes nothing', async () => {
    const lineItemId = await insertLineItem(pool, { familyId });
    const reportId = await ensureReport(pool, familyId, 2025, 3);
    const before = (await pool.query('select count(*)::int as n from production_entries')).rows[0].n;
    for (const [li, rep, site] of [
      [999_999, reportId, siteId],
      [lineItemId, 999_999, siteId],
      [lineItemId, reportId, 999_999],
    ] as const) {
      const err = await insert(li, rep, site).catch((e: unknown) => e);
      expect(code(err)).toBe('23503');
    }
    // One bad row among good ones refuses the whole statement.
    const mixed = await pool
      .query(
        `insert into production_entries (line_item_id, monthly_report_id, site_id, date, layer, volume)
         values ($1, $2, $3, '2025-03-03', 'TE', 1), (999999, $2, $3, '2025-03-04', 'TE', 1)`,
        [lineItemId, reportId, siteId],
      )
      .catch((e: unknown) => e);
    expect(code(mixed)).toBe('23503');
    expect((await pool.query('select count(*)::int as n from production_entries')).rows[0].n).toBe(before);
  });

  it('refuses moving an entry to a line item that does not exist; volume updates are not checked', async () => {
    const lineItemId = await insertLineItem(pool, { familyId });
    const reportId = await ensureReport(pool, familyId, 2025, 3);
    const id = await insertProduction(pool, { lineItemId, reportId, siteId, date: '2025-03-05' });
    const err = await pool.query('update production_entries set line_item_id = 999999 where id = $1', [id]).catch((e: unknown) => e);
    expect(code(err)).toBe('23503');
    await pool.query('update production_entries set volume = 7 where id = $1', [id]);
    expect((await pool.query('select line_item_id, volume::text from production_entries where id = $1', [id])).rows[0]).toEqual({
      line_item_id: lineItemId,
      volume: '7.000000',
    });
  });

  it('refuses deleting a line item, monthly report or site that entries reference; unreferenced ones go', async () => {
    const lineItemId = await insertLineItem(pool, { familyId });
    const reportId = await ensureReport(pool, familyId, 2025, 4);
    await insertProduction(pool, { lineItemId, reportId, siteId, date: '2025-04-02' });
    for (const sql of [
      ['delete from line_items where id = $1', lineItemId],
      ['delete from monthly_reports where id = $1', reportId],
      ['delete from sites where id = $1', siteId],
    ] as const) {
      const err = await pool.query(sql[0], [sql[1]]).catch((e: unknown) => e);
      expect(code(err)).toBe('23503');
    }
    const unused = await insertLineItem(pool, { familyId });
    const emptyReport = await ensureReport(pool, familyId, 2025, 5);
    expect((await pool.query('delete from line_items where id = $1', [unused])).rowCount).toBe(1);
    expect((await pool.query('delete from monthly_reports where id = $1', [emptyReport])).rowCount).toBe(1);
  });

  // The races use a monthly report: nothing else the insert writes locks it (the monthly totals
  // the insert also updates reference the line item, and their key would lock that one anyway).
  it('a delete racing an insert of the same parent: the delete waits and is refused', async () => {
    const lineItemId = await insertLineItem(pool, { familyId });
    const reportId = await ensureReport(pool, familyId, 2025, 6);
    const writer = await pool.connect();
    const deleter = await pool.connect();
    try {
      await writer.query('begin');
      await writer.query(
        `insert into production_entries (line_item_id, monthly_report_id, site_id, date, layer, volume) values ($1, $2, $3, '2025-06-09', 'TE', 1)`,
        [lineItemId, reportId, siteId],
      );
      // The insert holds the report FOR KEY SHARE: the delete must wait for it…
      const deleting = deleter.query('delete from monthly_reports where id = $1', [reportId]).then(
        () => 'deleted',
        (e: unknown) => code(e),
      );
      await new Promise((r) => setTimeout(r, 300));
      const waiting = await pool.query(
        `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'delete from monthly_reports%'`,
      );
      expect(waiting.rows[0].n).toBe(1);
      await writer.query('commit');
      // …and then see the committed entry.
      expect(await deleting).toBe('23503');
    } finally {
      writer.release();
      deleter.release();
    }
    expect((await pool.query('select count(*)::int as n from monthly_reports where id = $1', [reportId])).rows[0].n).toBe(1);
  });

  it('an insert racing a delete of its parent: the insert waits and is refused', async () => {
    const lineItemId = await insertLineItem(pool, { familyId });
    const reportId = await ensureReport(pool, familyId, 2025, 7);
    const deleter = await pool.connect();
    const writer = await pool.connect();
    try {
      await deleter.query('begin');
      expect((await deleter.query('delete from monthly_reports where id = $1', [reportId])).rowCount).toBe(1);
      const inserting = writer
        .query(
          `insert into production_entries (line_item_id, monthly_report_id, site_id, date, layer, volume) values ($1, $2, $3, '2025-07-10', 'TE', 1)`,
          [lineItemId, reportId, siteId],
        )
        .then(
          () => 'inserted',
          (e: unknown) => code(e),
        );
      await new Promise((r) => setTimeout(r, 300));
      await deleter.query('commit');
      expect(await inserting).toBe('23503');
    } finally {
      deleter.release();
      writer.release();
    }
    expect((await pool.query('select count(*)::int as n from production_entries where monthly_report_id = $1', [reportId])).rows[0].n).toBe(
      0,
    );
  });
});
