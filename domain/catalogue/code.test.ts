import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodes, normaliseCode, sameCode } from './code.js';

describe('normaliseCode', () => {
  it.each([
    ['2.9.', '2.9.'],
    ['2.9', '2.9.'],
    [' 2.9. ', '2.9.'],
    ['2.9..', '2.9.'],
    ['4.7. ', '4.7.'],
    ['4.7 .', '4.7.'],
    [4.4, '4.4.'],
    [2, '2.'],
    ['2. 10.', '2.10.'],
    ['C3EXT-0977', 'C3EXT-0977'],
    ['c3ext - 0977', 'C3EXT-0977'],
    ['1C-009.', '1C-009'],
    ['1C-009', '1C-009'],
    ['10C-11.', '10C-11'],
    ['  A  B ', 'A B'],
    ['NA', 'NA'],
    ['', ''],
    ['   ', ''],
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
  ] as const)('%j → %j', (raw, expected) => {
    expect(normaliseCode(raw)).toBe(expected);
  });

  it('makes 2.9 and 2.9. the same code', () => {
    expect(sameCode('2.9', '2.9.')).toBe(true);
    expect(sameCode(4.7, '4.7.')).toBe(true);
    expect(sameCode('2.9.', '2.90.')).toBe(false);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normaliseCode(normaliseCode(s))).toBe(normaliseCode(s));
      }),
    );
  });
});

describe('compareCodes', () => {
  it('orders numerically per segment', () => {
    const codes = ['2.10.', '2.9.', '2.100.', '2.1.', '10.1.', '2.', 'C3EXT-0977', 'C3EXT-0002', 'C2EXT-0010', '2.9.1.'];
    expect([...codes].sort(compareCodes)).toEqual([
      '2.',
      '2.1.',
      '2.9.',
      '2.9.1.',
      '2.10.',
      '2.100.',
      '10.1.',
      'C2EXT-0010',
      'C3EXT-0002',
      'C3EXT-0977',
    ]);
  });

  it('compares raw spellings through their normal form', () => {
    expect(compareCodes('2.9', '2.9.')).toBe(0);
    expect(compareCodes('2.9', '2.10')).toBeLessThan(0);
  });

  it('is a consistent comparator (antisymmetric, equal only for equal codes)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ab = compareCodes(a, b);
        const ba = compareCodes(b, a);
        expect(Math.sign(ab) + Math.sign(ba)).toBe(0);
        if (ab === 0) expect(normaliseCode(a)).toBe(normaliseCode(b));
      }),
    );
  });
});
