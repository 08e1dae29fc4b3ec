import { describe, expect, it } from 'vitest';
import { closureSchedule, expectedClosureStatus, isOverdue } from './closure-schedule.js';

describe('closureSchedule', () => {
  it('follows the seed: 1–25 Abierto, 26–28 En Revisión, 30+ Cerrado; day 29 is review', () => {
    expect(closureSchedule(1)).toBe('abierto');
    expect(closureSchedule(25)).toBe('abierto');
    expect(closureSchedule(26)).toBe('en_revision');
    expect(closureSchedule(28)).toBe('en_revision');
    expect(closureSchedule(29)).toBe('en_revision');
    expect(closureSchedule(30)).toBe('cerrado');
    expect(closureSchedule(31)).toBe('cerrado');
  });

  it('refuses impossible days', () => {
    expect(() => closureSchedule(0)).toThrow(RangeError);
    expect(() => closureSchedule(32)).toThrow(RangeError);
    expect(() => closureSchedule(1.5)).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  it('is never overdue before the month starts', () => {
    expect(expectedClosureStatus(2025, 4, '2025-03-31')).toBeNull();
    expect(isOverdue('abierto', 2025, 4, '2025-03-31')).toBe(false);
  });

  it('follows the schedule inside the month', () => {
    expect(isOverdue('abierto', 2025, 3, '2025-03-25')).toBe(false);
    expect(isOverdue('abierto', 2025, 3, '2025-03-26')).toBe(true);
    expect(isOverdue('en_revision', 2025, 3, '2025-03-29')).toBe(false);
    expect(isOverdue('en_revision', 2025, 3, '2025-03-30')).toBe(true);
    expect(isOverdue('cerrado', 2025, 3, '2025-03-31')).toBe(false);
  });

  it('expects Cerrado once the month is over (February has no day 30)', () => {
    expect(isOverdue('en_revision', 2025, 2, '2025-02-28')).toBe(false);
    expect(isOverdue('en_revision', 2025, 2, '2025-03-01')).toBe(true);
    expect(isOverdue('abierto', 2024, 12, '2025-06-15')).toBe(true);
  });

  it('counts Facturado as beyond Cerrado', () => {
    expect(isOverdue('facturado', 2025, 1, '2025-06-01')).toBe(false);
  });
});
