/**
 * The month-end schedule of the seed ("Regular Status Updates"): days 1–25 `Abierto`, 26–28
 * `En Revisión`, day 30+ `Cerrado`. It only drives a non-blocking checklist warning and the
 * closure board's overdue flag; nothing changes status automatically.
 *
 * Decisions where the seed is silent:
 * - day 29 belongs to the review period (`En Revisión`): the seed starts closure on day 30 and a
 *   day with no stated status continues the previous one;
 * - once the month is over (any day of a later month) the expected status is `Cerrado`, which
 *   covers February (no day 30) and gives 28-day months the same review days 26–28(29);
 * - on days 30–31 of the month itself the expected status is already `Cerrado`, literally as
 *   the seed says; being behind is a warning, never a block.
 */
import { compareYearMonth, dayOfMonth, yearMonthOf, type IsoDate } from './dates.js';
import type { MonthlyReportStatus } from './monthly-report-status.js';

/** Progress order of the closure statuses (a type-only import keeps this module free of cycles). */
const PROGRESS: readonly MonthlyReportStatus[] = ['abierto', 'en_revision', 'cerrado', 'facturado'];

/** Expected status of a month's report on day `day` (1–31) of that same month. */
export function closureSchedule(day: number): MonthlyReportStatus {
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`Invalid day of month: ${day}`);
  if (day <= 25) return 'abierto';
  if (day <= 29) return 'en_revision';
  return 'cerrado';
}

/** Expected status of the report of (`year`, `month`) on `today`; `null` before the month starts. */
export function expectedClosureStatus(year: number, month: number, today: IsoDate): MonthlyReportStatus | null {
  const order = compareYearMonth({ year, month }, yearMonthOf(today));
  if (order > 0) return null;
  return order < 0 ? 'cerrado' : closureSchedule(dayOfMonth(today));
}

/** True when the report is behind the schedule (`Facturado` counts as beyond `Cerrado`). */
export function isOverdue(status: MonthlyReportStatus, year: number, month: number, today: IsoDate): boolean {
  const expected = expectedClosureStatus(year, month, today);
  return expected !== null && PROGRESS.indexOf(status) < PROGRESS.indexOf(expected);
}
