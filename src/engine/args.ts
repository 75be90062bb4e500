/**
 * Checks of the arguments untrusted callers (links, host pages, scripts) pass to the Simulation. Every
 * check runs before a call changes anything, and a refusal is a SimulationError that names the argument.
 */
import { SimulationError, type AdvanceOptions, type BurstOptions } from './api.ts';
import type {
  ClientOptions,
  KeyDistribution,
  MessageWindow,
  ReadRouting,
  SimTime,
  SynchronousCommit,
  WorkloadOptions,
} from './types.ts';

/** Longest key a client may read or write, in characters (share links carry the same limit). */
export const MAX_KEY_LENGTH = 200;
/** Longest value a client may write, in characters. */
export const MAX_VALUE_LENGTH = 200;
/** Most simulated time one `advance` or `runUntilIdle` call may cover (one hour); longer runs call it again. */
export const MAX_ADVANCE_MS = 3_600_000;

export const COMMIT_LEVELS = [
  'local',
  'remote_write',
  'on',
  'remote_apply',
] as const satisfies readonly SynchronousCommit[];
export const READ_ROUTINGS = ['primary', 'replicas', 'any'] as const satisfies readonly ReadRouting[];
export const KEY_DISTRIBUTIONS = ['uniform', 'zipf'] as const satisfies readonly KeyDistribution[];

/**
 * Characters as a reader counts them: code points, so "✓" and "😀" are one each (a string's `length`
 * counts an emoji as two UTF-16 units).
 */
export function charCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
  }
  return count;
}

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

/** A string of at most `max` characters, counted as code points (an emoji is one), as the lab's forms count. */
export function checkText(name: string, value: unknown, max: number): string {
  if (typeof value !== 'string')
    throw new SimulationError(`${name} must be a string, not ${describe(value)}`);
  // A string never has more code points than code units: count only the long ones.
  const length = value.length <= max ? value.length : charCount(value);
  if (length > max) throw new SimulationError(`${name} must be at most ${max} characters (it has ${length})`);
  return value;
}

/** An options object (or nothing) holding only the named fields. */
export function checkOptions<T extends object>(
  name: string,
  value: unknown,
  fields: readonly (keyof T & string)[],
): Partial<T> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SimulationError(`${name} must be an object, not ${describe(value)}`);
  for (const field of Object.keys(value)) {
    if (!(fields as readonly string[]).includes(field))
      throw new SimulationError(`${name} has an unknown field "${field}" (known: ${fields.join(', ')})`);
  }
  return value;
}

/** One of `allowed`, or undefined when absent. */
export function checkChoice<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const known = allowed.find((a) => a === value);
  if (known === undefined) throw new SimulationError(`${name} must be one of ${allowed.join(', ')}`);
  return known;
}

interface CheckedClientOptions {
  readonly session?: string;
  readonly synchronousCommit?: SynchronousCommit;
  /** Checked against the scenario's regions by the caller. */
  readonly region?: unknown;
  readonly insert?: true;
}

const NO_CLIENT_OPTIONS: CheckedClientOptions = Object.freeze({});

/** A client operation's options: a short session name and, for a write, a commit level and whether it inserts. */
export function checkClientOptions(value: unknown): CheckedClientOptions {
  // Most calls pass none: nothing to check or build.
  if (value === undefined) return NO_CLIENT_OPTIONS;
  const options = checkOptions<ClientOptions>('options', value, [
    'session',
    'synchronousCommit',
    'region',
    'insert',
  ]);
  const session: unknown = options?.session;
  if (session !== undefined && (typeof session !== 'string' || session.length === 0 || session.length > 64))
    throw new SimulationError('a session is a name of 1–64 characters');
  const level = checkChoice('synchronousCommit', options?.synchronousCommit, COMMIT_LEVELS);
  const region: unknown = options?.region;
  const insert: unknown = options?.insert;
  if (insert !== undefined && typeof insert !== 'boolean')
    throw new SimulationError(`insert is true or false, not a ${typeof insert}`);
  return {
    ...(insert === true ? { insert } : {}),
    ...(session === undefined ? {} : { session }),
    ...(level === undefined ? {} : { synchronousCommit: level }),
    ...(region === undefined ? {} : { region }),
  };
}

