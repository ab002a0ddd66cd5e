import type { Ref } from 'react';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  type?: 'text' | 'email' | 'tel';
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel';
  /** Off unless said otherwise: the browser's autofill store must not collect customers' names, emails, phones and addresses. */
  autoComplete?: string;
  hint?: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text input whose error, when there is one, is linked with aria-describedby (the hint otherwise). */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  type = 'text',
  inputMode,
  autoComplete,
  hint,
  disabled,
  inputRef,
}: TextFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  // One id only, so the error is found by its id; the error messages repeat what the hint says.
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        name={id}
        className="field-input"
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
