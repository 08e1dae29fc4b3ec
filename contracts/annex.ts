/**
 * HTTP contract of an OT family's annex: annex imports (upload → preview → commit), annex
 * versions, line items with their history, and ad-hoc line items.
 */
import { z } from 'zod';
import { Id } from './common';
import { ImportRowError, ImportStatus } from './catalogue';

/** replacement: the file's volumes restate the cap (default); additional: they add to it. */
export const CapRule = z.enum(['replacement', 'additional']);
export type CapRule = z.infer<typeof CapRule>;

export const LineChange = z.enum(['new', 'volume', 'price', 'volume_price', 'unchanged']);
export type LineChange = z.infer<typeof LineChange>;

/** One line of the uploaded annex, resolved against the catalogue and diffed with the current annex. */
export const AnnexPreviewItem = z.object({
  sheet: z.string(),
  row: z.number().int(),
  subAnnex: z.string(),
  code: z.string(),
  concept: z.string(),
  unitCode: z.string(),
  statedVolume: z.string(),
  /** Current cap of the line item (null: not in the annex yet). */
  currentVolume: z.string().nullable(),
  /** Prices that will be stored (the catalogue's when > 0, else the file's). */
  puMxn: z.string(),
  puUsd: z.string(),
  filePuMxn: z.string(),
  filePuUsd: z.string(),
  currentPuMxn: z.string().nullable(),
  currentPuUsd: z.string().nullable(),
  /** True when the file's price differs from the stored one (the catalogue's won). */
  filePriceDiffers: z.boolean(),
  change: LineChange,
  lineItemId: z.number().int().nullable(),
  plannedDays: z.number().int(),
  plannedTotal: z.string(),
});
export type AnnexPreviewItem = z.infer<typeof AnnexPreviewItem>;

export const AnnexRemovedItem = z.object({
  lineItemId: z.number().int(),
  subAnnex: z.string(),
  code: z.string(),
  concept: z.string(),
  unitCode: z.string(),
  currentVolume: z.string(),
});

export const AnnexImportCounts = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  changedVolume: z.number().int(),
  changedPrice: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  filePriceDiffers: z.number().int(),
  errors: z.number().int(),
  rowsNotSelected: z.number().int(),
  plannedCells: z.number().int(),
  /** Programme cells in months closed when the preview was made: the commit leaves those months as they were. */
  plannedInClosedMonths: z.number().int(),
});

export const AnnexImport = z.object({
  id: Id,
  status: ImportStatus,
  workOrderId: z.number().int(),
  familyId: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  shape: z.enum(['pte', 'sabana']),
  sheet: z.string(),
  headerRow: z.number().int(),
  /** Number of the family's newest annex version when the preview was made (0: none). */
  baseVersion: z.number().int(),
  counts: AnnexImportCounts,
  items: z.array(AnnexPreviewItem),
  /** Line items of the current annex the file does not list: they keep their current values. */
  removed: z.array(AnnexRemovedItem),
  /** The daily programme: planned volume per day (all line items). */
  planned: z.array(z.object({ date: z.string(), cells: z.number().int() })),
  errors: z.array(ImportRowError),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  version: z.object({ id: z.number().int(), number: z.number().int(), capRule: CapRule }).nullable(),
});
export type AnnexImport = z.infer<typeof AnnexImport>;

export const CommitAnnexBody = z.object({ capRule: CapRule.default('replacement') });

export const AnnexVersion = z.object({
  id: Id,
  number: z.number().int(),
  workOrderId: z.number().int(),
  workOrderFolio: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  capRule: CapRule,
  counts: z.record(z.string(), z.number()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type AnnexVersion = z.infer<typeof AnnexVersion>;

export const LineItem = z.object({
  id: Id,
  familyId: z.number().int(),
  subAnnex: z.string(),
  code: z.string(),
  concept: z.string(),
  unitId: z.number().int(),
  unitCode: z.string(),
  authorizedVolume: z.string(),
  puMxn: z.string(),
  puUsd: z.string(),
  /** authorizedVolume × PU, half-even to cents, per currency. */
  amountMxn: z.string(),
  amountUsd: z.string(),
  origin: z.enum(['annex', 'adhoc']),
  /** Number of the newest annex version stating this item (null: ad-hoc, never authorized: cap 0). */
  versionNumber: z.number().int().nullable(),
  catalogueItemId: z.number().int().nullable(),
  plannedTotal: z.string(),
});
export type LineItem = z.infer<typeof LineItem>;

export const SubAnnexTotal = z.object({ subAnnex: z.string(), count: z.number().int(), amountMxn: z.string(), amountUsd: z.string() });

export const LineItemList = z.object({
  familyId: z.number().int(),
  items: z.array(LineItem),
  subAnnexes: z.array(SubAnnexTotal),
  totals: z.object({ count: z.number().int(), amountMxn: z.string(), amountUsd: z.string() }),
  versions: z.array(AnnexVersion),
});
export type LineItemList = z.infer<typeof LineItemList>;

export const LineItemHistoryEntry = z.object({
  versionId: z.number().int(),
  versionNumber: z.number().int(),
  workOrderFolio: z.string(),
  fileName: z.string(),
  capRule: CapRule,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  statedVolume: z.string(),
  capAfter: z.string(),
  puMxn: z.string(),
  puUsd: z.string(),
  filePuMxn: z.string().nullable(),
  filePuUsd: z.string().nullable(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
});

export const LineItemHistory = z.object({ lineItem: LineItem, entries: z.array(LineItemHistoryEntry) });

export const LineItemParams = z.object({ id: Id, lineItemId: Id });

export const AddAdhocLineItemBody = z.object({ catalogueItemId: Id });
