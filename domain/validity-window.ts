/**
 * Validity window (*vigencia*) of an OT family (spec §3.3): only days inside it can hold daily
 * reports or production (HTTP 422 `outside_window` otherwise).
 *
 * - start = actual start, else planned start, of the **initial** OT (reprogrammings extend the
 *   end, never move the start);
 * - end = the latest of every actual and planned end across the family (initial + active
 *   reprogrammings): finishing early never shrinks the window below a planned end, and a
 *   reprogramming always extends it;
 * - a yard phase (`requiresYard` on the initial OT) has its own window for the OT's yard site:
 *   start = the initial OT's yard start, end = the latest yard end across the family.
 *
 * Missing dates are explicit in the result instead of hidden in `null` comparisons (the legacy
 * SQL silently dropped OTs without dates, while its grid treated a missing end as "no limit"):
 * - no start date → `{ kind: 'none', reason: 'no_start' }`: nothing can be captured until the
 *   OT has a start date (a data fix, not a guess);
 * - a start but no end date anywhere in the family → `{ kind: 'open_ended' }`: every day from
 *   the start on is valid (an OT in execution without a planned end must still be captured);
 * - end before start → `{ kind: 'none', reason: 'end_before_start' }`: inconsistent dates.
 * All dates are inclusive.
 */
import { maxIso, monthDays, type IsoDate } from './dates.js';
import type { SiteRole } from './work-order.js';

/** The dates of one OT of a family that matter for its window. Pass only active (not deleted) OTs. */
export interface WorkOrderDates {
  readonly plannedStart: IsoDate | null;
  readonly plannedEnd: IsoDate | null;
  readonly actualStart: IsoDate | null;
  readonly actualEnd: IsoDate | null;
  /** Meaningful on the initial OT: the OT has a yard phase before going offshore. */
  readonly requiresYard?: boolean;
  readonly yardStart?: IsoDate | null;
  readonly yardEnd?: IsoDate | null;
}

/** An initial OT and its (active) reprogrammings. */
export interface WorkOrderFamilyDates {
  readonly initial: WorkOrderDates;
  readonly reprogrammings: readonly WorkOrderDates[];
}

/** Why a window has no valid day. */
export type NoWindowReason = 'no_start' | 'end_before_start';

/** A validity window; see the module comment for the meaning of each kind. */
export type ValidityWindow =
  | { readonly kind: 'bounded'; readonly start: IsoDate; readonly end: IsoDate }
  | { readonly kind: 'open_ended'; readonly start: IsoDate; readonly end: null }
  | {
      readonly kind: 'none';
      readonly reason: NoWindowReason;
      readonly start: IsoDate | null;
      readonly end: IsoDate | null;
    };

/** Builds a window from a start and an end, classifying missing/inconsistent dates. */
export function makeWindow(start: IsoDate | null, end: IsoDate | null): ValidityWindow {
  if (start === null) return { kind: 'none', reason: 'no_start', start, end };
  if (end === null) return { kind: 'open_ended', start, end: null };
  if (end < start) return { kind: 'none', reason: 'end_before_start', start, end };
  return { kind: 'bounded', start, end };
}

function members(family: WorkOrderFamilyDates): readonly WorkOrderDates[] {
  return [family.initial, ...family.reprogrammings];
}

/** The general window of an OT family (every site except the yard of a yard phase). */
export function familyWindow(family: WorkOrderFamilyDates): ValidityWindow {
  const start = family.initial.actualStart ?? family.initial.plannedStart;
  const end = maxIso(...members(family).flatMap((ot) => [ot.actualEnd, ot.plannedEnd]));
  return makeWindow(start, end);
}

/**
 * The yard-phase window, or `null` when the initial OT has no yard phase. Yard ends of every
 * family member count (a reprogramming may extend the yard phase).
 */
export function yardWindow(family: WorkOrderFamilyDates): ValidityWindow | null {
  if (family.initial.requiresYard !== true) return null;
  const end = maxIso(...members(family).map((ot) => ot.yardEnd));
  return makeWindow(family.initial.yardStart ?? null, end);
}

/**
 * The window that applies to a site of the OT: the yard window for the yard site of an OT with a
 * yard phase, the family window otherwise (including a TIERRA OT whose *main* site is a yard).
 */
export function windowForSite(family: WorkOrderFamilyDates, siteRole: SiteRole): ValidityWindow {
  if (siteRole === 'yard') return yardWindow(family) ?? familyWindow(family);
  return familyWindow(family);
}

/** Whether a date lies inside the window (inclusive). A `none` window contains no day. */
export function isDayInWindow(window: ValidityWindow, isoDate: IsoDate): boolean {
  switch (window.kind) {
    case 'bounded':
      return isoDate >= window.start && isoDate <= window.end;
    case 'open_ended':
      return isoDate >= window.start;
    case 'none':
      return false;
  }
}

/** The days of a month inside the window, in order (empty when they do not overlap). */
export function daysInWindowForMonth(window: ValidityWindow, year: number, month: number): IsoDate[] {
  return monthDays(year, month).filter((d) => isDayInWindow(window, d));
}

/** Whether the window and the month share at least one day. */
export function windowOverlapsMonth(window: ValidityWindow, year: number, month: number): boolean {
  return daysInWindowForMonth(window, year, month).length > 0;
}
