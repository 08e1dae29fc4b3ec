import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { interpolate, isMessageKey, placeholdersOf, translate } from './translate';

describe('dictionaries', () => {
  it('English has exactly the Spanish keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
  });

  it('every text keeps the same placeholders in both languages', () => {
    for (const key of Object.keys(es) as (keyof typeof es)[]) {
      expect({ key, placeholders: placeholdersOf(en[key]) }).toEqual({ key, placeholders: placeholdersOf(es[key]) });
    }
  });

  it('no text is empty', () => {
    for (const [key, value] of [...Object.entries(es), ...Object.entries(en)])
      expect({ key, empty: value.trim() === '' }).toEqual({ key, empty: false });
  });

  it('keeps the login error the spec asks for', () => {
    expect(es['login.invalidCredentials']).toBe('Correo o contraseña incorrectos');
  });
});

describe('translate', () => {
  it('substitutes placeholders and leaves unknown ones visible', () => {
    expect(translate('es', 'common.range', { from: 1, to: 100, total: '1,234' })).toBe('1–100 de 1,234');
    expect(translate('en', 'common.range', { from: 1, to: 100, total: 5 })).toBe('1–100 of 5');
    expect(interpolate('{a} y {b}', { a: 'x' })).toBe('x y {b}');
  });
  it('recognises known keys', () => {
    expect(isMessageKey('audit.entity.work_order')).toBe(true);
    expect(isMessageKey('audit.entity.nope')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});
