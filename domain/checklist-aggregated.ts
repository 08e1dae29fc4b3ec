/**
 * The pre-closure checklist computed from aggregated facts instead of every production row.
 *
 * A 3,000-item month has ~30,000 production entries and ~20,000 GPU records; the checklist only
 * needs, per rule, how many rows offend, the first of them (for the UI's links) and a few codes
 * for the message. The server computes those facts with set-based SQL (see the monthly-reports
 * checklist loader) and calls {@link computeChecklistFromFacts}, which yields the same items as
 * {@link computeChecklist} on the per-row data (same keys, labels, results, counts and messages),
 * except that lists of production entries and line items stop after `cap` refs (the count stays
 * the total). Daily reports are few (sites × days) and still come one per row.
 *
 * Ordering contract (what "first" means): production entries in ascending id order; line items in
 * ascending id order. {@link checklistFactsFromInput} aggregates per-row input the same way and is
 * the reference the SQL must agree with.
 */
import { layerAllowedOn } from './daily-report.js';
import type { IsoDate } from './dates.js';
import { MAX_URL_LENGTH, isHttpUrl } from './evidence-link.js';
import { requiresGpu } from './gpu.js';
import { isLayer } from './layer.js';
import { Dec, isPositiveDecimal, toDec } from './money.js';
import type { ChecklistInput, ChecklistItem, ChecklistRef } from './checklist.js';
import {
  EXCESS_RESOLVED,
  GPU_EVIDENCE,
  LAYERS_ASSIGNED,
  PRODUCTION_MATCHES_DAILY_REPORTS,
  dailyReportsComplete,
  evidenceUrlSet,
  excessResolvedMessage,
  gpuEvidenceMessage,
  layersAssignedMessage,
  productionMismatchMessage,
  signOffs,
} from './checklist-blocking.js';
import {
  PLANNED_WITHOUT_PRODUCTION,
  UNIT_PRICES_MATCH_CATALOGUE,
  closureScheduleOnTime,
  dailyReportsUnsigned,
  evidenceUrlReachable,
  incidentsHaveLink,
  plannedWithoutProductionMessage,
  samePrice,
  unitPricesMessage,
} from './checklist-warnings.js';
import { buildContext, distinct, makeItem, type ChecklistContext } from './checklist-context.js';

/** Default number of production-entry / line-item refs listed per item (the count is always the total). */
export const OFFENDING_CAP = 200;

/** Codes listed in a message before "y N más" (see `joinCapped`). */
export const MESSAGE_CODES = 10;

/** Offending rows known by their number and the ids of the first ones (ascending id). */
export interface OffendingRows {
  readonly count: number;
  /** The first `min(count, cap)` ids in ascending order (more are ignored). */
  readonly ids: readonly number[];
}

/** Offending rows whose message names distinct partida codes. */
export interface OffendingWithCodes extends OffendingRows {
  /** Distinct codes of the offending rows in order of first appearance (by id), at least the first {@link MESSAGE_CODES}. */
  readonly codes: readonly string[];
  /** Number of distinct codes among all offending rows. */
  readonly codeCount: number;
}

/** Everything the checklist needs for one OT-month, with production already aggregated. */
export interface ChecklistFacts extends Omit<ChecklistInput, 'productionEntries' | 'gpuRecords' | 'lineItems' | 'plannedVolumes'> {
  /** Item 2: C-2/C-3 entries (volume > 0) without a GPU record with an http(s) evidence URL. */
  readonly gpuWithoutEvidence: OffendingWithCodes;
  /** Item 3: entries with excess neither covered by a newer cap nor acknowledged. */
  readonly unresolvedExcess: OffendingWithCodes;
  /** Item 5: layered entries on a site-day without a report or whose status forbids the layer. */
  readonly mismatchedProduction: OffendingRows & {
    /** Their site-days (repeats allowed), sites in the order of their first offending entry. */
    readonly siteDays: readonly { readonly siteId: number; readonly date: IsoDate }[];
  };
  /** Item 7: entries without a layer. */
  readonly unlayeredProduction: OffendingRows;
  /** Warning: line items with planned volume > 0 in the month and no production (ids are line items). */
  readonly plannedWithoutProduction: OffendingRows & {
    /** Codes of the first {@link MESSAGE_CODES} of those line items, in id order (repeats kept). */
    readonly codes: readonly string[];
  };
  /** Warning: line items priced differently from their catalogue concept (ids are line items). */
  readonly unitPricesDiffering: OffendingWithCodes;
}

