import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseConcept } from './concept.js';

describe('normaliseConcept', () => {
  it('upper-cases, strips accents, collapses whitespace and newlines', () => {
    expect(normaliseConcept('\nTubo de acero al carbón  de 12"Ø,\tXS\n')).toBe('TUBO DE ACERO AL CARBON DE 12"Ø, XS');
    expect(normaliseConcept('SERVICIO DE HOSPEDAJE, ALIMENTACIÓN DE TRES COMIDAS Y SERVICIO DE CAFÉ.')).toBe(
      'SERVICIO DE HOSPEDAJE, ALIMENTACION DE TRES COMIDAS Y SERVICIO DE CAFE.',
    );
    expect(normaliseConcept('año\u00a0niño')).toBe('ANO NINO');
  });

  it('maps typographic quotes to ASCII', () => {
    expect(normaliseConcept('Anexo “DT-4” 18°30´30.526')).toBe('ANEXO "DT-4" 18°30\'30.526');
  });

  it('gives the same key for the contract and PTE spellings of one concept', () => {
    expect(normaliseConcept('Tubo de acero al carbón de 12"Ø, XS, espesor de pared 0.750')).toBe(
      normaliseConcept('\nTUBO DE ACERO AL CARBON DE 12"Ø, XS,  ESPESOR DE PARED 0.750\n'),
    );
  });

  it('handles blanks and numbers', () => {
    expect(normaliseConcept(null)).toBe('');
    expect(normaliseConcept('   ')).toBe('');
    expect(normaliseConcept(12)).toBe('12');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normaliseConcept(normaliseConcept(s))).toBe(normaliseConcept(s));
      }),
    );
  });
});
