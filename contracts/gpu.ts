/**
 * HTTP contract of GPU records (spec §3.4): one per production entry with volume > 0 in C-2,
 * C-3, C2EXT or C3EXT, kept by the grid save (never created by hand). New records start at
 * `pendiente`; status moves forward freely, backwards only by an operations manager or admin
 * (audited); the evidence link is http(s) only. Writes go through the month lock (409
 * `period_closed`).
 */
import { z } from 'zod';
import { Id } from './common';
import { HttpUrl, Month, MonthlyReportRef, Year } from './daily-reports';
import { Layer } from './production';

export const GpuStatus = z.enum(['pendiente', 'en_proceso', 'falta_firma_cliente', 'firmado']);
export type GpuStatus = z.infer<typeof GpuStatus>;

/** `GET /api/v1/gpu/board` (and `/board.xlsx`, same query). Filters are optional. */
export const GpuBoardQuery = z.object({
  /** Any OT of the family. */
  workOrderId: Id,
  year: Year,
  month: Month,
  siteId: Id.optional(),
  layer: Layer.optional(),
  status: GpuStatus.optional(),
  /** Canonical label: C-2, C-3, C2EXT, C3EXT. */
  subAnnex: z.string().trim().max(20).optional(),
  /** Searches code and concept. */
  q: z.string().trim().max(200).optional(),
  /** Only records without evidence (`true`) or with it (`false`). */
  missingEvidence: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type GpuBoardQuery = z.infer<typeof GpuBoardQuery>;

/** One GPU record = one production entry (site and layer visible: no hidden duplicates). */
export const GpuRecord = z.object({
  id: Id,
  productionEntryId: Id,
  lineItemId: Id,
  subAnnex: z.string(),
  code: z.string(),
  concept: z.string(),
  unit: z.string(),
  date: z.string(),
  siteId: Id,
  siteName: z.string(),
  layer: Layer,
  volume: z.string(),
  excessVolume: z.string(),
  status: GpuStatus,
  evidenceUrl: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type GpuRecord = z.infer<typeof GpuRecord>;

export const GpuBoardResponse = z.object({
  familyId: Id,
  year: z.number().int(),
  month: z.number().int(),
  monthlyReport: MonthlyReportRef.nullable(),
  /** Ordered by sub-annex, code, date, site, layer. */
  items: z.array(GpuRecord),
  /** Counts of the filtered items. */
  counts: z.object({
    total: z.number().int(),
    pendiente: z.number().int(),
    en_proceso: z.number().int(),
    falta_firma_cliente: z.number().int(),
    firmado: z.number().int(),
    withEvidence: z.number().int(),
  }),
  abilities: z.object({ edit: z.boolean(), moveBackwards: z.boolean() }),
});
export type GpuBoardResponse = z.infer<typeof GpuBoardResponse>;

/** `PATCH /api/v1/gpu/:id`: any subset of fields. */
export const UpdateGpuBody = z
  .object({
    status: GpuStatus.optional(),
    /** null clears the link. */
    evidenceUrl: HttpUrl.nullable().optional(),
    note: z.string().trim().max(1000, 'Máximo 1000 caracteres').nullable().optional(),
    /** Why (recorded in the audit log; recommended when moving backwards). */
    reason: z.string().trim().max(500).optional(),
  })
  .refine((b) => b.status !== undefined || b.evidenceUrl !== undefined || b.note !== undefined, 'Indique al menos un cambio');
export type UpdateGpuBody = z.infer<typeof UpdateGpuBody>;