/**
 * A fast pre-check of evidence links before {@link isHttpUrl} (which parses a URL): the server
 * checks every GPU link of a month, ~20,000 in a 3,000-item month, with these regular expressions
 * and parses only the few they leave undecided.
 *  - `valid`: printable ASCII `http(s)://authority[/?#…]`, at most MAX_URL_LENGTH long, whose
 *    authority is `label.label[:port]` (letters, digits, hyphens; the last label starts with a
 *    letter, so never an IPv4 number; port of 1–4 digits; no punycode label) — isHttpUrl accepts
 *    it;
 *  - `invalid`: longer than MAX_URL_LENGTH code points, a control/space character, or no
 *    `http(s)://host` prefix — isHttpUrl rejects it;
 *  - `uncertain`: anything else (IP hosts, userinfo, unicode, punycode, long ports…): ask isHttpUrl.
 * The authority is what follows the first `://` up to the first `/`, `?` or `#`. The unit tests
 * prove the first two claims on random strings.
 */
export const EVIDENCE_URL_PATTERNS = {
  maxLength: MAX_URL_LENGTH,
  httpPrefix: '^[hH][tT][tT][pP][sS]?://[^/]',
  forbiddenChar: '[\\u0001-\\u0020\\u007f]',
  printableHttp: '^[hH][tT][tT][pP][sS]?://[!-~]*$',
  authority: '^([a-zA-Z0-9-]+[.])*[a-zA-Z][a-zA-Z0-9-]*(:[0-9]{1,4})?$',
  punycode: '[xX][nN]--',
} as const;

const URL_RE = {
  httpPrefix: new RegExp(EVIDENCE_URL_PATTERNS.httpPrefix),
  forbiddenChar: new RegExp(EVIDENCE_URL_PATTERNS.forbiddenChar),
  printableHttp: new RegExp(EVIDENCE_URL_PATTERNS.printableHttp),
  authority: new RegExp(EVIDENCE_URL_PATTERNS.authority),
  punycode: new RegExp(EVIDENCE_URL_PATTERNS.punycode),
};

