/**
 * The contract catalogue (Anexo C) and each OT family's annex: stable line items whose
 * current cap and prices come from the newest annex version that states them.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { clients, timestamps, units, users, workOrders } from './core';

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const capRuleEnum = pgEnum('cap_rule', ['replacement', 'additional']);
export const catalogueItemKindEnum = pgEnum('catalogue_item_kind', ['ordinary', 'extraordinary']);
export const lineItemOriginEnum = pgEnum('line_item_origin', ['annex', 'adhoc']);
export const importStatusEnum = pgEnum('import_status', ['preview', 'committed', 'discarded']);

export const contracts = pgTable('contracts', {
  id: serial('id').primaryKey(),
  number: text('number').notNull().unique(),
  description: text('description').notNull().default(''),
  clientId: integer('client_id').references(() => clients.id, { onDelete: 'restrict' }),
  startDate: date('start_date'),
  endDate: date('end_date'),
  amountMxn: numeric('amount_mxn', { precision: 20, scale: 2 }).notNull().default('0'),
  amountUsd: numeric('amount_usd', { precision: 20, scale: 2 }).notNull().default('0'),
  /** Default MXN per USD for combined ("homologado") figures; each estimate stores its own. */
  defaultExchangeRate: numeric('default_exchange_rate', { precision: 12, scale: 4 }),
  advanceAmortizationPct: numeric('advance_amortization_pct', { precision: 7, scale: 4 }).notNull().default('0'),
  guaranteeFundPct: numeric('guarantee_fund_pct', { precision: 7, scale: 4 }).notNull().default('0'),
  fivePerThousand: boolean('five_per_thousand').notNull().default(true),
  vatPct: numeric('vat_pct', { precision: 7, scale: 4 }).notNull().default('16'),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});

export const subAnnexes = pgTable(
  'sub_annexes',
  {
    id: serial('id').primaryKey(),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'restrict' }),
    /** Canonical label: C-2, C-4-1, C2EXT… */
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [uniqueIndex('sub_annexes_contract_label_key').on(t.contractId, t.label)],
);

export const catalogueItems = pgTable(
  'catalogue_items',
  {
    id: serial('id').primaryKey(),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'restrict' }),
    subAnnexId: integer('sub_annex_id')
      .notNull()
      .references(() => subAnnexes.id, { onDelete: 'restrict' }),
    /** Normalised ordinary code; for an extraordinary item without one, its PUE code. */
    code: text('code').notNull(),
    extraCode: text('extra_code'),
    concept: text('concept').notNull(),
    conceptNorm: text('concept_norm').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    referenceQty: numeric('reference_qty', { precision: 20, scale: 6 }).notNull().default('0'),
    puMxn: numeric('pu_mxn', { precision: 18, scale: 4 }).notNull().default('0'),
    puUsd: numeric('pu_usd', { precision: 18, scale: 4 }).notNull().default('0'),
    kind: catalogueItemKindEnum('kind').notNull().default('ordinary'),
    /** PUE lifecycle as written in the workbook: EN ELABORACION, CANCELADA, AUTORIZADO. */
    pueStatus: text('pue_status'),
    sanctionDate: date('sanction_date'),
    originPte: text('origin_pte'),
    originOt: text('origin_ot'),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('catalogue_items_identity_key').on(t.contractId, t.subAnnexId, t.code, t.conceptNorm, t.unitId),
    index('catalogue_items_code_idx').on(t.contractId, t.code),
  ],
);

/** An uploaded workbook: parsed into a preview, then committed (or discarded). */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: serial('id').primaryKey(),
    /** 'contract_catalogue' | 'pue_catalogue' | 'annex' */
    target: text('target').notNull(),
    contractId: integer('contract_id').references(() => contracts.id, { onDelete: 'restrict' }),
    workOrderId: integer('work_order_id').references(() => workOrders.id, { onDelete: 'restrict' }),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    file: bytea('file').notNull(),
    status: importStatusEnum('status').notNull().default('preview'),
    preview: jsonb('preview').notNull(),
    errorCount: integer('error_count').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedBy: integer('committed_by').references(() => users.id, { onDelete: 'restrict' }),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_work_order_idx').on(t.workOrderId)],
);

