/** A labelled select over a fixed set of string values. */
import { useId } from 'react';

interface Props<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly (readonly [T, string])[];
  readonly hint?: string;
  readonly onChange: (value: T) => void;
}

export function SelectField<T extends string>({ label, value, options, hint, onChange }: Props<T>) {
  const id = useId();
  return (
    <div className="setting">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        title={hint}
        onChange={(e) => {
          const chosen = options.find(([v]) => v === e.target.value);
          if (chosen !== undefined) onChange(chosen[0]);
        }}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
