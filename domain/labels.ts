/** A user-facing label in both UI languages (Spanish first, es-MX). */
export interface Label {
  readonly es: string;
  readonly en: string;
}

/** UI languages. Spanish (es-MX) is the default. */
export type UiLanguage = 'es' | 'en';

/** Narrows an unknown value to a member of a closed string union given as a readonly tuple. */
export function isOneOf<const T extends readonly string[]>(values: T, candidate: unknown): candidate is T[number] {
  return typeof candidate === 'string' && (values as readonly string[]).includes(candidate);
}
