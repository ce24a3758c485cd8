import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { fieldId } from '../composition';

/** Violations by field path, shown beside the field they name. */
export type Errors = Map<string, string[]>;

function FieldError({ path, errors }: { path: string; errors: Errors }) {
  const messages = errors.get(path);
  if (!messages) return null;
  return (
    <span class="field-error" id={`${fieldId(path)}-error`} data-path={path}>
      {messages.join('; ')}
    </span>
  );
}

interface FieldProps {
  path: string;
  label: string;
  errors: Errors;
  children?: ComponentChildren;
}

function describedBy(path: string, errors: Errors): string | undefined {
  return errors.has(path) ? `${fieldId(path)}-error` : undefined;
}

export function TextField({
  path,
  label,
  errors,
  value,
  onValue,
  required,
  readOnly,
}: FieldProps & { value: string | undefined; onValue: (value: string) => void; required?: boolean; readOnly?: boolean }) {
  return (
    <label class={`field${errors.has(path) ? ' invalid' : ''}`}>
      <span>{label}</span>
      <input
        id={fieldId(path)}
        type="text"
        value={value ?? ''}
        required={required}
        readOnly={readOnly}
        aria-invalid={errors.has(path) || undefined}
        aria-describedby={describedBy(path, errors)}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      <FieldError path={path} errors={errors} />
    </label>
  );
}

/** A number input that keeps what is typed ("0.", "1e-") while passing on the number it parses to. */
export function NumberField({ path, label, errors, value, onValue }: FieldProps & { value: number | undefined; onValue: (value: number | undefined) => void }) {
  const [text, setText] = useState(value == null ? '' : String(value));
  useEffect(() => {
    if ((text === '' ? undefined : Number(text)) !== value) setText(value == null ? '' : String(value));
  }, [value]);
  return (
    <label class={`field${errors.has(path) ? ' invalid' : ''}`}>
      <span>{label}</span>
      <input
        id={fieldId(path)}
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={errors.has(path) || undefined}
        aria-describedby={describedBy(path, errors)}
        onInput={(event) => {
          const next = event.currentTarget.value.replace(',', '.');
          setText(next);
          onValue(next.trim() === '' || !Number.isFinite(Number(next)) ? undefined : Number(next));
        }}
      />
      <FieldError path={path} errors={errors} />
    </label>
  );
}

export function SelectField({
  path,
  label,
  errors,
  value,
  onValue,
  options,
}: FieldProps & { value: string | undefined; onValue: (value: string) => void; options: [string, string][] }) {
  return (
    <label class={`field${errors.has(path) ? ' invalid' : ''}`}>
      <span>{label}</span>
      <select
        id={fieldId(path)}
        value={value ?? ''}
        aria-invalid={errors.has(path) || undefined}
        aria-describedby={describedBy(path, errors)}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
      <FieldError path={path} errors={errors} />
    </label>
  );
}
