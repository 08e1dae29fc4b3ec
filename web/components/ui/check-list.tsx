import { useId, useState, type ReactNode } from 'react';

export interface CheckOption {
  value: number;
  label: string;
  description?: string;
}

interface CheckListProps {
  name: string;
  label: ReactNode;
  options: readonly CheckOption[];
  selected: readonly number[];
  onChange: (selected: number[]) => void;
  filterPlaceholder?: string;
  error?: string | undefined;
  hint?: ReactNode;
}

/** A filterable list of checkboxes for picking several records (a supervisor's sites). */
export function CheckList({ name, label, options, selected, onChange, filterPlaceholder, error, hint }: CheckListProps) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const visible = needle ? options.filter((o) => `${o.label} ${o.description ?? ''}`.toLowerCase().includes(needle)) : options;
  const toggle = (value: number, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));

  return (
    <fieldset className={['field', 'check-list', error ? 'field-invalid' : ''].filter(Boolean).join(' ')} data-testid={`field-${name}`}>
      <legend className="field-label">{label}</legend>
      {options.length > 8 && (
        <input
          type="search"
          className="input input-sm"
          placeholder={filterPlaceholder}
          aria-label={filterPlaceholder}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <ul className="check-list-items">
        {visible.map((o) => (
          <li key={o.value}>
            <label className="checkbox" htmlFor={`${id}-${o.value}`}>
              <input
                id={`${id}-${o.value}`}
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
                data-testid={`${name}-option`}
                data-value={o.value}
              />
              <span>{o.label}</span>
              {o.description && <span className="muted small">{o.description}</span>}
            </label>
          </li>
        ))}
      </ul>
      {hint && !error && <p className="field-hint">{hint}</p>}
      {error && (
        <p className="field-error" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
