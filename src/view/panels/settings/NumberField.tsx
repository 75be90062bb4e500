/** A number input that applies its value on Enter or when it loses focus, not on every keystroke. */
import { useId, type KeyboardEvent } from 'react';

interface Props {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  readonly unit?: string;
  readonly hint?: string;
  readonly onCommit: (value: number) => void;
}

export function NumberField({ label, value, min, max, step = 1, unit, hint, onCommit }: Props) {
  const id = useId();
  const commit = (input: HTMLInputElement) => {
    const next = input.valueAsNumber;
    if (!Number.isFinite(next) || next < min || next > max) {
      input.value = String(value);
      return;
    }
    if (next !== value) onCommit(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(event.currentTarget);
    }
  };
  return (
    <div className="setting">
      <label htmlFor={id}>{label}</label>
      <span className="setting-input">
        <input
          // A new value from the store resets the field.
          key={value}
          id={id}
          type="number"
          defaultValue={value}
          min={min}
          max={max}
          step={step}
          title={hint ?? `${min}–${max}${unit === undefined ? '' : ` ${unit}`}; applied on Enter`}
          onBlur={(e) => {
            commit(e.currentTarget);
          }}
          onKeyDown={onKeyDown}
        />
        {unit !== undefined && <span className="muted">{unit}</span>}
      </span>
    </div>
  );
}
