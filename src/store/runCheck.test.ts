import { describe, expect, it } from 'vitest';
import { MAX_NODES, presets } from '../engine/index.ts';
import { createLab } from './connectEngine.ts';
import { replayed } from './replayed.ts';
import { replayRun, type RunCommand, type RunRecord } from './run.ts';
import { validateRun } from './runCheck.ts';

const withCommands = (commands: readonly RunCommand[], time = 0): RunRecord => ({
  scenario: presets['master-slave'],
  commands,
  time,
});
const problemsOf = (run: unknown) => {
  const result = validateRun(run);
  return result.ok ? [] : result.problems;
};
const write = (key: string, value = 'v'): RunCommand => ({ at: 0, type: 'write', args: ['db1', key, value] });

describe('the run check, on keys and values', () => {
  it('takes a key of 200 characters and names a key of 201 by its argument', () => {
    expect(problemsOf(withCommands([write('k'.repeat(200))]))).toEqual([]);
    expect(problemsOf(withCommands([write('k'.repeat(201))]))).toEqual([
      'commands[0].args[1] (key): must be at most 200 characters (this one has 201)',
    ]);
  });

  it('refuses a megabyte value and an empty key, each by its path', () => {
    expect(
      problemsOf(
        withCommands([write('', 'v'), { at: 0, type: 'read', args: ['db1', 'k', { session: '' }] }]),
      ),
    ).toEqual([
      'commands[0].args[1] (key): must not be empty',
      expect.stringMatching(/^commands\[1\]\.args\[2\] \(options\)\.session: /),
    ]);
    expect(problemsOf(withCommands([write('k', 'x'.repeat(1024 * 1024))]))).toEqual([
      'commands[0].args[2] (value): must be at most 200 characters (this one has 1,048,576)',
    ]);
  });

  it('replays unicode and prototype member names as plain keys', () => {
    const run = withCommands(
      [write('__proto__', '1'), write('constructor', '2'), write('ключ 😀', '✓'), write('toString', '')],
      500,
    );
    const checked = validateRun(JSON.parse(JSON.stringify(run)));
    expect(checked.ok).toBe(true);
    const replayed = checked.ok ? replayRun(checked.value) : checked;
    expect(replayed.ok).toBe(true);
    if (!replayed.ok) return;
    expect(replayed.value.history().map((op) => [op.key, op.status])).toEqual([
      ['__proto__', 'ok'],
      ['constructor', 'ok'],
      ['ключ 😀', 'ok'],
      ['toString', 'ok'],
    ]);
  });

  it('names a resolve whose merged value is too long, and a partition of more groups than nodes', () => {
    expect(
      problemsOf(
        withCommands([
          { at: 0, type: 'resolve', args: ['db1', 'k', 'm'.repeat(201)] },
          { at: 0, type: 'partition', args: [Array.from({ length: MAX_NODES + 1 }, (_, i) => [`n${i}`])] },
        ]),
      ),
    ).toEqual([
      'commands[0].args[2] (value): must be at most 200 characters (this one has 201)',
      expect.stringMatching(/^commands\[1\]\.args\[0\]: /),
    ]);
  });
});

describe('a run that changes settings', () => {
  const configure = (options: unknown): RunCommand => ({ at: 100, type: 'configure', args: [options] });

  it('replays a change of mode and latency, and names an unknown setting by its path', () => {
    const run = withCommands([configure({ replication: { mode: 'sync' }, network: { latencyMs: 90 } })], 500);
    const checked = validateRun(JSON.parse(JSON.stringify(run)));
    const replayed = checked.ok ? replayRun(checked.value) : checked;
    expect(replayed.ok && replayed.value.snapshot().replication.mode).toBe('sync');
    expect(problemsOf(withCommands([configure({ failover: { ttl: 30 } })], 500))).toEqual([
      expect.stringMatching(/^commands\[0\]\.args\[0\]\.failover: Unrecognized key: "ttl"/),
    ]);
  });

  it('replays failover turned automatic, and a lag limit removed with null', () => {
    const run = withCommands(
      [
        configure({ failover: { mode: 'automatic', maxLagOnFailover: 4, fencing: true } }),
        { at: 200, type: 'configure', args: [{ failover: { maxLagOnFailover: null, heartbeatMs: 500 } }] },
      ],
      500,
    );
    const checked = validateRun(JSON.parse(JSON.stringify(run)));
    const replayed = checked.ok ? replayRun(checked.value) : checked;
    expect(replayed.ok && replayed.value.snapshot().failover).toEqual(
      expect.objectContaining({ mode: 'automatic', fencing: true, heartbeatMs: 500 }),
    );
    expect(replayed.ok && replayed.value.snapshot().failover).not.toHaveProperty('maxLagOnFailover');
    expect(problemsOf(withCommands([configure({ failover: { fencing: 'on' } })], 500))).toEqual([
      expect.stringMatching(/^commands\[0\]\.args\[0\]\.failover\.fencing: /),
    ]);
  });

  it('refuses a value the scenario format refuses, naming the setting, when replayed', () => {
    const replayed = replayRun(withCommands([configure({ replication: { syncCount: 0 } })], 500));
    expect(replayed.ok ? [] : replayed.problems).toEqual([expect.stringMatching(/replication\.syncCount: /)]);
  });
});

