import { describe, expect, it } from 'vitest';
import { CAPTURE_ROLES, REVIEW_CORRECTION_ROLES, ROLES, ROLE_LABELS, isReadOnlyRole, isRole } from './roles.js';

describe('roles', () => {
  it('has the five spec roles with labels in both languages', () => {
    expect(ROLES).toEqual(['admin', 'gerente_operaciones', 'supervisor', 'administracion', 'consulta']);
    for (const role of ROLES) {
      expect(ROLE_LABELS[role].es).not.toBe('');
      expect(ROLE_LABELS[role].en).not.toBe('');
    }
    expect(ROLE_LABELS.gerente_operaciones.es).toBe('Gerente de operaciones');
  });

  it('guards unknown values', () => {
    expect(isRole('supervisor')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });

  it('keeps read-only users out of every writing group', () => {
    expect(isReadOnlyRole('consulta')).toBe(true);
    expect(isReadOnlyRole('admin')).toBe(false);
    expect(CAPTURE_ROLES).not.toContain('consulta');
    expect(REVIEW_CORRECTION_ROLES).toEqual(['admin', 'gerente_operaciones']);
  });
});