/** A simulated duration one call may run: finite, not negative, at most MAX_ADVANCE_MS. */
export function checkDuration(name: string, ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
    throw new SimulationError(`cannot ${name} by ${String(ms)} ms`);
  if (ms > MAX_ADVANCE_MS)
    throw new SimulationError(
      `cannot ${name} by ${ms} ms in one call: at most ${MAX_ADVANCE_MS} ms (one simulated hour); call it again for longer`,
    );
  return ms;
}

/** `advance`'s options: at most how many tasks to run (a whole number, 1 or more); none means no limit. */
export function checkAdvanceOptions(value: unknown): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  const options = checkOptions<AdvanceOptions>('advance options', value, ['maxTasks']);
  const maxTasks: unknown = options?.maxTasks;
  if (maxTasks === undefined) return Number.POSITIVE_INFINITY;
  if (typeof maxTasks !== 'number' || !Number.isInteger(maxTasks) || maxTasks < 1)
    throw new SimulationError('maxTasks must be a whole number of 1 or more');
  return maxTasks;
}

const WHOLE_RUN = { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY } as const;

/** `messages`' window: its bounds in simulated ms, numbers (not NaN); one left out is open. */
export function checkMessageWindow(value: unknown): { readonly from: SimTime; readonly to: SimTime } {
  if (value === undefined) return WHOLE_RUN;
  const options = checkOptions<MessageWindow>('message window', value, ['from', 'to']);
  const bound = (name: 'from' | 'to', fallback: number): number => {
    const bound: unknown = options?.[name];
    if (bound === undefined) return fallback;
    if (typeof bound !== 'number' || Number.isNaN(bound))
      throw new SimulationError(`a message window's ${name} is a time in ms, not ${describe(bound)}`);
    return bound;
  };
  return { from: bound('from', WHOLE_RUN.from), to: bound('to', WHOLE_RUN.to) };
}

const isNumber = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

/**
 * Each numeric workload field: its least and most (the scenario format's limits), whether it is a whole
 * number, and whether it must have a value (the fields older than ratios, Zipf and clients).
 */
const WORKLOAD_NUMBERS: Readonly<Record<string, readonly [number, number, boolean, boolean]>> = {
  writesPerSec: [0, 100_000, false, true],
  readsPerSec: [0, 100_000, false, true],
  opsPerSec: [0, 100_000, false, false],
  readRatio: [0, 1, false, false],
  keys: [1, 1_000_000, true, true],
  zipfSkew: [0, 10, false, false],
  clientsPerRegion: [1, 100, true, false],
};

/** A workload's options merged over `base`, every field checked (limits as the scenario format's). */
export function checkWorkload(value: unknown, base: WorkloadOptions): WorkloadOptions {
  const options = checkOptions<WorkloadOptions>('workload', value, [
    ...(Object.keys(WORKLOAD_NUMBERS) as (keyof WorkloadOptions)[]),
    'readRouting',
    'keyDistribution',
    'readYourWrites',
  ]);
  const merged = { ...base, ...options };
  for (const [name, [min, max, whole, required]] of Object.entries(WORKLOAD_NUMBERS)) {
    const n: unknown = merged[name as keyof WorkloadOptions];
    if (n === undefined && !required) continue;
    if (!isNumber(n, min, max) || (whole && !Number.isInteger(n)))
      throw new SimulationError(
        `workload ${name} must be a ${whole ? 'whole ' : ''}number from ${min} to ${max}`,
      );
  }
  checkChoice('readRouting', merged.readRouting, READ_ROUTINGS);
  checkChoice('keyDistribution', merged.keyDistribution, KEY_DISTRIBUTIONS);
  if (merged.readYourWrites !== undefined && typeof merged.readYourWrites !== 'boolean')
    throw new SimulationError('workload readYourWrites must be true or false');
  return merged;
}

/** A burst's options, its defaults filled in. */
export function checkBurst(value: unknown): { factor: number; durationMs: number } {
  const options = checkOptions<BurstOptions>('burst', value, ['factor', 'durationMs']);
  const factor: unknown = options?.factor ?? 10;
  const durationMs: unknown = options?.durationMs ?? 5000;
  if (!isNumber(factor, 1, 100) || factor === 1)
    throw new SimulationError(`a burst is more than 1 and at most 100 times the rate, not ${String(factor)}`);
  if (!isNumber(durationMs, 1, 600_000))
    throw new SimulationError(`a burst lasts 1 to 600000 ms, not ${String(durationMs)}`);
  return { factor: factor as number, durationMs: durationMs as number };
}
