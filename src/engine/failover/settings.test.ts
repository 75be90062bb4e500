/** Failover settings changed in a running cluster (`configure({ failover })`), as Patroni takes them. */
import { describe, expect, it } from 'vitest';
import { SimulationError, type ConfigureOptions, type Simulation } from '../api.ts';
import { createSimulation, restoreSimulation } from '../index.ts';
import { cluster } from '../testing.ts';
import type { EngineEvent } from '../types.ts';
import { PROMOTION_MS, safetyMarginMs } from './managerMachine.ts';

const HEARTBEAT_MS = 1000;
const TIMEOUT_MS = 3000;
/** From the leader's last heartbeat (or the manager's start) to the election: the timeout and its margin. */
const DETECTION_MS = TIMEOUT_MS + safetyMarginMs(TIMEOUT_MS);

/** db1 and two replicas, failover `mode` with the timings above. */
function lab(mode: 'manual' | 'automatic', fencing = false): Simulation {
  const sim = createSimulation({
    ...cluster(2),
    failover: { mode, heartbeatMs: HEARTBEAT_MS, timeoutMs: TIMEOUT_MS, fencing },
  });
  sim.advance(100);
  return sim;
}

const upPrimaries = (sim: Simulation) =>
  sim
    .nodes()
    .filter((n) => n.role === 'primary' && n.status === 'up')
    .map((n) => n.id);

const eventsOf = (sim: Simulation, type: EngineEvent['type']) => sim.events().filter((e) => e.type === type);

/** A copy restored from `sim`'s save (through JSON) that must go on exactly as `sim` does for `ms`. */
function expectRestoresExactly(sim: Simulation, ms: number): void {
  const copy = restoreSimulation(JSON.parse(JSON.stringify(sim.save())));
  expect(copy.snapshot().failover).toEqual(sim.snapshot().failover);
  sim.advance(ms);
  copy.advance(ms);
  expect(copy.events()).toEqual(sim.events());
  expect(copy.failovers()).toEqual(sim.failovers());
  expect({ ...copy.snapshot(), version: 0 }).toEqual({ ...sim.snapshot(), version: 0 });
}

describe('failover turned automatic while the cluster runs (Patroni started)', () => {
  it('fails a primary that is already dead over once the timeout has passed from now', () => {
    const sim = lab('manual');
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    sim.kill('db1');
    sim.advance(5_000);
    expect(upPrimaries(sim)).toEqual([]);
    expect(sim.snapshot().failover).toBeNull();

    const startedAt = sim.now();
    sim.configure({ failover: { mode: 'automatic' } });
    expect(eventsOf(sim, 'configured').at(-1)).toMatchObject({
      changes: [{ setting: 'failover.mode', from: 'manual', to: 'automatic' }],
    });
    expect(sim.snapshot().failover).toMatchObject({ mode: 'automatic', state: 'watching', leader: 'db1' });
    sim.advance(DETECTION_MS - 1);
    expect(eventsOf(sim, 'failover-started')).toEqual([]);
    sim.advance(1 + PROMOTION_MS);
    expect(upPrimaries(sim)).toHaveLength(1);
    const [record] = sim.failovers();
    expect(record).toMatchObject({ trigger: 'automatic', oldPrimary: 'db1', failedAt: startedAt - 5_000 });
    expect(record?.detectedAt).toBe(startedAt + DETECTION_MS);
  });

  it('takes the lock for the live primary at once and fails nothing over while it beats', () => {
    const sim = lab('manual');
    sim.configure({ failover: { mode: 'automatic', fencing: true } });
    sim.advance(5 * TIMEOUT_MS);
    expect(upPrimaries(sim)).toEqual(['db1']);
    expect(sim.failovers()).toEqual([]);
    expect(eventsOf(sim, 'fenced')).toEqual([]);
    expect(sim.snapshot().failover?.leader).toBe('db1');
  });
});

