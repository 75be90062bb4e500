import { beforeAll, describe, expect, it } from 'vitest';
import { createLab, loadConfigureParts, type LabStore } from '../../store/index.ts';
import { checkLesson } from './lessonCheck.ts';
import { lessonFileData } from './lessonFormat.ts';
import { lessonStoreFor } from './lessonStore.ts';
import { performStep, startLesson } from './player.ts';
import { commandAction, lessonIdFor, lessonScenario, recordSteps, stepText } from './record.ts';
import { startRecording, stopRecording } from './recording.ts';
import type { Lesson, LessonAction } from './types.ts';

beforeAll(async () => {
  await loadConfigureParts();
});

const action = (type: string, args: readonly unknown[]) => commandAction({ type, args });

describe('a recorded command', () => {
  it('becomes the lesson action that does it again', () => {
    const cases: [string, readonly unknown[], LessonAction][] = [
      ['write', ['db1', 'balance', '100'], { do: 'write', node: 'db1', key: 'balance', value: '100' }],
      ['read', ['db2', 'balance'], { do: 'read', node: 'db2', key: 'balance' }],
      ['kill', ['db1'], { do: 'kill', node: 'db1' }],
      ['restart', ['db1'], { do: 'restart', node: 'db1' }],
      ['promote', ['db2'], { do: 'promote', node: 'db2' }],
      ['takeBackup', ['db3'], { do: 'takeBackup', node: 'db3' }],
      ['addNode', [{ id: 'db4', upstream: 'db1' }], { do: 'addReplica', node: 'db1' }],
      ['addNode', [{ id: 'db4', upstream: 'db1', fromBackup: 'b1' }], { do: 'restoreBackup' }],
      ['repoint', ['db3', 'db2'], { do: 'repoint', node: 'db3', upstream: 'db2' }],
      ['partition', [[['db1'], ['db2', 'db3']]], { do: 'partition', groups: [['db1'], ['db2', 'db3']] }],
      ['heal', [], { do: 'heal' }],
      ['setLatency', ['db1', 'db2', 150], { do: 'setLatency', a: 'db1', b: 'db2', ms: 150 }],
      [
        'configure',
        [{ replication: { mode: 'sync' } }],
        { do: 'changeSettings', settings: { replication: { mode: 'sync' } } },
      ],
      [
        'startWorkload',
        [{ writesPerSec: 5, readsPerSec: undefined }],
        { do: 'startWorkload', writesPerSec: 5 },
      ],
      ['stopWorkload', [], { do: 'stopWorkload' }],
    ];
    for (const [type, args, expected] of cases) expect(action(type, args)).toEqual({ action: expected });
  });

  it('says why when the lesson format has no action for it', () => {
    for (const type of [
      'cancel',
      'removeNode',
      'rewind',
      'slowDisk',
      'fixDisk',
      'resolve',
      'burst',
      'partitionRegions',
      'renameNode',
    ])
      expect(action(type, ['db1'])).toEqual({ why: 'lessons have no action for it' });
    expect(action('addNode', [{ id: 'db4', role: 'primary', fromBackup: 'b1' }])).toHaveProperty('why');
    expect(action('addNode', [{ id: 'db4', upstream: 'db1', region: 'eu' }])).toHaveProperty('why');
    expect(action('write', ['db1', 'k', 'v', { session: 's1' }])).toHaveProperty('why');
    expect(action('read', ['db1', 'k', { session: 's1' }])).toHaveProperty('why');
  });
});

describe('a recorded step’s text', () => {
  it('says the action in a sentence, with role words as placeholders', () => {
    expect(stepText({ do: 'kill', node: 'db1' })).toBe('Kill db1.');
    expect(stepText({ do: 'write', node: 'db1', key: 'balance', value: '100' })).toBe(
      'Write balance = 100 on db1.',
    );
    expect(stepText({ do: 'advance', ms: 1200 })).toBe('Let 1.20 s pass.');
    expect(stepText({ do: 'advance', ms: 250 })).toBe('Let 250 ms pass.');
    expect(stepText({ do: 'promote', node: 'db2' })).toBe('Promote db2 to {primary}.');
    expect(stepText({ do: 'addReplica', node: 'db1' })).toBe('Add a {replica} of db1.');
    expect(stepText({ do: 'changeSettings', settings: { replication: { mode: 'sync' } } })).toBe(
      'Set replication mode sync.',
    );
  });
});

