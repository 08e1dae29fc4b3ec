/**
 * Writes one audit entry in the caller's transaction: who, when, which entity and id, the
 * action, and before/after of each changed field. The table is append-only (DB trigger).
 */
import { auditLog } from '../../db/schema';
import type { DbOrTx } from '../../db/database';
import type { Ctx } from '../../context';

export type Changes = Record<string, { before: unknown; after: unknown }>;

const IGNORED = new Set(['updatedAt', 'createdAt', 'passwordHash']);

function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** Field-by-field diff; `before` undefined means creation, `after` undefined means deletion. */
export function diff(before: object | null | undefined, after: object | null | undefined): Changes {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: Changes = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (IGNORED.has(key)) continue;
    const bv = normalise(b[key]);
    const av = normalise(a[key]);
    if (JSON.stringify(bv) !== JSON.stringify(av)) changes[key] = { before: bv, after: av };
  }
  return changes;
}

export interface AuditInput {
  entity: string;
  entityId: string | number;
  action: string;
  before?: object | null;
  after?: object | null;
  changes?: Changes;
  workOrderId?: number | null;
  reason?: string | null;
}

export async function recordAudit(tx: DbOrTx, ctx: Ctx, input: AuditInput): Promise<void> {
  const changes = input.changes ?? diff(input.before, input.after);
  // An update that changed nothing (an empty or same-values PATCH) leaves no entry.
  if (input.action === 'update' && Object.keys(changes).length === 0) return;
  await tx.insert(auditLog).values({
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.id === null ? ctx.actor.name : `${ctx.actor.name} <${ctx.actor.email}>`,
    via: ctx.via,
    entity: input.entity,
    entityId: String(input.entityId),
    action: input.action,
    changes,
    workOrderId: input.workOrderId ?? null,
    reason: input.reason ?? null,
    requestId: ctx.requestId ?? null,
  });
}

/** Many entries in one statement (grid saves touch thousands of cells). */
export async function recordAuditMany(tx: DbOrTx, ctx: Ctx, inputs: AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  const rows = inputs.map((input) => ({
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.id === null ? ctx.actor.name : `${ctx.actor.name} <${ctx.actor.email}>`,
    via: ctx.via,
    entity: input.entity,
    entityId: String(input.entityId),
    action: input.action,
    changes: input.changes ?? diff(input.before, input.after),
    workOrderId: input.workOrderId ?? null,
    reason: input.reason ?? null,
    requestId: ctx.requestId ?? null,
  }));
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(auditLog).values(rows.slice(i, i + 2000));
}
