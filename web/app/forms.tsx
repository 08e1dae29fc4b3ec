/**
 * Server-side validation shown where it belongs: each `{path, message}` of a 400 goes under its
 * field; what no field claims (and non-validation errors) goes into a summary at the top.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { fieldErrorMap, isApiError } from './api-client';
import { describeError } from './errors';
import { useI18n } from './i18n';
import { Alert } from '../components/ui/states';

export interface FormErrors {
  /** Message per field path (body-relative, dotted). */
  fields: Record<string, string>;
  /** A message for the whole form, when the failure is not about one field. */
  form: string | null;
}

const NO_ERRORS: FormErrors = { fields: {}, form: null };

export function useFormErrors() {
  const { t, locale } = useI18n();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const fromError = useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.fieldErrors.length > 0) {
        setErrors({ fields: fieldErrorMap(error.fieldErrors), form: describeError(error, t, locale) });
      } else {
        setErrors({ fields: {}, form: describeError(error, t, locale) });
      }
    },
    [t, locale],
  );

  /** Errors found before sending (required fields, date format, password confirmation). */
  const fromClient = useCallback(
    (fields: Record<string, string>) => {
      setErrors({ fields, form: t('common.formHasErrors') });
    },
    [t],
  );

  const reset = useCallback(() => setErrors(NO_ERRORS), []);

  return { errors, fromError, fromClient, reset, field: (path: string) => errors.fields[path] };
}

/**
 * The summary above a form. `shown` lists the paths rendered next to a field (or a prefix such
 * as `sites`): the others are listed here so no server message is ever lost.
 */
export function FormErrorSummary({ errors, shown }: { errors: FormErrors; shown: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = !!errors.form || Object.keys(errors.fields).length > 0;

  // After a failed save, bring the first message into view: the first invalid field, else this summary.
  useEffect(() => {
    if (!hasErrors) return;
    const form = ref.current?.closest('form');
    const firstInvalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (firstInvalid) {
      firstInvalid.focus({ preventScroll: true });
      firstInvalid.scrollIntoView({ block: 'center', behavior: 'smooth' });
    } else {
      ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }, [errors, hasErrors]);

  if (!hasErrors) return <div ref={ref} hidden />;
  const orphans = Object.entries(errors.fields).filter(([path]) => !shown.some((s) => path === s || path.startsWith(`${s}.`)));
  return (
    <div ref={ref}>
      <Alert tone="danger" title={errors.form ?? undefined} testId="form-error">
        {orphans.length > 0 && (
          <ul className="error-list">
            {orphans.map(([path, message]) => (
              <li key={path}>
                {path ? <code>{path}</code> : null} {message}
              </li>
            ))}
          </ul>
        )}
      </Alert>
    </div>
  );
}
