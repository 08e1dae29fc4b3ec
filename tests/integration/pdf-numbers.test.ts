/** The PDF's fast number text equals domain/money's formatters (no database needed). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatVolume } from '../../domain/money';
import { amt, vol } from '../../server/pdf/pdf-numbers';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

describe('PDF number text', () => {
  it('volumes read as formatVolume writes them', () => {
    fc.assert(
      fc.property(fc.boolean(), digits(1, 16), fc.option(digits(1, 8), { nil: undefined }), (negative, integer, fraction) => {
        const text = `${negative ? '-' : ''}${integer}${fraction === undefined ? '' : `.${fraction}`}`;
        expect(vol(text)).toBe(formatVolume(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of ['0', '-0', '0.000000', '-0.000000', '1234567.500000', '0.000001', '1e-7', '12.3456789'])
      expect(vol(text)).toBe(formatVolume(text));
  });

  it('amounts read as formatAmount writes them', () => {
    fc.assert(
      fc.property(fc.boolean(), digits(1, 16), fc.option(digits(1, 4), { nil: undefined }), (negative, integer, fraction) => {
        const text = `${negative ? '-' : ''}${integer}${fraction === undefined ? '' : `.${fraction}`}`;
        expect(amt(text)).toBe(formatAmount(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of ['0.00', '-0.00', '3126.25', '1234567.005', '25.625']) expect(amt(text)).toBe(formatAmount(text));
  });
});
