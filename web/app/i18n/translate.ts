/** Pure translation helpers (no React), usable from tests and non-component code. */
import { en } from './en';
import { es, type Dictionary, type MessageKey } from './es';

export type { Dictionary, MessageKey };

/** UI languages: Spanish (es-MX) by default, English switchable. */
export type Locale = 'es' | 'en';
export const LOCALES: readonly Locale[] = ['es', 'en'];

/** Values substituted into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

export const DICTIONARIES: Readonly<Record<Locale, Dictionary>> = { es, en };

/** Replaces `{name}` with `params.name`; unknown placeholders are left visible. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return interpolate(DICTIONARIES[locale][key], params);
}

/** Narrows a dynamic string (an audit entity, an action code) to a known key. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(es, key);
}

/** Placeholder names used by a template, sorted (for the key-parity test). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

export function isLocale(value: unknown): value is Locale {
  return value === 'es' || value === 'en';
}
