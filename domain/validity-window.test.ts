import { describe, expect, it } from 'vitest';
import {
  daysInWindowForMonth,
  familyWindow,
  isDayInWindow,
  makeWindow,
  windowForSite,
  windowOverlapsMonth,
  yardWindow,
  type WorkOrderDates,
  type WorkOrderFamilyDates,
} from './validity-window.js';

const ot = (overrides: Partial<WorkOrderDates> = {}): WorkOrderDates => ({
  plannedStart: null,
  plannedEnd: null,
  actualStart: null,
  actualEnd: null,
  ...overrides,
});

const family = (initial: Partial<WorkOrderDates>, ...reprogrammings: Partial<WorkOrderDates>[]): WorkOrderFamilyDates => ({
  initial: ot(initial),
  reprogrammings: reprogrammings.map(ot),
});

describe('familyWindow', () => {
  it('uses the planned dates when nothing actual is known', () => {
    expect(familyWindow(family({ plannedStart: '2025-03-05', plannedEnd: '2025-04-10' }))).toEqual({
      kind: 'bounded',
      start: '2025-03-05',
      end: '2025-04-10',
    });
  });

  it('prefers the actual start over the planned start', () => {
    const w = familyWindow(family({ plannedStart: '2025-03-05', actualStart: '2025-03-08', plannedEnd: '2025-04-10' }));
    expect(w).toMatchObject({ start: '2025-03-08' });
  });

  it('takes the latest of actual and planned ends (an early finish does not shrink it; a late one extends it)', () => {
    expect(familyWindow(family({ plannedStart: '2025-03-01', plannedEnd: '2025-03-31', actualEnd: '2025-03-20' }))).toMatchObject({
      end: '2025-03-31',
    });
    expect(familyWindow(family({ plannedStart: '2025-03-01', plannedEnd: '2025-03-31', actualEnd: '2025-04-03' }))).toMatchObject({
      end: '2025-04-03',
    });
  });

  it('is extended by reprogrammings, whose starts are ignored', () => {
    const w = familyWindow(
      family(
        { plannedStart: '2025-01-10', plannedEnd: '2025-02-28' },
        { plannedStart: '2024-12-01', plannedEnd: '2025-05-15' },
        { plannedStart: '2025-03-01', plannedEnd: '2025-04-30', actualEnd: '2025-06-02' },
      ),
    );
    expect(w).toEqual({ kind: 'bounded', start: '2025-01-10', end: '2025-06-02' });
  });

  it('is open-ended when no family member has an end date', () => {
    const w = familyWindow(family({ plannedStart: '2025-03-05' }, {}));
    expect(w).toEqual({ kind: 'open_ended', start: '2025-03-05', end: null });
    expect(isDayInWindow(w, '2030-01-01')).toBe(true);
    expect(isDayInWindow(w, '2025-03-04')).toBe(false);
  });

  it('has no valid day without a start date, even if a reprogramming has one', () => {
    const w = familyWindow(family({ plannedEnd: '2025-03-31' }, { plannedStart: '2025-03-01', plannedEnd: '2025-04-30' }));
    expect(w).toEqual({ kind: 'none', reason: 'no_start', start: null, end: '2025-04-30' });
    expect(isDayInWindow(w, '2025-03-15')).toBe(false);
    expect(daysInWindowForMonth(w, 2025, 3)).toEqual([]);
  });

  it('flags an end before the start', () => {
    expect(familyWindow(family({ plannedStart: '2025-03-10', plannedEnd: '2025-03-01' }))).toMatchObject({
      kind: 'none',
      reason: 'end_before_start',
    });
  });

  it('a one-day window holds exactly that day', () => {
    const w = makeWindow('2025-03-10', '2025-03-10');
    expect(daysInWindowForMonth(w, 2025, 3)).toEqual(['2025-03-10']);
  });
});

describe('yard phase', () => {
  const withYard = family(
    {
      plannedStart: '2025-03-15',
      plannedEnd: '2025-05-31',
      requiresYard: true,
      yardStart: '2025-02-01',
      yardEnd: '2025-03-10',
    },
    { plannedStart: '2025-06-01', plannedEnd: '2025-06-30', yardEnd: '2025-03-20' },
  );

  it('has its own window for the yard site, extended by reprogrammings', () => {
    expect(yardWindow(withYard)).toEqual({ kind: 'bounded', start: '2025-02-01', end: '2025-03-20' });
    expect(windowForSite(withYard, 'yard')).toEqual({ kind: 'bounded', start: '2025-02-01', end: '2025-03-20' });
  });

  it('other sites use the family window', () => {
    expect(windowForSite(withYard, 'main')).toEqual({ kind: 'bounded', start: '2025-03-15', end: '2025-06-30' });
    expect(windowForSite(withYard, 'platform')).toEqual(familyWindow(withYard));
    expect(isDayInWindow(windowForSite(withYard, 'main'), '2025-02-10')).toBe(false);
    expect(isDayInWindow(windowForSite(withYard, 'yard'), '2025-02-10')).toBe(true);
  });

  it('without a yard phase the yard site uses the family window', () => {
    const plain = family({
      plannedStart: '2025-03-01',
      plannedEnd: '2025-03-31',
      yardStart: '2025-01-01',
      yardEnd: '2025-01-31',
    });
    expect(yardWindow(plain)).toBeNull();
    expect(windowForSite(plain, 'yard')).toEqual(familyWindow(plain));
  });

  it('missing yard dates are explicit', () => {
    expect(windowForSite(family({ plannedStart: '2025-03-01', requiresYard: true, yardEnd: '2025-03-01' }), 'yard')).toMatchObject({
      kind: 'none',
      reason: 'no_start',
    });
    expect(windowForSite(family({ plannedStart: '2025-03-01', requiresYard: true, yardStart: '2025-02-01' }), 'yard')).toEqual({
      kind: 'open_ended',
      start: '2025-02-01',
      end: null,
    });
  });
});

describe('daysInWindowForMonth', () => {
  const w = makeWindow('2025-02-26', '2025-03-03');

  it('clips the window to the month', () => {
    expect(daysInWindowForMonth(w, 2025, 2)).toEqual(['2025-02-26', '2025-02-27', '2025-02-28']);
    expect(daysInWindowForMonth(w, 2025, 3)).toEqual(['2025-03-01', '2025-03-02', '2025-03-03']);
    expect(daysInWindowForMonth(w, 2025, 4)).toEqual([]);
    expect(windowOverlapsMonth(w, 2025, 3)).toBe(true);
    expect(windowOverlapsMonth(w, 2025, 1)).toBe(false);
  });

  it('covers the whole month when open-ended', () => {
    expect(daysInWindowForMonth(makeWindow('2025-01-15', null), 2025, 4)).toHaveLength(30);
  });
});
