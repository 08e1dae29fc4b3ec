/**
 * batchedTransaction (server/db/batched-transaction.ts): BEGIN rides with the first statements and
 * COMMIT with the last ones, values are inlined as literals. Proven against the real PostgreSQL:
 * awkward values round-trip exactly (quotes, backslashes, arrays, nulls, numbers), a failing
 * statement anywhere rolls everything back, a statement after a lock sees commits made while it
 * waited, and an injection attempt stays a value.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchedTransaction, inlineSql, sqlLiteral } from '../../server/db/batched-transaction';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.database.pool.query(`create table bt_probe (id int primary key, label text, tags text[], n numeric)`);
});
afterAll(() => t.close());

const rows = async () => (await t.database.pool.query(`select id, label, tags, n::text as n from bt_probe order by id`)).rows;

describe('inlined literals', () => {
  const awkward = [
    `it's`,
    `back\\slash`,
    `"quoted"`,
    `{braces,commas}`,
    `$1 and $$dollars$$`,
    `'; drop table bt_probe; --`,
    `ñandú · 你好`,
    '',
  ];

  it('round-trip every awkward text, array and number exactly', async () => {
    await batchedTransaction(t.database.db, [], async (_r, b) => {
      await b.commit(
        awkward.map(
          (label, i) =>
            sql`insert into bt_probe (id, label, tags, n) values (${i + 1}, ${label}, ${sql.param([label, null, 'x', '1.5'])}::text[], ${'12.000001'})`,
        ),
      );
    });
    const got = await rows();
    expect(got.map((r) => r.label)).toEqual(awkward);
    expect(got.map((r) => r.tags)).toEqual(awkward.map((label) => [label, null, 'x', '1.5']));
    expect(new Set(got.map((r) => r.n))).toEqual(new Set(['12.000001']));
  });

  it('quotes text exactly as pg.escapeLiteral does (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom("'", '\\', '"', 'a', 'ñ', '{', ',', '$') })),
        (text) => {
          fc.pre(!text.includes('\0'));
          expect(sqlLiteral(text)).toBe(pg.escapeLiteral(text));
        },
      ),
      { numRuns: 1000 },
    );
    expect(sqlLiteral(`a'b\\c`)).toBe(pg.escapeLiteral(`a'b\\c`));
  });

  it('refuses what cannot be inlined faithfully', () => {
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
    expect(() => sqlLiteral(Number.NaN)).toThrow(TypeError);
    expect(() => sqlLiteral({ a: 1 })).toThrow(TypeError);
    expect(sqlLiteral(null)).toBe('NULL');
    expect(inlineSql(sql`select ${1}, ${'a'}, ${null}`)).toBe(`select '1', 'a', NULL`);
  });
});

describe('the transaction', () => {
  it('rolls back everything when a statement of the COMMIT batch fails', async () => {
    const before = await rows();
    await expect(
      batchedTransaction(t.database.db, [sql`insert into bt_probe (id, label) values (100, 'first batch')`], async (_r, b) => {
        await b.tx.execute(sql`insert into bt_probe (id, label) values (101, 'in between')`);
        await b.commit([
          sql`insert into bt_probe (id, label) values (102, 'last batch')`,
          sql`insert into bt_probe (id, label) values (1, 'duplicate key')`,
        ]);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await rows()).toEqual(before);
  });

  it('rolls back when the callback throws, and commits when it returns without commit()', async () => {
    await expect(
      batchedTransaction(t.database.db, [sql`insert into bt_probe (id, label) values (200, 'x')`], async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await rows()).some((r) => r.id === 200)).toBe(false);
    const [n] = await batchedTransaction(
      t.database.db,
      [sql`insert into bt_probe (id, label) values (201, 'kept') returning id`],
      async (r) => r.map((x) => x.rows[0].id),
    );
    expect(n).toBe(201);
    expect((await rows()).some((r) => r.id === 201)).toBe(true);
  });

  it('a statement after a lock in the same batch sees what was committed while it waited', async () => {
    const pool = t.database.pool;
    await pool.query(`insert into bt_probe (id, label) values (300, 'old')`);
    const holder = await pool.connect();
    await holder.query('begin');
    await holder.query(`select id from bt_probe where id = 300 for update`);
    const saving = batchedTransaction(
      t.database.db,
      [sql`select id from bt_probe where id = 300 for no key update`, sql`select label from bt_probe where id = 300`],
      async ([, read]) => read!.rows[0].label as string,
    );
    await new Promise((r) => setTimeout(r, 150));
    await holder.query(`update bt_probe set label = 'new' where id = 300`);
    await holder.query('commit');
    holder.release();
    expect(await saving).toBe('new');
  });
});
