/** The grid's BigInt money path must equal domain/money and domain/grid-kpis exactly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amount } from '../../domain/money';
import { gridKpis } from '../../domain/grid-kpis';
import { amountCents, fastGridKpis, formatCents } from '../../server/modules/production/fast-money';

const decimalText = (intMax: number, scale: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: intMax }), fc.integer({ min: 0, max: 10 ** scale - 1 }), fc.integer({ min: 0, max: scale }))
    .map(([i, f, keep]) => {
      const frac = String(f).padStart(scale, '0').slice(0, keep).replace(/0+$/, '');
      return frac ? `${i}.${frac}` : String(i);
    });
const volume = decimalText(999_999_999, 6);
const price = fc.oneof(fc.constant(null), decimalText(99_999_999, 4));

describe('fast money', () => {
  it('amountCents equals domain amount (half-even ties included)', () => {
    expect(formatCents(amountCents('0.125', '1'))).toBe(amount('0.125', '1')); // 0.12
    expect(formatCents(amountCents('0.135', '1'))).toBe(amount('0.135', '1')); // 0.14
    expect(formatCents(amountCents('1.5', '2.005'))).toBe(amount('1.5', '2.005'));
    fc.assert(
      fc.property(volume, decimalText(99_999_999, 4), (v, p) => formatCents(amountCents(v, p)) === amount(v, p)),
      { numRuns: 20_000 },
    );
  });

  it('fastGridKpis equals gridKpis', () => {
    const item = fc.record({ authorizedVolume: volume, puMxn: price, puUsd: price, producedBefore: volume, producedThisMonth: volume });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        expect(fastGridKpis(items)).toEqual(gridKpis(items));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('fast volume parsing of grid cells', () => {
  it('gives exactly what domain parseVolume gives, for valid and invalid input', async () => {
    const { parseCellVolume } = await import('../../server/modules/production/commands/save-grid');
    const { parseVolume } = await import('../../domain/money');
    const text = fc.oneof(
      fc.tuple(fc.stringMatching(/^\d{1,13}$/), fc.stringMatching(/^\d{0,8}$/)).map(([i, f]) => (f ? `${i}.${f}` : i)),
      fc.string({ maxLength: 12 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    );
    fc.assert(
      fc.property(text, (s) => {
        if (s.trim() === '' || s.trim() === '0') return true; // empty cell: 0 by the grid's rule
        expect(parseCellVolume(s)).toEqual(parseVolume(s.trim()));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e12 }), (n) => {
        if (n !== 0) expect(parseCellVolume(n)).toEqual(parseVolume(n));
      }),
      { numRuns: 5_000 },
    );
  });
});
