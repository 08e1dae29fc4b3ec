import { describe, expect, it } from 'vitest';
import { parseVolumeCell, volumeOf } from './numeric-cell';

describe('parseVolumeCell', () => {
  it('accepts es-MX and plain numbers as pasted from Excel', () => {
    expect(parseVolumeCell('1,234.56')).toEqual({ kind: 'value', value: '1234.56' });
    expect(parseVolumeCell(' 1234.5 ')).toEqual({ kind: 'value', value: '1234.5' });
    expect(parseVolumeCell('12,5')).toEqual({ kind: 'value', value: '12.5' });
    expect(parseVolumeCell('0.000001')).toEqual({ kind: 'value', value: '0.000001' });
  });

  it('treats empty and zero as a cleared cell', () => {
    expect(parseVolumeCell('')).toEqual({ kind: 'empty' });
    expect(parseVolumeCell('0.00')).toEqual({ kind: 'empty' });
    expect(volumeOf(parseVolumeCell(''))).toBe('0');
  });

  it('refuses bad values with the Spanish reason', () => {
    expect(parseVolumeCell('-3')).toEqual({ kind: 'invalid', reason: 'No se admiten valores negativos.' });
    expect(parseVolumeCell('1.1234567')).toEqual({ kind: 'invalid', reason: 'Tiene demasiados decimales.' });
    expect(parseVolumeCell('abc')).toEqual({ kind: 'invalid', reason: 'No es un número válido.' });
    expect(parseVolumeCell('1e20')).toEqual({ kind: 'invalid', reason: 'El valor es demasiado grande.' });
    expect(volumeOf(parseVolumeCell('abc'))).toBeNull();
  });

  it('gives the reason in English when asked', () => {
    expect(parseVolumeCell('x', 'en')).toEqual({ kind: 'invalid', reason: 'Not a valid number.' });
  });
});
