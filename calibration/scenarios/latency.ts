/**
 * (j) Commit latency: local < remote_write < on ≈ remote_apply. Statistical, so checked as an ordering
 * and as bands on ratios, never as milliseconds; the medians are reported as figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replica, simulate } from '../lib/engine.ts';
import { lacks, withCluster, withFigures, type Facts, type Outcome, type Scenario } from '../lib/scenario.ts';

const LEVELS = ['local', 'remote_write', 'on', 'remote_apply'] as const;
type Level = (typeof LEVELS)[number];
/** Short interleaved runs: a neighbour's load spike then hits all levels of a round alike. */
const ROUNDS = 9;
const TRANSACTIONS = 400;

/**
 * The bands, and why:
 * - remote_write / local ≥ 1.5: with the primary not syncing its WAL (see below), a commit that waits
 *   for the standby adds a round trip and two process wake-ups to a local commit that costs about as
 *   much as one; measured 4.5–15.8× here (the higher under heavy load), 1.12× in the reference, whose
 *   primary did sync. 1.5 keeps a wide margin, yet fails if waiting stopped costing a round trip.
 * - remote_write < on: `on` also waits for the standby's fsync (paired median ratio above 1; measured
 *   1.35–1.55×, a fdatasync of 0.15–0.3 ms on this disk, more under load).
 * - remote_apply / on within 0.75–1.5: a standby replays only WAL it has flushed, so per commit
 *   remote_apply can never be faster than `on`, and replaying a one-row insert takes microseconds: they
 *   cost the same, and any ratio below 1 is measurement noise. The reference saw 1.03× and
 *   remote_apply below `on` in one round of three; here 1.03–1.07× on a quiet machine and 0.88× with
 *   neighbours loading both cores (latencies 5× normal). 0.75 leaves room for that noise; 1.5 fails an
 *   engine or server that waits an extra round trip for replay.
 */
const REMOTE_WRITE_OVER_LOCAL = 1.5;
const APPLY_OVER_ON: readonly [number, number] = [0.75, 1.5];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Per-round latencies by level; a level the side cannot measure is `undefined`. */
type Samples = Readonly<Record<Level, readonly number[] | undefined>>;

/** The median over rounds of b/a, paired within a round; undefined when a level was not measured. */
function ratio(samples: Samples, a: Level, b: Level): number | undefined {
  const x = samples[a];
  const y = samples[b];
  if (x === undefined || y === undefined) return undefined;
  return median(x.map((value, round) => (y[round] ?? Number.NaN) / value));
}

function facts(samples: Samples): Facts {
  const missing = LEVELS.find((level) => samples[level] === undefined);
  if (missing !== undefined) return { measured: lacks(`synchronous_commit = ${missing}`) };
  const writeOverLocal = ratio(samples, 'local', 'remote_write') ?? Number.NaN;
  const onOverWrite = ratio(samples, 'remote_write', 'on') ?? Number.NaN;
  const applyOverOn = ratio(samples, 'on', 'remote_apply') ?? Number.NaN;
  return {
    [`remote_write/local≥${REMOTE_WRITE_OVER_LOCAL}`]: writeOverLocal >= REMOTE_WRITE_OVER_LOCAL,
    'remote_write<on': onOverWrite > 1,
    [`remote_apply/on in ${APPLY_OVER_ON.join('–')}`]:
      applyOverOn >= APPLY_OVER_ON[0] && applyOverOn <= APPLY_OVER_ON[1],
  };
}

/** The facts, and the medians and ratios behind them. */
function outcome(samples: Samples, unit: string): Outcome {
  const medians = LEVELS.map((level) => `${level} ${median(samples[level] ?? []).toFixed(3)}`).join(', ');
  const ratios = [
    ['remote_write/local', ratio(samples, 'local', 'remote_write')],
    ['on/remote_write', ratio(samples, 'remote_write', 'on')],
    ['remote_apply/on', ratio(samples, 'on', 'remote_apply')],
  ]
    .map(([name, value]) => `${String(name)} ${typeof value === 'number' ? value.toFixed(2) : '?'}`)
    .join(', ');
  return withFigures(facts(samples), `medians (${unit}) ${medians}; ratios ${ratios}`);
}

export const latency: Scenario = {
  id: 'j',
  title: 'commit latency local < remote_write < on ≈ remote_apply (bands)',
  reference: {
    [`remote_write/local≥${REMOTE_WRITE_OVER_LOCAL}`]: true,
    'remote_write<on': true,
    [`remote_apply/on in ${APPLY_OVER_ON.join('–')}`]: true,
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
      return outcome(samples, 'ms, pgbench, 1 client');
    }),

  engine() {
    const measure = (replication: Parameters<typeof simulate>[1]): number[] => {
      // One sample of 50 sequential commits: the engine is deterministic, so every round would agree.
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
    return outcome(
      {
        // The standby's fsync (flushMs) separates remote_write from on, as on the real standby.
        local: measure({ mode: 'async', flushMs: 1 }),
        remote_write: measure({ mode: 'sync', ackOn: 'written', flushMs: 1 }),
        on: measure({ mode: 'sync', ackOn: 'received', flushMs: 1 }),
        remote_apply: measure({ mode: 'sync', ackOn: 'applied', flushMs: 1 }),
      },
      'simulated ms, 1 ms one-way link',
    );
  },
};
