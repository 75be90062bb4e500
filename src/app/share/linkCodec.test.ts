import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { presets } from '../../engine/index.ts';
import { createLab, timelineEnd } from '../../store/index.ts';
import { replayed } from '../../store/replayed.ts';
import type { RunRecord } from '../../store/index.ts';
import { MAX_FILE_CHARS, fileProblems, parseRunFile, runFileText } from './scenarioFile.ts';
import {
  LINK_VERSION,
  MAX_DECODED_CHARS,
  MAX_ENCODED_CHARS,
  decodeRun,
  encodeRun,
  linkProblems,
  linkReport,
  migrate,
  runHash,
  runParam,
} from './linkCodec.ts';
import v1 from './fixtures/v1-links.json';

const run: RunRecord = {
  scenario: { ...presets['master-slave'], seed: 42, network: { latencyMs: 150, jitterMs: 30 } },
  preset: 'master-slave',
  commands: [
    {
      at: 0,
      type: 'startWorkload',
      args: [{ writesPerSec: 3, readsPerSec: 2, keys: 10, readRouting: 'replicas' }],
    },
    { at: 512.25, type: 'write', args: ['db1', '<img src=x onerror=alert(1)>', 'ünïcødé ✓'] },
    { at: 900, type: 'kill', args: ['db1'] },
  ],
  time: 1500.5,
};

const lz = (payload: unknown) => `v1z:${compressToEncodedURIComponent(JSON.stringify(payload))}`;
const problemsOf = (encoded: string) => {
  const result = decodeRun(encoded);
  return result.ok ? [] : result.problems;
};

describe('share link codec', () => {
  it('round-trips a run through the compressed and the plain codec', () => {
    expect(decodeRun(encodeRun(run))).toEqual({ ok: true, value: run });
    expect(decodeRun(encodeRun(run, 'v1j'))).toEqual({ ok: true, value: run });
    expect(encodeRun(run)).toMatch(/^v1z:[A-Za-z0-9+\-$]+$/);
  });

  it('finds the run in a hash among other parameters', () => {
    const hash = runHash(run);
    expect(hash.startsWith('#s=v1z:')).toBe(true);
    expect(runParam(`${hash}&other=1`)).toBe(encodeRun(run));
    expect(runParam('#nothing')).toBeNull();
  });

  it('rejects a truncated link instead of throwing', () => {
    const encoded = encodeRun(run);
    // (Dropping only the last character can lose nothing but padding bits, so cut more.)
    for (const cut of [encoded.length - 3, Math.floor(encoded.length / 2), 6]) {
      expect(problemsOf(encoded.slice(0, cut)).length).toBeGreaterThan(0);
    }
    expect(problemsOf('v1z:')).toEqual(['link: the compressed data is damaged or cut off']);
    expect(problemsOf('v1j:%E0%A4%A')).toEqual(['link: the data is not valid percent-encoding']);
    expect(problemsOf('v1j:{"v":1,')).toEqual(['link: the data is not valid JSON (the link may be cut off)']);
    expect(problemsOf('nonsense')).toEqual(['link: missing the format prefix (v1z:)']);
    expect(problemsOf('v9q:abc')).toEqual(['link: unknown format "v9q" (expected v1z or v1j)']);
  });

  it('caps the encoded and the decompressed size', () => {
    expect(problemsOf(`v1z:${'A'.repeat(MAX_ENCODED_CHARS)}`)).toEqual([
      expect.stringMatching(/^link: 200004 characters, more than the 200000 allowed/),
    ]);
    // Highly repetitive data compresses far below the encoded cap but expands past the decoded one.
    const bomb = lz({ v: 1, padding: 'x'.repeat(MAX_DECODED_CHARS) });
    expect(bomb.length).toBeLessThan(MAX_ENCODED_CHARS);
    expect(problemsOf(bomb)).toEqual([
      expect.stringMatching(/^link: the data is \d+ characters, more than the 262144 allowed/),
    ]);
  });

  it('lists every problem by its path', () => {
    const bad = {
      v: 1,
      scenario: {
        nodes: [
          { id: 'db1', role: 'primary' },
          { id: 'db2', role: 'replica', upstream: 'db7' },
        ],
        seed: -1,
      },
      commands: [{ at: 10, type: 'write', args: ['db1', 'k'] }],
      time: 5,
    };
    expect(problemsOf(lz(bad))).toEqual([
      expect.stringMatching(/^scenario\.seed: /),
      expect.stringMatching(/^commands\[0\]\.args/),
      'commands[0].at: later than time (5 ms)',
    ]);
    expect(problemsOf(lz({ v: 1, scenario: {}, commands: 'all of them' }))).toEqual([
      expect.stringMatching(/^commands: /),
      expect.stringMatching(/^time: /),
    ]);
    expect(problemsOf(lz([1, 2]))).toEqual(['(root): expected an object']);
  });

  it('checks the topology with the engine’s own rules', () => {
    const cyclic = {
      v: 1,
      scenario: { nodes: [{ id: 'a', role: 'replica', upstream: 'a' }] },
      commands: [],
      time: 0,
    };
    expect(problemsOf(lz(cyclic))).toEqual(
      expect.arrayContaining([
        'scenario.nodes[0].upstream: a node cannot replicate from itself',
        'scenario.nodes: needs at least one primary',
      ]),
    );
  });
});

