/**
 * Declarative role permissions, checked on the server for every endpoint.
 * Row-level rules (supervisor scope, period locks) live in each module's policy file.
 */
import type { Role } from '../contracts/auth';
import { fail } from './fail';
import type { Actor } from './context';

export type Permission =
  | 'users.manage'
  | 'catalogues.write'
  | 'workOrders.write'
  | 'audit.read'
  | 'tokens.own'
  | 'contractCatalogue.write'
  | 'annex.import'
  | 'production.capture'
  | 'production.correct'
  | 'monthly.submit'
  | 'monthly.close'
  | 'monthly.reopen'
  | 'monthly.acknowledgeExcess'
  | 'estimates.write';

const ALL: Permission[] = [
  'users.manage',
  'catalogues.write',
  'workOrders.write',
  'audit.read',
  'tokens.own',
  'contractCatalogue.write',
  'annex.import',
  'production.capture',
  'production.correct',
  'monthly.submit',
  'monthly.close',
  'monthly.reopen',
  'monthly.acknowledgeExcess',
  'estimates.write',
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(ALL),
  gerente_operaciones: new Set<Permission>([
    'catalogues.write',
    'workOrders.write',
    'audit.read',
    'tokens.own',
    'contractCatalogue.write',
    'annex.import',
    'production.capture',
    'production.correct',
    'monthly.submit',
    'monthly.close',
    'monthly.acknowledgeExcess',
  ]),
  supervisor: new Set<Permission>(['tokens.own', 'production.capture', 'monthly.submit']),
  administracion: new Set<Permission>(['audit.read', 'tokens.own', 'contractCatalogue.write', 'monthly.close', 'estimates.write']),
  consulta: new Set<Permission>(['audit.read', 'tokens.own']),
};

export function can(actor: Actor, permission: Permission): boolean {
  return ROLE_PERMISSIONS[actor.role].has(permission);
}

export function ensure(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw fail('forbidden', 'Su rol no permite esta operación', { permission });
}

/** Supervisors act only on OTs assigned to them directly or through one of their sites. */
export function inSupervisorScope(actor: Actor, workOrder: { id: number; familyId?: number; siteIds: number[] }): boolean {
  if (actor.role !== 'supervisor') return true;
  if (actor.workOrderIds.includes(workOrder.id)) return true;
  if (workOrder.familyId !== undefined && actor.workOrderIds.includes(workOrder.familyId)) return true;
  return workOrder.siteIds.some((s) => actor.siteIds.includes(s));
}
