import { describe, expect, it } from 'vitest';
import { CANONICAL_UNITS, canonicalUnit, isBlankUnit, unitKey } from './units.js';

/**
 * Census of the unit cells in the three fixtures (exact spellings, counted with the streaming reader):
 *  - anexo-c-contrato.xlsx: PIEZA, JORNADA, TON, JUNTA, M, HORA, M2, DÍA, H-H, Lote, Día, ML, HOM/DÍA, SERVICIO, COMIDA
 *  - ot-annex-pte.xlsm (all sheets): TON, DÍA, JORNADA, … (subset of the above)
 *  - ot-annex-sabana.xlsx, sheet PUE´s BME: PIEZA, SERVICIO, METRO, TON, DÍA, HORA, M3, JORNADA, M2, EVENTO, KG, LOTE, PZA,
 *    M, ML, LITRO, H-H, `TON ` (trailing space), M², SERV/DIA, PAQUETE, EQUIPO, JUNTA, SISTEMA, ESTACION, LT, M2/DIA, HOM/DIA
 */
const SEEN_IN_FIXTURES: Record<string, string> = {
  PIEZA: 'PZA',
  PZA: 'PZA',
  JORNADA: 'JORNADA',
  TON: 'TON',
  'TON ': 'TON',
  JUNTA: 'JUNTA',
  M: 'M',
  METRO: 'M',
  HORA: 'HORA',
  M2: 'M2',
  'M²': 'M2',
  M3: 'M3',
  DÍA: 'DIA',
  Día: 'DIA',
  'H-H': 'H-H',
  Lote: 'LOTE',
  LOTE: 'LOTE',
  ML: 'ML',
  'HOM/DÍA': 'HOM/DIA',
  'HOM/DIA': 'HOM/DIA',
  SERVICIO: 'SERVICIO',
  COMIDA: 'COMIDA',
  EVENTO: 'EVENTO',
  KG: 'KG',
  LITRO: 'LITRO',
  LT: 'LITRO',
  'SERV/DIA': 'SERV/DIA',
  PAQUETE: 'PAQUETE',
  EQUIPO: 'EQUIPO',
  SISTEMA: 'SISTEMA',
  ESTACION: 'ESTACION',
  'M2/DIA': 'M2/DIA',
};

describe('canonicalUnit', () => {
  it.each(Object.entries(SEEN_IN_FIXTURES))('%j (seen in a fixture) → %s', (raw, code) => {
    expect(canonicalUnit(raw)?.code).toBe(code);
  });

  it.each([
    ['DIA', 'DIA'],
    ['dia', 'DIA'],
    ['M2/DÍA', 'M2/DIA'],
    ['SERV/DÍA', 'SERV/DIA'],
    ['JOR', 'JORNADA'],
    ['JOR.', 'JORNADA'],
    ['PZA.', 'PZA'],
    ['M.L.', 'ML'],
    ['Kg', 'KG'],
    ['ESTACIÓN', 'ESTACION'],
    ['HH', 'H-H'],
    [' toneladas ', 'TON'],
  ])('alias %j → %s', (raw, code) => {
    expect(canonicalUnit(raw)?.code).toBe(code);
  });

  it('reads ML as METRO LINEAL, never millilitres', () => {
    expect(canonicalUnit('ML')).toEqual({ code: 'ML', name: 'METRO LINEAL' });
    expect(canonicalUnit('MILILITROS')).toBeNull();
  });

  it('returns null for unknown or missing units', () => {
    expect(canonicalUnit('GALON')).toBeNull();
    expect(canonicalUnit('')).toBeNull();
    expect(canonicalUnit(null)).toBeNull();
  });

  it('has unique codes and no alias shared by two units', () => {
    const codes = CANONICAL_UNITS.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    const owner = new Map<string, string>();
    for (const u of CANONICAL_UNITS) {
      for (const a of [u.code, u.name_es, ...u.aliases]) {
        const k = unitKey(a);
        expect(owner.get(k) ?? u.code, `${a} is claimed by ${owner.get(k)} and ${u.code}`).toBe(u.code);
        owner.set(k, u.code);
      }
    }
  });
});

describe('isBlankUnit', () => {
  it.each([[''], ['-'], ['.'], ['  '], ['NaN'], ['none'], [null]])('%j marks a title/subtotal row', (raw) => {
    expect(isBlankUnit(raw)).toBe(true);
  });
  it('is false for real units', () => {
    expect(isBlankUnit('H-H')).toBe(false);
    expect(isBlankUnit('TON ')).toBe(false);
  });
});
