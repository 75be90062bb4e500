import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { safeParse, type Output } from './check.ts';
import { presets } from './allPresets.ts';
import { scenarioSchema, type ScenarioInput } from './schema.ts';
import { zodScenarioSchema, type ZodScenarioInput, type ZodScenarioOutput } from './zodReference.ts';

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 400);

/** What each check says about `input`: its problems ("path: message", in order) or its result. */
function engineSays(input: unknown): unknown {
  const result = safeParse(scenarioSchema, input);
  return result.success
    ? { data: result.data }
    : { problems: result.issues.map((i) => [i.path, i.message] as const) };
}

function zodSays(input: unknown): unknown {
  const result = zodScenarioSchema.safeParse(input);
  return result.success
    ? { data: result.data }
    : { problems: result.error.issues.map((i) => [i.path, i.message] as const) };
}

/** Values that trip one rule or another: wrong types, bounds and one past them, odd numbers and objects. */
const odd = fc.constantFrom<unknown>(
  undefined,
  null,
  true,
  0,
  -0,
  0.5,
  1.5,
  -1,
  NaN,
  Infinity,
  -Infinity,
  2 ** 53,
  -(2 ** 53),
  10,
  20,
  64,
  65,
  2 ** 32,
  1_000_001,
  10_000_001,
  3_600_001,
  86_400_001,
  '',
  'x',
  'a'.repeat(33),
  '😀'.repeat(32),
  '😀'.repeat(33),
  'b'.repeat(201),
  's'.repeat(2001),
  'not ( a list',
  [],
  ['x'],
  Array.from({ length: 33 }, () => 0),
  {},
  { length: 0 },
  new Date(0),
  new Map(),
  Object.create(null),
);

/** Mostly `valid`, sometimes an odd value or any string or number. */
const either = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 2, arbitrary: odd }, fc.string(), fc.double());

const EXTRA_KEYS = ['colour', '__proto__', 'constructor', 'toString', 'nodes', 'id'];

/** An object of some of `fields` (each possibly odd), sometimes with keys the format does not know. */
function objectOf(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, either(v)]));
  return fc
    .tuple(
      fc.record(entries, { requiredKeys: [] }),
      fc.array(fc.tuple(fc.constantFrom(...EXTRA_KEYS), odd), { maxLength: 2 }),
    )
    .map(([record, extra]) => {
      // defineProperty, not assignment: an own "__proto__" key, as JSON.parse makes one.
      for (const [key, value] of extra)
        Object.defineProperty(record, key, { value, enumerable: true, configurable: true, writable: true });
      return record;
    });
}

