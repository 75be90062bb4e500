/**
 * A number input that applies its value on Enter or when it loses focus, not on every keystroke.
 * A value it cannot apply stays in the field, marked invalid, with a message saying what is wrong.
 */
import { useId, useState, type KeyboardEvent } from 'react';

interface Props {
  readonly label: string;
  /** `undefined` shows an empty field (only with `emptyMeans`). */
  readonly value: number | undefined;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  readonly unit?: string;
  readonly hint?: string;
  /** Whole numbers only. */
  readonly integer?: boolean;
  /** A further check on a value within range: a message when it cannot be applied, else null. */
  readonly validate?: (value: number) => string | null;
  /** What an empty field means (shown as its placeholder); empty is allowed only with `onClear`. */
  readonly emptyMeans?: string;
  readonly onCommit: (value: number) => void;
  /** Applies an emptied field. */
  readonly onClear?: () => void;
}

/** Why `raw` cannot be applied, or null; `raw` is the field's text. */
export function numberProblem(raw: string, props: Omit<Props, 'value' | 'onCommit'>): string | null {
  const { label, min, max, unit, integer = false, validate, onClear } = props;
  const text = raw.trim();
  if (text === '') return onClear === undefined ? `${label} needs a number.` : null;
  const value = Number(text);
  const range = `${min}–${max}${unit === undefined ? '' : ` ${unit}`}`;
  if (!Number.isFinite(value)) return `${label} must be a number (${range}).`;
  if (integer && !Number.isInteger(value)) return `${label} must be a whole number (${range}).`;
  if (value < min || value > max) return `${label} must be between ${range}, not ${text}.`;
  return validate?.(value) ?? null;
}

export function NumberField(props: Props) {
  const { label, value, min, max, step = 1, unit, hint, emptyMeans, onCommit, onClear } = props;
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const commit = (input: HTMLInputElement) => {
    // A number input reports unparseable text as an empty value; say so instead.
    const found = numberProblem(input.validity.badInput ? 'not a number' : input.value, props);
    setProblem(found);
    if (found !== null) return;
    if (input.value.trim() === '') {
      if (value !== undefined) onClear?.();
      return;
    }
    const next = Number(input.value);
    if (next !== value) onCommit(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(event.currentTarget);
    }
  };
  const range = `${min}–${max}${unit === undefined ? '' : ` ${unit}`}`;
  return (
    <div className="setting">
      <label htmlFor={id}>{label}</label>
      <span className="setting-input">
        <input
          // A new value from the store resets the field.
          key={value ?? 'empty'}
          id={id}
          type="number"
          defaultValue={value}
          min={min}
          max={max}
          step={step}
          placeholder={emptyMeans}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : `${id}-problem`}
          title={hint ?? `${range}; applied on Enter`}
          onBlur={(e) => {
            commit(e.currentTarget);
          }}
          onKeyDown={onKeyDown}
        />
        {unit !== undefined && <span className="muted">{unit}</span>}
      </span>
      {problem !== null && (
        <p id={`${id}-problem`} className="setting-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
