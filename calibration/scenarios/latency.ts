/**
 * (j) Commit latency: local < remote_write < on ≈ remote_apply. Statistical, so checked as an ordering
 * and as bands on ratios of medians, never as milliseconds; the medians are reported as figures.
 */
import { replica, simulate } from '../lib/engine.ts';
import { lacks, withCluster, withFigures, type Facts, type Outcome, type Scenario } from '../lib/scenario.ts';

const LEVELS = ['local', 'remote_write', 'on', 'remote_apply'] as const;
type Level = (typeof LEVELS)[number];
const INSERT = 'insert into b(v) values (1)';
/**
 * Each commit's duration is the server's (log_min_duration_statement): from receiving the statement to
 * the end of its commit, standbys' confirmations included. The client's side of the round trip is the
 * same at every level and only dilutes the ratios; with both cores busy it was most of a local commit.
 * The levels take turns commit by commit, so a neighbour's load spike hits them alike, and every timed
 * commit starts with the standby idle, as the engine's do: after a level that returns before the standby
 * has flushed and replayed (local, remote_write), an untimed `remote_apply` commit lets it catch up. A run
 * of one level would not: its next commit would queue behind the standby's fsync of the last one, which hid
 * most of the gap between remote_write and on.
 */
const SETTLE_AFTER: readonly Level[] = ['local', 'remote_write'];
const SESSIONS = 6;
const CYCLES = 200;

/**
 * The bands, and why (measured on two cores shared with other engineers' work, load average 10–16):
 * - remote_write / local ≥ 1.15: waiting for the standby's write adds a loopback round trip and four
 *   process wake-ups to a local commit (the primary does not sync its WAL, see below); measured 2.07–2.46,
 *   and once 1.22 (local 0.102 ms, remote_write 0.124) with vitest running beside the suite at load 10,
 *   which failed the band's first bound, 1.25. With no synchronous standby, so that remote_write does not
 *   wait, it measured 1.00–1.03: 1.15 still fails a remote_write that does not wait.
 * - on / remote_write ≥ 1.25: `on` also waits for the standby's fsync and a second reply; measured
 *   2.13–9.17 (the busier the disk, the higher). With the standby's fsync off it measured 1.07, with no
 *   synchronous standby 1.00.
 * - remote_apply / on within 0.75–1.5: a standby replays only WAL it has flushed, and replaying a one-row
 *   insert takes microseconds: they cost about the same; measured 1.08–1.24. The upper bound fails a
 *   server or engine that waits an extra round trip for replay.
 * Earlier, each level ran 400 commits at a time (pgbench) and the per-round averages were compared: a
 * level's run met other load than the next one's, and a remote_write commit queued behind the standby's
 * fsync of the one before, so on/remote_write was 1.1–1.5 and fell to 0.99 under heavy load. Timed from
 * the client instead of the server, remote_write/local fell to 1.15 with two busy loops beside the run.
 */
const REMOTE_WRITE_OVER_LOCAL = 1.15;
const ON_OVER_WRITE = 1.25;
const APPLY_OVER_ON: readonly [number, number] = [0.75, 1.5];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Commit latencies by level; a level the side cannot measure is `undefined`. */
type Samples = Readonly<Record<Level, readonly number[] | undefined>>;

/** The median latency of b over that of a; undefined when a level was not measured. */
function ratio(samples: Samples, a: Level, b: Level): number | undefined {
  const x = samples[a];
  const y = samples[b];
  if (x === undefined || y === undefined) return undefined;
  return median(y) / median(x);
}

function facts(samples: Samples): Facts {
  const missing = LEVELS.find((level) => samples[level] === undefined);
  if (missing !== undefined) return { measured: lacks(`synchronous_commit = ${missing}`) };
  const writeOverLocal = ratio(samples, 'local', 'remote_write') ?? Number.NaN;
  const onOverWrite = ratio(samples, 'remote_write', 'on') ?? Number.NaN;
  const applyOverOn = ratio(samples, 'on', 'remote_apply') ?? Number.NaN;
  return {
    [`remote_write/local≥${REMOTE_WRITE_OVER_LOCAL}`]: writeOverLocal >= REMOTE_WRITE_OVER_LOCAL,
    [`on/remote_write≥${ON_OVER_WRITE}`]: onOverWrite >= ON_OVER_WRITE,
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
    [`on/remote_write≥${ON_OVER_WRITE}`]: true,
    [`remote_apply/on in ${APPLY_OVER_ON.join('–')}`]: true,
  },

  server: (lab) =>
    withCluster(lab, { name: 'j-latency', standbys: ['s1'] }, async (pg) => {
      // The standby syncs its WAL (what `on` waits for beyond `remote_write`); the primary does not, so
      // its own flush time, noisy on a shared disk, cannot drown the round trip to the standby.
      await pg.q('s1', 'alter system set fsync = on');
      await pg.q('s1', 'select pg_reload_conf()');
      await pg.q('primary', "alter system set synchronous_standby_names = 'FIRST 1 (s1)'");
      await pg.q('primary', 'select pg_reload_conf()');
      await pg.q('primary', 'create table b(id bigserial primary key, v int)');
      const samples: Record<Level, number[]> = { local: [], remote_write: [], on: [], remote_apply: [] };
      for (let session = 0; session < SESSIONS; session++) {
        // Alternate the order, so no level always follows the same one.
        const order = session % 2 === 0 ? LEVELS : [...LEVELS].reverse();
        // Each statement, and the level whose timed commit it is.
        const script: [string, Level | undefined][] = [];
        for (let cycle = 0; cycle < CYCLES; cycle++) {
          for (const level of order) {
            script.push([`set synchronous_commit = ${level}`, undefined], [INSERT, level]);
            if (SETTLE_AFTER.includes(level))
              script.push(['set synchronous_commit = remote_apply', undefined], [INSERT, undefined]);
          }
        }
        const times = await pg.loggedDurations(
          'primary',
          script.map(([sql]) => sql),
        );
        times.forEach((ms, i) => {
          const level = script[i]?.[1];
          if (level !== undefined) samples[level].push(ms);
        });
      }
      return outcome(samples, 'ms, logged by the server, 1 client');
    }),

  engine() {
    const measure = (replication: Parameters<typeof simulate>[1]): number[] => {
      // 50 commits, each from an idle standby: the engine is deterministic, so more would add nothing.
      const sim = simulate([replica('s1')], replication);
      sim.runUntilIdle();
      const latencies: number[] = [];
      for (let i = 0; i < 50; i++) {
        const op = sim.write('primary', `k${i}`, String(i));
        sim.runUntilIdle();
        const done = sim.op(op.id);
        if (done?.endedAt !== undefined) latencies.push(done.endedAt - done.startedAt);
      }
      return latencies;
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