describe('failover set back to manual (Patroni paused, maintenance mode)', () => {
  it('fails a dead primary over only once resumed, a full timeout after resuming', () => {
    const sim = lab('automatic');
    sim.configure({ failover: { mode: 'manual' } });
    expect(sim.snapshot().failover).toMatchObject({ mode: 'manual', state: 'paused', leader: 'db1' });
    sim.kill('db1');
    sim.advance(4 * DETECTION_MS);
    expect(upPrimaries(sim)).toEqual([]);
    expect(sim.failovers()).toEqual([]);
    expect(eventsOf(sim, 'primary-suspected')).toEqual([]);
    sim.runUntilIdle();
    expect(sim.snapshot().failover?.state).toBe('paused');

    const resumedAt = sim.now();
    sim.configure({ failover: { mode: 'automatic' } });
    expect(sim.snapshot().failover).toMatchObject({ mode: 'automatic', state: 'watching' });
    sim.advance(DETECTION_MS + PROMOTION_MS);
    expect(upPrimaries(sim)).toHaveLength(1);
    expect(sim.failovers()[0]?.detectedAt).toBe(resumedAt + DETECTION_MS);
  });

  it('still renews the live primary’s lock, so resuming fails nothing over', () => {
    const sim = lab('automatic', true);
    sim.configure({ failover: { mode: 'manual' } });
    sim.advance(3 * DETECTION_MS);
    const heard = sim.snapshot().failover?.lastHeartbeatAt ?? 0;
    expect(sim.now() - heard).toBeLessThan(HEARTBEAT_MS + 100);
    sim.configure({ failover: { mode: 'automatic' } });
    sim.advance(3 * DETECTION_MS);
    expect(upPrimaries(sim)).toEqual(['db1']);
    expect(sim.failovers()).toEqual([]);
    expect(eventsOf(sim, 'fenced')).toEqual([]);
  });

  it('fences no one while paused; resumed, it fences a primary whose lease ran out meanwhile', () => {
    const sim = lab('automatic', true);
    sim.configure({ failover: { mode: 'manual' } });
    sim.partition([['db1'], ['db2', 'db3']]);
    sim.advance(2 * DETECTION_MS);
    expect(eventsOf(sim, 'fenced')).toEqual([]);
    const write = sim.write('db1', 'a', '1');
    sim.advance(10);
    expect(sim.op(write.id)?.status).toBe('ok');

    sim.configure({ failover: { mode: 'automatic' } });
    expect(eventsOf(sim, 'fenced')).toEqual([expect.objectContaining({ nodeId: 'db1', at: sim.now() })]);
    sim.advance(DETECTION_MS + PROMOTION_MS);
    expect(sim.failovers()).toEqual([expect.objectContaining({ oldPrimary: 'db1', splitBrain: false })]);
  });

  it('abandons a promotion under way', () => {
    const sim = lab('automatic');
    sim.kill('db1');
    while (sim.snapshot().failover?.state !== 'promoting') sim.advance(10);
    sim.configure({ failover: { mode: 'manual' } });
    expect(sim.snapshot().failover).not.toHaveProperty('candidate');
    sim.advance(3 * DETECTION_MS);
    expect(upPrimaries(sim)).toEqual([]);
    expect(sim.failovers()).toEqual([]);
  });

  it('does not demote a second primary it hears from until resumed', () => {
    const sim = lab('automatic');
    sim.configure({ failover: { mode: 'manual' } });
    sim.partition([['db1'], ['db2', 'db3']]);
    sim.promote('db2');
    sim.heal();
    sim.runUntilIdle();
    sim.advance(3 * HEARTBEAT_MS);
    expect(upPrimaries(sim).sort()).toEqual(['db1', 'db2']);
    expect(sim.snapshot().failover?.leader).toBe('db2');
    sim.configure({ failover: { mode: 'automatic' } });
    sim.runUntilIdle();
    expect(upPrimaries(sim)).toEqual(['db2']);
    expect(sim.node('db1').upstream).toBe('db2');
  });

  it('leaves a primary promoted by hand as it is, and adopts it as the leader', () => {
    const sim = lab('automatic');
    sim.configure({ failover: { mode: 'manual' } });
    sim.kill('db1');
    sim.advance(500);
    sim.promote('db2');
    expect(sim.snapshot().failover).toMatchObject({ state: 'paused', leader: 'db2' });
    sim.configure({ failover: { mode: 'automatic' } });
    sim.advance(3 * DETECTION_MS);
    expect(upPrimaries(sim)).toEqual(['db2']);
    expect(sim.failovers().map((f) => f.trigger)).toEqual(['manual']);
  });
});