const ids = fc.constantFrom('db1', 'db2', 'db3', 'a.b_c-1', 'bad id', '');
const nodeArb = objectOf({
  id: ids,
  role: fc.constantFrom('primary', 'replica', 'leader'),
  upstream: ids,
  sync: fc.boolean(),
  applyRate: fc.double({ min: -1, max: 2_000_000 }),
  applyDelayMs: fc.integer({ min: -1, max: 86_400_001 }),
  region: ids,
  label: fc.constantFrom('Frankfurt primary', '', 'x'.repeat(33), '😀'.repeat(32)),
});
const latencyArb = fc.double({ min: -1, max: 60_001 });
const nodesArb = fc.oneof(
  { weight: 5, arbitrary: fc.array(nodeArb, { maxLength: 4 }) },
  fc.constant(Array.from({ length: 65 }, (_, i) => ({ id: `n${i}`, role: 'primary' }))),
  fc.constant(Array.from({ length: 65 }, () => 'not a node')),
  fc.constant([{ id: 'p', role: 'primary', applyDelayMs: 1.5 }, ...Array.from({ length: 64 }, () => 5)]),
);
const scenarioArb = objectOf({
  version: fc.constantFrom(1, 2),
  name: fc.string(),
  seed: fc.integer({ min: -1, max: 2 ** 32 }),
  system: fc.constantFrom('postgresql', 'mariadb', 'mysql'),
  nodes: nodesArb,
  replication: objectOf({
    mode: fc.constantFrom('async', 'sync', 'semi-sync', 'scheduled', 'fast'),
    syncCount: fc.integer({ min: 0, max: 65 }),
    synchronousStandbyNames: fc.constantFrom('FIRST 1 (db2)', 'ANY 2 (db2, db3)', '*', 'FIRST (', 'db2'),
    intervalMs: fc.integer({ min: 9, max: 3_600_001 }),
    ackOn: fc.constantFrom('written', 'received', 'applied', 'flushed'),
    syncTimeoutMs: fc.integer({ min: 0, max: 3_600_001 }),
    retainEntries: fc.integer({ min: 0, max: 1_000_001 }),
    shipRate: fc.double({ min: -1, max: 10_000_001 }),
    applyRate: fc.double({ min: -1, max: 1_000_001 }),
    commitMs: fc.double({ min: -1, max: 10_001 }),
    flushMs: fc.double({ min: -1, max: 10_001 }),
    autoRewind: fc.boolean(),
  }),
  regions: fc.oneof(
    fc.array(objectOf({ id: ids, name: fc.constantFrom('Europe', '', 'n'.repeat(65)) }), { maxLength: 3 }),
    fc.constant(Array.from({ length: 17 }, (_, i) => ({ id: `r${i}`, name: `R${i}` }))),
  ),
  network: objectOf({
    latencyMs: latencyArb,
    jitterMs: fc.double(),
    between: fc.array(objectOf({ from: ids, to: ids, latencyMs: latencyArb, jitterMs: latencyArb }), {
      maxLength: 3,
    }),
    links: fc.array(objectOf({ a: ids, b: ids, latencyMs: latencyArb }), { maxLength: 3 }),
  }),
  workload: objectOf({
    writesPerSec: fc.double({ min: -1, max: 100_001 }),
    readsPerSec: fc.double({ min: -1, max: 100_001 }),
    opsPerSec: fc.double({ min: -1, max: 100_001 }),
    readRatio: fc.double({ min: -0.5, max: 1.5 }),
    keys: fc.integer({ min: 0, max: 1_000_001 }),
    keyDistribution: fc.constantFrom('uniform', 'zipf', 'pareto'),
    zipfSkew: fc.double({ min: -1, max: 11 }),
    readRouting: fc.constantFrom('primary', 'replicas', 'any', 'nearest'),
    clientsPerRegion: fc.integer({ min: 0, max: 101 }),
    readYourWrites: fc.boolean(),
  }),
  failover: objectOf({
    mode: fc.constantFrom('manual', 'automatic', 'auto'),
    heartbeatMs: fc.integer({ min: 9, max: 600_001 }),
    timeoutMs: fc.integer({ min: 19, max: 3_600_001 }),
    maxLagOnFailover: fc.integer({ min: -1, max: 100_000_001 }),
    fencing: fc.boolean(),
  }),
  conflictResolution: fc.constantFrom('lww', 'siblings', 'merge'),
});

describe("the engine's scenario check", () => {
  it('takes and gives the types the zod schema did', () => {
    expectTypeOf<ScenarioInput>().toEqualTypeOf<ZodScenarioInput>();
    expectTypeOf<Output<typeof scenarioSchema>>().toEqualTypeOf<ZodScenarioOutput>();
  });

  it('accepts every preset as zod did', () => {
    for (const preset of Object.values(presets)) expect(engineSays(preset)).toStrictEqual(zodSays(preset));
  });

  it('says what zod said, in the same order, about odd and hostile scenarios', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: scenarioArb }, odd), (input) => {
        expect(engineSays(input)).toStrictEqual(zodSays(input));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('says what zod said about hand-picked problems', () => {
    const cases: unknown[] = [
      JSON.parse('{"nodes":[{"id":"a","role":"primary","__proto__":1}],"__proto__":{}}'),
      { nodes: [{ id: [], role: 'primary' }] },
      { nodes: [{ id: ['x'], role: 'primary' }] },
      { nodes: [{ id: { length: 40 }, role: 'primary' }] },
      { nodes: [{ id: 'p', role: 'primary', applyDelayMs: 2 ** 60 }] },
      { nodes: [{ id: 'p', role: 'primary', applyDelayMs: -(2 ** 60) }] },
      { nodes: [{ id: 'p', role: 'primary' }], replication: { synchronousStandbyNames: 'x'.repeat(2001) } },
      { nodes: [{ id: 'p', role: 'primary' }], replication: { synchronousStandbyNames: 'FIRST 9 (' } },
      { nodes: [{ role: 'primary' }, undefined, , null] }, // eslint-disable-line no-sparse-arrays
      { nodes: [{ id: 'p', role: 'primary' }], name: Array.from({ length: 201 }) },
      Object.assign(Object.create({ inherited: 1, nodes: [] }) as object, { seed: 1 }),
      new Error('not a scenario'),
    ];
    for (const input of cases) expect(engineSays(input)).toStrictEqual(zodSays(input));
  });
});
