import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKLOAD, compare, loadCompare, type ScenarioInput } from '../../engine/index.ts';
import { createLab } from '../connectEngine.ts';
import type { LabStore } from '../labStore.ts';
import { openComparison } from './open.ts';
import { classicComparison } from './variants.ts';

const kit = await loadCompare();
const lab = (): LabStore => createLab({ preset: 'master-slave', playing: false });

function opened(id: string) {
  const classic = classicComparison(id);
  if (classic === undefined) throw new Error(id);
  const a = lab();
  const result = openComparison(a, classic, kit);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return { ...result, store: a };
}

/** One scenario run alone in a lab of its own, with the comparison's workload. */
function alone(scenario: ScenarioInput): LabStore {
  const store = lab();
  store.getState().actions.loadScenario(scenario, { preset: 'master-slave', workload: DEFAULT_WORKLOAD });
  return store;
}

const engineOf = (store: LabStore) =>
  store.getState().actions.readShown((sim) => ({
    time: sim.now(),
    commands: sim.commands(),
    metrics: sim.metrics(),
    nodes: sim.nodes().map((n) => [n.id, n.status, n.role, n.data] as const),
  }));

describe('a comparison', () => {
  it('runs each side exactly as two separate runs of the same scenarios and commands', () => {
    const { comparison, a, b } = opened('async-sync');
    comparison.a.getState().actions.tick(3_050);
    comparison.a.getState().actions.kill('db1');
    comparison.a.getState().actions.tick(4_000);
    comparison.b.getState().actions.promote('db2');
    comparison.a.getState().actions.tick(2_000);

    const soloA = alone(a);
    const soloB = alone(b);
    for (const solo of [soloA, soloB]) {
      solo.getState().actions.tick(3_050);
      solo.getState().actions.kill('db1');
      solo.getState().actions.tick(4_000);
      solo.getState().actions.promote('db2');
      solo.getState().actions.tick(2_000);
    }
    expect(engineOf(comparison.a)).toEqual(engineOf(soloA));
    expect(engineOf(comparison.b)).toEqual(engineOf(soloB));
    expect(comparison.a.getState().simTime).toBeCloseTo(9_050, 6);
    expect(comparison.b.getState().simTime).toBe(comparison.a.getState().simTime);
  });

  it('kills each side\u2019s own primary when the master is killed on one side, by role', () => {
    const { comparison } = opened('replicas-2-8');
    comparison.b.getState().actions.tick(1_000);
    comparison.b.getState().actions.kill('db1');
    const down = (s: LabStore) =>
      s
        .getState()
        .snapshot.nodes.filter((n) => n.status === 'down')
        .map((n) => n.id);
    expect(down(comparison.a)).toEqual(['db1']);
    expect(down(comparison.b)).toEqual(['db1']);
  });

  describe('when a command cannot apply on one side', () => {
    it('is refused there with the reason, and the other side carries on', () => {
      const { comparison } = opened('replicas-2-8');
      comparison.a.getState().actions.tick(1_000);
      const before = engineOf(comparison.a);
      const versionA = comparison.a.getState().snapshot.version;
      comparison.b.getState().actions.kill('db8'); // replica 6 of B: A has two replicas
      expect(engineOf(comparison.a)).toEqual(before);
      expect(comparison.a.getState().snapshot.version).toBe(versionA);
      expect(comparison.a.getState().status?.text).toMatch(/^Kill refused on A: there is no replica 6/);
      expect(comparison.b.getState().snapshot.nodes.find((n) => n.id === 'db8')?.status).toBe('down');
      const { refusals } = comparison.state.getState();
      expect(refusals.A).toEqual([
        { at: 1_000, what: 'Kill', reason: expect.stringMatching(/^there is no replica 6/) as string },
      ]);
      expect(refusals.B).toEqual([]);
    });

    it('is refused where the engine refuses it, and applied on the other side', () => {
      const { comparison } = opened('async-sync');
      comparison.a.getState().actions.tick(500);
      comparison.a.getState().actions.kill('db2');
      comparison.a.getState().actions.tick(500);
      // db2 is down on both; restarting it works on both, restarting it again nowhere.
      comparison.b.getState().actions.kill('db2');
      expect(comparison.state.getState().refusals.A).toHaveLength(1);
      expect(comparison.state.getState().refusals.B).toHaveLength(1);
      expect(comparison.state.getState().refusals.B[0]?.reason).toMatch(/down/);
    });
  });

  it('keeps one clock: play, speed, seek and live move both sides together', () => {
    const { comparison } = opened('async-semisync');
    const { a, b } = comparison;
    a.getState().actions.setSpeed(2);
    a.getState().actions.play();
    expect(b.getState()).toMatchObject({ playing: true, speed: 2 });
    a.getState().actions.tick(5_000);
    a.getState().actions.seek(2_000);
    expect(a.getState().simTime).toBe(2_000);
    expect(b.getState().simTime).toBe(2_000);
    expect(b.getState().timeline.live).toBe(false);
    a.getState().actions.goLive();
    expect(b.getState().simTime).toBe(a.getState().simTime);
    expect(b.getState().timeline.live).toBe(true);
    a.getState().actions.stepToNextEvent();
    expect(b.getState().simTime).toBe(a.getState().simTime);
  });

  it('shows the engines\u2019 figures, the same compare() computes for those scenarios and commands', () => {
    const { comparison, a, b } = opened('async-sync');
    comparison.a.getState().actions.tick(3_000);
    comparison.a.getState().actions.kill('db1');
    comparison.a.getState().actions.tick(3_000);
    const shown = comparison.figures();
    const expected = compare(a, b, {
      durationMs: 6_000,
      commands: [
        { at: 0, type: 'startWorkload', args: [DEFAULT_WORKLOAD] },
        { at: 3_000, type: 'kill', args: [{ role: 'primary' }] },
      ],
    });
    expect(shown.a).toEqual(expected.a.figures);
    expect(shown.b).toEqual(expected.b.figures);
    expect(shown.differences).toEqual(expected.differences);
  });

  it('starts both sides over when one does, and gives both stores their own actions back on close', () => {
    const { comparison } = opened('async-sync');
    const { a, b } = comparison;
    a.getState().actions.tick(2_000);
    a.getState().actions.reset();
    expect([a.getState().simTime, b.getState().simTime]).toEqual([0, 0]);
    const forwarding = a.getState().actions;
    comparison.close();
    expect(a.getState().actions).not.toBe(forwarding);
    a.getState().actions.tick(1_000);
    expect(b.getState().simTime).toBe(0);
  });

  it('opens nothing for a side B the engine refuses, and names the problem', () => {
    const a = lab();
    const result = openComparison(
      a,
      { b: { nodes: [{ id: 'x', role: 'replica', upstream: 'nowhere' }] } },
      kit,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^B: nodes/);
  });
});
