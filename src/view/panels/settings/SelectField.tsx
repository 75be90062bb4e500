/** A labelled select over a fixed set of string values. */
import { useId } from 'react';

interface Props<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly (readonly [T, string])[];
  readonly hint?: string;
  /** Options shown but not selectable, each with why (it becomes the option's title). */
  readonly disabled?: Readonly<Partial<Record<T, string>>>;
  /** The id of a text that explains the field (its disabled options, say). */
  readonly describedBy?: string;
  readonly onChange: (value: T) => void;
}

export function SelectField<T extends string>(props: Props<T>) {
  const { label, value, options, hint, describedBy, onChange } = props;
  const why = (v: T): string | undefined => props.disabled?.[v];
  const id = useId();
  return (
    <div className="setting">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        title={hint}
        aria-describedby={describedBy}
        onChange={(e) => {
          const chosen = options.find(([v]) => v === e.target.value);
          if (chosen !== undefined) onChange(chosen[0]);
        }}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v} disabled={why(v) !== undefined} title={why(v)}>
            {text}
            {why(v) === undefined ? '' : ' (not for this topology)'}
          </option>
        ))}
      </select>
    </div>
  );
}
