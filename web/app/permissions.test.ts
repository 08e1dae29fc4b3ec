import { describe, expect, it } from 'vitest';
import { can, canOnRecord } from './permissions';

describe('permissions', () => {
  it('mirrors the server roles', () => {
    expect(can('admin', 'users.manage')).toBe(true);
    expect(can('gerente_operaciones', 'users.manage')).toBe(false);
    expect(can('gerente_operaciones', 'catalogues.write')).toBe(true);
    expect(can('gerente_operaciones', 'workOrders.write')).toBe(true);
    for (const role of ['supervisor', 'administracion', 'consulta'] as const) {
      expect(can(role, 'catalogues.write')).toBe(false);
      expect(can(role, 'workOrders.write')).toBe(false);
      expect(can(role, 'tokens.own')).toBe(true);
    }
    expect(can('supervisor', 'audit.read')).toBe(false);
    expect(can('consulta', 'audit.read')).toBe(true);
  });

  it('lets a record’s abilities win over the role', () => {
    expect(canOnRecord('gerente_operaciones', 'workOrders.write', { abilities: { update: false } })).toBe(false);
    expect(canOnRecord('consulta', 'workOrders.write', { abilities: { update: true } })).toBe(true);
    expect(canOnRecord('admin', 'workOrders.write', { abilities: {} })).toBe(true);
    expect(canOnRecord('consulta', 'workOrders.write', null)).toBe(false);
  });
});
