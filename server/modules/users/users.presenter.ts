import type { UserRow } from './users.repository';

export function presentSessionUser(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    mustChangePassword: u.mustChangePassword,
    siteIds: u.siteIds,
    workOrderIds: u.workOrderIds,
  };
}

export function presentUser(u: UserRow) {
  return { ...presentSessionUser(u), active: u.active, createdAt: u.createdAt, updatedAt: u.updatedAt };
}

/** The audited view of a user: never the password hash. */
export function auditedUser(u: UserRow) {
  const { passwordHash: _hash, createdAt: _c, updatedAt: _u, ...rest } = u;
  return rest;
}