describe('the instant a link shows (`at`)', () => {
  const past: RunRecord = { ...run, at: 700.25 };
  const decodedWith = (at: unknown) => decodeRun(lz({ v: LINK_VERSION, ...run, at }));

  it('round-trips through both codecs and a scenario file', () => {
    expect(decodeRun(encodeRun(past))).toStrictEqual({ ok: true, value: past });
    expect(decodeRun(encodeRun(past, 'v1j'))).toStrictEqual({ ok: true, value: past });
    expect(parseRunFile(runFileText(past))).toStrictEqual({ ok: true, value: past });
    expect(linkProblems(past)).toEqual([]);
    expect(fileProblems(past)).toEqual([]);
  });

  it('keeps one past the run’s end (the lab shows the end, and says so)', () => {
    expect(decodedWith(99_000)).toStrictEqual({ ok: true, value: { ...run, at: 99_000 } });
  });

  it('drops a negative or non-numeric one with a problem naming it; the rest of the link opens', () => {
    for (const [at, kind] of [
      [-1, '-1'],
      ['700', 'a string'],
      [null, 'null'],
      [{}, 'an object'],
    ] as const) {
      expect(decodedWith(at)).toStrictEqual({
        ok: true,
        value: run,
        ignored: [`at: must be a number of ms ≥ 0 (this one is ${kind}); the run opens at its end`],
      });
    }
    const file = JSON.stringify({ v: LINK_VERSION, ...run, at: -5 });
    expect(parseRunFile(file)).toMatchObject({ ok: true, value: run, ignored: [/^at: /] });
  });

  it('has its problem listed in the banner with the ignored view options', () => {
    expect(linkReport(decodedWith(-1), ['?speed: too fast'])).toEqual({
      title: 'Some options in this link were ignored.',
      problems: [
        'at: must be a number of ms ≥ 0 (this one is -1); the run opens at its end',
        '?speed: too fast',
      ],
    });
    expect(linkReport(decodedWith(10), [])).toBeNull();
  });
});

describe('link versions', () => {
  it('says so when a link comes from a newer version, and when it has none', () => {
    expect(problemsOf(lz({ ...run, v: 3 }))).toEqual([
      'v: this link was made by a newer Replication Lab (format 3); this one reads formats up to 2',
    ]);
    expect(problemsOf(lz(run))).toEqual(['v: missing or not a format version (a whole number from 1)']);
  });

  it('opens a link and a file that the format-1 build wrote (a golden fixture) as the run they held', () => {
    const written = v1.run as RunRecord;
    expect(decodeRun(v1.v1z)).toStrictEqual({ ok: true, value: written });
    expect(decodeRun(v1.v1j)).toStrictEqual({ ok: true, value: written });
    expect(parseRunFile(v1.file)).toStrictEqual({ ok: true, value: written });
  });

  it('writes format 2, and reads a format-1 payload as the same run (format 2 only added `at`)', () => {
    expect(LINK_VERSION).toBe(2);
    expect(JSON.parse(runFileText(run))).toMatchObject({ v: 2 });
    expect(decodeRun(lz({ v: 1, ...run }))).toStrictEqual({ ok: true, value: run });
    expect(decodeRun(lz({ v: 2, ...run }))).toStrictEqual({ ok: true, value: run });
  });

  it('runs the migration chain from an old version to the latest', () => {
    // A made-up three-version history, to check the chain itself (the real format has only v1).
    const migrations = {
      1: (p: Record<string, unknown>) => ({ ...p, renamed: p.old }),
      2: (p: Record<string, unknown>) => ({ ...p, doubled: Number(p.renamed) * 2 }),
    };
    expect(migrate({ v: 1, old: 4 }, migrations, 3)).toEqual({
      ok: true,
      value: { v: 3, old: 4, renamed: 4, doubled: 8 },
    });
    expect(migrate({ v: 1 }, {}, 2)).toEqual({ ok: false, problems: ['v: no migration from format 1'] });
  });
});

