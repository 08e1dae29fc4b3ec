/**
 * Who is acting and through which path. Commands receive this instead of an HTTP request,
 * so the CLI, imports and HTTP run the same code (and the same audit).
 */
import type { Role } from '../contracts/auth';

export type Via = 'web' | 'api' | 'cli' | 'system' | 'legacy';

export interface Actor {
  id: number | null;
  email: string;
  name: string;
  role: Role;
  /** Supervisor scope (empty for other roles). */
  siteIds: number[];
  workOrderIds: number[];
}

export interface Ctx {
  actor: Actor;
  via: Via;
  requestId?: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, email: 'system', name: 'Sistema', role: 'admin', siteIds: [], workOrderIds: [] };

export function systemCtx(via: Via = 'system'): Ctx {
  return { actor: SYSTEM_ACTOR, via };
}
