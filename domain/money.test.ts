import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Dec,
  ROUNDING_RULE,
  amount,
  canonicalDecimal,
  compareDecimal,
  formatAmount,
  formatVolume,
  groupThousands,
  parseUnitPrice,
  parseVolume,
  roundMoney,
  sumAmounts,
  sumVolumes,
  toDec,
} from './money.js';

describe('Dec', () => {
  it('is exact where floats are not', () => {
    expect(new Dec('0.1').plus('0.2').toFixed()).toBe('0.3');
  });

  it('is a clone: the global decimal.js configuration is untouched', async () => {
    const { default: Decimal } = await import('decimal.js');
    expect(Dec).not.toBe(Decimal);
    expect(Dec.precision).toBe(40);
    expect(Dec.rounding).toBe(Decimal.ROUND_HALF_EVEN);
  });
});

describe('parseVolume', () => {
  it.each([
    ['1.500000', '1.5'],
    ['0', '0'],
    ['-0', '0'],
    ['  12 ', '12'],
    ['0.000001', '0.000001'],
    ['1.5000000000', '1.5'],
    ['.5', '0.5'],
    ['7.', '7'],
    ['+3', '3'],
    ['1e3', '1000'],
    ['999999999999.999999', '999999999999.999999'],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseVolume(input)).toEqual({ ok: true, value: expected });
  });

  it('accepts finite numbers', () => {
    expect(parseVolume(2.25)).toEqual({ ok: true, value: '2.25' });
    expect(parseVolume(0.1)).toEqual({ ok: true, value: '0.1' });
  });

  it.each([
    ['', 'not_a_number'],
    ['abc', 'not_a_number'],
    ['1,5', 'not_a_number'],
    ['0x1F', 'not_a_number'],
    ['Infinity', 'not_a_number'],
    ['NaN', 'not_a_number'],
    ['1 000', 'not_a_number'],
    ['-1', 'negative'],
    ['-0.5', 'negative'],
    ['0.0000001', 'too_many_decimals'],
    ['1000000000000', 'too_large'],
  ])('refuses %j with %s', (input, code) => {
    expect(parseVolume(input)).toEqual({ ok: false, error: code });
  });

  it('refuses non-finite numbers and 7-decimal numbers', () => {
    expect(parseVolume(Number.NaN)).toEqual({ ok: false, error: 'not_a_number' });
    expect(parseVolume(Number.POSITIVE_INFINITY)).toEqual({ ok: false, error: 'not_a_number' });
    expect(parseVolume(1e-7)).toEqual({ ok: false, error: 'too_many_decimals' });
  });

  it('round-trips every valid canonical volume (property)', () => {
    const volume = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.integer({ min: 0, max: 999_999 }))
      .map(([i, f]) => `${i}.${String(f).padStart(6, '0')}`);
    fc.assert(
      fc.property(volume, (text) => {
        const parsed = parseVolume(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          expect(new Dec(parsed.value).equals(new Dec(text))).toBe(true);
          expect(parseVolume(parsed.value)).toEqual(parsed);
        }
      }),
    );
  });
});

describe('parseUnitPrice', () => {
  it('allows 4 decimals, not 5', () => {
    expect(parseUnitPrice('11813.3000')).toEqual({ ok: true, value: '11813.3' });
    expect(parseUnitPrice('1.2345')).toEqual({ ok: true, value: '1.2345' });
    expect(parseUnitPrice('1.23456')).toEqual({ ok: false, error: 'too_many_decimals' });
    expect(parseUnitPrice('-1')).toEqual({ ok: false, error: 'negative' });
  });
});

describe('amount and ROUNDING_RULE', () => {
  it('names one rule: half-even to 2 decimals', () => {
    expect(ROUNDING_RULE.decimals).toBe(2);
    expect(ROUNDING_RULE.mode).toBe('ROUND_HALF_EVEN');
  });

  it('multiplies exactly then rounds half to even', () => {
    expect(amount('76', '11813.30')).toBe('897810.80');
    expect(amount('0.125', '1')).toBe('0.12'); // tie → even
    expect(amount('0.135', '1')).toBe('0.14'); // tie → even
    expect(amount('0.1251', '1')).toBe('0.13');
    expect(amount('1.000001', '0.0001')).toBe('0.00');
    expect(amount('0', '5')).toBe('0.00');
  });

  it('handles the largest stored values exactly', () => {
    expect(amount('999999999999.999999', '99999999999999.9999')).toBe(
      new Dec('999999999999.999999').times('99999999999999.9999').toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed(2),
    );
  });

  it('never prints negative zero', () => {
    expect(roundMoney('-0.001')).toBe('0.00');
  });
});

describe('sums', () => {
  it('sums amounts with 2 decimals and volumes canonically', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts([])).toBe('0.00');
    expect(sumVolumes(['1.5', '2.500000', '0.000001'])).toBe('4.000001');
    expect(sumVolumes([])).toBe('0');
  });

  it('a total of line amounts equals the sum of the lines (property)', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2));
    fc.assert(
      fc.property(fc.array(cents), (lines) => {
        const viaCents = lines.reduce((acc, l) => acc + BigInt(l.replace('.', '')), 0n);
        expect(sumAmounts(lines).replace('.', '')).toBe(viaCents.toString().padStart(3, '0'));
      }),
    );
  });
});

describe('canonical, comparison, formatting', () => {
  it('normalises', () => {
    expect(canonicalDecimal('1.500000')).toBe('1.5');
    expect(canonicalDecimal('000.10')).toBe('0.1');
    expect(canonicalDecimal('-0.000')).toBe('0');
    expect(canonicalDecimal('1e-6')).toBe('0.000001');
  });

  it('refuses garbage as trusted input', () => {
    expect(() => toDec('abc')).toThrow(RangeError);
    expect(() => toDec(Number.NaN)).toThrow(RangeError);
  });

  it('compares', () => {
    expect(compareDecimal('1.50', '1.5')).toBe(0);
    expect(compareDecimal('2', '10')).toBe(-1);
  });

  it('formats es-MX', () => {
    expect(groupThousands('-1234567.5')).toBe('-1,234,567.5');
    expect(formatVolume('1234.500000')).toBe('1,234.5');
    expect(formatVolume('1234', { minDecimals: 2 })).toBe('1,234.00');
    expect(formatVolume('0.1234567')).toBe('0.123457');
    expect(formatAmount('1234.5')).toBe('1,234.50');
    expect(formatAmount('999')).toBe('999.00');
    expect(formatAmount('-0.001')).toBe('0.00');
  });
});
