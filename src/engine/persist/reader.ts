/**
 * Reads untrusted saved state field by field: every value is checked as it is read, and a wrong one
 * throws a SimulationError naming its path ("saved state: nodes[2].log.start: expected a number").
 * Paths are made only for a problem: a restore reads hundreds of thousands of fields (a seek restores
 * one at every scrub), and building each one's path was most of its cost.
 */
import { SimulationError } from '../api.ts';

type Record_ = Record<string, unknown>;

/** The own value at `name` of an object, or undefined (an inherited one is not read). */
function own(value: object, name: string): unknown {
  const found = (value as Record_)[name];
  // Most absent fields are optional ones: looking one up once is enough to know.
  return found !== undefined && Object.hasOwn(value, name) ? found : undefined;
}

const isObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export class Reader {
  constructor(
    /** The value read here, unchecked. */
    readonly value: unknown,
    /** Where it was read from: a root's name, or the reader of its container. */
    private readonly parent: Reader | string = 'saved state',
    /** Its field name or index in that container. */
    private readonly key?: string | number,
  ) {}

  /** Its path, such as `saved state.nodes[2].log.start` (built only when asked). */
  get path(): string {
    if (typeof this.parent === 'string') return this.parent;
    return typeof this.key === 'number'
      ? `${this.parent.path}[${this.key}]`
      : `${this.parent.path}.${this.key ?? ''}`;
  }

  /** Throws the problem at this path. */
  fail(problem: string): never {
    throw new SimulationError(`${this.path}: ${problem}`);
  }

  /** The value at a field; this must be an object. */
  private get(name: string): unknown {
    if (!isObject(this.value)) this.fail('expected an object');
    return own(this.value as object, name);
  }

  private field(name: string): Reader {
    return new Reader(this.get(name), this, name);
  }

  /** The raw value at a field (for data checked elsewhere, such as a scenario or an XState snapshot). */
  raw(name: string): unknown {
    return this.get(name);
  }

  at(name: string): Reader {
    return this.field(name);
  }

  num(name: string): number {
    const value = this.get(name);
    return typeof value === 'number' && !Number.isNaN(value) ? value : this.field(name).asNum();
  }

  optNum(name: string): number | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'number' && !Number.isNaN(value) ? value : this.field(name).asNum();
  }

  str(name: string): string {
    const value = this.get(name);
    return typeof value === 'string' ? value : this.field(name).asStr();
  }

  optStr(name: string): string | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : this.field(name).asStr();
  }

  bool(name: string): boolean {
    const value = this.get(name);
    return typeof value === 'boolean' ? value : this.field(name).fail('expected true or false');
  }

  /** Each item of the array at `name`, read by `read`. */
  list<T>(name: string, read: (item: Reader) => T): T[] {
    return this.field(name).items(read);
  }

  items<T>(read: (item: Reader) => T): T[] {
    if (!Array.isArray(this.value)) this.fail('expected an array');
    return this.value.map((item, i) => read(new Reader(item, this, i)));
  }

  asNum(): number {
    if (typeof this.value !== 'number' || Number.isNaN(this.value)) this.fail('expected a number');
    return this.value;
  }

  asStr(): string {
    if (typeof this.value !== 'string') this.fail('expected a string');
    return this.value;
  }

  /** A number array (positions, ids). */
  nums(name: string): number[] {
    const values = this.get(name);
    if (Array.isArray(values) && values.every((v) => typeof v === 'number' && !Number.isNaN(v)))
      return values.slice() as number[];
    return this.list(name, (r) => r.asNum());
  }

  /** A string array (ids). */
  strs(name: string): string[] {
    const values = this.get(name);
    if (Array.isArray(values) && values.every((v) => typeof v === 'string')) return values.slice();
    return this.list(name, (r) => r.asStr());
  }

  /** A record of numbers (a version vector), as a prototype-free record. */
  counters(name: string): Record<string, number> {
    return this.field(name).asCounters();
  }

  asCounters(): Record<string, number> {
    if (!isObject(this.value)) this.fail('expected an object of counters');
    const out = Object.create(null) as Record<string, number>;
    for (const [key, count] of Object.entries(this.value as Record_)) {
      out[key] = typeof count === 'number' ? count : new Reader(count, this, key).fail('expected a number');
    }
    return out;
  }
}
