/**
 * HTTP contract of the contract catalogue (Anexo C): imports (upload → preview → commit), the
 * catalogue browser and its export. Shared by the server (validation, OpenAPI) and the web UI.
 */
import { z } from 'zod';
import { Id, Text } from './common';

/** Which workbook layout an upload has: the contract's Anexo C (8 sheets) or the PUE sheet. */
export const CatalogueFormat = z.enum(['contract', 'pue']);
export type CatalogueFormat = z.infer<typeof CatalogueFormat>;

export const ImportStatus = z.enum(['preview', 'committed', 'discarded']);

/** A row-level problem of an uploaded workbook (nothing is imported while any exists). */
export const ImportRowError = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  columnLetter: z.string(),
  reason: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const CatalogueImportQuery = z.object({
  format: CatalogueFormat.default('contract'),
  /** The contract the catalogue belongs to; created on commit when new. Optional when exactly one contract exists. */
  contractNumber: Text(100).min(1).optional(),
});

export const CatalogueImportCounts = z.object({
  /** Rows with a unit (line items of the file) per canonical sub-annex, natural order. */
  bySubAnnex: z.record(z.string(), z.number().int()),
  total: z.number().int(),
  /** Identical repeated rows merged into one catalogue item (see `warnings`). */
  merged: z.number().int(),
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  errors: z.number().int(),
});

/** A changed catalogue item (price or reference quantity), for the preview table. */
export const CatalogueChange = z.object({
  sheet: z.string(),
  row: z.number().int(),
  subAnnex: z.string(),
  code: z.string(),
  concept: z.string(),
  unit: z.string(),
  change: z.enum(['new', 'changed']),
  fields: z.array(z.string()),
  puMxn: z.string(),
  puUsd: z.string(),
});

export const CatalogueImport = z.object({
  id: Id,
  status: ImportStatus,
  format: CatalogueFormat,
  fileName: z.string(),
  sha256: z.string(),
  contractNumber: z.string(),
  contractId: z.number().int().nullable(),
  counts: CatalogueImportCounts,
  /** New and changed items (the first 500; counts are exact). */
  changes: z.array(CatalogueChange),
  skippedSheets: z.array(z.object({ sheet: z.string(), reason: z.string() })),
  errors: z.array(ImportRowError),
  warnings: z.array(ImportRowError),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type CatalogueImport = z.infer<typeof CatalogueImport>;

export const CatalogueItemKind = z.enum(['ordinary', 'extraordinary']);

export const CatalogueItem = z.object({
  id: Id,
  contractId: z.number().int(),
  contractNumber: z.string(),
  subAnnex: z.string(),
  code: z.string(),
  extraCode: z.string().nullable(),
  concept: z.string(),
  unitId: z.number().int(),
  unitCode: z.string(),
  referenceQty: z.string(),
  puMxn: z.string(),
  puUsd: z.string(),
  kind: CatalogueItemKind,
  pueStatus: z.string().nullable(),
  sanctionDate: z.string().nullable(),
  originPte: z.string().nullable(),
  originOt: z.string().nullable(),
  active: z.boolean(),
});
export type CatalogueItem = z.infer<typeof CatalogueItem>;

export const CatalogueItemsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  contractId: Id.optional(),
  subAnnex: z.string().trim().max(20).optional(),
  /** PUE status (`EN ELABORACION`, `CANCELADA`, `AUTORIZADO`) or `none` for items without one. */
  status: z.string().trim().max(30).optional(),
  kind: CatalogueItemKind.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CatalogueItemsQuery = z.infer<typeof CatalogueItemsQuery>;

export const CatalogueItemList = z.object({ items: z.array(CatalogueItem), total: z.number().int() });

export const ContractSummary = z.object({
  id: Id,
  number: z.string(),
  description: z.string(),
  itemCount: z.number().int(),
  subAnnexes: z.array(z.object({ label: z.string(), itemCount: z.number().int() })),
});
export const ContractList = z.object({ items: z.array(ContractSummary) });
