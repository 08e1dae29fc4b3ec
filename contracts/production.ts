/**
 * HTTP contract of the production grid (*sábana de producción*, spec §3.4).
 *
 * The grid is one OT family × one month × one site × one layer (TE or CMA). Volumes are exact
 * decimal strings (up to 6 decimals); amounts are 2-decimal strings computed by
 * `domain/money.ts#amount` (half-even per line and currency). KPIs come from
 * `domain/grid-kpis.ts#gridKpis`, so the browser recomputes exactly the same numbers after an
 * edit: `producedThisMonth` of a row = `producedThisMonthElsewhere` + Σ of the row's `volumes`.
 *
 * Saving (`PUT /api/v1/production/grid`) is one transaction. Only cells whose value changes are
 * written; a zero (or empty) volume deletes the entry (and its GPU record unless that has evidence:
 * 409 `gpu_has_evidence`). Refusals: 400 `validation_failed` (bad number, date not in the month,
 * line item not of this family: `details.issues[].path` = `cells.<i>.<field>`), 422
 * `outside_window`, 409 `day_signed`, 409 `period_closed`, 409 `stale_grid`, 403 `forbidden`.
 *
 * Optimistic concurrency: every stored entry carries the revision of its last volume change.
 * Send, for every cell you change, `previous` = the value you loaded (null/"0" for an empty cell).
 * A cell whose stored value differs from both `previous` and the new value was changed by someone
 * else → 409 `stale_grid` with `details.cells` listing each such cell and its current value;
 * nothing is saved. Saves of different cells both land. When `previous` is omitted the server falls
 * back to revisions: a stored entry with `revision > baseRevision` and a different value conflicts
 * (a deletion by someone else cannot be detected that way, so the UI always sends `previous`).
 */
import { z } from 'zod';
import { Id } from './common';
import { MonthlyReportRef, Month, SignatureStatus, OperationalStatus, Year } from './daily-reports';

export const Layer = z.enum(['TE', 'CMA']);
export type Layer = z.infer<typeof Layer>;

/** `GET /api/v1/production/grid` (and `/grid.xlsx`, same query). */
export const GridQuery = z.object({
  /** Any OT of the family; the grid is the family's (production files under the initial OT). */
  workOrderId: Id,
  year: Year,
  month: Month,
  siteId: Id,
  layer: Layer.default('TE'),
});
export type GridQuery = z.infer<typeof GridQuery>;

/** Why a day column is read-only (null = editable by the caller). */
export const GridDayLock = z.enum(['outside_window', 'day_signed', 'period_closed', 'period_in_review']);
export type GridDayLock = z.infer<typeof GridDayLock>;

export const GridDay = z.object({
  date: z.string(),
  /** 1–31. */
  day: z.number().int(),
  lockedReason: GridDayLock.nullable(),
  /** The site's daily report of that day, when there is one. */
  dailyReport: z.object({ operationalStatus: OperationalStatus, signatureStatus: SignatureStatus }).nullable(),
});
export type GridDay = z.infer<typeof GridDay>;

/** Per-row month figures (also returned for the rows a save touched). */
export const GridRowFigures = z.object({
  lineItemId: Id,
  /** Volume of this site + layer per day (index 0 = day 1); null = no entry. */
  volumes: z.array(z.string().nullable()),
  /** Excess volume of that cell (null = none). */
  excess: z.array(z.string().nullable()),
  /** Σ volumes (this site + layer). */
  monthTotal: z.string(),
  /** monthTotal × PU, per currency. */
  amountMxn: z.string(),
  amountUsd: z.string(),
  /** Σ excess of this site + layer in the month. */
  excessTotal: z.string(),
  /** Volume of the month at the other sites and in the other layer (for the KPIs). */
  producedThisMonthElsewhere: z.string(),
});
export type GridRowFigures = z.infer<typeof GridRowFigures>;

