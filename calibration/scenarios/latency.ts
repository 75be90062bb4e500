/** (j) Commit latency is ordered local < remote_write < on ≤ remote_apply (an ordering, not numbers). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replica, simulate } from '../lib/engine.ts';
import { lacks, withCluster, type Facts, type Scenario } from '../lib/scenario.ts';

const LEVELS = ['local', 'remote_write', 'on', 'remote_apply'] as const;
type Level = (typeof LEVELS)[number];
/** Short interleaved runs: a neighbour's load spike then hits all levels of a round alike. */
const ROUNDS = 9;
const TRANSACTIONS = 400;
/** `on` and `remote_apply` differ by less than the noise on loopback (reference §5): allow 10 %. */
const NOISE = 1.1;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Per-round latencies by level; a level the side cannot measure is `undefined`. */
type Samples = Readonly<Record<Level, readonly number[] | undefined>>;

/** `a` is faster than `b` when the median over rounds of b/a, paired within a round, exceeds 1/slack. */
function faster(samples: Samples, a: Level, b: Level, slack = 1): boolean | string {
  const x = samples[a];
  const y = samples[b];
  if (x === undefined || y === undefined) return lacks(`synchronous_commit = ${x === undefined ? a : b}`);
  return median(x.map((value, round) => (y[round] ?? Number.NaN) / value)) * slack > 1;
}

function ordering(samples: Samples): Facts {
  return {
    'local<on': faster(samples, 'local', 'on'),
    'local<remote_write': faster(samples, 'local', 'remote_write'),
    'remote_write<on': faster(samples, 'remote_write', 'on'),
    'on≤remote_apply': faster(samples, 'on', 'remote_apply', NOISE),
  };
}

export const latency: Scenario = {
  id: 'j',
  title: 'commit latency local < remote_write < on ≤ remote_apply',
  reference: {
    'local<on': true,
    'local<remote_write': true,
    'remote_write<on': true,
    'on≤remote_apply': true,
  },

  postgres: (lab) =>
    withCluster(lab, { name: 'j-latency', standbys: ['s1'] }, async (pg) => {
      // The standby syncs its WAL (what `on` waits for beyond `remote_write`); the primary does not, so
      // its own flush time, noisy on a shared disk, cannot drown the round trip to the standby.
      await pg.q('s1', 'alter system set fsync = on');
      await pg.q('s1', 'select pg_reload_conf()');
      await pg.q('primary', "alter system set synchronous_standby_names = 'FIRST 1 (s1)'");
      await pg.q('primary', 'select pg_reload_conf()');
      const script = join(pg.dir, 'insert.sql');
      writeFileSync(script, 'insert into b(v) values (1);\n');
      await pg.q('primary', 'create table b(id bigserial primary key, v int)');
      const samples: Record<Level, number[]> = { local: [], remote_write: [], on: [], remote_apply: [] };
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate the order, so no level always runs first after a pause.
        const order = round % 2 === 0 ? LEVELS : [...LEVELS].reverse();
        for (const level of order) {
          samples[level].push(await pg.pgbenchLatency('primary', script, TRANSACTIONS, level));
        }
      }
      const medians = LEVELS.map((level) => `${level} ${median(samples[level]).toFixed(3)}`);
      console.log(`    latency medians (ms): ${medians.join(', ')}`);
      return ordering(samples);
    }),

  engine() {
    const measure = (replication: Parameters<typeof simulate>[1]): number[] => {
      const sim = simulate([replica('s1')], replication);
      sim.runUntilIdle();
      const latencies: number[] = [];
      for (let i = 0; i < 50; i++) {
        const op = sim.write('primary', `k${i}`, String(i));
        sim.runUntilIdle();
        const done = sim.op(op.id);
        if (done?.endedAt !== undefined) latencies.push(done.endedAt - done.startedAt);
      }
      return [median(latencies)];
    };
    return ordering({
      // The standby's fsync (flushMs) separates remote_write from on, as on the real standby.
      local: measure({ mode: 'async', flushMs: 1 }),
      remote_write: measure({ mode: 'sync', ackOn: 'written', flushMs: 1 }),
      on: measure({ mode: 'sync', ackOn: 'received', flushMs: 1 }),
      remote_apply: measure({ mode: 'sync', ackOn: 'applied', flushMs: 1 }),
    });
  },
};
