import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../../app/api-types';
import {
  buildCreateBody,
  buildUpdateBody,
  emptyWorkOrderValues,
  inclusiveDays,
  newSiteRow,
  reprogrammingValues,
  workOrderToValues,
} from './work-order-form-values';

const initial: WorkOrder = {
  id: 7,
  folio: 'OT-100',
  description: 'Mantenimiento a plataforma',
  kind: 'initial',
  parentId: null,
  reprogrammingNumber: 0,
  familyId: 7,
  clientId: 1,
  clientName: 'PEMEX',
  leaderId: 3,
  leaderName: 'Ana',
  clientResponsible: 'Ing. Pérez',
  officialLetter: 'OF-1',
  status: 'en_ejecucion',
  frontId: 2,
  frontName: 'BARCO',
  plannedStart: '2025-01-10',
  plannedEnd: '2025-03-31',
  actualStart: null,
  actualEnd: null,
  requiresYard: true,
  yardStart: '2025-01-10',
  yardEnd: '2025-01-20',
  amountMxn: '1234567.50',
  amountUsd: '0.00',
  termDays: 81,
  active: true,
  sites: [{ siteId: 4, role: 'main', name: 'Akal-C', kind: 'platform' }],
  validity: { start: '2025-01-10', end: '2025-03-31' },
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

describe('work order form values', () => {
  it('round-trips an OT through the form unchanged', () => {
    const values = workOrderToValues(initial);
    expect(values.plannedStart).toBe('10/01/2025');
    expect(values.amountMxn).toBe('1,234,567.50');
    const built = buildUpdateBody(values);
    expect(built).toEqual({
      ok: true,
      body: {
        folio: 'OT-100',
        description: 'Mantenimiento a plataforma',
        clientId: 1,
        leaderId: 3,
        frontId: 2,
        status: 'en_ejecucion',
        clientResponsible: 'Ing. Pérez',
        officialLetter: 'OF-1',
        sites: [{ siteId: 4, role: 'main' }],
        plannedStart: '2025-01-10',
        plannedEnd: '2025-03-31',
        actualStart: null,
        actualEnd: null,
        requiresYard: true,
        yardStart: '2025-01-10',
        yardEnd: '2025-01-20',
        amountMxn: '1234567.50',
        amountUsd: '0.00',
        termDays: 81,
      },
    });
  });

  it('reports missing and malformed fields with message keys', () => {
    const values = { ...emptyWorkOrderValues(), plannedStart: '31/02/2025', termDays: '1.5' };
    const built = buildCreateBody(values);
    expect(built.ok).toBe(false);
    if (!built.ok)
      expect(built.errors).toEqual({
        folio: 'common.required',
        description: 'common.required',
        clientId: 'common.required',
        plannedStart: 'common.invalidDate',
        termDays: 'wo.termDaysInvalid',
      });
  });

  it('requires the parent of a reprogramming', () => {
    const values = { ...emptyWorkOrderValues(), kind: 'reprogramming' as const, folio: 'X', description: 'Y', clientId: '1' };
    const built = buildCreateBody(values);
    expect(built.ok ? null : built.errors.parentId).toBe('wo.parentRequired');
  });

  it('clears the yard window without a yard phase and drops empty site rows', () => {
    const values = {
      ...emptyWorkOrderValues(),
      folio: 'A',
      description: 'B',
      clientId: '1',
      yardStart: '01/01/2025',
      sites: [newSiteRow('4', 'platform'), newSiteRow('')],
      amountMxn: '$1,000',
    };
    const built = buildCreateBody(values);
    expect(built.ok).toBe(true);
    if (built.ok) {
      expect(built.body.yardStart).toBeNull();
      expect(built.body.sites).toEqual([{ siteId: 4, role: 'platform' }]);
      expect(built.body.amountMxn).toBe('1000');
      expect(built.body.amountUsd).toBe('0');
      expect(built.body.kind).toBe('initial');
      expect(built.body.parentId).toBeNull();
    }
  });

  it('starts a reprogramming from its initial OT', () => {
    const values = reprogrammingValues(initial);
    expect(values.kind).toBe('reprogramming');
    expect(values.parent).toEqual({ value: 7, label: 'OT-100' });
    expect(values.folio).toBe('OT-100');
    expect(values.sites.map((s) => s.siteId)).toEqual(['4']);
    expect(values.plannedStart).toBe('');
    expect(values.amountMxn).toBe('');
    expect(values.officialLetter).toBe('');
    const built = buildCreateBody(values);
    expect(built.ok && built.body.parentId).toBe(7);
  });

  it('counts calendar days inclusively for the term hint', () => {
    expect(inclusiveDays('01/01/2025', '31/01/2025')).toBe(31);
    expect(inclusiveDays('01/03/2025', '01/03/2025')).toBe(1);
    expect(inclusiveDays('02/03/2025', '01/03/2025')).toBeNull();
    expect(inclusiveDays('', '01/03/2025')).toBeNull();
  });
});
