/**
 * HTTP contract of daily reports (spec §3.3): one report per (OT family, site, day) with an
 * operational status and a signature status. Days outside the family's validity window (the yard
 * window for the yard site of a yard phase) are refused with 422 `outside_window`; a month that is
 * `Cerrado`/`Facturado` (or `En Revisión` for supervisors) with 409 `period_closed`.
 * A `Firmado` report freezes that site's production for that day; changing or clearing a signed
 * report (un-signing) needs an operations manager or admin and is audited.
 */
import { z } from 'zod';
import { Id, IsoDate } from './common';

/** Operational status of a site-day. Labels: Productivo, En espera, Suspendido, Sin actividad. */
export const OperationalStatus = z.enum(['productivo', 'en_espera', 'suspendido', 'sin_actividad']);
export type OperationalStatus = z.infer<typeof OperationalStatus>;

/** Signature status of the day's document. Labels: Pendiente, En proceso, Falta firma cliente, Firmado. */
export const SignatureStatus = z.enum(['pendiente', 'en_proceso', 'falta_firma_cliente', 'firmado']);
export type SignatureStatus = z.infer<typeof SignatureStatus>;

/** Monthly report status as shown with every month-scoped answer. */
export const MonthlyStatus = z.enum(['abierto', 'en_revision', 'cerrado', 'facturado']);
export type MonthlyStatus = z.infer<typeof MonthlyStatus>;

export const Year = z.coerce.number().int().min(2000, 'Año inválido (2000–2100)').max(2100, 'Año inválido (2000–2100)');
export const Month = z.coerce.number().int().min(1, 'Mes inválido (1–12)').max(12, 'Mes inválido (1–12)');

/** An http(s) URL (evidence and incident links are never `javascript:` or anything else). */
export const HttpUrl = z
  .string()
  .trim()
  .max(2000, 'Máximo 2000 caracteres')
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'La URL debe comenzar con http:// o https://');

/** The monthly report (carpeta mensual) of an OT-month, when it exists yet. */
export const MonthlyReportRef = z.object({
  id: Id,
  status: MonthlyStatus,
  evidenceUrl: z.string().nullable(),
});
export type MonthlyReportRef = z.infer<typeof MonthlyReportRef>;

/** One stored daily report. */
export const DailyReport = z.object({
  id: Id,
  familyId: Id,
  siteId: Id,
  date: z.string(),
  operationalStatus: OperationalStatus,
  signatureStatus: SignatureStatus,
  note: z.string().nullable(),
  incident: z.boolean(),
  incidentUrl: z.string().nullable(),
  updatedAt: z.string(),
});
export type DailyReport = z.infer<typeof DailyReport>;

/** `GET /api/v1/daily-reports/grid`: a site's OT families × the days of a month. */
export const DailyGridQuery = z.object({
  siteId: Id,
  year: Year,
  month: Month,
});
export type DailyGridQuery = z.infer<typeof DailyGridQuery>;

/** Why a day cannot be edited (null when it can). */
export const DayLockReason = z.enum(['outside_window', 'period_closed', 'period_in_review']);
export type DayLockReason = z.infer<typeof DayLockReason>;

export const DailyGridDay = z.object({
  date: z.string(),
  /** Inside the validity window that applies to this site. */
  inWindow: z.boolean(),
  /** null = editable by the caller. */
  lockedReason: DayLockReason.nullable(),
  report: DailyReport.nullable(),
});
export type DailyGridDay = z.infer<typeof DailyGridDay>;

export const DailyGridRow = z.object({
  /** The family's initial OT (daily reports and monthly reports are filed there). */
  familyId: Id,
  folio: z.string(),
  description: z.string(),
  /** Role of the site in the OT (`yard` uses the yard-phase window). */
  siteRole: z.enum(['main', 'yard', 'platform', 'interconnection']),
  window: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
  monthlyReport: MonthlyReportRef.nullable(),
  /** One entry per day of the month, in order. */
  days: z.array(DailyGridDay),
  /** Reports of this site in the month whose operational status is Productivo. */
  productiveDays: z.number().int(),
  abilities: z.object({ capture: z.boolean(), unsign: z.boolean() }),
});
export type DailyGridRow = z.infer<typeof DailyGridRow>;

export const DailyGridResponse = z.object({
  siteId: Id,
  year: z.number().int(),
  month: z.number().int(),
  rows: z.array(DailyGridRow),
});
export type DailyGridResponse = z.infer<typeof DailyGridResponse>;

/** Fields of a daily report (the whole report is sent: PUT semantics). */
export const DailyReportFields = z.object({
  operationalStatus: OperationalStatus,
  signatureStatus: SignatureStatus.default('pendiente'),
  /** ≤ 255 characters; blank is stored as null. */
  note: z.string().max(255, 'La nota admite máximo 255 caracteres').nullish(),
  incident: z.boolean().default(false),
  incidentUrl: HttpUrl.nullish(),
});

/** `PUT /api/v1/daily-reports`: create or replace the report of (family, site, date). */
export const PutDailyReportBody = DailyReportFields.extend({
  /** Any OT of the family (the initial OT is resolved by the server). */
  workOrderId: Id,
  siteId: Id,
  date: IsoDate,
});
export type PutDailyReportBody = z.infer<typeof PutDailyReportBody>;

/** `DELETE /api/v1/daily-reports`: clearing a day deletes its report. */
export const DeleteDailyReportQuery = z.object({ workOrderId: Id, siteId: Id, date: IsoDate });
export type DeleteDailyReportQuery = z.infer<typeof DeleteDailyReportQuery>;

/**
 * `POST /api/v1/daily-reports/bulk`: set (or clear, with `clear: true`) many days of one
 * family and site in one transaction; all or nothing.
 */
export const BulkDailyReportsBody = z.object({
  workOrderId: Id,
  siteId: Id,
  dates: z.array(IsoDate).min(1, 'Indique al menos un día').max(400),
  clear: z.boolean().default(false),
  /** Required unless `clear`. */
  report: DailyReportFields.optional(),
});
export type BulkDailyReportsBody = z.infer<typeof BulkDailyReportsBody>;

export const BulkDailyReportsResponse = z.object({
  written: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
});
export type BulkDailyReportsResponse = z.infer<typeof BulkDailyReportsResponse>;

/** `GET /api/v1/daily-reports/productive-days?workOrderId&year&month`. */
export const ProductiveDaysQuery = z.object({ workOrderId: Id, year: Year, month: Month });
export const ProductiveDaysResponse = z.object({
  familyId: Id,
  year: z.number().int(),
  month: z.number().int(),
  /** Σ over sites (a site-day counts once). */
  total: z.number().int(),
  /** Distinct calendar days productive at any site. */
  calendarDays: z.number().int(),
  bySite: z.array(z.object({ siteId: Id, siteName: z.string(), productiveDays: z.number().int() })),
});
export type ProductiveDaysResponse = z.infer<typeof ProductiveDaysResponse>;
