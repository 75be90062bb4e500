/**
 * The few schema pieces the scenario format needs, with zod 4's rules and English words, so checking a
 * scenario (which the first frame does) needs no validation library. Invariant: any input gets the same
 * problems, in the same order, as the zod schema these replaced (check.test.ts holds them to it).
 */
import { charCount } from '../args.ts';

/** A problem at `path`. `continue` is zod's: true lets later checks run, unset stops all but length checks, false stops all. */
export interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly continue?: boolean;
}

interface Payload {
  value: unknown;
  issues: Issue[];
}

export interface Schema<In = unknown, Out = In> {
  readonly parse: (payload: Payload) => void;
  /** An absent key is fine (zod's `optional`). */
  readonly optional?: true;
  /** Phantom: the input the schema accepts and what it turns it into. */
  readonly types?: { readonly input: In; readonly output: Out };
}

export type Input<S> = S extends Schema<infer In, unknown> ? In : never;
export type Output<S> = S extends Schema<unknown, infer Out> ? Out : never;

interface Check {
  readonly run: (payload: Payload) => void;
  /** Length checks run on anything with a length, even after a type problem, as zod's do. */
  readonly length?: true;
  /** A length check's maximum: a longer array is refused before its items are read. */
  readonly max?: number;
}

/** What zod calls the input's type: "NaN", "Infinity", "null", "array", a class's name, or `typeof`. */
function typeName(input: unknown): string {
  if (typeof input === 'number') return Number.isFinite(input) ? 'number' : String(input);
  if (typeof input !== 'object') return typeof input;
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (Object.getPrototypeOf(input) === Object.prototype || !('constructor' in input)) return 'object';
  const ctor = (input as { constructor?: { name: string } }).constructor;
  return ctor ? ctor.name : 'object';
}

const typeIssue = (expected: string, input: unknown, more?: false): Issue => ({
  path: [],
  message: `Invalid input: expected ${expected}, received ${typeName(input)}`,
  ...(more === false ? { continue: false } : {}),
});

const quoted = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));
const UNITS: Readonly<Record<string, string>> = { string: 'characters', array: 'items' };

function bound(big: boolean, origin: string, limit: number, inclusive = true): string {
  const adj = `${big ? '<' : '>'}${inclusive ? '=' : ''}`;
  const unit = UNITS[origin];
  const head = big ? 'Too big' : 'Too small';
  return unit === undefined
    ? `${head}: expected ${origin} to be ${adj}${limit}`
    : `${head}: expected ${origin} to have ${adj}${limit} ${unit}`;
}

const aborted = (p: Payload, from = 0) => p.issues.slice(from).some((i) => i.continue !== true);

/** zod's check loop: later checks skip once a problem stops them (length checks only on `false`). */
function runChecks(p: Payload, checks: readonly Check[]): void {
  let stopped = aborted(p);
  for (const check of checks) {
    if (check.length) {
      const value = p.value as { length?: unknown } | null | undefined;
      if (p.issues.some((i) => i.continue === false) || value == null || value.length === undefined) continue;
    } else if (stopped) continue;
    const before = p.issues.length;
    check.run(p);
    if (!stopped && p.issues.length > before) stopped = aborted(p, before);
  }
}

function schema<In, Out = In>(parse: (p: Payload) => void, checks: readonly Check[]): Schema<In, Out> {
  return {
    parse: (p) => {
      parse(p);
      runChecks(p, checks);
    },
  };
}

const sized = (value: unknown) =>
  Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown';

/** At most `max` items or characters (code points, so an emoji counts once). */
export function maxLength(max: number, message?: string): Check {
  return {
    length: true,
    max,
    run: (p) => {
      const value = p.value as string | readonly unknown[];
      const size = typeof value === 'string' && value.length > max ? charCount(value) : value.length;
      if (size <= max) return;
      p.issues.push({ path: [], message: message ?? bound(true, sized(value), max), continue: true });
    },
  };
}

/** At least `min` items or characters. */
export function minLength(min: number, message?: string): Check {
  return {
    length: true,
    run: (p) => {
      const value = p.value as string | readonly unknown[];
      const units = value.length;
      const size = typeof value === 'string' && units >= min && units < min * 2 ? charCount(value) : units;
      if (size >= min) return;
      p.issues.push({ path: [], message: message ?? bound(false, sized(value), min), continue: true });
    },
  };
}

export function regex(pattern: RegExp, message: string): Check {
  return {
    run: (p) => {
      pattern.lastIndex = 0;
      if (!pattern.test(p.value as string)) p.issues.push({ path: [], message, continue: true });
    },
  };
}

/** A safe integer; anything else stops the checks after it. */
export function int(): Check {
  return {
    run: (p) => {
      const value = p.value as number;
      if (!Number.isInteger(value)) p.issues.push(typeIssue('int', value, false));
      else if (!Number.isSafeInteger(value)) {
        const big = value > 0;
        const limit = big ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
        p.issues.push({ path: [], message: bound(big, 'int', limit), continue: true });
      }
    },
  };
}

