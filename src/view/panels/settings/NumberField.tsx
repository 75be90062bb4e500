/**
 * A number input that applies its value on Enter or when it loses focus, not on every keystroke.
 * A value it cannot apply stays in the field, marked invalid, with a message saying what is wrong.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { numberProblem, type NumberRules } from './numberProblem.ts';

interface Props extends NumberRules {
  /** `undefined` shows an empty field (only with `emptyMeans`). */
  readonly value: number | undefined;
  readonly step?: number | 'any';
  readonly hint?: string;
  /** What an empty field means (shown as its placeholder); empty is allowed only with `onClear`. */
  readonly emptyMeans?: string;
  readonly onCommit: (value: number) => void;
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
