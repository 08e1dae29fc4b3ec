import { describe, expect, it } from 'vitest';
import {
  OPERATIONAL_STATUSES,
  OPERATIONAL_STATUS_LABELS,
  SIGNATURE_STATUSES,
  SIGNATURE_STATUS_LABELS,
  freezesProduction,
  isOperationalStatus,
  isSignatureStatus,
  layerAllowedOn,
  normalizeDailyReportNote,
  productiveDays,
} from './daily-report.js';

describe('enums', () => {
  it('labels operational and signature statuses', () => {
    expect(OPERATIONAL_STATUSES.map((s) => OPERATIONAL_STATUS_LABELS[s].es)).toEqual([
      'Productivo',
      'En espera',
      'Suspendido',
      'Sin actividad',
    ]);
    expect(SIGNATURE_STATUSES.map((s) => SIGNATURE_STATUS_LABELS[s].es)).toEqual([
      'Pendiente',
      'En proceso',
      'Falta firma cliente',
      'Firmado',
    ]);
    expect(isOperationalStatus('en_espera')).toBe(true);
    expect(isOperationalStatus('Productivo')).toBe(false);
    expect(isSignatureStatus('firmado')).toBe(true);
    expect(isSignatureStatus('FIRMADO')).toBe(false);
  });
});

describe('productiveDays', () => {
  it('counts reports whose operational status is Productivo', () => {
    expect(productiveDays([])).toBe(0);
    expect(
      productiveDays([
        { operationalStatus: 'productivo' },
        { operationalStatus: 'en_espera' },
        { operationalStatus: 'productivo' },
        { operationalStatus: 'sin_actividad' },
        { operationalStatus: 'suspendido' },
      ]),
    ).toBe(2);
  });
});

describe('layerAllowedOn', () => {
  it('allows TE only on Productivo, CMA on En espera or Productivo', () => {
    const table = OPERATIONAL_STATUSES.map((s) => [s, layerAllowedOn('TE', s), layerAllowedOn('CMA', s)]);
    expect(table).toEqual([
      ['productivo', true, true],
      ['en_espera', false, true],
      ['suspendido', false, false],
      ['sin_actividad', false, false],
    ]);
  });
});

describe('notes and signatures', () => {
  it('limits notes to 255 characters', () => {
    expect(normalizeDailyReportNote('  ')).toEqual({ ok: true, value: null });
    expect(normalizeDailyReportNote(null)).toEqual({ ok: true, value: null });
    expect(normalizeDailyReportNote(' Lluvia ')).toEqual({ ok: true, value: 'Lluvia' });
    expect(normalizeDailyReportNote('ñ'.repeat(255)).ok).toBe(true);
    expect(normalizeDailyReportNote('x'.repeat(256))).toEqual({ ok: false, error: 'too_long' });
  });

  it('only Firmado freezes production', () => {
    expect(SIGNATURE_STATUSES.filter(freezesProduction)).toEqual(['firmado']);
  });
});
