import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalSubAnnex, compareSubAnnex, isExtraordinarySubAnnex, subAnnexOfExtraordinaryCode } from './sub-annex.js';

describe('canonicalSubAnnex', () => {
  it.each([
    // product.md §1 examples
    ['C-2.', 'C-2'],
    ['C2', 'C-2'],
    ['ANEXO C-2', 'C-2'],
    ['C2EXT', 'C2EXT'],
    ['C2-EXT', 'C2EXT'],
    ['C-2 EXT', 'C2EXT'],
    ['ANEXO C2EXT', 'C2EXT'],
    // original-system.md A.4 spellings
    ['C-3.', 'C-3'],
    ['C3-EXT', 'C3EXT'],
    ['ANEXO C3EXT', 'C3EXT'],
    ['C-007.', 'C-7'],
    // spellings in the fixtures (ANEXO cells and sheet names)
    ['C-4-1', 'C-4-1'],
    ['C-5-1', 'C-5-1'],
    ['C-10', 'C-10'],
    ['C-20', 'C-20'],
    ['C1EXT', 'C1EXT'],
    ['Anexo C-2-CR', 'C-2'],
    ['Anexo C-4-1', 'C-4-1'],
    ['c-6-cr', 'C-6'],
    // harmless variants
    ['  c - 2 . ', 'C-2'],
    ['ANEXO "C-2"', 'C-2'],
    ['Anexo C 2', 'C-2'],
    ['C-02', 'C-2'],
    ['C 2 ext', 'C2EXT'],
    ['C_4_1', 'C-4-1'],
    ['C.4.1', 'C-4-1'],
    ['ANEXO C-04-01.', 'C-4-1'],
  ])('%j → %j', (raw, expected) => {
    expect(canonicalSubAnnex(raw)).toBe(expected);
  });

  it.each([['ANEXO CD'], ['S/A'], ['NA'], [''], ['C'], ['Anexo C-CR'], ['C-0'], ['ANEXO "C"'], ['C-4-1 EXT'], ['X-2'], ['DT-6']])(
    '%j names no numbered sub-annex → null (we refuse to guess)',
    (raw) => {
      expect(canonicalSubAnnex(raw)).toBeNull();
    },
  );

  it('is null for non-strings', () => {
    expect(canonicalSubAnnex(null)).toBeNull();
    expect(canonicalSubAnnex(undefined)).toBeNull();
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 2 }),
        fc.boolean(),
        (major, minors, ext) => {
          const raw = ext ? `ANEXO C-${major} EXT` : `C${major}${minors.map((n) => `-${n}`).join('')}.`;
          const once = canonicalSubAnnex(raw);
          expect(once).not.toBeNull();
          expect(canonicalSubAnnex(once)).toBe(once);
        },
      ),
    );
  });
});

describe('compareSubAnnex', () => {
  it('orders naturally: number, ordinary before sub-templates before EXT of the same number', () => {
    const labels = ['C-10', 'C5EXT', 'C-5', 'C-4-1', 'C2EXT', 'C-2', 'C-4', 'C4EXT', 'C-4-2', 'C-4-10', 'C-1', 'ANEXO CD', 'C-3'];
    expect([...labels].sort(compareSubAnnex)).toEqual([
      'C-1',
      'C-2',
      'C2EXT',
      'C-3',
      'C-4',
      'C-4-1',
      'C-4-2',
      'C-4-10',
      'C4EXT',
      'C-5',
      'C5EXT',
      'C-10',
      'ANEXO CD',
    ]);
  });

  it('treats raw spellings like their canonical form', () => {
    expect(compareSubAnnex('C-2.', 'C-2')).toBe(0);
    expect(compareSubAnnex('C3-EXT', 'C-3')).toBeGreaterThan(0);
  });
});

describe('extraordinary helpers', () => {
  it('detects EXT labels', () => {
    expect(isExtraordinarySubAnnex('C3-EXT')).toBe(true);
    expect(isExtraordinarySubAnnex('C-3')).toBe(false);
  });

  it('derives the sub-annex from a PUE code', () => {
    expect(subAnnexOfExtraordinaryCode('C3EXT-0977')).toBe('C3EXT');
    expect(subAnnexOfExtraordinaryCode('c1ext-0002')).toBe('C1EXT');
    expect(subAnnexOfExtraordinaryCode('2.9.')).toBeNull();
    expect(subAnnexOfExtraordinaryCode('1C-009')).toBeNull();
  });
});
