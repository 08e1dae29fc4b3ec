/**
 * The pre-closure checklist of an OT-month (spec §3.1), computed from plain data so the server
 * (which refuses to close) and the browser (which shows why) use the same rules.
 *
 * The caller loads the month's data and passes it in; nothing here does I/O. Data outside the
 * month is ignored defensively. Seven blocking items must be `ok` to close; six warnings are shown
 * but never block. Each item carries the offending rows so the UI can link to them.
 */
import type { IsoDate } from './dates.js';
import type { OperationalStatus } from './daily-report.js';
import type { GpuStatus } from './gpu.js';
import type { Layer } from './layer.js';
import type { MonthlyReportStatus } from './monthly-report-status.js';
import type { SignatureStatus } from './signature-status.js';
import type { SignOff, SignOffKind } from './sign-off.js';
import type { ValidityWindow } from './validity-window.js';
import { BLOCKING_RULES } from './checklist-blocking.js';
import { WARNING_RULES } from './checklist-warnings.js';
import { buildContext } from './checklist-context.js';

/** A site of the OT with the validity window that applies to it (see `windowForSite`). */
export interface ChecklistSite {
  readonly id: number;
  /** Display name, used in messages (`Plataforma ABK-A`). */
  readonly name: string;
  readonly window: ValidityWindow;
}

/** A daily report of the month. */
export interface ChecklistDailyReport {
  readonly siteId: number;
  readonly date: IsoDate;
  readonly operationalStatus: OperationalStatus;
  readonly signatureStatus: SignatureStatus;
  /** The note flags an incident. */
  readonly incident?: boolean;
  /** Link to the incident's support (photos, report); expected when `incident`. */
  readonly incidentLink?: string | null;
}

/** A production entry of the month (volume > 0; zero volumes are not stored). */
export interface ChecklistProductionEntry {
  readonly id: number;
  readonly lineItemId: number;
  readonly siteId: number;
  readonly date: IsoDate;
  /** Always set by the schema; `null` is accepted so item 7 can still report it. */
  readonly layer: Layer | null;
  /** Sub-annex label of the line item (`C-2`, `C3EXT`…). */
  readonly subAnnex: string | null;
  readonly volume: string;
  /** Excess volume computed by the excess engine. */
  readonly excessVolume: string;
  /** An operations manager acknowledged the excess as non-billable. */
  readonly excessAcknowledged: boolean;
  /** A newer annex version authorizes a cap that covers this excess. */
  readonly coveredByNewerCap: boolean;
}

/** The GPU record of a production entry. */
export interface ChecklistGpuRecord {
  readonly productionEntryId: number;
  readonly status: GpuStatus;
  readonly evidenceUrl: string | null;
}

/** A recorded sign-off (see sign-off.ts). */
export type ChecklistSignOff = SignOff;

/** A line item of the OT family with its prices and the contract catalogue's prices. */
export interface ChecklistLineItem {
  readonly id: number;
  /** Partida code, shown in messages (`2.1.`). */
  readonly code: string;
  readonly puMxn: string | null;
  readonly puUsd: string | null;
  /** Prices of the matching catalogue concept; `null` when it has none (ad-hoc / PUE): not compared. */
  readonly catalogue: { readonly puMxn: string | null; readonly puUsd: string | null } | null;
}

/** Planned volume of a line item on a day (the *programa*). */
export interface ChecklistPlannedVolume {
  readonly lineItemId: number;
  readonly date: IsoDate;
  readonly volume: string;
}

/** Result of the server's last reachability check of the evidence URL. */
export interface EvidenceReachability {
  /** The URL that was checked; a result for another URL is stale and ignored. */
  readonly url: string;
  readonly reachable: boolean;
  readonly checkedAt: string;
}

