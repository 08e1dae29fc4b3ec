import { describe, expect, it } from 'vitest';
import {
  amountInputToPlain,
  EMPTY,
  formatAmount,
  formatDate,
  formatDateTime,
  formatInteger,
  formatMoney,
  formatWindow,
  formatYearMonth,
  monthName,
  normalizeDisplayDate,
  parseDisplayDate,
} from './format';

describe('formatDate', () => {
  it('shows ISO dates as DD/MM/AAAA', () => {
    expect(formatDate('2025-03-07')).toBe('07/03/2025');
    expect(formatDate('2024-12-31T23:00:00.000Z')).toBe('31/12/2024');
  });
  it('shows a dash for empty values and leaves garbage visible', () => {
    expect(formatDate(null)).toBe(EMPTY);
    expect(formatDate('')).toBe(EMPTY);
    expect(formatDate('2025-02-30')).toBe('2025-02-30');
  });
});

describe('formatDateTime', () => {
  it('uses Mexico City time, not UTC', () => {
    // 03:30 UTC on 1 March is 21:30 on 28 February in Mexico City (UTC−6).
    expect(formatDateTime('2025-03-01T03:30:00Z')).toBe('28/02/2025 21:30');
    expect(formatDateTime('2025-03-01T03:30:15Z', true)).toBe('28/02/2025 21:30:15');
  });
  it('handles empty and invalid input', () => {
    expect(formatDateTime(null)).toBe(EMPTY);
    expect(formatDateTime('nope')).toBe('nope');
  });
});

describe('parseDisplayDate', () => {
  it('reads day-first dates in several separators', () => {
    expect(parseDisplayDate('07/03/2025')).toEqual({ ok: true, iso: '2025-03-07' });
    expect(parseDisplayDate('7/3/2025')).toEqual({ ok: true, iso: '2025-03-07' });
    expect(parseDisplayDate('07-03-2025')).toEqual({ ok: true, iso: '2025-03-07' });
    expect(parseDisplayDate('07.03.2025')).toEqual({ ok: true, iso: '2025-03-07' });
  });
  it('accepts a pasted ISO date', () => {
    expect(parseDisplayDate('2025-03-07')).toEqual({ ok: true, iso: '2025-03-07' });
  });
  it('treats empty text as no date', () => {
    expect(parseDisplayDate('  ')).toEqual({ ok: true, iso: null });
  });
  it('refuses dates that do not exist or are not dates', () => {
    expect(parseDisplayDate('31/02/2025').ok).toBe(false);
    expect(parseDisplayDate('29/02/2023').ok).toBe(false);
    expect(parseDisplayDate('13/13/2025').ok).toBe(false);
    expect(parseDisplayDate('03/07/25').ok).toBe(false);
    expect(parseDisplayDate('mañana').ok).toBe(false);
  });
  it('accepts 29 February of a leap year', () => {
    expect(parseDisplayDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' });
  });
});

describe('normalizeDisplayDate', () => {
  it('pads and reorders readable input, leaves the rest alone', () => {
    expect(normalizeDisplayDate('1/3/2025')).toBe('01/03/2025');
    expect(normalizeDisplayDate('2025-03-01')).toBe('01/03/2025');
    expect(normalizeDisplayDate('1/3/25')).toBe('1/3/25');
    expect(normalizeDisplayDate('')).toBe('');
  });
});

describe('numbers', () => {
  it('formats amounts with es-MX grouping and 2 decimals', () => {
    expect(formatAmount('1234.5')).toBe('1,234.50');
    expect(formatAmount('1234567.891')).toBe('1,234,567.89');
    expect(formatAmount('0')).toBe('0.00');
    expect(formatAmount(null)).toBe(EMPTY);
  });
  it('labels the currency', () => {
    expect(formatMoney('1500', 'MXN')).toBe('$1,500.00 MXN');
    expect(formatMoney('0.5', 'USD')).toBe('$0.50 USD');
  });
  it('formats integers', () => {
    expect(formatInteger(1234567)).toBe('1,234,567');
    expect(formatInteger(12)).toBe('12');
    expect(formatInteger(null)).toBe(EMPTY);
  });
  it('turns typed amounts into plain decimals for the API', () => {
    expect(amountInputToPlain('$1,234.50')).toBe('1234.50');
    expect(amountInputToPlain(' 1 234.5 MXN')).toBe('1234.5');
    expect(amountInputToPlain('')).toBe('');
  });
});

describe('windows and months', () => {
  it('formats date windows', () => {
    expect(formatWindow('2025-01-01', '2025-02-28')).toBe('01/01/2025 – 28/02/2025');
    expect(formatWindow('2025-01-01', null)).toBe('01/01/2025 – …');
    expect(formatWindow(null, null)).toBe(EMPTY);
  });
  it('names months in the UI language', () => {
    expect(monthName(1, 'es')).toBe('enero');
    expect(monthName(9, 'es')).toBe('septiembre');
    expect(monthName(12, 'en')).toBe('December');
    expect(formatYearMonth(2025, 3, 'es')).toBe('Marzo 2025');
    expect(formatYearMonth(2025, 3, 'en')).toBe('March 2025');
  });
});
