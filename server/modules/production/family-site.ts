/**
 * Resolves what every write or read of an OT-month at a site needs: the family (production and
 * daily reports file under the initial OT), the role the site plays in it, and the validity window
 * that applies there (yard window for the yard site of a yard phase, family window otherwise).
 * Shared by production, daily reports and GPU records so the three agree on windows and scope.
 */
import { isDayInWindow, windowForSite, type ValidityWindow } from '../../../domain/validity-window';
import type { SiteRole } from '../../../domain/work-order';
import { outsideWindow } from '../../../domain/errors';
import type { Actor } from '../../context';
import type { DbOrTx } from '../../db/database';
import { fail, missing } from '../../fail';
import { ensure, inSupervisorScope, type Permission } from '../../policy';
import { familyOf, type FamilyMember } from './production.repository';

export interface FamilyContext {
  familyId: number;
  initial: FamilyMember;
  members: FamilyMember[];
}

export interface FamilySite extends FamilyContext {
  siteId: number;
  siteName: string;
  siteRole: SiteRole;
  window: ValidityWindow;
}

/** The family from its members (see familyOf); 404 when there are none (the OT does not exist). */
export function familyContext(workOrderId: number, members: FamilyMember[]): FamilyContext {
  const initial = members.find((m) => m.kind === 'initial') ?? members[0];
  if (!initial) throw missing(`La OT ${workOrderId}`);
  return { familyId: initial.familyId, initial, members };
}

/** The family of any of its OTs (404 when the OT does not exist). */
export async function loadFamily(db: DbOrTx, workOrderId: number): Promise<FamilyContext> {
  return familyContext(workOrderId, await familyOf(db, workOrderId));
}

/** Sites of the family with their role (the initial OT's role wins when several OTs list a site). */
export function familySites(f: FamilyContext): { siteId: number; name: string; role: SiteRole }[] {
  const bySite = new Map<number, { siteId: number; name: string; role: SiteRole }>();
  for (const m of [f.initial, ...f.members.filter((x) => x.id !== f.initial.id && x.active)]) {
    for (const s of m.sites) if (!bySite.has(s.siteId)) bySite.set(s.siteId, { siteId: s.siteId, name: s.name, role: s.role as SiteRole });
  }
  return [...bySite.values()];
}

/** The window of this site for the family (active reprogrammings extend it). */
export function siteWindow(f: FamilyContext, role: SiteRole): ValidityWindow {
  const reprogrammings = f.members.filter((m) => m.kind === 'reprogramming' && m.active);
  return windowForSite({ initial: f.initial, reprogrammings }, role);
}

/** Family + site; 400 when the site is not one of the family's sites. */
export async function loadFamilySite(db: DbOrTx, workOrderId: number, siteId: number): Promise<FamilySite> {
  return familySite(await loadFamily(db, workOrderId), siteId);
}

/** The site within a loaded family; 400 when it is not one of the family's sites. */
export function familySite(f: FamilyContext, siteId: number): FamilySite {
  const site = familySites(f).find((s) => s.siteId === siteId);
  if (!site)
    throw fail('validation_failed', `El sitio ${siteId} no pertenece a la OT ${f.initial.folio}`, { siteId, familyId: f.familyId });
  return { ...f, siteId, siteName: site.name, siteRole: site.role, window: siteWindow(f, site.role) };
}

/** 422 outside_window unless the date is inside the site's window. */
export function assertInWindow(fs: FamilySite, date: string): void {
  if (!isDayInWindow(fs.window, date)) throw outsideWindow({ date, siteId: fs.siteId, start: fs.window.start, end: fs.window.end });
}

export interface WriteScope {
  familyId: number;
  siteId: number;
  members?: { id: number }[];
}

/**
 * Write permission on the family at this site: the role's permission, then the supervisor scope
 * (an OT assigned to them, or this very site: a supervisor of site A does not write site B).
 */
export function ensureCanWrite(actor: Actor, fs: WriteScope, permission: Permission = 'production.capture'): void {
  ensure(actor, permission);
  const ids = fs.members?.map((m) => m.id) ?? [fs.familyId];
  if (!ids.some((id) => inSupervisorScope(actor, { id, familyId: fs.familyId, siteIds: [fs.siteId] }))) {
    throw fail('forbidden', 'La OT o el sitio no están asignados a usted', { familyId: fs.familyId, siteId: fs.siteId });
  }
}

/** Same check as a boolean (abilities returned with reads). */
export function canWrite(actor: Actor, fs: WriteScope, permission: Permission = 'production.capture'): boolean {
  try {
    ensureCanWrite(actor, fs, permission);
    return true;
  } catch {
    return false;
  }
}
