/**
 * Adds a catalogue item to an OT family outside its annex (work not foreseen in the PTE). Its cap
 * is 0 until an annex version authorizes it, so everything produced on it is excess meanwhile:
 * deliberate, as in the field (original-system.md §3.4).
 */
import { sql } from 'drizzle-orm';
import { conflict } from '../../../../domain/errors';
import type { Ctx } from '../../../context';
import type { Db } from '../../../db/database';
import { invalid, missing } from '../../../fail';
import { ensure } from '../../../policy';
import { recordAudit } from '../../audit/record-audit';
import { findCatalogueItem } from '../../catalogue/catalogue.repository';
import { findWorkOrder } from '../../work-orders/work-orders.repository';
import { lineItemSortKey } from '../sort-key';

export async function addAdhocLineItem(db: Db, ctx: Ctx, workOrderId: number, catalogueItemId: number): Promise<{ id: number }> {
  ensure(ctx.actor, 'annex.import');
  const workOrder = await findWorkOrder(db, workOrderId);
  if (!workOrder) throw missing(`La OT ${workOrderId}`);
  const item = await findCatalogueItem(db, catalogueItemId);
  if (!item || !item.active) throw invalid([{ path: 'body.catalogueItemId', message: 'La partida de catálogo no existe' }]);
  const conceptNorm = (await db.execute<{ n: string }>(sql`select concept_norm as n from catalogue_items where id = ${item.id}`)).rows[0]!
    .n;
  return db.transaction(async (tx) => {
    // Same lock as annex commits: an ad-hoc add cannot interleave with a commit of the family.
    await tx.execute(sql`select id from work_orders where id = ${workOrder.familyId} for update`);
    const inserted = await tx.execute<{ id: number }>(sql`
      insert into line_items (family_id, sub_annex, code, concept, concept_norm, unit_id, catalogue_item_id, authorized_volume, pu_mxn, pu_usd, origin, sort_key)
      values (${workOrder.familyId}, ${item.subAnnex}, ${item.code}, ${item.concept}, ${conceptNorm}, ${item.unitId}, ${item.id}, 0, ${item.puMxn}, ${item.puUsd},
              'adhoc', ${lineItemSortKey(item.subAnnex, item.code)})
      on conflict (family_id, sub_annex, code, concept_norm, unit_id) do nothing
      returning id`);
    const id = inserted.rows[0]?.id;
    if (id === undefined) throw conflict(`La partida ${item.code} con esta descripción ya existe en esta OT.`, { catalogueItemId });
    await recordAudit(tx, ctx, {
      entity: 'line_item',
      entityId: id,
      action: 'add_adhoc',
      workOrderId: workOrder.id,
      before: null,
      after: {
        subAnnex: item.subAnnex,
        code: item.code,
        concept: item.concept,
        unit: item.unitCode,
        authorizedVolume: '0',
        puMxn: item.puMxn,
        puUsd: item.puUsd,
        origin: 'adhoc',
      },
    });
    return { id };
  });
}
