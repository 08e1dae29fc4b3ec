import { describe, expect, it } from 'vitest';
import {
  FRONTS,
  FRONT_LABELS,
  SITE_KINDS,
  SITE_KIND_LABELS,
  WORK_ORDER_KIND_LABELS,
  WORK_ORDER_STATUSES,
  WORK_ORDER_STATUS_LABELS,
  applyStatusChange,
  isWorkOrderStatus,
  mainSiteKindForFront,
} from './work-order.js';

describe('labels', () => {
  it('labels statuses, kinds, sites and fronts in Spanish', () => {
    expect(WORK_ORDER_STATUSES.map((s) => WORK_ORDER_STATUS_LABELS[s].es)).toEqual([
      'Asignada',
      'En ejecución',
      'Suspendida',
      'Diferida',
      'Diferida sin iniciar',
      'Terminada',
      'Cancelada',
      'Por cancelar',
    ]);
    expect(SITE_KINDS.map((k) => SITE_KIND_LABELS[k].es)).toEqual(['Patio', 'Embarcación', 'Plataforma', 'Interconexión']);
    expect(FRONTS.map((f) => FRONT_LABELS[f].es)).toEqual(['Tierra', 'Barco', 'Plataforma']);
    expect(WORK_ORDER_KIND_LABELS.reprogramming.es).toBe('Reprogramación');
    expect(isWorkOrderStatus('terminada')).toBe(true);
    expect(isWorkOrderStatus('TERMINADA')).toBe(false);
  });

  it('maps fronts to the kind of their main site', () => {
    expect(FRONTS.map(mainSiteKindForFront)).toEqual(['yard', 'vessel', 'platform']);
  });
});

describe('applyStatusChange', () => {
  const ot = { id: 7, status: 'en_ejecucion' as const, actualEnd: null };

  it('entering Terminada sets the actual end to today when empty', () => {
    expect(applyStatusChange(ot, 'terminada', '2025-03-15')).toEqual({
      id: 7,
      status: 'terminada',
      actualEnd: '2025-03-15',
    });
  });

  it('entering Terminada keeps an actual end entered by hand', () => {
    expect(applyStatusChange({ ...ot, actualEnd: '2025-03-10' }, 'terminada', '2025-03-15').actualEnd).toBe('2025-03-10');
  });

  it('leaving Terminada clears the actual end (legacy behaviour)', () => {
    expect(applyStatusChange({ id: 7, status: 'terminada', actualEnd: '2025-03-10' }, 'en_ejecucion', '2025-03-15')).toEqual({
      id: 7,
      status: 'en_ejecucion',
      actualEnd: null,
    });
  });

  it('other changes leave the actual end alone and do not mutate the input', () => {
    const input = { ...ot, actualEnd: '2025-03-01' };
    expect(applyStatusChange(input, 'suspendida', '2025-03-15')).toEqual({
      id: 7,
      status: 'suspendida',
      actualEnd: '2025-03-01',
    });
    expect(input.status).toBe('en_ejecucion');
    expect(applyStatusChange(input, 'en_ejecucion', '2025-03-15')).toBe(input);
  });
});