const compare = (big: boolean, limit: number, inclusive: boolean): Check => ({
  run: (p) => {
    const value = p.value as number;
    const ok = big
      ? inclusive
        ? value <= limit
        : value < limit
      : inclusive
        ? value >= limit
        : value > limit;
    if (!ok) p.issues.push({ path: [], message: bound(big, 'number', limit, inclusive), continue: true });
  },
});
export const minimum = (min: number) => compare(false, min, true);
export const maximum = (max: number) => compare(true, max, true);
export const positive = () => compare(false, 0, false);

/** A finite number (not NaN). */
export const number = (...checks: Check[]) =>
  schema<number>((p) => {
    if (typeof p.value !== 'number' || !Number.isFinite(p.value)) p.issues.push(typeIssue('number', p.value));
  }, checks);

export const string = (...checks: Check[]) =>
  schema<string>((p) => {
    if (typeof p.value !== 'string') p.issues.push(typeIssue('string', p.value));
  }, checks);

export const boolean = () =>
  schema<boolean>((p) => {
    if (typeof p.value !== 'boolean') p.issues.push(typeIssue('boolean', p.value));
  }, []);

/** One of `values` (zod's `enum`, or `literal` for one value). */
export function oneOf<const T extends readonly (string | number)[]>(values: T): Schema<T[number]> {
  const message =
    values.length === 1
      ? `Invalid input: expected ${quoted(values[0])}`
      : `Invalid option: expected one of ${values.map(quoted).join('|')}`;
  return schema((p) => {
    if (!(values as readonly unknown[]).includes(p.value)) p.issues.push({ path: [], message });
  }, []);
}

export function optional<In, Out>(
  inner: Schema<In, Out>,
): Schema<In | undefined, Out | undefined> & { readonly optional: true } {
  return {
    optional: true,
    parse: (p) => {
      if (p.value !== undefined) inner.parse(p);
    },
  };
}

const within = (key: PropertyKey, issues: readonly Issue[]): Issue[] =>
  issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }));

export function array<In, Out>(item: Schema<In, Out>, ...checks: Check[]): Schema<In[], Out[]> {
  // zod reads no item of an array longer than a leading maximum.
  const caps: Check[] = [];
  for (const check of checks) {
    if (!check.length) break;
    if (check.max !== undefined) caps.push(check);
  }
  return schema((p) => {
    const input = p.value;
    if (!Array.isArray(input)) {
      p.issues.push(typeIssue('array', input));
      return;
    }
    for (const cap of caps) {
      if (input.length <= (cap.max ?? Infinity)) continue;
      const before = p.issues.length;
      cap.run(p);
      p.issues[before] = { ...(p.issues[before] as Issue), continue: false };
      return;
    }
    const output: unknown[] = [];
    // By index, not map(): a hole is an undefined item, as zod reads it.
    for (let i = 0; i < input.length; i++) {
      const result: Payload = { value: input[i], issues: [] };
      item.parse(result);
      p.issues.push(...within(i, result.issues));
      output.push(result.value);
    }
    p.value = output;
  }, checks);
}

type Shape = Readonly<Record<string, Schema<unknown, unknown>>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] } & {};
type ObjectOf<S extends Shape, F extends 'input' | 'output'> = Flat<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: NonNullable<S[K]['types']>[F] } & {
    -readonly [K in OptionalKeys<S>]?: NonNullable<S[K]['types']>[F];
  }
>;

/** An object with exactly these keys: others are one "Unrecognized key" problem after the rest. */
export function strictObject<S extends Shape>(shape: S): Schema<ObjectOf<S, 'input'>, ObjectOf<S, 'output'>> {
  const keys = Object.keys(shape);
  return schema((p) => {
    const input = p.value;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      p.issues.push(typeIssue('object', input));
      return;
    }
    const output: Record<string, unknown> = {};
    for (const key of keys) {
      const field = shape[key] as Schema;
      const result: Payload = { value: (input as Record<string, unknown>)[key], issues: [] };
      field.parse(result);
      const present = key in input;
      if (!present && field.optional) continue;
      p.issues.push(...within(key, result.issues));
      if (!present) {
        if (result.issues.length === 0)
          p.issues.push({ path: [key], message: 'Invalid input: expected nonoptional, received undefined' });
        continue;
      }
      output[key] = result.value;
    }
    const unknown: string[] = [];
    for (const key in input) if (!keys.includes(key)) unknown.push(key);
    if (unknown.length > 0) {
      const message = `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${unknown.map(quoted).join(', ')}`;
      p.issues.push({ path: [], message, continue: true });
    }
    p.value = output;
  }, []);
}

/** `inner`, then `fn` on its value if it has no problem: `fn` answers the new value or its problem. */
export function transform<In, Mid, Out extends object>(
  inner: Schema<In, Mid>,
  fn: (value: Mid) => Out | { readonly problem: string },
): Schema<In, Out> {
  return {
    parse: (p) => {
      inner.parse(p);
      if (p.issues.length > 0) return;
      const result = fn(p.value as Mid);
      if ('problem' in result) p.issues.push({ path: [], message: result.problem });
      else p.value = result;
    },
  };
}

export type Checked<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly Issue[] };

export function safeParse<In, Out>(schema: Schema<In, Out>, value: unknown): Checked<Out> {
  const payload: Payload = { value, issues: [] };
  schema.parse(payload);
  return payload.issues.length === 0
    ? { success: true, data: payload.value as Out }
    : { success: false, issues: payload.issues };
}
