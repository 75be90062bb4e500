import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, presets } from '../engine/index.ts';
import { createLab } from './connectEngine.ts';
import { replayed } from './replayed.ts';
import { recordRun, replayRun, startReplay, type RunRecord } from './run.ts';
import { validateRun } from './runCheck.ts';

/** A run with fractional frame times, a failover and a workload: what a person makes in the lab. */
function busyRun() {
  const scenario = { ...presets['master-slave'], seed: 7, network: { latencyMs: 150, jitterMs: 30 } };
  const sim = createSimulation(scenario);
  sim.startWorkload({ writesPerSec: 20, readsPerSec: 10, keys: 5 });
  const frames = [16.67, 16.66, 33.4, 7.1, 250, 0.3];
  for (let i = 0; i < 60; i++) sim.advance(frames[i % frames.length] ?? 16);
  sim.write('db1', 'balance', '100');
  for (let i = 0; i < 10; i++) sim.advance(13.37);
  sim.kill('db1');
  sim.advance(101.01);
  sim.promote('db2');
  sim.takeBackup('db3');
  sim.advance(999.9);
  return { sim, run: recordRun(sim, scenario, 'master-slave') };
}

describe('a recorded run', () => {
  it('replays to the identical events, history and state after a JSON round trip', () => {
    const { sim, run } = busyRun();
    const decoded = validateRun(JSON.parse(JSON.stringify(run)));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const replayed = replayRun(decoded.value);
    expect(replayed.ok).toBe(true);
    if (!replayed.ok) return;
    const copy = replayed.value;
    expect(copy.now()).toBe(sim.now());
    expect(copy.events()).toEqual(sim.events());
    expect(copy.history()).toEqual(sim.history());
    expect(copy.commands()).toEqual(sim.commands());
    expect(copy.snapshot().nodes).toEqual(sim.snapshot().nodes);
    expect(sim.metrics().lostWrites + sim.history().length).toBeGreaterThan(0);
  });

  it('replays a master-master run with conflicts and a resolution', () => {
    const scenario = { ...presets['master-master'], conflictResolution: 'siblings' as const };
    const sim = createSimulation(scenario);
    sim.write('db1', 'k', 'left');
    sim.write('db2', 'k', 'right');
    sim.advance(500.5);
    sim.resolve('db1', 'k', 'both');
    sim.advance(500.25);
    const run = validateRun(JSON.parse(JSON.stringify(recordRun(sim, scenario))));
    const replayed = run.ok ? replayRun(run.value) : run;
    expect(replayed.ok && replayed.value.conflicts()).toEqual(sim.conflicts());
    expect(sim.conflicts().length).toBeGreaterThan(0);
    expect(replayed.ok && replayed.value.events()).toEqual(sim.events());
  });

  it('reaches a command’s exact time even where now + (at − now) rounds away from it', () => {
    for (const [a, b] of [
      [0.1 + 0.2, 1234.5678],
      [16.67, 33.34],
      [16.67, 150.21],
      [1e-9, 3],
      [1000.1, 1000.3],
    ] as const) {
      const sim = createSimulation(presets['master-slave']);
      sim.advance(a);
      sim.advanceTo(b);
      expect(sim.now()).toBe(b);
    }
  });

  it('names an unknown command type by its path', () => {
    const run = { scenario: presets['master-slave'], commands: [{ at: 0, type: 'fly', args: [] }], time: 0 };
    const result = validateRun(run);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^commands\[0\]\.type: Invalid option: expected one of "write"\|"read"/),
    ]);
  });

  it('reports scenario, argument and ordering problems together', () => {
    const run = {
      scenario: { nodes: [{ id: 'db 1', role: 'boss' }] },
      commands: [
        { at: 5, type: 'kill', args: [42] },
        { at: 1, type: 'heal', args: [] },
      ],
      time: 3,
    };
    const result = validateRun(run);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^scenario\.nodes\[0\]\.id: may contain only/),
      expect.stringMatching(/^scenario\.nodes\[0\]\.role: /),
      expect.stringMatching(/^commands\[0\]\.args\[0\]: /),
      'commands[0].at: later than time (3 ms)',
      'commands[1].at: earlier than the command before it',
    ]);
  });

  it('refuses a run whose workload would take too long to replay', () => {
    const run: RunRecord = {
      scenario: presets['master-slave'],
      commands: [{ at: 0, type: 'startWorkload', args: [{ writesPerSec: 1000, readsPerSec: 1000 }] }],
      time: 3_600_000,
    };
    const result = validateRun(run);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(
        /^time: replaying this run would take about [\d.]+ times the work a link may ask for/,
      ),
    ]);
  });

  describe('links within every other limit that would freeze the page', () => {
    const many = (extra: object = {}) => ({
      nodes: [
        { id: 'db1', role: 'primary' as const },
        ...Array.from({ length: 63 }, (_, i) => ({ id: `r${i}`, role: 'replica' as const, upstream: 'db1' })),
      ],
      ...extra,
    });

    it('refuses 64 nodes with a failover manager beating every 10 ms, shown at one hour', () => {
      const result = validateRun({
        scenario: many({ failover: { mode: 'automatic', heartbeatMs: 10, timeoutMs: 30 } }),
        commands: [],
        time: 3_600_000,
      });
      expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/^time: .*64 nodes/)]);
    });

    it('refuses a workload of 400,000 operations on 64 nodes', () => {
      const result = validateRun({
        scenario: many(),
        commands: [{ at: 0, type: 'startWorkload', args: [{ writesPerSec: 1000, readsPerSec: 1000 }] }],
        time: 200_000,
      });
      expect(result.ok).toBe(false);
    });

    it('accepts ten minutes of the default preset at its default workload, and an hour of it idle', () => {
      const workload = { at: 0, type: 'startWorkload', args: [{ writesPerSec: 5, readsPerSec: 5 }] };
      expect(validateRun({ scenario: presets['master-slave'], commands: [workload], time: 600_000 }).ok).toBe(
        true,
      );
      expect(validateRun({ scenario: presets['master-slave'], commands: [], time: 3_600_000 }).ok).toBe(true);
    });
  });

  it('turns a command the engine refuses into a problem, not a throw', () => {
    const run: RunRecord = {
      scenario: presets['master-slave'],
      commands: [{ at: 0, type: 'kill', args: ['db9'] }],
      time: 0,
    };
    const result = replayRun(run);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^commands\[0\]: kill failed: .*db9/),
    ]);
  });
});

