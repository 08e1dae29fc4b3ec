import type { Actor } from '../../context';
import { can, inSupervisorScope } from '../../policy';
import type { WorkOrderRow } from './work-orders.repository';

/** What the actor may do with this OT (returned with the record so the UI never guesses). */
export function workOrderAbilities(actor: Actor, wo: WorkOrderRow) {
  const scoped = inSupervisorScope(actor, { id: wo.id, familyId: wo.familyId, siteIds: wo.sites.map((s) => s.siteId) });
  return {
    update: can(actor, 'workOrders.write'),
    createReprogramming: can(actor, 'workOrders.write') && wo.kind === 'initial',
    captureProduction: can(actor, 'production.capture') && scoped,
    importAnnex: can(actor, 'annex.import'),
  };
}
