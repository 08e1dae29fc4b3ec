import { describe, expect, it } from 'vitest';
import { clickDay, selectAll } from './day-selection';

const selectable = (d: number) => d !== 3 && d <= 10;

describe('daily reports day selection', () => {
  it('selects one day, toggles others and extends a range over selectable days only', () => {
    let s = clickDay(null, 1, 2, 'single', selectable);
    expect([...(s?.days ?? [])]).toEqual([2]);
    s = clickDay(s, 1, 5, 'range', selectable);
    expect([...(s?.days ?? [])].sort((a, b) => a - b)).toEqual([2, 4, 5]);
    s = clickDay(s, 1, 4, 'toggle', selectable);
    expect([...(s?.days ?? [])].sort((a, b) => a - b)).toEqual([2, 5]);
  });

  it('never selects a locked day and restarts in another OT row', () => {
    const s = clickDay(null, 1, 3, 'single', selectable);
    expect(s).toBeNull();
    const other = clickDay(clickDay(null, 1, 2, 'single', selectable), 2, 6, 'range', selectable);
    expect(other).toEqual({ familyId: 2, days: new Set([6]), anchor: 6 });
  });

  it('selects the whole month of a row', () => {
    expect([...(selectAll(1, 12, selectable)?.days ?? [])]).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10]);
    expect(selectAll(1, 12, () => false)).toBeNull();
  });
});
