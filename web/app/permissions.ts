/**
 * What each role may do, only to decide which buttons and menu entries to show. The server is
 * the authority (server/policy.ts) and refuses anything else; keep this table in step with it.
 * Where a record carries `abilities`, those win over the role table.
 */
import type { Role } from '../../contracts/auth';

export type Capability = 'users.manage' | 'catalogues.write' | 'workOrders.write' | 'audit.read' | 'tokens.own';

const CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = {
  admin: ['users.manage', 'catalogues.write', 'workOrders.write', 'audit.read', 'tokens.own'],
  gerente_operaciones: ['catalogues.write', 'workOrders.write', 'audit.read', 'tokens.own'],
  supervisor: ['tokens.own'],
  administracion: ['audit.read', 'tokens.own'],
  consulta: ['audit.read', 'tokens.own'],
};

export function can(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}

/** A record's own ability when the API sent it; otherwise the role's capability. */
export function canOnRecord(
  role: Role,
  capability: Capability,
  record: { abilities?: Record<string, boolean> | undefined } | null | undefined,
  ability = 'update',
): boolean {
  const own = record?.abilities?.[ability];
  return own ?? can(role, capability);
}
