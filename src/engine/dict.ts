/**
 * Records keyed by user text (keys, node ids). They are prototype-free, so "constructor", "toString" or
 * "__proto__" are keys like any other: never an inherited member on read, never a prototype on write.
 */

/** A new prototype-free record, filled from `entries`. */
export function dict<T>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (entries !== undefined) for (const [key, value] of entries) out[key] = value;
  return out;
}

/** `record[key]` when `record` itself holds it, whatever its prototype (for records that may come from JSON). */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
