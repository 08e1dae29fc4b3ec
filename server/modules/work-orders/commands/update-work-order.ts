import { eq, sql } from 'drizzle-orm';
import type { UpdateWorkOrderBody } from '../../../../contracts/work-orders';
import { missing } from '../../../fail';
import { todayInMexicoCity } from '../../../../domain/dates';
import { applyStatusChange } from '../../../../domain/work-order';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { workOrders } from '../../../db/schema';
import { ensure } from '../../../policy';
import { recordAudit } from '../../audit/record-audit';
import { findWorkOrder, replaceSites, type WorkOrderRow } from '../work-orders.repository';
import { mergeSites, validateWorkOrder } from './validate-work-order';

const DIRECT_FIELDS = [
  'folio',
  'description',
  'clientId',
  'leaderId',
  'clientResponsible',
  'officialLetter',
  'frontId',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'requiresYard',
  'yardStart',
  'yardEnd',
  'amountMxn',
  'amountUsd',
  'termDays',
  'active',
] as const;

export async function updateWorkOrder(db: Db, ctx: Ctx, id: number, input: UpdateWorkOrderBody): Promise<WorkOrderRow> {
  ensure(ctx.actor, 'workOrders.write');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from work_orders where id = ${id} for update`);
    const before = await findWorkOrder(tx, id);
    if (!before) throw missing(`La OT ${id}`);
    const values: Record<string, unknown> = {};
    for (const field of DIRECT_FIELDS) if (input[field] !== undefined) values[field] = input[field];
    if (input.status !== undefined && input.status !== before.status) {
      values.status = input.status;
      const actualEnd = (values.actualEnd as string | null | undefined) ?? before.actualEnd;
      values.actualEnd = applyStatusChange({ status: before.status as never, actualEnd }, input.status, todayInMexicoCity()).actualEnd;
    }
    const sites = mergeSites(input.siteIds, input.sites);
    const merged = { ...before, ...values, sites: sites ?? before.sites };
    await validateWorkOrder(tx, merged as never, { ...(values as object), sites } as never);
    await tx
      .update(workOrders)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(workOrders.id, id));
    if (sites) await replaceSites(tx, id, sites);
    const after = (await findWorkOrder(tx, id))!;
    await recordAudit(tx, ctx, { entity: 'work_order', entityId: id, action: 'update', before, after, workOrderId: id });
    return after;
  });
}
