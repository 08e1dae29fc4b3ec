import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIso,
  compareYearMonth,
  dayOfMonth,
  daysBetween,
  daysInMonth,
  isValidIsoDate,
  isValidMonth,
  isValidYear,
  lastDayOfMonth,
  maxIso,
  minIso,
  monthDays,
  parseIsoDate,
  todayInMexicoCity,
  yearMonthOf,
} from './dates.js';

describe('daysInMonth / monthDays', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2025, 1)).toBe(31);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(() => daysInMonth(2025, 13)).toThrow(RangeError);
  });

  it('lists the days of a month', () => {
    const feb = monthDays(2025, 2);
    expect(feb).toHaveLength(28);
    expect(feb[0]).toBe('2025-02-01');
    expect(feb.at(-1)).toBe('2025-02-28');
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
  });
});

describe('isValidIsoDate', () => {
  it.each(['2025-03-01', '2024-02-29', '2000-12-31'])('accepts %s', (d) => expect(isValidIsoDate(d)).toBe(true));
  it.each(['2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-3-1', '01/03/2025', '2025-03-01T00:00:00Z', '', 20250301, null])(
    'rejects %j',
    (d) => expect(isValidIsoDate(d)).toBe(false),
  );
  it('parses parts', () => {
    expect(parseIsoDate('2025-03-07')).toEqual({ year: 2025, month: 3, day: 7 });
    expect(dayOfMonth('2025-03-07')).toBe(7);
    expect(yearMonthOf('2025-03-07')).toEqual({ year: 2025, month: 3 });
  });
});

describe('periods', () => {
  it('validates months and years', () => {
    expect(isValidMonth(1)).toBe(true);
    expect(isValidMonth(12)).toBe(true);
    expect(isValidMonth(0)).toBe(false);
    expect(isValidMonth(1.5)).toBe(false);
    expect(isValidYear(2000)).toBe(true);
    expect(isValidYear(2100)).toBe(true);
    expect(isValidYear(1999)).toBe(false);
    expect(isValidYear(25)).toBe(false);
    expect(compareYearMonth({ year: 2025, month: 12 }, { year: 2026, month: 1 })).toBeLessThan(0);
  });
});

describe('arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it('compares and picks extremes, ignoring nulls', () => {
    expect(['2025-03-10', '2025-01-02', '2025-02-15'].sort(compareIso)).toEqual(['2025-01-02', '2025-02-15', '2025-03-10']);
    expect(minIso(null, '2025-03-10', undefined, '2025-01-02')).toBe('2025-01-02');
    expect(maxIso(null, '2025-03-10', '2025-01-02')).toBe('2025-03-10');
    expect(maxIso(null, undefined)).toBeNull();
  });

  it('addDays and daysBetween are inverse (property)', () => {
    const date = fc
      .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const moved = addDays(d, n);
        expect(isValidIsoDate(moved)).toBe(true);
        expect(daysBetween(d, moved)).toBe(n);
      }),
    );
  });
});

describe('todayInMexicoCity', () => {
  it('uses Mexico City, not UTC', () => {
    // 2025-03-01 03:00 UTC is still Feb 28 in Mexico City (UTC−6).
    expect(todayInMexicoCity(new Date('2025-03-01T03:00:00Z'))).toBe('2025-02-28');
    expect(todayInMexicoCity(new Date('2025-03-01T06:00:00Z'))).toBe('2025-03-01');
    // No DST since 2022: in July it is still UTC−6.
    expect(todayInMexicoCity(new Date('2025-07-15T05:59:00Z'))).toBe('2025-07-14');
  });

  it('defaults to now and returns a valid date', () => {
    expect(isValidIsoDate(todayInMexicoCity())).toBe(true);
  });
});
