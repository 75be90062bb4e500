/**
 * Reads untrusted saved state field by field: every value is checked as it is read, and a wrong one
 * throws a SimulationError naming its path ("saved state: nodes[2].log.start: expected a number").
 */
import { SimulationError } from '../api.ts';

export class Reader {
  constructor(
    /** The value read here, unchecked. */
    readonly value: unknown,
    readonly path = 'saved state',
  ) {}

  /** Throws the problem at this path. */
  fail(problem: string): never {
    throw new SimulationError(`${this.path}: ${problem}`);
  }

  private field(name: string): Reader {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value))
      this.fail('expected an object');
    const value: unknown = Object.hasOwn(this.value, name)
      ? (this.value as Record<string, unknown>)[name]
      : undefined;
    return new Reader(value, `${this.path}.${name}`);
  }

  /** The raw value at a field (for data checked elsewhere, such as a scenario or an XState snapshot). */
  raw(name: string): unknown {
    return this.field(name).value;
  }

  at(name: string): Reader {
    return this.field(name);
  }

  num(name: string): number {
    return this.field(name).asNum();
  }

  optNum(name: string): number | undefined {
    const r = this.field(name);
    return r.value === undefined || r.value === null ? undefined : r.asNum();
  }

  str(name: string): string {
    return this.field(name).asStr();
  }

  optStr(name: string): string | undefined {
    const r = this.field(name);
    return r.value === undefined || r.value === null ? undefined : r.asStr();
  }

  bool(name: string): boolean {
    const value = this.field(name).value;
    return typeof value === 'boolean' ? value : this.field(name).fail('expected true or false');
  }

  /** Each item of the array at `name`, read by `read`. */
  list<T>(name: string, read: (item: Reader) => T): T[] {
    return this.field(name).items(read);
  }

  items<T>(read: (item: Reader) => T): T[] {
    if (!Array.isArray(this.value)) this.fail('expected an array');
    return this.value.map((item, i) => read(new Reader(item, `${this.path}[${i}]`)));
  }

  asNum(): number {
    if (typeof this.value !== 'number' || Number.isNaN(this.value)) this.fail('expected a number');
    return this.value;
  }

  asStr(): string {
    if (typeof this.value !== 'string') this.fail('expected a string');
    return this.value;
  }

  /** A number or string array (positions, ids). */
  nums(name: string): number[] {
    return this.list(name, (r) => r.asNum());
  }

  strs(name: string): string[] {
    return this.list(name, (r) => r.asStr());
  }

  /** A record of numbers (a version vector), as a prototype-free record. */
  counters(name: string): Record<string, number> {
    return this.field(name).asCounters();
  }

  asCounters(): Record<string, number> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value))
      this.fail('expected an object of counters');
    const out = Object.create(null) as Record<string, number>;
    for (const [key, count] of Object.entries(this.value as Record<string, unknown>)) {
      out[key] =
        typeof count === 'number'
          ? count
          : new Reader(count, `${this.path}.${key}`).fail('expected a number');
    }
    return out;
  }
}