describe('recording steps from a command log', () => {
  it('makes one step per command, the time between them advance steps of the exact ms', () => {
    const { steps, unrecorded } = recordSteps(
      [
        { at: 1500.25, type: 'write', args: ['db1', 'k', 'v'] },
        { at: 1500.25, type: 'kill', args: ['db1'] },
        { at: 2000, type: 'burst', args: [] },
        { at: 3000, type: 'promote', args: ['db2'] },
      ],
      1000,
      4200,
    );
    expect(steps.map((s) => s.actions)).toEqual([
      [{ do: 'advance', ms: 500.25 }],
      [{ do: 'write', node: 'db1', key: 'k', value: 'v' }],
      [{ do: 'kill', node: 'db1' }],
      [{ do: 'advance', ms: 1499.75 }],
      [{ do: 'promote', node: 'db2' }],
      [{ do: 'advance', ms: 1200 }],
    ]);
    expect(steps[2]?.target).toEqual({ node: 'db1' });
    expect(unrecorded).toEqual([{ type: 'burst', at: 2000, why: 'lessons have no action for it' }]);
  });

  it('keeps only what differs from the preset in the lesson’s scenario', () => {
    const lab = createLab({ preset: 'master-slave', playing: false, network: { latencyMs: 80 } });
    const { scenario } = lab.getState().actions.currentRun();
    expect(lessonScenario('master-slave', scenario, null)).toEqual({
      preset: 'master-slave',
      overrides: { network: { ...scenario.network, latencyMs: 80 } },
    });
    expect(lessonScenario('master-slave', { ...scenario, seed: 7 }, { writesPerSec: 2 })).toEqual({
      preset: 'master-slave',
      overrides: { network: { ...scenario.network, latencyMs: 80 }, seed: 7 },
      workload: { writesPerSec: 2 },
    });
  });

  it('gives a lesson an id from its title', () => {
    expect(lessonIdFor('Lost writes: a tour!')).toBe('lost-writes-a-tour');
    expect(lessonIdFor('***')).toBe('my-lesson');
  });
});

/** Records on `lab` what `act` does, and returns the lesson Stop makes of it. */
function record(
  lab: LabStore,
  act: (actions: LabStore['getState'] extends () => infer S ? S : never) => void,
) {
  const store = lessonStoreFor(lab);
  startRecording(lab, store);
  act(lab.getState());
  stopRecording(lab, store);
  const authoring = store.getState().authoring;
  if (authoring?.kind !== 'editing') throw new Error('the editor did not open');
  return authoring;
}

/** What a lab shows at the end: every client operation and every node, and the time. */
const endState = (lab: LabStore) =>
  lab.getState().actions.readShown((sim) => ({
    now: sim.now(),
    history: sim.history(),
    nodes: sim.snapshot().nodes,
    commands: sim.commands(),
  }));

/** Plays every step's actions on a fresh lab, as Next and Show me do. */
function play(lesson: Lesson): LabStore {
  const lab = createLab({ preset: lesson.scenario.preset, playing: false });
  expect(startLesson(lab, lesson)).toBe(true);
  for (const step of lesson.steps) expect(performStep(lab, step)).toBe(true);
  return lab;
}