/** One line item of the family, in natural order (sub-annex, then code). */
export const GridRow = GridRowFigures.extend({
  subAnnex: z.string(),
  code: z.string(),
  concept: z.string(),
  unit: z.string(),
  /** Current cap (newest annex version); 0 for ad-hoc items. */
  authorizedVolume: z.string(),
  /** null when the line has no price in that currency. */
  puMxn: z.string().nullable(),
  puUsd: z.string().nullable(),
  origin: z.enum(['annex', 'adhoc']),
  /** Needs a GPU record for every entry (C-2, C-3, C2EXT, C3EXT). */
  requiresGpu: z.boolean(),
  /** Volume produced before the 1st of the month (all sites, both layers). */
  producedBefore: z.string(),
  /** Planned volume per day (index 0 = day 1); null = none planned. */
  planned: z.array(z.string().nullable()),
  /** Volume of the other layer at this site per day (tooltip "TE / CMA"). */
  otherLayer: z.array(z.string().nullable()),
});
export type GridRow = z.infer<typeof GridRow>;

/** Sub-annex subtotal: rows[firstRow .. firstRow + lineItemCount - 1] belong to it. */
export const GridSubtotal = z.object({
  subAnnex: z.string(),
  firstRow: z.number().int(),
  lineItemCount: z.number().int(),
  authorizedMxn: z.string(),
  authorizedUsd: z.string(),
  monthMxn: z.string(),
  monthUsd: z.string(),
});
export type GridSubtotal = z.infer<typeof GridSubtotal>;

const CurrencyKpis = z.object({
  authorized: z.string(),
  producedBefore: z.string(),
  producedThisMonth: z.string(),
  remaining: z.string(),
});
/** `domain/grid-kpis.ts#gridKpis` over all rows (family-wide month: every site, both layers). */
export const GridKpis = z.object({ MXN: CurrencyKpis, USD: CurrencyKpis });
export type GridKpis = z.infer<typeof GridKpis>;

export const GridResponse = z.object({
  familyId: Id,
  folio: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  siteId: Id,
  siteName: z.string(),
  layer: Layer,
  /** Send back as `baseRevision` when saving. */
  revision: z.number().int(),
  /** The site's validity window (family-extended; yard window for the yard site). */
  window: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
  monthlyReport: MonthlyReportRef.nullable(),
  days: z.array(GridDay),
  rows: z.array(GridRow),
  subtotals: z.array(GridSubtotal),
  kpis: GridKpis,
  abilities: z.object({ edit: z.boolean() }),
});
export type GridResponse = z.infer<typeof GridResponse>;

/** A volume as typed: decimal string or number; "" or null mean 0 (delete). */
const VolumeInput = z.union([z.string().max(64), z.number(), z.null()]);

export const GridCellInput = z.object({
  lineItemId: z.number().int().positive(),
  /** `YYYY-MM-DD`, a day of the saved month (checked by the server, per cell). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Fecha inválida: use AAAA-MM-DD'),
  volume: VolumeInput,
  /** The value the client loaded for this cell (null/"0" = empty). See the module comment. */
  previous: VolumeInput.optional(),
});
export type GridCellInput = z.infer<typeof GridCellInput>;

/** `PUT /api/v1/production/grid`. */
export const SaveGridBody = z.object({
  workOrderId: Id,
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
  siteId: Id,
  layer: Layer,
  baseRevision: z.number().int().min(0),
  cells: z.array(GridCellInput).max(200_000, 'Máximo 200,000 celdas por guardado'),
  /** Also return the family-wide KPIs (costs a pass over every line item; the grid recomputes them itself). */
  withKpis: z.boolean().optional(),
});
export type SaveGridBody = z.infer<typeof SaveGridBody>;

/** One conflicting cell of a 409 `stale_grid` answer (`error.details.cells`). */
export const StaleCell = z.object({
  lineItemId: Id,
  siteId: Id,
  date: z.string(),
  layer: Layer,
  /** The value stored now (null = no entry). */
  current: z.string().nullable(),
  /** Revision of the stored entry (null when it was deleted). */
  revision: z.number().int().nullable(),
});
export type StaleCell = z.infer<typeof StaleCell>;

export const SaveGridResponse = z.object({
  /** New grid revision (use as the next `baseRevision`). */
  revision: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  /** Cells sent whose value did not change (nothing written). */
  unchanged: z.number().int(),
  /** Excess values changed by the recomputation (any site, layer or month of the touched items). */
  excessChanged: z.number().int(),
  gpuCreated: z.number().int(),
  gpuDeleted: z.number().int(),
  /** Fresh figures of every touched line item (merge into the grid's rows). */
  rows: z.array(GridRowFigures),
  /** Present when the save asked `withKpis: true`. */
  kpis: GridKpis.optional(),
});
export type SaveGridResponse = z.infer<typeof SaveGridResponse>;