const AUTHORITY_END = /[/?#]/;

/** What follows the first `://` up to the first `/`, `?` or `#`. */
export function urlAuthority(url: string): string {
  const start = url.indexOf('://');
  if (start < 0) return '';
  const rest = url.slice(start + 3);
  const end = rest.search(AUTHORITY_END);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Whether an authority is a plain `label.label[:port]` (see {@link EVIDENCE_URL_PATTERNS}). */
export function isPlainAuthority(authority: string): boolean {
  return URL_RE.authority.test(authority) && !URL_RE.punycode.test(authority);
}

/** How an evidence URL classifies without parsing it (see {@link EVIDENCE_URL_PATTERNS}). */
export function classifyEvidenceUrl(text: string): 'valid' | 'invalid' | 'uncertain' {
  if (text.length <= EVIDENCE_URL_PATTERNS.maxLength && URL_RE.printableHttp.test(text) && isPlainAuthority(urlAuthority(text)))
    return 'valid';
  let codePoints = 0;
  for (const _ of text) codePoints += 1;
  if (codePoints > EVIDENCE_URL_PATTERNS.maxLength || URL_RE.forbiddenChar.test(text) || !URL_RE.httpPrefix.test(text)) return 'invalid';
  return 'uncertain';
}

const entryRefs = (rows: OffendingRows, cap: number): ChecklistRef[] =>
  rows.ids.slice(0, Math.min(cap, rows.count)).map((id) => ({ kind: 'production_entry', id }));
const lineItemRefs = (rows: OffendingRows, cap: number): ChecklistRef[] =>
  rows.ids.slice(0, Math.min(cap, rows.count)).map((id) => ({ kind: 'line_item', id }));

/** The checklist from aggregated facts: the 7 blocking items then the 6 warnings, as {@link computeChecklist}. */
export function computeChecklistFromFacts(facts: ChecklistFacts, cap: number = OFFENDING_CAP): ChecklistItem[] {
  // The rules that only read daily reports, sign-offs and the report itself run unchanged.
  const context: ChecklistContext = buildContext({ ...facts, productionEntries: [], gpuRecords: [], lineItems: [], plannedVolumes: [] });
  const gpu = facts.gpuWithoutEvidence;
  const excess = facts.unresolvedExcess;
  const mismatched = facts.mismatchedProduction;
  const unlayered = facts.unlayeredProduction;
  const planned = facts.plannedWithoutProduction;
  const prices = facts.unitPricesDiffering;
  return [
    dailyReportsComplete(context),
    makeItem(GPU_EVIDENCE, entryRefs(gpu, cap), () => gpuEvidenceMessage(gpu.count, gpu.codes, gpu.codeCount), gpu.count),
    makeItem(
      EXCESS_RESOLVED,
      entryRefs(excess, cap),
      () => excessResolvedMessage(excess.count, excess.codes, excess.codeCount),
      excess.count,
    ),
    evidenceUrlSet(context),
    makeItem(
      PRODUCTION_MATCHES_DAILY_REPORTS,
      entryRefs(mismatched, cap),
      () => productionMismatchMessage(context, mismatched.count, mismatched.siteDays),
      mismatched.count,
    ),
    signOffs(context),
    makeItem(LAYERS_ASSIGNED, entryRefs(unlayered, cap), () => layersAssignedMessage(unlayered.count), unlayered.count),
    makeItem(
      PLANNED_WITHOUT_PRODUCTION,
      lineItemRefs(planned, cap),
      () => plannedWithoutProductionMessage(planned.count, planned.codes),
      planned.count,
    ),
    dailyReportsUnsigned(context),
    makeItem(
      UNIT_PRICES_MATCH_CATALOGUE,
      lineItemRefs(prices, cap),
      () => unitPricesMessage(prices.count, prices.codes, prices.codeCount),
      prices.count,
    ),
    evidenceUrlReachable(context),
    incidentsHaveLink(context),
    closureScheduleOnTime(context),
  ];
}

function withCodes<T>(rows: readonly T[], id: (row: T) => number, code: (row: T) => string, cap: number): OffendingWithCodes {
  const sorted = [...rows].sort((a, b) => id(a) - id(b));
  const codes = distinct(sorted.map(code));
  return { count: sorted.length, ids: sorted.slice(0, cap).map(id), codes: codes.slice(0, MESSAGE_CODES), codeCount: codes.length };
}

/**
 * Aggregates per-row input into {@link ChecklistFacts} with the same rules as the per-row
 * checklist: the reference for the SQL aggregation, and the bridge used by tests.
 */
export function checklistFactsFromInput(input: ChecklistInput, cap: number = OFFENDING_CAP): ChecklistFacts {
  const context = buildContext(input);
  const entries = [...context.entries].sort((a, b) => a.id - b.id);
  const code = (e: { lineItemId: number }) => context.lineItemCode(e.lineItemId);

  const gpuByEntry = new Map(input.gpuRecords.map((g) => [g.productionEntryId, g]));
  const lacking = entries.filter((e) => requiresGpu(e.subAnnex, e.volume) && !isHttpUrl(gpuByEntry.get(e.id)?.evidenceUrl));
  const unresolved = entries.filter((e) => isPositiveDecimal(e.excessVolume) && !e.coveredByNewerCap && !e.excessAcknowledged);
  const mismatched = entries.filter((e) => {
    if (!isLayer(e.layer)) return false;
    const report = context.reportAt(e.siteId, e.date);
    return report === undefined || !layerAllowedOn(e.layer, report.operationalStatus);
  });
  const unlayered = entries.filter((e) => !isLayer(e.layer));

  const produced = new Set(entries.filter((e) => toDec(e.volume).greaterThan(0)).map((e) => e.lineItemId));
  const plannedTotals = new Map<number, Dec>();
  for (const p of context.planned) plannedTotals.set(p.lineItemId, (plannedTotals.get(p.lineItemId) ?? new Dec(0)).plus(toDec(p.volume)));
  const idle = [...plannedTotals]
    .filter(([id, total]) => total.greaterThan(0) && !produced.has(id))
    .map(([id]) => id)
    .sort((a, b) => a - b);

  const differing = input.lineItems.filter(
    (l) => l.catalogue !== null && (!samePrice(l.puMxn, l.catalogue.puMxn) || !samePrice(l.puUsd, l.catalogue.puUsd)),
  );

  const { productionEntries: _e, gpuRecords: _g, lineItems: _l, plannedVolumes: _p, ...rest } = input;
  return {
    ...rest,
    dailyReports: context.reports,
    gpuWithoutEvidence: withCodes(lacking, (e) => e.id, code, cap),
    unresolvedExcess: withCodes(unresolved, (e) => e.id, code, cap),
    mismatchedProduction: {
      count: mismatched.length,
      ids: mismatched.slice(0, cap).map((e) => e.id),
      siteDays: mismatched.map((e) => ({ siteId: e.siteId, date: e.date })),
    },
    unlayeredProduction: { count: unlayered.length, ids: unlayered.slice(0, cap).map((e) => e.id) },
    plannedWithoutProduction: {
      count: idle.length,
      ids: idle.slice(0, cap),
      codes: idle.slice(0, MESSAGE_CODES).map((id) => context.lineItemCode(id)),
    },
    unitPricesDiffering: withCodes(
      differing,
      (l) => l.id,
      (l) => l.code,
      cap,
    ),
  };
}