describe('failover timings changed while the cluster runs (patronictl edit-config)', () => {
  /** When the manager starts a failover of db1, killed at 2.5 s, after `options` at 1.05 s. */
  function detectedAfter(options: ConfigureOptions | undefined): number {
    const sim = lab('automatic');
    sim.advance(950);
    if (options !== undefined) sim.configure(options);
    sim.advance(1_450);
    sim.kill('db1');
    sim.advance(20_000);
    const started = eventsOf(sim, 'failover-started')[0];
    return started?.at ?? NaN;
  }

  it('a longer timeout delays detection by as much, from the next heartbeat on', () => {
    const before = detectedAfter(undefined);
    const after = detectedAfter({ failover: { timeoutMs: 6_000 } });
    expect(after - before).toBe(6_000 + safetyMarginMs(6_000) - DETECTION_MS);
  });

  it('keeps the leader’s full timeout when changed while a heartbeat is overdue', () => {
    const sim = lab('automatic');
    sim.advance(400);
    sim.kill('db1');
    const heard = sim.snapshot().failover?.lastHeartbeatAt ?? NaN;
    sim.advance(200);
    // A longer suspicion delay than the one the watch started with: the election still waits the timeout.
    sim.configure({ failover: { heartbeatMs: 1_500 } });
    sim.advance(10_000);
    expect(eventsOf(sim, 'failover-started')[0]?.at).toBe(heard + DETECTION_MS);
  });

  it('sends heartbeats at the new interval', () => {
    const sim = lab('automatic');
    sim.configure({ failover: { heartbeatMs: 400 } });
    sim.advance(2_000);
    const heard: number[] = [];
    for (let i = 0; i < 6; i++) {
      sim.advance(100);
      heard.push(sim.snapshot().failover?.lastHeartbeatAt ?? NaN);
    }
    const intervals = [...new Set(heard)].slice(1).map((t, i) => t - ([...new Set(heard)][i] ?? t));
    expect(intervals.every((ms) => ms === 400)).toBe(true);
  });

  it('with fencing, a shorter timeout never lets the manager promote while the old lease holds', () => {
    const sim = lab('automatic', true);
    sim.configure({ failover: { timeoutMs: 20_000 } });
    sim.advance(1_000);
    sim.partition([['db1'], ['db2', 'db3']]);
    sim.configure({ failover: { timeoutMs: 2_000 } });
    let writable = true;
    for (let t = 0; t < 30_000; t += 100) {
      sim.advance(100);
      writable = writable && eventsOf(sim, 'fenced').length === 0;
      if (sim.failovers().length > 0) expect(writable).toBe(false);
    }
    expect(sim.failovers()).toEqual([expect.objectContaining({ splitBrain: false })]);
    expect(sim.check().filter((a) => a.kind === 'split-brain')).toEqual([]);
  });

  it('refuses a timeout under twice the heartbeat by its path, merged with the values in force', () => {
    const sim = lab('automatic');
    const group = createSimulation({
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'db2', role: 'primary' },
      ],
    });
    const bad: [Simulation, unknown, RegExp][] = [
      [
        sim,
        { failover: { heartbeatMs: 2_000 } },
        /failover\.timeoutMs: must be at least twice .*\(2000 ms\), not 3000/,
      ],
      [
        sim,
        { failover: { timeoutMs: 1_500 } },
        /failover\.timeoutMs: must be at least twice .*\(1000 ms\), not 1500/,
      ],
      [sim, { replication: { mode: 'sync' }, failover: { timeoutMs: 10 } }, /failover\.timeoutMs: /],
      [sim, { failover: { heartbeatMs: 5 } }, /failover\.heartbeatMs: /],
      [sim, { failover: { mode: 'on' } }, /failover\.mode: /],
      [sim, { failover: { fencing: 'yes' } }, /failover\.fencing: /],
      [sim, { failover: { maxLagOnFailover: -1 } }, /failover\.maxLagOnFailover: /],
      [sim, { failover: { ttl: 30 } }, /failover has an unknown field "ttl"/],
      [
        group,
        { failover: { mode: 'automatic' } },
        /failover\.mode: automatic failover manages one primary \(Patroni\); a multi-primary group keeps writing/,
      ],
    ];
    for (const [target, options, problem] of bad) {
      const before = target.commands().length;
      expect(() => {
        target.configure(options as never);
      }).toThrow(problem);
      expect(() => {
        target.configure(options as never);
      }).toThrow(SimulationError);
      expect(target.commands()).toHaveLength(before);
    }
    expect(sim.snapshot().failover).toMatchObject({ heartbeatMs: HEARTBEAT_MS, timeoutMs: TIMEOUT_MS });
    expect(sim.snapshot().replication.mode).toBe('async');
    expect(group.snapshot().failover).toBeNull();
    expect(eventsOf(sim, 'configured')).toEqual([]);
    // Both at once: the timeout checked against the new heartbeat.
    sim.configure({ failover: { heartbeatMs: 2_000, timeoutMs: 4_000 } });
    expect(sim.snapshot().failover).toMatchObject({ heartbeatMs: 2_000, timeoutMs: 4_000 });
  });
});

