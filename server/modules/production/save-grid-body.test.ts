/**
 * The fast body validator of grid saves must accept exactly what SaveGridBody accepts, returning
 * the same value — otherwise it must step aside (null) and let zod answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SaveGridBody } from '../../../contracts/production';
import { parseSaveGridBodyFast } from './save-grid-body';

const volume = fc.oneof(
  fc.constant(null),
  fc.constantFrom('', '0', '1.5', '12.345678', '1,234.5', '-1', 'abc', ' 2 '),
  fc.string({ maxLength: 70 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
);
const date = fc.oneof(fc.constantFrom('2025-08-01', '2025-08-31', '2025-02-30', '2025-8-1', '', 'x'), fc.string({ maxLength: 12 }));
const lineItemId = fc.oneof(fc.integer({ min: -3, max: 5000 }), fc.constantFrom(1.5, '7', null, 2 ** 53));
const cell = fc.record({ lineItemId, date, volume, previous: volume, extra: fc.constant('x') }, { requiredKeys: [] });
const header = fc.record(
  {
    workOrderId: fc.oneof(fc.integer({ min: -1, max: 9 }), fc.constantFrom('3', 'x')),
    year: fc.integer({ min: 1999, max: 2101 }),
    month: fc.integer({ min: 0, max: 13 }),
    siteId: fc.integer({ min: 0, max: 9 }),
    layer: fc.constantFrom('TE', 'CMA', 'te', 'X'),
    baseRevision: fc.oneof(fc.integer({ min: -1, max: 1e6 }), fc.constant(1.5)),
    withKpis: fc.oneof(fc.boolean(), fc.constant('yes')),
  },
  { requiredKeys: [] },
);
const validHeader = fc.constant({ workOrderId: 3, year: 2025, month: 8, siteId: 2, layer: 'TE', baseRevision: 10 });
const body = fc.tuple(fc.oneof(validHeader, header), fc.array(cell, { maxLength: 6 })).map(([h, cells]) => ({ ...h, cells }));
const validBody = fc
  .array(
    fc.record(
      {
        lineItemId: fc.integer({ min: 1, max: 1e6 }),
        date: fc.constantFrom('2025-08-01', '2025-08-15'),
        volume: fc.oneof(fc.constant(null), fc.constantFrom('', '1.5', '0'), fc.double({ min: 0, max: 1e6, noNaN: true })),
        previous: fc.constantFrom(null, '2'),
      },
      { requiredKeys: ['lineItemId', 'date', 'volume'] },
    ),
    { maxLength: 20 },
  )
  .map((cells) => ({ workOrderId: 3, year: 2025, month: 8, siteId: 2, layer: 'TE', baseRevision: 10, cells }));

function agrees(input: unknown) {
  const zod = SaveGridBody.safeParse(input);
  const fast = parseSaveGridBodyFast(input);
  if (fast !== null) {
    expect(zod.success).toBe(true);
    expect(fast).toEqual(zod.data);
  }
  return { zod: zod.success, fast: fast !== null };
}

describe('parseSaveGridBodyFast', () => {
  it('never accepts what zod refuses, and returns what zod returns', () => {
    let fast = 0;
    fc.assert(
      fc.property(body, (b) => {
        if (agrees(b).fast) fast++;
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(20); // the random bodies do reach the cell checks
  });

  it('takes the fast path for valid bodies', () => {
    fc.assert(
      fc.property(validBody, (b) => {
        expect(agrees(b)).toEqual({ zod: true, fast: true });
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with zod on every single-field mutation of a valid body', () => {
    const mutation = fc.record({
      field: fc.constantFrom('lineItemId', 'date', 'volume', 'previous', 'extra'),
      value: fc.oneof(
        fc.constantFrom(0, -1, 1.5, 2 ** 53, '7', null, true, '', 'x'.repeat(64), 'x'.repeat(65), '2025-8-1', '2025-08-01', {}, []),
        fc.integer(),
        fc.string({ maxLength: 70 }),
        fc.double(),
      ),
      drop: fc.boolean(),
    });
    fc.assert(
      fc.property(validBody, fc.nat(), mutation, (b, at, m) => {
        if (!b.cells.length) return;
        const cells = b.cells.map((c) => ({ ...c })) as Record<string, unknown>[];
        const target = cells[at % cells.length]!;
        if (m.drop) delete target[m.field];
        else target[m.field] = m.value;
        agrees({ ...b, cells });
      }),
      { numRuns: 3000 },
    );
  });

  it('steps aside for unknown keys (zod strips them), non-objects and too many cells', () => {
    const ok = { workOrderId: 1, year: 2025, month: 8, siteId: 1, layer: 'TE', baseRevision: 0 };
    expect(parseSaveGridBodyFast({ ...ok, cells: [{ lineItemId: 1, date: '2025-08-01', volume: '1', note: 'x' }] })).toBeNull();
    expect(parseSaveGridBodyFast({ ...ok, cells: [[1, '2025-08-01', '1']] })).toBeNull();
    expect(parseSaveGridBodyFast([])).toBeNull();
    expect(parseSaveGridBodyFast({ ...ok, cells: 'x' })).toBeNull();
    const many = Array.from({ length: 200_001 }, () => ({ lineItemId: 1, date: '2025-08-01', volume: null }));
    expect(parseSaveGridBodyFast({ ...ok, cells: many })).toBeNull();
    expect(SaveGridBody.safeParse({ ...ok, cells: many }).success).toBe(false);
  });
});
