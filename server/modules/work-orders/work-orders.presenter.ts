import { familyWindow } from '../../../domain/validity-window';
import type { Actor } from '../../context';
import { workOrderAbilities } from './work-orders.policy';
import type { WorkOrderRow } from './work-orders.repository';

/** The validity window is the family's (initial + reprogrammings), per spec §3.3. */
export function validityOf(family: WorkOrderRow[]): { start: string | null; end: string | null } {
  const initial = family.find((w) => w.kind === 'initial') ?? family[0];
  if (!initial) return { start: null, end: null };
  const w = familyWindow({ initial, reprogrammings: family.filter((f) => f.kind === 'reprogramming' && f.active) });
  return { start: w.start, end: w.end };
}

export function presentWorkOrder(wo: WorkOrderRow, family: WorkOrderRow[], actor?: Actor) {
  return {
    ...wo,
    sites: wo.sites.map((s) => ({ ...s, role: s.role as never, kind: s.kind as never })),
    status: wo.status as never,
    validity: validityOf(family.length ? family : [wo]),
    ...(actor ? { abilities: workOrderAbilities(actor, wo) } : {}),
  };
}
