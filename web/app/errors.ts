/** Turns any thrown value into a sentence for the person using the UI, in their language. */
import { DOMAIN_ERROR_MESSAGES, type DomainErrorCode } from '../../domain/errors';
import { isApiError } from './api-client';
import type { TranslateFn } from './i18n';
import type { Locale } from './i18n/translate';

function isDomainCode(code: string): code is DomainErrorCode {
  return Object.prototype.hasOwnProperty.call(DOMAIN_ERROR_MESSAGES, code);
}

export function describeError(error: unknown, t: TranslateFn, locale: Locale): string {
  if (!isApiError(error)) return t('error.unexpected');
  if (error.code === 'network_error') return t('error.network');
  if (error.code === 'invalid_credentials') return t('login.invalidCredentials');
  if (error.code === 'rate_limited' || error.status === 429) return t('login.rateLimited');
  // The server writes specific Spanish messages; in English fall back to the generic text per code.
  if (locale === 'es') return error.message || t('error.unexpected');
  if (isDomainCode(error.code)) return DOMAIN_ERROR_MESSAGES[error.code].en;
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  return error.message || t('error.unexpected');
}