/** One committed annex import of an OT family. */
export const annexVersions = pgTable(
  'annex_versions',
  {
    id: serial('id').primaryKey(),
    /** The family's initial OT. */
    familyId: integer('family_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'restrict' }),
    /** The OT (initial or reprogramming) the file belongs to. */
    workOrderId: integer('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'restrict' }),
    number: integer('number').notNull(),
    importJobId: integer('import_job_id').references(() => importJobs.id, { onDelete: 'restrict' }),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    capRule: capRuleEnum('cap_rule').notNull(),
    counts: jsonb('counts')
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('annex_versions_family_number_key').on(t.familyId, t.number)],
);

/**
 * A priced line of an OT family's annex. Identity (family, sub-annex, code, concept, unit)
 * is stable across imports, so production never points at a superseded row.
 */
export const lineItems = pgTable(
  'line_items',
  {
    id: serial('id').primaryKey(),
    familyId: integer('family_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'restrict' }),
    subAnnex: text('sub_annex').notNull(),
    code: text('code').notNull(),
    concept: text('concept').notNull(),
    conceptNorm: text('concept_norm').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    catalogueItemId: integer('catalogue_item_id').references(() => catalogueItems.id, { onDelete: 'restrict' }),
    /** Current cap: from the newest annex version stating this item (0 for ad-hoc items). */
    authorizedVolume: numeric('authorized_volume', { precision: 20, scale: 6 }).notNull().default('0'),
    puMxn: numeric('pu_mxn', { precision: 18, scale: 4 }).notNull().default('0'),
    puUsd: numeric('pu_usd', { precision: 18, scale: 4 }).notNull().default('0'),
    origin: lineItemOriginEnum('origin').notNull().default('annex'),
    /** Newest annex version that states this item (null: ad-hoc, never authorized). */
    currentVersionId: integer('current_version_id').references(() => annexVersions.id, { onDelete: 'restrict' }),
    /** Natural sort key of (sub-annex, code), computed by domain/catalogue on write. */
    sortKey: text('sort_key').notNull().default(''),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('line_items_identity_key').on(t.familyId, t.subAnnex, t.code, t.conceptNorm, t.unitId),
    index('line_items_family_sort_idx').on(t.familyId, t.sortKey),
  ],
);

/** What each annex version stated for each line item (the line item's history). */
export const lineItemVersions = pgTable(
  'line_item_versions',
  {
    annexVersionId: integer('annex_version_id')
      .notNull()
      .references(() => annexVersions.id, { onDelete: 'restrict' }),
    lineItemId: integer('line_item_id')
      .notNull()
      .references(() => lineItems.id, { onDelete: 'restrict' }),
    statedVolume: numeric('stated_volume', { precision: 20, scale: 6 }).notNull(),
    capAfter: numeric('cap_after', { precision: 20, scale: 6 }).notNull(),
    puMxn: numeric('pu_mxn', { precision: 18, scale: 4 }).notNull(),
    puUsd: numeric('pu_usd', { precision: 18, scale: 4 }).notNull(),
    filePuMxn: numeric('file_pu_mxn', { precision: 18, scale: 4 }),
    filePuUsd: numeric('file_pu_usd', { precision: 18, scale: 4 }),
    sheet: text('sheet'),
    rowNumber: integer('row_number'),
  },
  (t) => [primaryKey({ columns: [t.annexVersionId, t.lineItemId] }), index('line_item_versions_item_idx').on(t.lineItemId)],
);

/** The daily programme (sábana) per line item. */
export const plannedVolumes = pgTable(
  'planned_volumes',
  {
    lineItemId: integer('line_item_id')
      .notNull()
      .references(() => lineItems.id, { onDelete: 'restrict' }),
    date: date('date').notNull(),
    volume: numeric('volume', { precision: 20, scale: 6 }).notNull(),
    annexVersionId: integer('annex_version_id').references(() => annexVersions.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.lineItemId, t.date] })],
);
