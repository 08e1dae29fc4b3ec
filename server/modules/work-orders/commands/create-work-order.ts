import { sql } from 'drizzle-orm';
import type { CreateWorkOrderBody } from '../../../../contracts/work-orders';
import { invalid } from '../../../fail';
import { applyStatusChange } from '../../../../domain/work-order';
import { todayInMexicoCity } from '../../../../domain/dates';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { workOrders } from '../../../db/schema';
import { ensure } from '../../../policy';
import { recordAudit } from '../../audit/record-audit';
import { findWorkOrder, replaceSites, type WorkOrderRow } from '../work-orders.repository';
import { mergeSites, validateWorkOrder } from './validate-work-order';

/** Creates an initial OT or a reprogramming (which joins its initial OT's family). */
export async function createWorkOrder(db: Db, ctx: Ctx, input: CreateWorkOrderBody): Promise<WorkOrderRow> {
  ensure(ctx.actor, 'workOrders.write');
  const sites = mergeSites(input.siteIds, input.sites) ?? [];
  return db.transaction(async (tx) => {
    let reprogrammingNumber = 0;
    let parentId: number | null = null;
    if (input.kind === 'reprogramming') {
      if (!input.parentId) {
        throw invalid([{ path: 'body.parentId', message: 'Seleccione la OT inicial' }]);
      }
      // Lock the initial OT so two reprogrammings created at once get distinct numbers. The next
      // number is read in a second statement: under READ COMMITTED a statement that waited for the
      // lock still sees its own (older) snapshot, so a max() computed alongside it would repeat.
      const parent = await tx.execute<{ kind: string }>(sql`select p.kind from work_orders p where p.id = ${input.parentId} for update`);
      const p = parent.rows[0];
      if (!p) throw invalid([{ path: 'body.parentId', message: 'La OT inicial no existe' }]);
      if (p.kind !== 'initial') {
        throw invalid([{ path: 'body.parentId', message: 'Debe ser una OT inicial' }]);
      }
      const next = await tx.execute<{ next: number }>(
        sql`select (coalesce(max(reprogramming_number), 0) + 1)::int as next from work_orders where parent_id = ${input.parentId}`,
      );
      parentId = input.parentId;
      reprogrammingNumber = next.rows[0]!.next;
    } else if (input.parentId) {
      throw invalid([{ path: 'body.parentId', message: 'Solo las reprogramaciones tienen OT inicial' }]);
    }
    await validateWorkOrder(tx, { ...input, sites }, { ...input, sites });
    const status = input.status ?? 'asignada';
    const dates = applyStatusChange({ status: 'asignada', actualEnd: input.actualEnd ?? null }, status, todayInMexicoCity());
    const [row] = await tx
      .insert(workOrders)
      .values({
        folio: input.folio,
        description: input.description,
        kind: input.kind,
        parentId,
        reprogrammingNumber,
        clientId: input.clientId,
        leaderId: input.leaderId ?? null,
        clientResponsible: input.clientResponsible ?? null,
        officialLetter: input.officialLetter ?? null,
        status,
        frontId: input.frontId ?? null,
        plannedStart: input.plannedStart ?? null,
        plannedEnd: input.plannedEnd ?? null,
        actualStart: input.actualStart ?? null,
        actualEnd: dates.actualEnd,
        requiresYard: input.requiresYard ?? false,
        yardStart: input.yardStart ?? null,
        yardEnd: input.yardEnd ?? null,
        amountMxn: input.amountMxn ?? '0',
        amountUsd: input.amountUsd ?? '0',
        termDays: input.termDays ?? null,
      })
      .returning({ id: workOrders.id });
    await replaceSites(tx, row!.id, sites);
    const created = (await findWorkOrder(tx, row!.id))!;
    await recordAudit(tx, ctx, {
      entity: 'work_order',
      entityId: created.id,
      action: 'create',
      before: null,
      after: created,
      workOrderId: created.id,
    });
    return created;
  });
}
