import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeRun } from '../app/share/linkCodec.ts';
import { measure } from '../engine/index.ts';
import { EXIT, cli, parseDuration, type Io } from './main.ts';

const SCENARIO = 'examples/async-failover.scenario.json';
const COMMANDS = 'examples/kill-the-master.commands.json';

/** Runs the command line on files from the repository and `extra` in-memory files; what it printed. */
function run(argv: string[], extra: Record<string, string> = {}, progress: number[] | null = null) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    readFile: (path) => {
      if (path in extra) return extra[path] ?? '';
      return readFileSync(path, 'utf8');
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    progress: progress === null ? null : (f) => progress.push(f),
  };
  const code = cli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('replication-lab run', () => {
  it('prints the figures, the failover, and the anomalies of the scenario under its commands', () => {
    const { code, out, err } = run(['run', SCENARIO, '--commands', COMMANDS, '--until', '30s']);
    expect(err).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(out).toContain(
      '"Async master and two slaves, automatic failover" · 3 nodes · seed 7 · 30.00 s simulated',
    );
    expect(out).toMatch(/Failovers \(1\)\n.*\n {2}10\.00 s {2}db1 → db\d {2}automatic/);
    expect(out).toMatch(/Anomalies \(\d+\)/);
  });

  it('prints what the engine measures: JSON equal to measure() of the same run', () => {
    const { code, out } = run(['run', SCENARIO, '--commands', COMMANDS, '--until', '20s', '--json']);
    expect(code).toBe(EXIT.ok);
    const printed = JSON.parse(out) as { figures: unknown; failovers: unknown[]; durationMs: number };
    const side = measure(JSON.parse(readFileSync(SCENARIO, 'utf8')), {
      commands: JSON.parse(readFileSync(COMMANDS, 'utf8')) as never,
      durationMs: 20_000,
    });
    expect(printed.durationMs).toBe(20_000);
    expect(printed.figures).toEqual(JSON.parse(JSON.stringify(side.figures)));
    expect(printed.failovers).toEqual(JSON.parse(JSON.stringify(side.simulation.failovers())));
  });

  it('takes the seed from --seed: another seed, another run', () => {
    const a = run(['run', SCENARIO, '--commands', COMMANDS, '--until', '12s', '--json']).out;
    const same = run([
      'run',
      SCENARIO,
      '--commands',
      COMMANDS,
      '--until',
      '12s',
      '--json',
      '--seed',
      '7',
    ]).out;
    const other = run([
      'run',
      SCENARIO,
      '--commands',
      COMMANDS,
      '--until',
      '12s',
      '--json',
      '--seed',
      '8',
    ]).out;
    expect(same).toBe(a);
    expect(other).not.toBe(a);
  });

  it('reports progress to a terminal, up to the end', () => {
    const progress: number[] = [];
    run(['run', SCENARIO, '--until', '2s'], {}, progress);
    expect(progress.length).toBe(20);
    expect(progress.at(-1)).toBe(1);
  });
});

describe('replication-lab check', () => {
  const sync = JSON.stringify({
    ...(JSON.parse(readFileSync(SCENARIO, 'utf8')) as object),
    replication: { mode: 'sync' },
  });

  it('exits 1 and names the forbidden anomalies an async failover leaves', () => {
    // The master cut off from its slaves keeps acknowledging writes, then dies: they never had them.
    const { code, out } = run([
      'check',
      SCENARIO,
      '--commands',
      COMMANDS,
      '--forbid',
      'lost-write',
      '--until',
      '15s',
    ]);
    expect(code).toBe(EXIT.forbidden);
    expect(out).toMatch(/FAIL: \d+ forbidden \(lost-write\)\./);
  });

  it('exits 0 when synchronous replication loses no acknowledged write', () => {
    const { code, out } = run(
      [
        'check',
        'sync.json',
        '--commands',
        COMMANDS,
        '--forbid',
        'lost-write,split-brain',
        '--until',
        '15s',
        '--json',
      ],
      { 'sync.json': sync },
    );
    expect(code).toBe(EXIT.ok);
    expect((JSON.parse(out) as { check: { passed: boolean } }).check.passed).toBe(true);
  });
});

describe('replication-lab link', () => {
  it('prints a link whose run replays the scenario and its commands', () => {
    const { code, out } = run([
      'link',
      SCENARIO,
      '--commands',
      COMMANDS,
      '--until',
      '15s',
      '--base',
      'https://docs.example/lab/',
    ]);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/^https:\/\/docs\.example\/lab\/#s=v1z:/);
    const decoded = decodeRun(out.slice(out.indexOf('#s=') + 3));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.time).toBe(15_000);
    expect(decoded.value.commands.map((c) => c.type)).toEqual(['startWorkload', 'partition', 'kill']);
    // Roles resolved to the ids they named then.
    expect(decoded.value.commands[2]?.args).toEqual(['db1']);
  });
});

describe('bad input: one line naming the problem, exit 2', () => {
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['a missing file', ['run', 'nope.json'], {}, /^replication-lab: scenario nope\.json: no such file$/],
    [
      'invalid JSON',
      ['run', 'bad.json'],
      { 'bad.json': '{' },
      /^replication-lab: scenario bad\.json: not valid JSON/,
    ],
    [
      'a scenario that fails validation, by path',
      ['run', 'bad.json'],
      { 'bad.json': '{"nodes":[{"id":"a","role":"boss"}]}' },
      /^replication-lab: scenario bad\.json: nodes\[0\]\.role: /,
    ],
    [
      'a command file that fails validation, by path',
      ['run', SCENARIO, '--commands', 'c.json'],
      { 'c.json': '[{"at":-1,"type":"kill","args":["db1"]}]' },
      /^replication-lab: commands c\.json: commands\[0\]\.at: /,
    ],
    ['an unknown flag', ['run', SCENARIO, '--frob'], {}, /^replication-lab: Unknown option '--frob'$/],
    ['an unknown command', ['walk', SCENARIO], {}, /^replication-lab: unknown command "walk"/],
    ['no scenario', ['run'], {}, /^replication-lab: run: which scenario\?/],
    [
      'a bad duration',
      ['run', SCENARIO, '--until', 'soon'],
      {},
      /^replication-lab: --until: "soon" is not a duration/,
    ],
    [
      'a bad seed',
      ['run', SCENARIO, '--seed', '1.5'],
      {},
      /^replication-lab: --seed: "1.5" is not a whole number/,
    ],
    [
      'check without --forbid',
      ['check', SCENARIO],
      {},
      /^replication-lab: check: which anomalies to forbid\?/,
    ],
    [
      'an unknown anomaly kind',
      ['check', SCENARIO, '--forbid', 'typo'],
      {},
      /^replication-lab: --forbid: unknown anomaly kind typo/,
    ],
  ];
  it.each(cases)('%s', (_name, argv, files, message) => {
    const { code, out, err } = run(argv, files);
    expect(code).toBe(EXIT.badInput);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
  });

  it('prints the stack only with --debug', () => {
    const { err } = run(['run', 'nope.json', '--debug']);
    expect(err.split('\n').length).toBeGreaterThan(1);
    expect(err).toContain('at ');
  });
});

describe('parseDuration', () => {
  it('reads ms, s, m and h', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('60s')).toBe(60_000);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('2500')).toBe(2500);
  });
});
