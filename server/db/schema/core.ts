/**
 * Foundation tables: people, sessions, catalogues (clients, sites, units, fronts),
 * work orders and the append-only audit log.
 * Every FK is real; every column of a unique key is NOT NULL (fixing the legacy model).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
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
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['admin', 'gerente_operaciones', 'supervisor', 'administracion', 'consulta']);
export const siteKindEnum = pgEnum('site_kind', ['yard', 'vessel', 'platform', 'interconnection']);
export const siteRoleEnum = pgEnum('site_role', ['main', 'yard', 'platform', 'interconnection']);
export const workOrderKindEnum = pgEnum('work_order_kind', ['initial', 'reprogramming']);
export const workOrderStatusEnum = pgEnum('work_order_status', [
  'asignada',
  'en_ejecucion',
  'suspendida',
  'diferida',
  'diferida_sin_iniciar',
  'terminada',
  'cancelada',
  'por_cancelar',
]);

/** created_at / updated_at, shared by every table that tracks both. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    active: boolean('active').notNull().default(true),
    locale: text('locale').notNull().default('es-MX'),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // SHA-256 of the cookie value; the raw value never touches the database
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const clients = pgTable(
  'clients',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    taxId: text('tax_id'),
    notes: text('notes'),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('clients_name_key').on(sql`lower(${t.name})`)],
);

export const sites = pgTable(
  'sites',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    kind: siteKindEnum('kind').notNull(),
    notes: text('notes'),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('sites_name_key').on(sql`lower(${t.name})`)],
);

export const units = pgTable('units', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  aliases: text('aliases')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});

export const fronts = pgTable('fronts', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});

export const workOrders = pgTable(
  'work_orders',
  {
    id: serial('id').primaryKey(),
    folio: text('folio').notNull(),
    description: text('description').notNull(),
    kind: workOrderKindEnum('kind').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => workOrders.id, { onDelete: 'restrict' }),
    /** 0 for the initial OT, 1, 2, 3… for reprogrammings of the same family. */
    reprogrammingNumber: integer('reprogramming_number').notNull().default(0),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    leaderId: integer('leader_id').references(() => users.id, { onDelete: 'restrict' }),
    clientResponsible: text('client_responsible'),
    officialLetter: text('official_letter'),
    status: workOrderStatusEnum('status').notNull().default('asignada'),
    frontId: integer('front_id').references(() => fronts.id, { onDelete: 'restrict' }),
    plannedStart: date('planned_start'),
    plannedEnd: date('planned_end'),
    actualStart: date('actual_start'),
    actualEnd: date('actual_end'),
    requiresYard: boolean('requires_yard').notNull().default(false),
    yardStart: date('yard_start'),
    yardEnd: date('yard_end'),
    amountMxn: numeric('amount_mxn', { precision: 20, scale: 2 }).notNull().default('0'),
    amountUsd: numeric('amount_usd', { precision: 20, scale: 2 }).notNull().default('0'),
    termDays: integer('term_days'),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('work_orders_folio_reprogramming_key').on(t.folio, t.reprogrammingNumber),
    index('work_orders_parent_idx').on(t.parentId),
    check(
      'work_orders_family_shape',
      sql`(${t.kind} = 'initial' and ${t.parentId} is null and ${t.reprogrammingNumber} = 0) or (${t.kind} = 'reprogramming' and ${t.parentId} is not null and ${t.reprogrammingNumber} > 0)`,
    ),
    check('work_orders_planned_order', sql`${t.plannedEnd} is null or ${t.plannedStart} is null or ${t.plannedEnd} >= ${t.plannedStart}`),
    check('work_orders_actual_order', sql`${t.actualEnd} is null or ${t.actualStart} is null or ${t.actualEnd} >= ${t.actualStart}`),
    check('work_orders_yard_order', sql`${t.yardEnd} is null or ${t.yardStart} is null or ${t.yardEnd} >= ${t.yardStart}`),
  ],
);

export const workOrderSites = pgTable(
  'work_order_sites',
  {
    workOrderId: integer('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    role: siteRoleEnum('role').notNull().default('main'),
  },
  (t) => [primaryKey({ columns: [t.workOrderId, t.siteId] }), index('work_order_sites_site_idx').on(t.siteId)],
);

/** Supervisors are scoped to sites and/or OTs. */
export const userSites = pgTable(
  'user_sites',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteId] })],
);

export const userWorkOrders = pgTable(
  'user_work_orders',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workOrderId: integer('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.workOrderId] })],
);

/**
 * Append-only audit trail: written by the server in the same transaction as the change.
 * A trigger (migration 0001) refuses UPDATE and DELETE on this table.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'restrict' }),
    actorLabel: text('actor_label').notNull(),
    via: text('via').notNull(), // 'web' | 'api' | 'cli' | 'system' | 'legacy'
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes')
      .notNull()
      .default(sql`'{}'::jsonb`),
    workOrderId: integer('work_order_id'),
    reason: text('reason'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_work_order_idx').on(t.workOrderId),
  ],
);
