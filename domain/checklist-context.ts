/**
 * Shared plumbing of the checklist rules: the month-filtered data with lookups, and the helpers
 * that turn offending rows into items and readable Spanish/English messages.
 */
import { dayOfMonth, yearMonthOf, type IsoDate } from './dates.js';
import { joinList } from './numbers-format.js';
import type {
  ChecklistDailyReport,
  ChecklistInput,
  ChecklistItem,
  ChecklistKey,
  ChecklistPlannedVolume,
  ChecklistProductionEntry,
  ChecklistRef,
} from './checklist.js';

/** The input restricted to the month, with lookups. */
export interface ChecklistContext {
  readonly input: ChecklistInput;
  readonly entries: readonly ChecklistProductionEntry[];
  readonly reports: readonly ChecklistDailyReport[];
  readonly planned: readonly ChecklistPlannedVolume[];
  reportAt(siteId: number, date: IsoDate): ChecklistDailyReport | undefined;
  siteName(siteId: number): string;
  lineItemCode(lineItemId: number): string;
}

/** A checklist rule: one item from the context. */
export type ChecklistRule = (context: ChecklistContext) => ChecklistItem;

const siteDayKey = (siteId: number, date: IsoDate): string => `${siteId}|${date}`;

/** Builds the {@link ChecklistContext} of an input. */
export function buildContext(input: ChecklistInput): ChecklistContext {
  const inMonth = (date: IsoDate): boolean => {
    const ym = yearMonthOf(date);
    return ym.year === input.year && ym.month === input.month;
  };
  const reports = input.dailyReports.filter((r) => inMonth(r.date));
  const byDay = new Map(reports.map((r) => [siteDayKey(r.siteId, r.date), r]));
  const siteNames = new Map(input.sites.map((s) => [s.id, s.name]));
  const codes = new Map(input.lineItems.map((l) => [l.id, l.code]));
  return {
    input,
    entries: input.productionEntries.filter((e) => inMonth(e.date)),
    reports,
    planned: input.plannedVolumes.filter((p) => inMonth(p.date)),
    reportAt: (siteId, date) => byDay.get(siteDayKey(siteId, date)),
    siteName: (siteId) => siteNames.get(siteId) ?? `Sitio ${siteId}`,
    lineItemCode: (id) => codes.get(id) ?? `#${id}`,
  };
}

/** A message in both UI languages. */
export interface Message {
  readonly es: string;
  readonly en: string;
}

/** Static description of an item. */
export interface ItemDefinition {
  readonly key: ChecklistKey;
  readonly blocking: boolean;
  readonly label: Message;
  /** Message when nothing is offending. */
  readonly okMessage: Message;
}

/**
 * Builds an item: `ok` when nothing is offending, else `falla` (blocking) or `aviso` (warning).
 * `count` is the number of offending rows; it defaults to `offending.length` and is larger when
 * the caller only lists the first rows (the aggregated checklist, `checklist-aggregated.ts`).
 */
export function makeItem(
  definition: ItemDefinition,
  offending: readonly ChecklistRef[],
  failMessage: () => Message,
  count: number = offending.length,
): ChecklistItem {
  const passed = count === 0;
  const message = passed ? definition.okMessage : failMessage();
  return {
    key: definition.key,
    label_es: definition.label.es,
    label_en: definition.label.en,
    result: passed ? 'ok' : definition.blocking ? 'falla' : 'aviso',
    blocking: definition.blocking,
    count,
    offending,
    message_es: message.es,
    message_en: message.en,
  };
}

/** `1 día` / `3 días`. */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Joins at most `max` items, then "y N más" / "and N more". */
export function joinCapped(items: readonly string[], language: 'es' | 'en', max = 10): string {
  return joinCappedTotal(items.slice(0, max), items.length, language, max);
}

/**
 * {@link joinCapped} of a list known by its first items and its length: `first` holds the first
 * `min(total, max)` items (more are ignored), `total` the length of the whole list.
 */
export function joinCappedTotal(first: readonly string[], total: number, language: 'es' | 'en', max = 10): string {
  if (total <= max) return joinList(first.slice(0, total), language);
  const rest = total - max;
  return joinList([...first.slice(0, max), language === 'es' ? `${rest} más` : `${rest} more`], language);
}

/** Distinct values, first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/**
 * Groups site-days per site into message segments, e.g. (with `describe` = n → "n días sin
 * reporte diario en"): `3 días sin reporte diario en Plataforma ABK-A: 4, 5 y 18`.
 * Sites appear in input order; days ascending; segments joined with `; `.
 */
export function siteDaySegments(
  context: Pick<ChecklistContext, 'siteName'>,
  days: readonly { readonly siteId: number; readonly date: IsoDate }[],
  describe: (count: number, language: 'es' | 'en') => string,
): Message {
  const bySite = new Map<number, number[]>();
  for (const { siteId, date } of days) {
    const list = bySite.get(siteId) ?? [];
    list.push(dayOfMonth(date));
    bySite.set(siteId, list);
  }
  const render = (language: 'es' | 'en'): string =>
    [...bySite]
      .map(([siteId, list]) => {
        const sorted = distinct(list).sort((a, b) => a - b);
        return `${describe(sorted.length, language)} ${context.siteName(siteId)}: ${joinList(sorted.map(String), language)}`;
      })
      .join('; ');
  return { es: render('es'), en: render('en') };
}
