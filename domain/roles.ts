import { isOneOf, type Label } from './labels.js';

/**
 * User roles (spec §3.7). One role per user; scoping (a supervisor's sites/OTs) is data checked
 * by the server's policies, not a separate role.
 */
export const ROLES = ['admin', 'gerente_operaciones', 'supervisor', 'administracion', 'consulta'] as const;

export type Role = (typeof ROLES)[number];

/** Display labels of each role. */
export const ROLE_LABELS: Readonly<Record<Role, Label>> = {
  admin: { es: 'Administrador del sistema', en: 'System administrator' },
  gerente_operaciones: { es: 'Gerente de operaciones', en: 'Operations manager' },
  supervisor: { es: 'Supervisor de sitio', en: 'Site supervisor' },
  administracion: { es: 'Administración (facturación)', en: 'Administration (billing)' },
  consulta: { es: 'Consulta (solo lectura)', en: 'Read-only' },
};

/** Type guard for values coming from the database, tokens or requests. */
export function isRole(value: unknown): value is Role {
  return isOneOf(ROLES, value);
}

/**
 * Roles that capture field data (daily reports, production, GPU records, evidence links) in an
 * open month. `administracion` reviews and bills but does not capture; `consulta` never writes.
 */
export const CAPTURE_ROLES: readonly Role[] = ['admin', 'gerente_operaciones', 'supervisor'];

/** Roles allowed to correct data of a month under review (`En Revisión`). */
export const REVIEW_CORRECTION_ROLES: readonly Role[] = ['admin', 'gerente_operaciones'];

/** True for roles that may never write anything (auditors, the client). */
export function isReadOnlyRole(role: Role): boolean {
  return role === 'consulta';
}