describe('a recorded lesson', () => {
  it('replays to the same end state as the recording', () => {
    const lab = createLab({ preset: 'master-slave', playing: false, workload: { writesPerSec: 4 } });
    const { lesson, notes } = record(lab, ({ actions }) => {
      actions.tick(317.5);
      actions.write('db1', 'balance', '100');
      actions.tick(40);
      actions.kill('db1');
      actions.tick(1200);
      actions.promote('db2');
      actions.changeSettings({ network: { latencyMs: 90 } });
      actions.tick(2500.125);
      actions.read('db3', 'balance');
      actions.burst();
      actions.tick(800);
    });
    expect(notes).toEqual([expect.stringContaining('burst is not in the lesson')]);
    expect(lesson.scenario.workload).toMatchObject({ writesPerSec: 4 });
    expect(lesson.steps.map((s) => s.text)).toEqual([
      'Let 317.5 ms pass.',
      'Write balance = 100 on db1.',
      'Let 40 ms pass.',
      'Kill db1.',
      'Let 1.20 s pass.',
      'Promote db2 to {primary}.',
      'Set latency 90 ms.',
      'Let 2.50 s pass.',
      'Read balance on db3.',
      'Let 800 ms pass.',
    ]);
    const replayed = endState(play(lesson));
    const recorded = endState(lab);
    // The burst has no lesson action, so the runs differ from it on; the rest is the same, event for event.
    const burstAt = recorded.commands.find((c) => c.type === 'burst')?.at ?? 0;
    expect(replayed.commands).toEqual(recorded.commands.filter((c) => c.type !== 'burst'));
    expect(replayed.history.filter((op) => op.startedAt < burstAt)).toEqual(
      recorded.history.filter((op) => op.startedAt < burstAt),
    );
  });

  it('without unrecordable commands, ends exactly where the recording ended', () => {
    const lab = createLab({ preset: 'cascading', playing: false });
    const { lesson, notes } = record(lab, ({ actions }) => {
      actions.tick(123.4);
      actions.write('db1', 'x', '1');
      actions.tick(600);
      actions.partition([['db1'], ['db2', 'db3', 'db4']]);
      actions.write('db1', 'x', '2');
      actions.tick(900);
      actions.heal();
      actions.addReplica('db2');
      actions.setLinkLatency({ from: 'db1', to: 'db2' }, 250);
      actions.startWorkload({ writesPerSec: 3, readsPerSec: 2 });
      actions.tick(1500);
      actions.stopWorkload();
      actions.tick(333);
    });
    expect(notes).toEqual([]);
    expect(endState(play(lesson))).toEqual(endState(lab));
  });

  it('passes the lesson checker as a lesson file', async () => {
    const lab = createLab({ preset: 'master-slave', playing: false });
    const { lesson } = record(lab, ({ actions }) => {
      actions.write('db1', 'balance', '100');
      actions.tick(500);
      actions.kill('db1');
      actions.promote('db2');
      actions.changeSettings({ replication: { mode: 'sync' } });
    });
    const checked = await checkLesson(JSON.parse(JSON.stringify(lessonFileData(lesson))));
    expect(checked).toEqual({ ok: true, value: lesson });
  });

  it('holds what was done before the lab started over, and says so', () => {
    const lab = createLab({ preset: 'master-slave', playing: false });
    const { lesson, notes } = record(lab, ({ actions }) => {
      actions.kill('db2');
      actions.tick(200);
      actions.reset();
      actions.kill('db3');
    });
    expect(lesson.steps.map((s) => s.text)).toEqual(['Kill db2.', 'Let 200 ms pass.']);
    expect(notes).toEqual([expect.stringContaining('The lab started over at 1.20 s')]);
  });
});

describe('the changeSettings action', () => {
  const base = {
    id: 'settings',
    title: 'Settings',
    summary: 'Changing settings in the run.',
    scenario: { preset: 'master-slave' },
  };

  it('changes settings in the run without starting over', () => {
    const lab = createLab({ preset: 'master-slave', playing: false });
    const lesson: Lesson = {
      ...base,
      scenario: { preset: 'master-slave' },
      steps: [{ text: 'x', actions: [{ do: 'changeSettings', settings: { network: { latencyMs: 70 } } }] }],
    };
    startLesson(lab, lesson);
    performStep(lab, lesson.steps[0] as Lesson['steps'][number]);
    const { settings, actions } = lab.getState();
    expect(settings.network.latencyMs).toBe(70);
    expect(actions.readShown((sim) => sim.now())).toBe(1000);
  });

  it('is checked by the schema and the checker, by path', async () => {
    const bad = await checkLesson({
      version: 2,
      ...base,
      steps: [{ text: 'x', actions: [{ do: 'changeSettings', settings: { network: { speed: 3 } } }] }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatch(/^steps\[0\]\.actions\[0\]\.settings\.network/);
    const refused = await checkLesson({
      version: 2,
      ...base,
      steps: [{ text: 'x', actions: [{ do: 'changeSettings', settings: { network: { latencyMs: -5 } } }] }],
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]).toMatch(/^steps\[0\]\.actions\[0\]: cannot run/);
  });

  it('keeps lesson files of format 1 valid', async () => {
    const old = await checkLesson({
      version: 1,
      ...base,
      steps: [{ text: 'x', actions: [{ do: 'configure', settings: { replication: { mode: 'sync' } } }] }],
    });
    expect(old.ok).toBe(true);
  });
});
