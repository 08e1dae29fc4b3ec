/**
 * Monthly reports (carpeta mensual), daily reports, production entries and GPU records.
 * Monthly reports are keyed by the family's initial OT: production of a reprogramming files
 * under its initial OT (spec §3.1).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { bytea, lineItems } from './annex';
import { sites, users, workOrders } from './core';

export const monthlyStatusEnum = pgEnum('monthly_status', ['abierto', 'en_revision', 'cerrado', 'facturado']);
export const operationalStatusEnum = pgEnum('operational_status', ['productivo', 'en_espera', 'suspendido', 'sin_actividad']);
export const signatureStatusEnum = pgEnum('signature_status', ['pendiente', 'en_proceso', 'falta_firma_cliente', 'firmado']);
export const layerEnum = pgEnum('layer', ['TE', 'CMA']);
export const gpuStatusEnum = pgEnum('gpu_status', ['pendiente', 'en_proceso', 'falta_firma_cliente', 'firmado']);
export const signOffKindEnum = pgEnum('sign_off_kind', ['supervisor_reviewed', 'operations_validated', 'administration_confirmed']);

/** Every production write takes the next value: the grid's revision for optimistic concurrency. */
export const productionRevisionSeq = pgSequence('production_revision_seq');

export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: serial('id').primaryKey(),
    /** Always the family's initial OT. */
    workOrderId: integer('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    evidenceUrl: text('evidence_url'),
    status: monthlyStatusEnum('status').notNull().default('abierto'),
    /** 1 until the first reopen; a reopen keeps the closed snapshot as version N and moves on to N+1. */
    version: integer('version').notNull().default(1),
    /** Last reachability check of the evidence URL: {ok, status, checkedAt, error}. */
    evidenceCheck: jsonb('evidence_check'),
    /** Last computed checklist summary {blockingPassed, blockingTotal, canClose, computedAt}: the closure board reads it instead of recomputing every month. */
    checklistSummary: jsonb('checklist_summary'),
    closedBy: integer('closed_by').references(() => users.id, { onDelete: 'restrict' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monthly_reports_ot_year_month_key').on(t.workOrderId, t.year, t.month),
    index('monthly_reports_period_idx').on(t.year, t.month),
    check('monthly_reports_month_range', sql`${t.month} between 1 and 12`),
    check('monthly_reports_year_range', sql`${t.year} between 2000 and 2100`),
  ],
);

export const monthlyReportSignOffs = pgTable(
  'monthly_report_sign_offs',
  {
    id: serial('id').primaryKey(),
    monthlyReportId: integer('monthly_report_id')
      .notNull()
      .references(() => monthlyReports.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    kind: signOffKindEnum('kind').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monthly_report_sign_offs_kind_key').on(t.monthlyReportId, t.version, t.kind),
    uniqueIndex('monthly_report_sign_offs_user_key').on(t.monthlyReportId, t.version, t.userId),
  ],
);

/** Closed snapshots (one per closure) with the frozen monthly pack. */
export const monthlyReportVersions = pgTable(
  'monthly_report_versions',
  {
    id: serial('id').primaryKey(),
    monthlyReportId: integer('monthly_report_id')
      .notNull()
      .references(() => monthlyReports.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    checklist: jsonb('checklist').notNull(),
    packPdf: bytea('pack_pdf'),
    packXlsx: bytea('pack_xlsx'),
    pdfSha256: text('pdf_sha256'),
    xlsxSha256: text('xlsx_sha256'),
    closedBy: integer('closed_by').references(() => users.id, { onDelete: 'restrict' }),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
    reopenedBy: integer('reopened_by').references(() => users.id, { onDelete: 'restrict' }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenReason: text('reopen_reason'),
  },
  (t) => [uniqueIndex('monthly_report_versions_key').on(t.monthlyReportId, t.version)],
);

/** Status history of a monthly report (also in the audit log; this one drives the UI timeline). */
export const monthlyReportTransitions = pgTable(
  'monthly_report_transitions',
  {
    id: serial('id').primaryKey(),
    monthlyReportId: integer('monthly_report_id')
      .notNull()
      .references(() => monthlyReports.id, { onDelete: 'restrict' }),
    fromStatus: monthlyStatusEnum('from_status').notNull(),
    toStatus: monthlyStatusEnum('to_status').notNull(),
    action: text('action').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'restrict' }),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monthly_report_transitions_report_idx').on(t.monthlyReportId)],
);

export const dailyReports = pgTable(
  'daily_reports',
  {
    id: serial('id').primaryKey(),
    monthlyReportId: integer('monthly_report_id')
      .notNull()
      .references(() => monthlyReports.id, { onDelete: 'restrict' }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    date: date('date').notNull(),
    operationalStatus: operationalStatusEnum('operational_status').notNull(),
    signatureStatus: signatureStatusEnum('signature_status').notNull().default('pendiente'),
    note: varchar('note', { length: 255 }),
    incident: boolean('incident').notNull().default(false),
    incidentUrl: text('incident_url'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'restrict' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('daily_reports_report_site_date_key').on(t.monthlyReportId, t.siteId, t.date)],
);

export const productionEntries = pgTable(
  'production_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /**
     * line_item_id, monthly_report_id and site_id reference line_items, monthly_reports and sites
     * through triggers checked once per statement, not declarative foreign keys checked once per
     * row (migration 0010; ADR 009, decision 19): a first full-month save inserts ~28,000 rows.
     * The same rules hold — no entry without its parents, no parent deleted under its entries.
     */
    lineItemId: integer('line_item_id').notNull(),
    monthlyReportId: integer('monthly_report_id').notNull(),
    siteId: integer('site_id').notNull(),
    date: date('date').notNull(),
    layer: layerEnum('layer').notNull(),
    volume: numeric('volume', { precision: 20, scale: 6 }).notNull(),
    /** Part of this entry above the line item's cap (spec §3.4); recorded, not billable. */
    excessVolume: numeric('excess_volume', { precision: 20, scale: 6 }).notNull().default('0'),
    /** A user id without a foreign key, like created_by/updated_by below. */
    excessAckBy: integer('excess_ack_by'),
    excessAckAt: timestamp('excess_ack_at', { withTimezone: true }),
    excessAckReason: text('excess_ack_reason'),
    revision: bigint('revision', { mode: 'number' })
      .notNull()
      .default(sql`nextval('production_revision_seq')`),
    /**
     * Users without a foreign key on this high-volume table (a first full-month save inserts ~28,000
     * rows; each key check cost ~9 µs per row): users are never deleted — a trigger refuses it
     * (migration 0007) — so these ids cannot dangle. ADR 009.
     */
    createdBy: integer('created_by'),
    updatedBy: integer('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('production_entries_cell_key').on(t.lineItemId, t.date, t.siteId, t.layer),
    index('production_entries_report_idx').on(t.monthlyReportId, t.siteId, t.layer),
    check('production_entries_volume_positive', sql`${t.volume} > 0`),
    check('production_entries_excess_range', sql`${t.excessVolume} >= 0 and ${t.excessVolume} <= ${t.volume}`),
  ],
);

export const gpuRecords = pgTable('gpu_records', {
  id: serial('id').primaryKey(),
  productionEntryId: bigint('production_entry_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => productionEntries.id, { onDelete: 'restrict' }),
  status: gpuStatusEnum('status').notNull().default('pendiente'),
  evidenceUrl: text('evidence_url'),
  note: text('note'),
  /**
   * No foreign key to users, as on production_entries (migration 0009): a first full-month save
   * inserts ~20,000 GPU records, and the key's trigger cost ~5 µs per row even while the column is
   * still null. Users are never deleted (migration 0007's trigger), so the ids cannot dangle.
   */
  updatedBy: integer('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Volume per line item and calendar month (all sites, both layers), kept by statement-level
 * triggers on production_entries (migration production_totals_triggers) so every write path keeps
 * it right. Why: the grid's "produced before this month" and the excess engine's starting total
 * become a lookup of ≤ 12 rows per year instead of a sum over the whole history (~190k rows at
 * 3,000 line items).
 */
export const productionMonthlyTotals = pgTable(
  'production_monthly_totals',
  {
    lineItemId: integer('line_item_id')
      .notNull()
      .references(() => lineItems.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    volume: numeric('volume', { precision: 24, scale: 6 }).notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.lineItemId, t.year, t.month] })],
);

/**
 * The planned volumes of a line item in one month as compact text, `day:volume,…` ascending by day
 * (volumes without trailing zeros): what the grid shows per row, read for 3,000 rows with one
 * index lookup each instead of aggregating ~20,000 planned_volumes rows per load. Kept by
 * statement triggers on planned_volumes (migration 0008) on every write path.
 */
export const plannedMonthly = pgTable(
  'planned_monthly',
  {
    lineItemId: integer('line_item_id')
      .notNull()
      .references(() => lineItems.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    days: text('days').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lineItemId, t.year, t.month] })],
);
