import { describe, expect, it } from 'vitest';
import {
  DOMAIN_ERROR_CODES,
  DOMAIN_ERROR_MESSAGES,
  DomainError,
  checklistBlocked,
  conflict,
  csrfFailed,
  daySigned,
  forbidden,
  gpuHasEvidence,
  illegalTransition,
  importHasErrors,
  invalidCredentials,
  isDomainError,
  notFound,
  outsideWindow,
  payloadTooLarge,
  periodClosed,
  rateLimited,
  segregationOfDuties,
  staleGrid,
  unauthorized,
  unsupportedFile,
  validationFailed,
} from './errors.js';

describe('DomainError', () => {
  it('has the closed set of codes, each with Spanish and English messages', () => {
    expect(DOMAIN_ERROR_CODES).toHaveLength(19);
    for (const code of DOMAIN_ERROR_CODES) {
      const error = new DomainError(code);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('DomainError');
      expect(error.code).toBe(code);
      expect(error.message).toBe(DOMAIN_ERROR_MESSAGES[code].es);
      expect(error.messageEn).toBe(DOMAIN_ERROR_MESSAGES[code].en);
      expect(error.details).toEqual({});
    }
  });

  it('keeps custom messages, details and cause', () => {
    const cause = new Error('boom');
    const error = new DomainError('conflict', { message: 'Ya existe', details: { id: 3 }, cause });
    expect(error.message).toBe('Ya existe');
    expect(error.details).toEqual({ id: 3 });
    expect(error.cause).toBe(cause);
  });

  it('is recognisable by code', () => {
    const error = notFound('work_order', 12);
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(error, 'not_found')).toBe(true);
    expect(isDomainError(error, 'conflict')).toBe(false);
    expect(isDomainError(new Error('x'))).toBe(false);
  });
});

describe('helper constructors', () => {
  it('build every code with useful details', () => {
    const built = [
      validationFailed([{ path: 'volume', code: 'negative', message: 'No se admiten valores negativos.' }]),
      notFound('work_order', 1),
      conflict(),
      forbidden('close'),
      unauthorized(),
      periodClosed({ workOrderId: 1, year: 2025, month: 3, status: 'cerrado' }),
      daySigned({ siteId: 2, date: '2025-03-04' }),
      staleGrid([{ lineItemId: 1, siteId: 2, date: '2025-03-04', layer: 'TE' }]),
      outsideWindow({ date: '2025-03-04', start: '2025-03-05', end: null }),
      gpuHasEvidence(9),
      illegalTransition({ entity: 'monthly_report', from: 'abierto', action: 'close' }),
      checklistBlocked(['evidence_url']),
      segregationOfDuties(4, 'sole_capturer'),
      importHasErrors(3),
      invalidCredentials(),
      csrfFailed(),
      rateLimited(30),
      payloadTooLarge(1024),
      unsupportedFile('encrypted'),
    ];
    expect(built.map((e) => e.code).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
    expect(periodClosed({ workOrderId: 1, year: 2025, month: 3, status: 'facturado' }).message).toBe(
      'El mes 3/2025 está facturado; no admite cambios.',
    );
    expect(importHasErrors(1).message).toBe('El archivo tiene 1 error; no se guardó nada.');
    expect(staleGrid([]).details).toEqual({ cells: [] });
  });
});
