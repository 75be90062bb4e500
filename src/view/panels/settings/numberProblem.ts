/** Checks a number field's text against its range and rules, and says in words what is wrong. */

export interface NumberRules {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly unit?: string;
  /** Whole numbers only. */
  readonly integer?: boolean;
  /** A further check on a value within range: a message when it cannot be applied, else null. */
  readonly validate?: (value: number) => string | null;
  /** Applies an emptied field; without it, an empty field is a problem. */
  readonly onClear?: () => void;
}

/** Why `raw` cannot be applied, or null; `raw` is the field's text. */
export function numberProblem(raw: string, rules: NumberRules): string | null {
  const { label, min, max, unit, integer = false, validate, onClear } = rules;
  const text = raw.trim();
  if (text === '') return onClear === undefined ? `${label} needs a number.` : null;
  const value = Number(text);
  const range = `${min}–${max}${unit === undefined ? '' : ` ${unit}`}`;
  if (!Number.isFinite(value)) return `${label} must be a number (${range}).`;
  if (integer && !Number.isInteger(value)) return `${label} must be a whole number (${range}).`;
  if (value < min || value > max) {
    return `${label} must be between ${min} and ${max}${unit === undefined ? '' : ` ${unit}`}, not ${text}.`;
  }
  return validate?.(value) ?? null;
}
