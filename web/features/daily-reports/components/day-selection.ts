/**
 * Which days of which OT row are selected in the daily reports grid (pure). A selection stays
 * inside one OT row, because every write is for one OT and site.
 */
export interface DaySelection {
  readonly familyId: number;
  readonly days: ReadonlySet<number>;
  /** Last clicked day, the anchor of a Shift+click range. */
  readonly anchor: number;
}

export function clickDay(
  current: DaySelection | null,
  familyId: number,
  day: number,
  mode: 'single' | 'toggle' | 'range',
  selectable: (day: number) => boolean,
): DaySelection | null {
  if (!selectable(day)) return current;
  if (!current || current.familyId !== familyId || mode === 'single') return { familyId, days: new Set([day]), anchor: day };
  if (mode === 'toggle') {
    const days = new Set(current.days);
    if (days.has(day)) days.delete(day);
    else days.add(day);
    return days.size === 0 ? null : { familyId, days, anchor: day };
  }
  const days = new Set(current.days);
  const [from, to] = current.anchor <= day ? [current.anchor, day] : [day, current.anchor];
  for (let d = from; d <= to; d += 1) if (selectable(d)) days.add(d);
  return { familyId, days, anchor: current.anchor };
}

/** Every selectable day of a row (the "whole month" button). */
export function selectAll(familyId: number, dayCount: number, selectable: (day: number) => boolean): DaySelection | null {
  const days = new Set<number>();
  for (let d = 1; d <= dayCount; d += 1) if (selectable(d)) days.add(d);
  return days.size === 0 ? null : { familyId, days, anchor: 1 };
}
