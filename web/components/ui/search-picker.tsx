import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { useDebouncedValue } from './use-debounced-value';

export interface PickerOption {
  value: number;
  label: string;
  description?: string;
}

interface SearchPickerProps {
  name: string;
  label: ReactNode;
  value: PickerOption | null;
  onChange: (option: PickerOption | null) => void;
  /** Loads the options matching the typed text (server-side search). */
  search: (text: string, signal: AbortSignal) => Promise<PickerOption[]>;
  placeholder?: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** Values not to offer (already chosen elsewhere). */
  exclude?: readonly number[];
  /** Keeps the input empty after a choice (for adding several values to a list). */
  clearOnSelect?: boolean;
}

/**
 * A combobox that searches on the server as the person types: for lists too long for a select
 * (work orders). `data-testid="field-<name>"` on the input, `picker-option` on each option.
 */
export function SearchPicker({
  name,
  label,
  value,
  onChange,
  search,
  placeholder,
  error,
  hint,
  required,
  disabled,
  exclude,
  clearOnSelect,
}: SearchPickerProps) {
  const { t } = useI18n();
  const id = useId();
  const inputId = `${id}-${name}`;
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const debounced = useDebouncedValue(text, 250);
  const rootRef = useRef<HTMLDivElement>(null);

  const results = useQuery({
    queryKey: ['picker', name, debounced],
    queryFn: ({ signal }) => search(debounced, signal),
    enabled: open && !disabled,
    staleTime: 30_000,
  });
  const options = (results.data ?? []).filter((o) => !exclude?.includes(o.value));

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const choose = (option: PickerOption) => {
    onChange(option);
    setOpen(false);
    setText('');
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && open) {
      const option = options[active];
      if (option) {
        e.preventDefault();
        choose(option);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const showChip = value !== null && !clearOnSelect;

  return (
    <div className={['field', 'picker', error ? 'field-invalid' : ''].filter(Boolean).join(' ')} ref={rootRef}>
      <label className="field-label" htmlFor={inputId}>
        {label}
        {required && (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {showChip ? (
        <div className="picker-chip" data-testid={`picked-${name}`}>
          <span className="picker-chip-label">{value.label}</span>
          {!disabled && (
            <button
              type="button"
              className="icon-button"
              aria-label={t('common.remove')}
              onClick={() => onChange(null)}
              data-testid={`clear-${name}`}
            >
              ×
            </button>
          )}
        </div>
      ) : (
        <input
          id={inputId}
          className="input"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          placeholder={placeholder ?? t('common.typeToSearch')}
          value={text}
          disabled={disabled}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
          data-testid={`field-${name}`}
        />
      )}
      {open && !showChip && (
        <ul className="picker-list" id={listId} role="listbox">
          {results.isFetching && options.length === 0 ? (
            <li className="picker-empty">{t('common.loading')}</li>
          ) : options.length === 0 ? (
            <li className="picker-empty">{t('common.searchNoResults')}</li>
          ) : (
            options.map((o, i) => (
              <li
                key={o.value}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'picker-option picker-option-active' : 'picker-option'}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
                onMouseEnter={() => setActive(i)}
                data-testid="picker-option"
              >
                <span className="picker-option-label">{o.label}</span>
                {o.description && <span className="picker-option-desc">{o.description}</span>}
              </li>
            ))
          )}
        </ul>
      )}
      {hint && !error && <p className="field-hint">{hint}</p>}
      {error && (
        <p className="field-error" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}
