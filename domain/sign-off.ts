/**
 * Month sign-offs (spec §3.1, checklist item 6): the site supervisor reviews, the operations
 * manager validates and administration confirms for billing — three distinct people, and the
 * only person who captured the month's data may not sign it off (segregation of duties).
 */
import { DomainError, forbidden, segregationOfDuties } from './errors.js';
import type { Label } from './labels.js';
import { err, ok, type Result } from './result.js';
import type { Role } from './roles.js';

export const SIGN_OFF_KINDS = ['supervisor_reviewed', 'manager_validated', 'administration_confirmed'] as const;
export type SignOffKind = (typeof SIGN_OFF_KINDS)[number];

/** Labels of the sign-offs. */
export const SIGN_OFF_LABELS: Readonly<Record<SignOffKind, Label>> = {
  supervisor_reviewed: { es: 'Supervisor de sitio (revisado)', en: 'Site supervisor (reviewed)' },
  manager_validated: { es: 'Gerente de operaciones (validado)', en: 'Operations manager (validated)' },
  administration_confirmed: {
    es: 'Administración (confirmado para facturación)',
    en: 'Administration (confirmed for billing)',
  },
};

/**
 * Roles that may give each sign-off. `admin` may give any of them (small teams), but the
 * distinct-users rule still applies, so one admin can never give two.
 */
export const SIGN_OFF_ROLES: Readonly<Record<SignOffKind, readonly Role[]>> = {
  supervisor_reviewed: ['supervisor', 'admin'],
  manager_validated: ['gerente_operaciones', 'admin'],
  administration_confirmed: ['administracion', 'admin'],
};

/** A recorded sign-off. */
export interface SignOff {
  readonly kind: SignOffKind;
  readonly userId: number;
}

/**
 * Checks a new sign-off before it is recorded: the role fits the kind (`forbidden`), the user has
 * not given another sign-off of the month and is not the month's sole data capturer
 * (`segregation_of_duties`). Re-signing the same kind by the same user is accepted (idempotent).
 */
export function checkSignOff(
  request: { readonly kind: SignOffKind; readonly userId: number; readonly role: Role },
  existing: readonly SignOff[],
  capturedByUserIds: readonly number[],
): Result<SignOff, DomainError> {
  if (!SIGN_OFF_ROLES[request.kind].includes(request.role)) return err(forbidden(`sign_off:${request.kind}`));
  if (existing.some((s) => s.userId === request.userId && s.kind !== request.kind)) {
    return err(segregationOfDuties(request.userId, 'already_signed'));
  }
  const capturers = new Set(capturedByUserIds);
  if (capturers.size === 1 && capturers.has(request.userId)) return err(segregationOfDuties(request.userId, 'sole_capturer'));
  return ok({ kind: request.kind, userId: request.userId });
}
