/**
 * The fast renderer (server/db/render-sql.ts) must give exactly what drizzle gives — text and
 * parameters, and the inlined text of a batch — for every statement a grid save sends, and for
 * any template of the kinds of chunks it handles; anything else goes to drizzle itself.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineSql, inlineWithDrizzle } from '../../db/batched-transaction';
import { renderSql } from '../../db/render-sql';
import { workOrders } from '../../db/schema';
import {
  auditGridSaveQuery,
  CURRENT_REVISION,
  deleteEntriesQueries,
  entriesAndBeforeQuery,
  gridAuditCte,
  insertEntriesQuery,
  saveStartQuery,
  updateVolumesQuery,
} from './production.repository';

const dialect = new PgDialect();
const drizzleRender = (q: SQL) => {
  const { sql: text, params } = dialect.sqlToQuery(q); // (and `typings`, which node-postgres does not use)
  return { sql: text, params };
};
const fast = (q: SQL) =>
  renderSql(
    q,
    (i) => `$${i + 1}`,
    () => ({ sql: 'FALLBACK', params: [] }),
  );

const scope = { workOrderId: 7, year: 2025, month: 7, siteId: 3, layer: 'TE' as const, from: '2025-07-01', to: '2025-07-31' };
const audit = gridAuditCte(
  { actorId: 5, actorLabel: `O'Brien <ob@x.mx>`, via: 'web', requestId: 'req-1', workOrderId: 7 },
  { siteId: 3, layer: 'TE', year: 2025, month: 7 },
  `{"1|2025-07-03":{"before":null,"after":"1.5"}}`,
);
const statements: [string, SQL][] = [
  ['saveStart (small, locking)', saveStartQuery(scope, [5, 55], { dates: ['2025-07-03', '2025-07-09'] })],
  ['saveStart (large)', saveStartQuery(scope, [1, 2, 3])],
  ['entriesAndBefore', entriesAndBeforeQuery([5, 55], '2025-07-01', 2025, 7)],
  ...deleteEntriesQueries([10, 11]).map((q, i): [string, SQL] => [`delete ${i}`, q]),
  ['update', updateVolumesQuery(5, { ids: [10], volumes: ['1.5'], excess: ['0'] })],
  ['update + audit', updateVolumesQuery(null, { ids: [10, 11], volumes: ['1.5', '2'], excess: ['0', '0.25'] }, audit)],
  [
    'insert + audit',
    insertEntriesQuery(
      { monthlyReportId: 9, siteId: 3, layer: 'CMA', userId: 5 },
      { lineItemIds: [5], dates: ['2025-07-03'], volumes: ['1'], excess: ['0'] },
      [5],
      audit,
    ),
  ],
  ['audit + excess', auditGridSaveQuery(audit, { ids: [10], values: ['0.5'] })],
  ['audit only', auditGridSaveQuery(audit, { ids: [], values: [] })],
  ['current revision', CURRENT_REVISION],
];

describe('renderSql', () => {
  it.each(statements)('%s: same text and parameters as drizzle, same inlined text', (_name, q) => {
    expect(fast(q)).toEqual(drizzleRender(q));
    expect(inlineSql(q)).toBe(inlineWithDrizzle(q).sql);
  });

  it('equals drizzle on any template of text, nested sql, sql.param and primitive values (property)', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const template: fc.Memo<SQL> = fc.memo((depth) =>
      fc
        .array(
          fc.oneof(
            fc.string().map((text) => sql.raw(text)),
            value.map((v) => sql`x = ${v}`),
            fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))).map((a) => sql`y = any(${sql.param(a)})`),
            ...(depth > 1 ? [template(depth - 1)] : []),
          ),
          { maxLength: 5 },
        )
        .map((parts) => sql.join(parts, sql` and `)),
    );
    fc.assert(
      fc.property(template(3), (q) => {
        expect(fast(q)).toEqual(drizzleRender(q));
      }),
      { numRuns: 500 },
    );
  });

  it('hands to drizzle what it does not render itself: tables, columns, expanded arrays, inlined params', () => {
    const cases = [
      sql`select ${workOrders.id} from ${workOrders}`,
      sql`select 1 where id in ${[1, 2, 3]}`,
      sql`select ${'a'}`.inlineParams(),
      sql`select ${sql.placeholder('p')}`,
    ];
    for (const q of cases) {
      expect(fast(q).sql).toBe('FALLBACK');
      expect(renderSql(q, (i) => `$${i + 1}`, drizzleRender)).toEqual(drizzleRender(q));
    }
  });
});