describe('a lab opened on a recorded run', () => {
  it('shows the same moment as the lab it was recorded from', async () => {
    const lab = createLab({
      preset: 'master-slave',
      playing: false,
      workload: { writesPerSec: 3, readsPerSec: 2 },
    });
    const { actions } = lab.getState();
    for (let i = 0; i < 30; i++) actions.tick(16.7);
    actions.write('db1', 'k', '<img src=x onerror=alert(1)>');
    actions.tick(400.4);
    actions.kill('db1');
    actions.promote('db3');
    actions.tick(1234.5);
    const run = lab.getState().actions.currentRun();
    const copy = createLab({
      preset: 'cascading',
      playing: false,
      run: JSON.parse(JSON.stringify(run)) as RunRecord,
    });
    await replayed(copy);
    const [a, b] = [lab.getState(), copy.getState()];
    expect(b.loadReport).toBeNull();
    expect(b.presetName).toBe('master-slave');
    expect(b.simTime).toBe(a.simTime);
    expect(b.events).toEqual(a.events);
    expect(b.snapshot.nodes).toEqual(a.snapshot.nodes);
    expect(b.snapshot.metrics).toEqual(a.snapshot.metrics);
    expect(b.settings).toEqual(a.settings);
    expect(b.actions.currentRun()).toEqual(run);
  });

  it('opens its preset instead, with a report, when the run cannot be replayed', async () => {
    const run: RunRecord = {
      scenario: presets['master-slave'],
      commands: [{ at: 0, type: 'promote', args: ['nope'] }],
      time: 0,
    };
    const lab = createLab({ preset: 'master-slave', playing: false, run });
    await replayed(lab);
    expect(lab.getState().snapshot.nodes.map((n) => n.id)).toEqual(['db1', 'db2', 'db3']);
    expect(lab.getState().loadReport?.problems).toEqual([
      expect.stringMatching(/^commands\[0\]: promote failed/),
    ]);
  });
});

describe('a replay in slices', () => {
  it('ends with the same events, history and state as a replay at once, however the slices fall', () => {
    const { run } = busyRun();
    const whole = replayRun(run);
    if (!whole.ok) throw new Error(whole.problems.join('; '));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }), (ticks) => {
        // A clock that jumps by the given amounts: chunks grow, shrink and slices end at random places.
        let now = 0;
        let i = 0;
        const clock = () => (now += ticks[i++ % ticks.length] ?? 1);
        const replay = startReplay(run, clock);
        while (!replay.step(10));
        expect(replay.progress).toBe(1);
        const sliced = replay.result;
        if (sliced?.ok !== true) throw new Error('the sliced replay failed');
        expect(sliced.value.events()).toEqual(whole.value.events());
        expect(sliced.value.history()).toEqual(whole.value.history());
        expect({ ...sliced.value.snapshot(), version: 0 }).toEqual({ ...whole.value.snapshot(), version: 0 });
      }),
      { numRuns: 20 },
    );
  });

  it("reports its progress in simulated time and stops at each slice's end", () => {
    const { run } = busyRun();
    let now = 0;
    const replay = startReplay(run, () => (now += 5));
    const seen: number[] = [];
    while (!replay.step(20)) seen.push(replay.progress);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.every((p) => p >= 0 && p < 1)).toBe(true);
  });
});
