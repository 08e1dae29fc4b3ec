/**
 * Form fields with a visible label, an optional hint and the server's message right under the
 * input. Each input gets `data-testid="field-<name>"` and each message `data-testid="error-<name>"`.
 */
import {
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { formatDate, normalizeDisplayDate, parseDisplayDate } from '../../app/format';
import { useI18n } from '../../app/i18n';

interface ShellProps {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  className?: string;
  children: ReactNode;
}

function FieldShell({ id, name, label, hint, error, required, className, children }: ShellProps) {
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required && (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {hint && !error && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

interface CommonProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  className?: string;
  testId?: string;
}

type TextFieldProps = CommonProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'name'> & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextField({ name, label, hint, error, required, className, testId, value, onChange, id, ...rest }: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? `${autoId}-${name}`;
  return (
    <FieldShell id={inputId} name={name} label={label} hint={hint} error={error} required={required} className={className}>
      <input
        id={inputId}
        name={name}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, error, hint)}
        aria-required={required || undefined}
        data-testid={testId ?? `field-${name}`}
        {...rest}
      />
    </FieldShell>
  );
}

type TextAreaFieldProps = CommonProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'name'> & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextAreaField({
  name,
  label,
  hint,
  error,
  required,
  className,
  testId,
  value,
  onChange,
  id,
  rows = 3,
  ...rest
}: TextAreaFieldProps) {
  const autoId = useId();
  const inputId = id ?? `${autoId}-${name}`;
  return (
    <FieldShell id={inputId} name={name} label={label} hint={hint} error={error} required={required} className={className}>
      <textarea
        id={inputId}
        name={name}
        className="input textarea"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, error, hint)}
        aria-required={required || undefined}
        data-testid={testId ?? `field-${name}`}
        {...rest}
      />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

type SelectFieldProps = CommonProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'name'> & {
    value: string;
    onChange: (value: string) => void;
    options: readonly SelectOption[];
    /** Label of an empty first option (value ''), e.g. "Seleccione…" or "Todos". */
    placeholder?: string;
  };

export function SelectField({
  name,
  label,
  hint,
  error,
  required,
  className,
  testId,
  value,
  onChange,
  options,
  placeholder,
  id,
  ...rest
}: SelectFieldProps) {
  const autoId = useId();
  const inputId = id ?? `${autoId}-${name}`;
  return (
    <FieldShell id={inputId} name={name} label={label} hint={hint} error={error} required={required} className={className}>
      <select
        id={inputId}
        name={name}
        className="input select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, error, hint)}
        aria-required={required || undefined}
        data-testid={testId ?? `field-${name}`}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface CheckboxFieldProps {
  name: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
  testId?: string;
}

export function CheckboxField({ name, label, checked, onChange, hint, error, disabled, testId }: CheckboxFieldProps) {
  const autoId = useId();
  const inputId = `${autoId}-${name}`;
  return (
    <div className={['field field-checkbox', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label className="checkbox" htmlFor={inputId}>
        <input
          id={inputId}
          type="checkbox"
          name={name}
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(inputId, error, hint)}
          data-testid={testId ?? `field-${name}`}
        />
        <span>{label}</span>
      </label>
      {hint && !error && (
        <p className="field-hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${inputId}-error`} data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

type DateFieldProps = CommonProps & {
  /** The text as displayed, `DD/MM/AAAA` (convert with `parseDisplayDate` on submit). */
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
};

/**
 * A date typed as `DD/MM/AAAA` whatever the browser's language (a native date input would show
 * the browser's own format), with a calendar button that opens the native picker.
 */
export function DateField({ name, label, hint, error, required, className, testId, value, onChange, disabled }: DateFieldProps) {
  const { t } = useI18n();
  const autoId = useId();
  const inputId = `${autoId}-${name}`;
  const pickerRef = useRef<HTMLInputElement>(null);
  const parsed = parseDisplayDate(value);
  // Judge the text only once the person leaves the field, not while typing "10/0…".
  const [left, setLeft] = useState(false);
  const localError = left && !parsed.ok ? t('common.invalidDate') : undefined;
  const shownError = error ?? localError;

  const openPicker = () => {
    const picker = pickerRef.current;
    if (!picker) return;
    picker.value = parsed.ok && parsed.iso ? parsed.iso : '';
    try {
      picker.showPicker();
    } catch {
      picker.focus();
    }
  };

  return (
    <FieldShell id={inputId} name={name} label={label} hint={hint} error={shownError} required={required} className={className}>
      <div className="date-input">
        <input
          id={inputId}
          name={name}
          className="input"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('common.dateFormat')}
          maxLength={10}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          onFocus={() => setLeft(false)}
          onBlur={(e) => {
            setLeft(true);
            const tidy = normalizeDisplayDate(e.target.value);
            if (tidy !== e.target.value) onChange(tidy);
          }}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy(inputId, shownError, hint)}
          aria-required={required || undefined}
          data-testid={testId ?? `field-${name}`}
        />
        <button
          type="button"
          className="date-input-button"
          onClick={openPicker}
          disabled={disabled}
          aria-label={t('common.openCalendar')}
          tabIndex={-1}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path
              fill="currentColor"
              d="M4 1h1.5v1.5h5V1H12v1.5h1.5A1.5 1.5 0 0 1 15 4v9.5a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 1 13.5V4a1.5 1.5 0 0 1 1.5-1.5H4zm-1.5 5v7.5h11V6z"
            />
          </svg>
        </button>
        <input
          ref={pickerRef}
          type="date"
          className="date-input-native"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            if (e.target.value) onChange(formatDate(e.target.value));
          }}
        />
      </div>
    </FieldShell>
  );
}
