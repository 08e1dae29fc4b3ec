import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExcess, computeExcessByLineItem, totalExcess, type ExcessEntry } from './excess.js';
import { Dec } from './money.js';

const entry = (id: number | string, date: string, volume: string, layer: 'TE' | 'CMA' = 'TE', siteId = 1): ExcessEntry => ({
  id,
  date,
  layer,
  siteId,
  volume,
});

describe('computeExcess', () => {
  it('marks nothing below the cap', () => {
    const result = computeExcess('10', [entry(1, '2025-03-01', '4'), entry(2, '2025-03-02', '6')]);
    expect([...result]).toEqual([
      [1, '0'],
      [2, '0'],
    ]);
  });

  it('splits the entry that crosses the cap and marks everything after it', () => {
    const result = computeExcess('10', [entry(1, '2025-03-01', '6'), entry(2, '2025-03-02', '6'), entry(3, '2025-03-03', '2.5')]);
    expect(result.get(1)).toBe('0');
    expect(result.get(2)).toBe('2');
    expect(result.get(3)).toBe('2.5');
    expect(totalExcess(result)).toBe('4.5');
  });

  it('walks chronologically across months, whatever the input order', () => {
    const result = computeExcess('5', [entry('b', '2025-04-01', '3'), entry('a', '2025-03-31', '3')]);
    expect(result.get('a')).toBe('0');
    expect(result.get('b')).toBe('1');
  });

  it('orders a day by layer (TE before CMA), then site, then id', () => {
    const result = computeExcess('1', [
      entry(4, '2025-03-01', '1', 'CMA', 1),
      entry(3, '2025-03-01', '1', 'TE', 2),
      entry(2, '2025-03-01', '1', 'TE', 1),
      entry(1, '2025-03-01', '1', 'CMA', 1),
    ]);
    // Order: (TE,site1,#2) (TE,site2,#3) (CMA,site1,#1) (CMA,site1,#4) → only #2 fits.
    expect(result.get(2)).toBe('0');
    expect(result.get(3)).toBe('1');
    expect(result.get(1)).toBe('1');
    expect(result.get(4)).toBe('1');
  });

  it('orders numeric ids before client keys', () => {
    const result = computeExcess('1', [entry('new-1', '2025-03-01', '1'), entry(99, '2025-03-01', '1')]);
    expect(result.get(99)).toBe('0');
    expect(result.get('new-1')).toBe('1');
  });

  it('treats a zero cap (ad-hoc line item) as all excess', () => {
    const result = computeExcess('0', [entry(1, '2025-03-01', '0.000001'), entry(2, '2025-03-02', '3')]);
    expect(totalExcess(result)).toBe('3.000001');
  });

  it('keeps zero-volume entries at zero excess', () => {
    expect(computeExcess('0', [entry(1, '2025-03-01', '0')]).get(1)).toBe('0');
  });

  it('is exact with 6-decimal volumes', () => {
    const result = computeExcess('0.3', [entry(1, '2025-03-01', '0.1'), entry(2, '2025-03-02', '0.2'), entry(3, '2025-03-03', '0.000001')]);
    expect(result.get(2)).toBe('0');
    expect(result.get(3)).toBe('0.000001');
  });

  it('refuses duplicate ids', () => {
    expect(() => computeExcess('1', [entry(1, '2025-03-01', '1'), entry(1, '2025-03-02', '1')])).toThrow(/Duplicate/);
  });

  it('returns an empty map for no entries', () => {
    expect(computeExcess('10', []).size).toBe(0);
    expect(totalExcess(new Map())).toBe('0');
  });
});

describe('computeExcessByLineItem', () => {
  it('runs each line item against its own cap; a missing cap is 0', () => {
    const result = computeExcessByLineItem(new Map([[10, '5']]), [
      { ...entry(1, '2025-03-01', '4'), lineItemId: 10 },
      { ...entry(2, '2025-03-02', '4'), lineItemId: 10 },
      { ...entry(3, '2025-03-01', '2'), lineItemId: 20 },
    ]);
    expect(Object.fromEntries(result)).toEqual({ 1: '0', 2: '3', 3: '2' });
  });
});

// ---- properties -------------------------------------------------------------------------------

const volumeArb = fc.integer({ min: 0, max: 5_000_000 }).map((micro) => new Dec(micro).dividedBy(1_000_000).toFixed());
const capArb = fc.integer({ min: 0, max: 20_000_000 }).map((micro) => new Dec(micro).dividedBy(1_000_000).toFixed());
const dayArb = fc.integer({ min: 0, max: 89 }).map((n) => {
  const d = new Date(Date.UTC(2025, 0, 1 + n));
  return d.toISOString().slice(0, 10);
});
const entriesArb = fc
  .array(
    fc.record({
      date: dayArb,
      layer: fc.constantFrom('TE' as const, 'CMA' as const),
      siteId: fc.integer({ min: 1, max: 4 }),
      volume: volumeArb,
    }),
    { maxLength: 40 },
  )
  .map((rows) => rows.map((row, i): ExcessEntry => ({ ...row, id: i + 1 })));