describe('fencing and the maximum lag changed while the cluster runs', () => {
  it('fencing turned on fences a cut-off primary whose lease ran out, so the failover is no split brain', () => {
    const sim = lab('automatic');
    sim.advance(2_400 - sim.now());
    sim.partition([['db1'], ['db2', 'db3']]);
    // Its last lease (from the heartbeat sent at 2 s) ran out at 5 s; the manager elects at 5.31 s.
    sim.advance(5_100 - sim.now());
    expect(eventsOf(sim, 'fenced')).toEqual([]);
    sim.configure({ failover: { fencing: true } });
    expect(eventsOf(sim, 'fenced')).toEqual([expect.objectContaining({ nodeId: 'db1', at: 5_100 })]);
    sim.advance(2_000);
    expect(sim.failovers()).toEqual([expect.objectContaining({ oldPrimary: 'db1', splitBrain: false })]);
  });

  it('fencing turned off before the lease runs out leaves the cut-off primary writing: a split brain', () => {
    const sim = lab('automatic', true);
    sim.partition([['db1'], ['db2', 'db3']]);
    sim.configure({ failover: { fencing: false } });
    sim.advance(2 * DETECTION_MS);
    expect(eventsOf(sim, 'fenced')).toEqual([]);
    expect(sim.failovers()).toEqual([expect.objectContaining({ splitBrain: true })]);
    expect(eventsOf(sim, 'configured').at(-1)).toMatchObject({
      changes: [{ setting: 'failover.fencing', from: true, to: false }],
    });
  });

  it('a limit on the lag keeps a lagging replica from promotion; removing it (null) lets it through', () => {
    const sim = lab('automatic');
    sim.kill('db3');
    sim.kill('db2');
    for (let i = 0; i < 5; i++) sim.write('db1', `k${i}`, `${i}`);
    sim.advance(HEARTBEAT_MS + 100);
    sim.kill('db1');
    sim.restart('db2');
    sim.configure({ failover: { maxLagOnFailover: 2 } });
    sim.advance(DETECTION_MS + PROMOTION_MS + 500);
    expect(upPrimaries(sim)).toEqual([]);
    expect(eventsOf(sim, 'failover-no-candidate')).toHaveLength(1);
    sim.configure({ failover: { maxLagOnFailover: null } });
    expect(eventsOf(sim, 'configured').at(-1)).toMatchObject({
      changes: [{ setting: 'failover.maxLagOnFailover', from: 2, to: null }],
    });
    expect(sim.snapshot().failover).not.toHaveProperty('maxLagOnFailover');
    sim.advance(HEARTBEAT_MS + PROMOTION_MS);
    expect(upPrimaries(sim)).toEqual(['db2']);
  });
});

describe('a save after failover settings changed', () => {
  it('restores the manager, started, paused, resumed or retimed, and continues exactly', () => {
    const sim = createSimulation({ ...cluster(3, {}, { latencyMs: 15, jitterMs: 5 }), seed: 11 });
    sim.startWorkload({ writesPerSec: 20, readsPerSec: 10, keys: 4 });
    sim.advance(700);
    sim.configure({ failover: { mode: 'automatic', fencing: true } });
    expectRestoresExactly(sim, 1_300);
    sim.configure({ failover: { mode: 'manual' } });
    expectRestoresExactly(sim, 600);
    sim.kill('db1');
    expectRestoresExactly(sim, 4_000);
    expect(sim.snapshot().failover?.state).toBe('paused');
    sim.configure({ failover: { mode: 'automatic', heartbeatMs: 500, timeoutMs: 1_500 } });
    expectRestoresExactly(sim, 1_000);
    expect(sim.snapshot().failover?.state).toBe('suspecting');
    expectRestoresExactly(sim, 3_000);
    expect(sim.failovers()).toHaveLength(1);
    sim.configure({ failover: { maxLagOnFailover: 3, fencing: false } });
    expectRestoresExactly(sim, 2_000);
  });

  it('replays from its commands to the same events', () => {
    const run = (sim: Simulation) => {
      sim.startWorkload({ writesPerSec: 20, keys: 4 });
      sim.advance(500);
      sim.configure({ failover: { mode: 'automatic' } });
      sim.advance(800);
      sim.configure({ failover: { mode: 'manual', timeoutMs: 5_000 } });
      sim.kill('db1');
      sim.advance(2_000);
      sim.configure({ failover: { mode: 'automatic' } });
      sim.advance(7_000);
    };
    const sim = createSimulation(cluster(2));
    run(sim);
    expect(sim.failovers()).toHaveLength(1);
    const again = createSimulation(cluster(2));
    for (const command of sim.commands()) {
      again.advanceTo(command.at);
      (again[command.type] as (...args: unknown[]) => unknown)(...command.args);
    }
    again.advanceTo(sim.now());
    expect(again.events()).toEqual(sim.events());
  });
});