describe('the banner for a link', () => {
  it('says the default opened when the run was bad, and lists ignored options too', () => {
    expect(linkReport({ ok: false, problems: ['time: bad'] }, ['?theme: x'])).toEqual({
      title: 'This link could not be opened, so the default scenario opened instead.',
      problems: ['time: bad', '?theme: x'],
    });
    expect(linkReport(null, [])).toBeNull();
    expect(linkReport(null, ['?speed: too fast'])?.title).toBe('Some options in this link were ignored.');
  });
});

describe('a run the lab made, before it becomes a link', () => {
  it('has no problems when its link opens', () => {
    expect(linkProblems(run)).toEqual([]);
    expect(fileProblems(run)).toEqual([]);
  });

  it('is too long for a link after enough writes at the field limits, yet fits in a file', () => {
    const lab = createLab({ preset: 'master-slave', playing: false });
    const { actions } = lab.getState();
    // Keys and values that do not compress (a simple generator's digits), at the 200-character limit.
    let seed = 7;
    const noise = () =>
      Array.from({ length: 200 }, () => {
        seed = (seed * 48271) % 2147483647;
        return (seed % 36).toString(36);
      }).join('');
    for (let i = 0; i < 800; i++) {
      expect(actions.write('db1', noise(), noise())).not.toBeNull();
      actions.tick(1);
    }
    const made = actions.currentRun();
    expect(linkProblems(made)).toEqual([
      expect.stringMatching(/^link: (the data is )?\d+ characters, more than the \d+ allowed/),
    ]);
    expect(fileProblems(made)).toEqual([]);
    expect(runFileText(made).length).toBeLessThan(MAX_FILE_CHARS);
    expect(parseRunFile(runFileText(made))).toMatchObject({ ok: true });
  }, 30_000); // thousands of writes at the field limits, encoded: seconds under load

  it('names what the run check would refuse: a run longer than an hour', () => {
    const long = { ...run, time: 3_600_001 };
    expect(linkProblems(long)).toEqual(['time: must be at most 3600000 ms (one hour of simulated time)']);
    expect(fileProblems(long)).toEqual(linkProblems(long));
  });
});

describe('a link made while the lab shows the past', () => {
  /** A lab that ran 3 s of workload, then was taken back to 1234.5 ms. */
  const inThePast = () => {
    const lab = createLab({ preset: 'master-slave', playing: false });
    const { actions } = lab.getState();
    actions.startWorkload({ writesPerSec: 5, readsPerSec: 2 });
    actions.tick(3000);
    actions.seek(1234.5);
    return lab;
  };

  it('carries the instant shown, and reopens there, paused, showing what the lab showed', async () => {
    const lab = inThePast();
    const made = lab.getState().actions.currentRun();
    expect(made).toMatchObject({ time: 3000, at: 1234.5 });
    const decoded = decodeRun(encodeRun(made));
    expect(decoded).toStrictEqual({ ok: true, value: made });
    if (!decoded.ok) return;

    const reopened = createLab({ preset: 'master-slave', playing: true, run: decoded.value });
    await replayed(reopened);
    const state = reopened.getState();
    expect(state.simTime).toBe(1234.5);
    expect(state.timeline.live).toBe(false);
    expect(timelineEnd(state)).toBe(3000);
    expect(state.playing).toBe(false);
    expect(state.snapshot.nodes).toEqual(lab.getState().snapshot.nodes);
    expect(state.snapshot.metrics).toEqual(lab.getState().snapshot.metrics);
    expect(state.actions.currentRun()).toStrictEqual(made);
  });

  it('opens at the run’s end, saying so, when its instant is past the end', async () => {
    const made = inThePast().getState().actions.currentRun();
    const reopened = createLab({ preset: 'master-slave', playing: false, run: { ...made, at: 9000 } });
    await replayed(reopened);
    const state = reopened.getState();
    expect(state.timeline.live).toBe(true);
    expect(state.simTime).toBe(3000);
    expect(state.status).toEqual({
      tone: 'info',
      text: "9.00 s is past the run's end: showing its end, 3.00 s.",
    });
    const atItsEnd: Record<string, unknown> = { ...made };
    delete atItsEnd.at;
    expect(state.actions.currentRun()).toStrictEqual(atItsEnd);
  });
});