const total = (entries: readonly ExcessEntry[]): Dec => entries.reduce((acc, e) => acc.plus(e.volume), new Dec(0));

describe('excess engine properties', () => {
  it('total excess = max(0, total − cap)', () => {
    fc.assert(
      fc.property(capArb, entriesArb, (cap, entries) => {
        const expected = Dec.max(0, total(entries).minus(cap));
        expect(new Dec(totalExcess(computeExcess(cap, entries))).equals(expected)).toBe(true);
      }),
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(
        capArb,
        entriesArb.chain((entries) =>
          fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })),
        ),
        (cap, [entries, shuffled]) => {
          expect(computeExcess(cap, shuffled)).toEqual(computeExcess(cap, entries));
        },
      ),
    );
  });

  it('raising the cap never raises any entry’s excess', () => {
    fc.assert(
      fc.property(capArb, capArb, entriesArb, (a, b, entries) => {
        const [low, high] = new Dec(a).lessThan(b) ? [a, b] : [b, a];
        const atLow = computeExcess(low, entries);
        const atHigh = computeExcess(high, entries);
        for (const e of entries) expect(new Dec(atHigh.get(e.id) ?? 'NaN').lessThanOrEqualTo(atLow.get(e.id) ?? 'NaN')).toBe(true);
      }),
    );
  });

  it('each excess is between 0 and its volume, and every entry gets one', () => {
    fc.assert(
      fc.property(capArb, entriesArb, (cap, entries) => {
        const result = computeExcess(cap, entries);
        expect(result.size).toBe(entries.length);
        for (const e of entries) {
          const excess = new Dec(result.get(e.id) ?? 'NaN');
          expect(excess.greaterThanOrEqualTo(0) && excess.lessThanOrEqualTo(e.volume)).toBe(true);
        }
      }),
    );
  });
});

describe('the engine on scaled integers and on decimal.js agree', () => {
  /** The walk of the spec, written directly on decimal.js (the reference). */
  const reference = (cap: string, entries: readonly ExcessEntry[]): Map<number | string, string> => {
    const result = new Map<number | string, string>();
    let running = new Dec(0);
    for (const e of [...entries].sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        (a.layer === b.layer ? 0 : a.layer === 'TE' ? -1 : 1) ||
        a.siteId - b.siteId ||
        Number(a.id) - Number(b.id),
    )) {
      running = running.plus(e.volume);
      const excess = Dec.max(0, Dec.min(e.volume, running.minus(cap)));
      result.set(e.id, excess.isZero() ? '0' : excess.toFixed());
    }
    return result;
  };
  // Large values (12 integer digits), signed caps (a cap lowered by earlier production goes below
  // 0), trailing zeros, and spellings the integer path leaves to decimal.js (7 decimals, '.5', '+1').
  const bigVolume = fc
    .tuple(fc.bigInt({ min: 0n, max: 999_999_999_999_999_999n }), fc.constantFrom('', '0', '00'))
    .map(
      ([micro, zeros]) => `${new Dec(micro.toString()).dividedBy(1_000_000).toFixed()}${zeros && micro % 1_000_000n !== 0n ? zeros : ''}`,
    );
  const oddVolume = fc.constantFrom('.5', '+1', '0.0000001', '2.5000000', '007.25', '1e2');
  const signedCap = fc
    .bigInt({ min: -999_999_999_999_999_999n, max: 999_999_999_999_999_999n })
    .map((micro) => new Dec(micro.toString()).dividedBy(1_000_000).toFixed());
  const rows = (volume: fc.Arbitrary<string>) =>
    fc
      .array(
        fc.record({ date: dayArb, layer: fc.constantFrom('TE' as const, 'CMA' as const), siteId: fc.integer({ min: 1, max: 3 }), volume }),
        { maxLength: 30 },
      )
      .map((list) => list.map((row, i): ExcessEntry => ({ ...row, id: i + 1 })));

  it('gives the reference result on large values and signed caps', () => {
    fc.assert(
      fc.property(signedCap, rows(fc.oneof(volumeArb, bigVolume)), (cap, entries) => {
        expect(computeExcess(cap, entries)).toEqual(reference(cap, entries));
      }),
    );
  });

  it('gives the reference result when some spelling needs decimal.js', () => {
    fc.assert(
      fc.property(fc.oneof(capArb, fc.constantFrom('1.0000000', '+3', '.25')), rows(fc.oneof(volumeArb, oddVolume)), (cap, entries) => {
        expect(computeExcess(cap, entries)).toEqual(reference(cap, entries));
      }),
    );
  });
});
