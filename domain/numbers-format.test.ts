import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MONTH_NAMES_EN,
  MONTH_NAMES_ES,
  formatCurrency,
  formatDate,
  formatMonthYear,
  formatNumber,
  joinList,
  monthName,
  parseDisplayDate,
  parseLocaleNumber,
} from './numbers-format.js';

describe('display', () => {
  it('formats numbers es-MX', () => {
    expect(formatNumber('1234.56')).toBe('1,234.56');
    expect(formatNumber('1234567.891', 3)).toBe('1,234,567.891');
    expect(formatNumber(0)).toBe('0.00');
    expect(formatNumber('-1234.5')).toBe('-1,234.50');
    expect(formatNumber('2.675')).toBe('2.68'); // exact decimal, half-even on the 3rd place: 7 is odd → up
  });

  it('labels currencies', () => {
    expect(formatCurrency('1200', 'MXN')).toBe('$1,200.00 MXN');
    expect(formatCurrency('-5', 'USD')).toBe('-$5.00 USD');
  });

  it('formats dates DD/MM/AAAA and parses them back', () => {
    expect(formatDate('2025-03-07')).toBe('07/03/2025');
    expect(() => formatDate('2025-02-30')).toThrow();
    expect(parseDisplayDate('07/03/2025')).toBe('2025-03-07');
    expect(parseDisplayDate('7/3/2025')).toBe('2025-03-07');
    expect(parseDisplayDate('30/02/2025')).toBeNull();
    expect(parseDisplayDate('2025-03-07')).toBeNull();
  });

  it('names months in Spanish and English', () => {
    expect(MONTH_NAMES_ES).toHaveLength(12);
    expect(MONTH_NAMES_EN).toHaveLength(12);
    expect(monthName(1)).toBe('Enero');
    expect(monthName(3)).toBe('Marzo');
    expect(monthName(12)).toBe('Diciembre');
    expect(monthName(9, 'en')).toBe('September');
    expect(formatMonthYear(3, 2025)).toBe('Marzo 2025');
    expect(() => monthName(13)).toThrow(RangeError);
    expect(() => monthName(0)).toThrow(RangeError);
  });

  it('joins lists with "y" / "and"', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['4'])).toBe('4');
    expect(joinList(['4', '5'])).toBe('4 y 5');
    expect(joinList(['4', '5', '18'])).toBe('4, 5 y 18');
    expect(joinList(['4', '5', '18'], 'en')).toBe('4, 5 and 18');
  });
});

describe('parseLocaleNumber', () => {
  it.each([
    ['1,234.56', '1234.56'],
    ['1234.56', '1234.56'],
    ['1234,56', '1234.56'],
    ['0,5', '0.5'],
    [',5', '0.5'],
    ['1234,567', '1234.567'],
    ['1,234', '1234'],
    ['1,234,567', '1234567'],
    ['1.234.567', '1234567'],
    ['1.234,56', '1234.56'],
    ['1.234', '1.234'],
    ['  12 ', '12'],
    ['\t12\u00a0', '12'],
    ['$1,200.00', '1200'],
    ['$ 1,200.00', '1200'],
    ['-3', '-3'],
    ['-$5.50', '-5.5'],
    ['$-5.50', '-5.5'],
    ['+7', '7'],
    ['1.5E-05', '0.000015'],
    ['2,5e3', '2500'],
    ['1,234E+05', '123400'], // a scientific mantissa has no grouping: the comma is decimal
    ['1 234.5', '1234.5'],
    ['1 234 567,25', '1234567.25'],
    ['.5', '0.5'],
    ['0', '0'],
  ])('reads %j as %j', (text, expected) => {
    expect(parseLocaleNumber(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '   ', '\t'])('reads blank %j as null', (text) => {
    expect(parseLocaleNumber(text)).toEqual({ ok: true, value: null });
  });

  it.each([
    'abc',
    '12abc',
    '1,23,4',
    '1,234.5.6',
    '1.2.3',
    '12 34',
    '1 23',
    '--5',
    '-+5',
    '$',
    '.',
    ',',
    '1,234,56.7',
    '1e',
    'Infinity',
    'NaN',
    '0x10',
    '12%',
    '(5)',
    '١٢',
    "'; DROP TABLE produccion; --",
    '<script>1</script>',
    '9'.repeat(101),
  ])('refuses garbage %j', (text) => {
    expect(parseLocaleNumber(text)).toEqual({ ok: false, error: 'not_a_number' });
  });

  it('reads back every number it formats (property)', () => {
    const value = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 99 }))
      .map(([i, c]) => `${i}.${String(c).padStart(2, '0')}`);
    fc.assert(
      fc.property(value, (text) => {
        const parsed = parseLocaleNumber(formatNumber(text));
        expect(parsed.ok && parsed.value !== null && Number(parsed.value) === Number(text)).toBe(true);
      }),
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseLocaleNumber(text);
        if (parsed.ok && parsed.value !== null) expect(parsed.value).toMatch(/^-?\d+(\.\d+)?$/);
      }),
    );
  });
});
