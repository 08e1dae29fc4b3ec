/**
 * batchedTransaction (server/db/batched-transaction.ts): BEGIN rides with the first statements and
 * COMMIT with the last ones, values are inlined as literals. Proven against the real PostgreSQL:
 * awkward values round-trip exactly (quotes, backslashes, arrays, nulls, numbers), a failing
 * statement anywhere rolls everything back, a statement after a lock sees commits made while it
 * waited, and an injection attempt stays a value. Prepared statements (server/db/prepared.ts) mean
 * the same as their plain form, are prepared once per connection, and survive a rolled-back batch.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchedTransaction, inlineSql, sqlLiteral } from '../../server/db/batched-transaction';
import { prepared, runPrepared } from '../../server/db/prepared';
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

describe('prepared statements', () => {
  const preparedNames = async (client: pg.PoolClient) =>
    (await client.query(`select name from pg_prepared_statements where name like 'b\\_%' or name like 'n\\_%'`)).rows.map(
      (r) => r.name as string,
    );

  it('give what the plain statement gives, awkward values included, in the first and the COMMIT batch', async () => {
    const label = `it's \\ "x" $1`;
    const read = (id: number) =>
      sql`select id, label, tags from bt_probe where id = ${id} and label = ${label} and tags = ${sql.param([label, 'y'])}::text[]`;
    const insert = (id: number) =>
      sql`insert into bt_probe (id, label, tags) values (${id}, ${label}, ${sql.param([label, 'y'])}::text[]) returning id`;
    const got = await batchedTransaction(t.database.db, [prepared(insert(400)), prepared(read(400))], async ([ins, r], b) => {
      const [again] = await b.commit([prepared(insert(401))]);
      return { ins: ins!.rows, r: r!.rows, again: again!.rows };
    });
    expect(got.ins).toEqual([{ id: 400 }]);
    expect(got.r).toEqual([{ id: 400, label, tags: [label, 'y'] }]);
    expect(got.again).toEqual([{ id: 401 }]);
    expect(await runPrepared(t.database.db, read(401))).toEqual([{ id: 401, label, tags: [label, 'y'] }]);
    expect(await runPrepared(t.database.db, read(402))).toEqual([]);
  });

  it('are prepared once per connection, and a failed transaction does not lose track of them', async () => {
    const pool = new pg.Pool({ connectionString: t.database.url, max: 1 });
    const db = drizzle({ client: pool }) as unknown as typeof t.database.db;
    try {
      const probe = (id: number) => prepared(sql`select count(*)::int as n from bt_probe where id >= ${id}`);
      for (let i = 0; i < 3; i++) await batchedTransaction(db, [probe(i)], async () => undefined);
      // A failure after the PREPARE (rolled back): the statement stays prepared and is reused.
      await expect(
        batchedTransaction(db, [sql`select 1`], async (_r, b) => {
          await b.commit([sql`insert into bt_probe (id) values (999)`, prepared(sql`select ${1}::int / 0 as boom`)]);
        }),
      ).rejects.toMatchObject({ code: '22012' });
      // Prepared again it would be 42P05 (duplicate prepared statement): it is only executed again.
      await expect(batchedTransaction(db, [prepared(sql`select ${1}::int / 0 as boom`)], async () => undefined)).rejects.toMatchObject({
        code: '22012',
      });
      const n = await batchedTransaction(db, [probe(0), prepared(sql`select ${2}::int / 1 as ok`)], async ([r, ok]) => [
        r!.rows[0].n,
        ok!.rows[0].ok,
      ]);
      expect(n).toEqual([expect.any(Number), 2]);
      const client = await pool.connect();
      try {
        expect((await preparedNames(client)).length).toBe(3); // probe, boom, ok: each once
      } finally {
        client.release();
      }
      expect((await rows()).some((r) => r.id === 999)).toBe(false);
    } finally {
      await pool.end();
    }
  });
});
