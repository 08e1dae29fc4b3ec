/** Cross-field rules of an OT that a schema alone cannot express; Spanish messages per field. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database';
import { invalid } from '../../../fail';

export interface WorkOrderShape {
  clientId?: number | undefined;
  leaderId?: number | null | undefined;
  frontId?: number | null | undefined;
  plannedStart?: string | null | undefined;
  plannedEnd?: string | null | undefined;
  actualStart?: string | null | undefined;
  actualEnd?: string | null | undefined;
  requiresYard?: boolean | undefined;
  yardStart?: string | null | undefined;
  yardEnd?: string | null | undefined;
  sites?: { siteId: number; role: string }[] | undefined;
}

type Issue = { path: string; message: string };

function order(issues: Issue[], start: string | null | undefined, end: string | null | undefined, field: string, label: string) {
  if (start && end && end < start)
    issues.push({ path: `body.${field}`, message: `La fecha de término ${label} no puede ser anterior a la de inicio` });
}

async function exists(db: DbOrTx, table: 'clients' | 'users' | 'fronts' | 'sites', id: number): Promise<{ active: boolean } | undefined> {
  const r = await db.execute<{ active: boolean }>(sql`select active from ${sql.identifier(table)} where id = ${id}`);
  return r.rows[0];
}

export async function validateWorkOrder(db: DbOrTx, wo: WorkOrderShape, changed: WorkOrderShape): Promise<void> {
  const issues: Issue[] = [];
  order(issues, wo.plannedStart, wo.plannedEnd, 'plannedEnd', 'programada');
  order(issues, wo.actualStart, wo.actualEnd, 'actualEnd', 'real');
  order(issues, wo.yardStart, wo.yardEnd, 'yardEnd', 'de patio');
  if (wo.requiresYard && (!wo.yardStart || !wo.yardEnd)) {
    issues.push({ path: 'body.yardStart', message: 'La fase de patio requiere fechas de inicio y término' });
  }
  if (changed.clientId !== undefined) {
    const c = await exists(db, 'clients', changed.clientId);
    if (!c) issues.push({ path: 'body.clientId', message: 'El cliente no existe' });
    else if (!c.active) issues.push({ path: 'body.clientId', message: 'El cliente está desactivado' });
  }
  if (changed.leaderId) {
    if (!(await exists(db, 'users', changed.leaderId))) issues.push({ path: 'body.leaderId', message: 'El líder no existe' });
  }
  if (changed.frontId) {
    const f = await exists(db, 'fronts', changed.frontId);
    if (!f) issues.push({ path: 'body.frontId', message: 'El frente no existe' });
  }
  for (const [i, s] of (changed.sites ?? []).entries()) {
    const site = await exists(db, 'sites', s.siteId);
    if (!site) issues.push({ path: `body.sites.${i}.siteId`, message: `El sitio ${s.siteId} no existe` });
    else if (!site.active) issues.push({ path: `body.sites.${i}.siteId`, message: `El sitio ${s.siteId} está desactivado` });
  }
  if (issues.length) throw invalid(issues);
}

/** `siteIds` (role main) and `sites` (explicit roles) merged; explicit roles win. */
export function mergeSites(siteIds: number[] | undefined, sites: { siteId: number; role: string }[] | undefined) {
  if (siteIds === undefined && sites === undefined) return undefined;
  const map = new Map<number, string>();
  for (const id of siteIds ?? []) map.set(id, 'main');
  for (const s of sites ?? []) map.set(s.siteId, s.role);
  return [...map].map(([siteId, role]) => ({ siteId, role }));
}