/** Everything the checklist looks at, for one OT family and one month. */
export interface ChecklistInput {
  readonly year: number;
  readonly month: number;
  /** Today in Mexico City (`todayInMexicoCity()`), for the schedule warning. */
  readonly today: IsoDate;
  readonly status: MonthlyReportStatus;
  readonly sites: readonly ChecklistSite[];
  readonly dailyReports: readonly ChecklistDailyReport[];
  readonly productionEntries: readonly ChecklistProductionEntry[];
  readonly gpuRecords: readonly ChecklistGpuRecord[];
  readonly lineItems: readonly ChecklistLineItem[];
  readonly plannedVolumes: readonly ChecklistPlannedVolume[];
  readonly evidenceUrl: string | null;
  readonly evidenceReachability: EvidenceReachability | null;
  readonly signOffs: readonly ChecklistSignOff[];
  /** Users who created or changed the month's daily reports, production or GPU records. */
  readonly capturedByUserIds: readonly number[];
}

/** Result of one item. `falla` only happens on blocking items, `aviso` only on warnings. */
export type ChecklistOutcome = 'ok' | 'falla' | 'aviso';

/** A pointer to an offending row, for the UI's links. */
export type ChecklistRef =
  | { readonly kind: 'site_day'; readonly siteId: number; readonly date: IsoDate }
  | { readonly kind: 'production_entry'; readonly id: number }
  | { readonly kind: 'line_item'; readonly id: number }
  | { readonly kind: 'sign_off'; readonly signOff: SignOffKind; readonly userId?: number }
  | { readonly kind: 'user'; readonly id: number }
  | { readonly kind: 'monthly_report' };

export const BLOCKING_CHECKLIST_KEYS = [
  'daily_reports_complete',
  'gpu_evidence',
  'excess_resolved',
  'evidence_url',
  'production_matches_daily_reports',
  'sign_offs',
  'layers_assigned',
] as const;

export const WARNING_CHECKLIST_KEYS = [
  'planned_without_production',
  'daily_reports_unsigned',
  'unit_prices_match_catalogue',
  'evidence_url_reachable',
  'incidents_have_link',
  'closure_schedule',
] as const;

export type ChecklistKey = (typeof BLOCKING_CHECKLIST_KEYS)[number] | (typeof WARNING_CHECKLIST_KEYS)[number];

/** One checklist line. */
export interface ChecklistItem {
  readonly key: ChecklistKey;
  readonly label_es: string;
  readonly label_en: string;
  readonly result: ChecklistOutcome;
  readonly blocking: boolean;
  /** Number of offending rows (days, entries, line items…); 0 when `ok`. */
  readonly count: number;
  readonly offending: readonly ChecklistRef[];
  readonly message_es: string;
  readonly message_en: string;
}

/** Computes the 7 blocking items then the 6 warnings, in that fixed order. */
export function computeChecklist(input: ChecklistInput): ChecklistItem[] {
  const context = buildContext(input);
  return [...BLOCKING_RULES, ...WARNING_RULES].map((rule) => rule(context));
}

/** Aggregate view for the closure button and the closure board. */
export interface ChecklistSummary {
  /** Every blocking item is `ok`. */
  readonly canClose: boolean;
  readonly failingBlockingKeys: readonly ChecklistKey[];
  readonly warningKeys: readonly ChecklistKey[];
  /** Blocking items passing, out of `blockingTotal` (the board's progress). */
  readonly blockingPassed: number;
  readonly blockingTotal: number;
}

/** Summarises {@link computeChecklist}'s items. */
export function summarizeChecklist(items: readonly ChecklistItem[]): ChecklistSummary {
  const blocking = items.filter((i) => i.blocking);
  const failing = blocking.filter((i) => i.result !== 'ok').map((i) => i.key);
  return {
    canClose: failing.length === 0,
    failingBlockingKeys: failing,
    warningKeys: items.filter((i) => !i.blocking && i.result === 'aviso').map((i) => i.key),
    blockingPassed: blocking.length - failing.length,
    blockingTotal: blocking.length,
  };
}