describe('a run that adds nodes', () => {
  const adds = (count: number): RunCommand[] =>
    Array.from({ length: count }, (_, i) => ({
      at: i,
      type: 'addNode',
      args: [{ id: `n${i}`, upstream: 'db1' }],
    }));

  it('stops at the scenario’s cap: 3,000 addNode commands are refused at the first one too many', () => {
    const run = withCommands(adds(3000), 3000);
    expect(validateRun(run).ok).toBe(true);
    const replayed = replayRun(run);
    expect(replayed.ok ? [] : replayed.problems).toEqual([
      `commands[${MAX_NODES - 3}]: addNode failed: the cluster already has 64 nodes, the most a scenario may have`,
    ]);
  });

  it('opens the preset with a report instead of a cluster past the cap', async () => {
    const lab = createLab({ preset: 'master-slave', playing: false, run: withCommands(adds(3000), 3000) });
    await replayed(lab);
    expect(lab.getState().snapshot.nodes).toHaveLength(3);
    expect(lab.getState().loadReport?.problems).toEqual([
      expect.stringMatching(/addNode failed: .*64 nodes/),
    ]);
  });

  it('replays adding and removing, whose count never passes the cap', () => {
    const commands = Array.from({ length: 200 }, (_, i): RunCommand =>
      i % 2 === 0
        ? { at: i, type: 'addNode', args: [{ id: `n${i}`, upstream: 'db1' }] }
        : { at: i, type: 'removeNode', args: [`n${i - 1}`] },
    );
    const replayed = replayRun(withCommands(commands, 200));
    expect(replayed.ok && replayed.value.nodes()).toHaveLength(3);
  });
});

describe('the instant a run shows (`at`)', () => {
  const run = withCommands([write('k')], 2000);
  const checked = (at: unknown) => validateRun({ ...run, at });

  it('takes any number of ms from 0, past the run’s end too (the lab then shows the end and says so)', () => {
    for (const at of [0, 750.5, 2000, 99_999_999])
      expect(checked(at)).toEqual({ ok: true, value: { ...run, at } });
  });

  it('is optional: a run without it shows its end, and says nothing about it', () => {
    expect(validateRun(run)).toStrictEqual({ ok: true, value: run });
  });

  it('drops a negative or non-numeric one, naming it, and keeps everything else of the run', () => {
    const cases: [unknown, string][] = [
      [-1, '-1'],
      [-0.5, '-0.5'],
      ['1500', 'a string'],
      [null, 'null'],
      [true, 'a boolean'],
      [[1500], 'a list'],
      [{ ms: 1500 }, 'an object'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
    ];
    for (const [at, kind] of cases) {
      expect(checked(at)).toStrictEqual({
        ok: true,
        value: run,
        ignored: [`at: must be a number of ms ≥ 0 (this one is ${kind}); the run opens at its end`],
      });
    }
  });

  it('is listed with the other problems of a run that is refused anyway', () => {
    expect(problemsOf({ ...withCommands([{ ...write('k'), at: 10 }], 5), at: -3 })).toEqual([
      'commands[0].at: later than time (5 ms)',
      'at: must be a number of ms ≥ 0 (this one is -3)',
    ]);
  });
});
