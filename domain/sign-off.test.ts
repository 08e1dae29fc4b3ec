import { describe, expect, it } from 'vitest';
import { SIGN_OFF_KINDS, SIGN_OFF_LABELS, checkSignOff, type SignOff } from './sign-off.js';

describe('checkSignOff', () => {
  const existing: SignOff[] = [{ kind: 'supervisor_reviewed', userId: 1 }];

  it('accepts a fitting role by a new user', () => {
    expect(checkSignOff({ kind: 'manager_validated', userId: 2, role: 'gerente_operaciones' }, existing, [1, 2])).toEqual({
      ok: true,
      value: { kind: 'manager_validated', userId: 2 },
    });
  });

  it('refuses the wrong role', () => {
    const result = checkSignOff({ kind: 'administration_confirmed', userId: 2, role: 'supervisor' }, existing, [1]);
    expect(!result.ok && result.error.code).toBe('forbidden');
  });

  it('refuses a second sign-off by the same user, even an admin', () => {
    const result = checkSignOff({ kind: 'manager_validated', userId: 1, role: 'admin' }, existing, [1, 2]);
    expect(!result.ok && result.error.code).toBe('segregation_of_duties');
  });

  it('refuses the sole capturer', () => {
    const result = checkSignOff({ kind: 'manager_validated', userId: 5, role: 'gerente_operaciones' }, [], [5, 5]);
    expect(!result.ok && result.error.code).toBe('segregation_of_duties');
    expect(!result.ok && result.error.details).toEqual({ userId: 5, reason: 'sole_capturer' });
  });

  it('is idempotent for the same user and kind', () => {
    expect(checkSignOff({ kind: 'supervisor_reviewed', userId: 1, role: 'supervisor' }, existing, [1, 3]).ok).toBe(true);
  });

  it('labels the three kinds', () => {
    expect(SIGN_OFF_KINDS.map((k) => SIGN_OFF_LABELS[k].es)).toEqual([
      'Supervisor de sitio (revisado)',
      'Gerente de operaciones (validado)',
      'Administración (confirmado para facturación)',
    ]);
  });
});
