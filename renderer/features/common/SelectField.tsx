import type { Ref } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange(value: string): void;
  error?: string | undefined;
  /** Text of the empty first option; omit to offer no empty choice. */
  placeholder?: string;
  disabled?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
}

/** A labelled select whose error, when there is one, is linked with aria-describedby. */
export function SelectField({ id, label, value, options, onChange, error, placeholder, disabled, selectRef }: SelectFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        ref={selectRef}
        id={id}
        name={id}
        className="field-input"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
