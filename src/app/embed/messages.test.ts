import { describe, expect, it } from 'vitest';
import { presets } from '../../engine/index.ts';
import type { OperationRecord } from '../../engine/index.ts';
import {
  allowedOrigins,
  envelope,
  isAllowed,
  lessonNews,
  parseHostMessage,
  writeResult,
} from './messages.ts';

const to = (message: object) => ({ target: 'replication-lab', v: 1, ...message });

describe('messages from the host page', () => {
  it('accepts play, pause and step, echoing the id', () => {
    expect(parseHostMessage(to({ type: 'play', id: 7 }))).toEqual({
      kind: 'command',
      id: 7,
      command: { type: 'play' },
    });
    expect(parseHostMessage(to({ type: 'pause' }))).toEqual({ kind: 'command', command: { type: 'pause' } });
    expect(parseHostMessage(to({ type: 'step', id: 'a' }))).toEqual({
      kind: 'command',
      id: 'a',
      command: { type: 'step' },
    });
  });

  it('accepts a seek to an instant in simulated ms, from 0, past the run’s end too', () => {
    expect(parseHostMessage(to({ type: 'seek', time: 1234.5, id: 's1' }))).toEqual({
      kind: 'command',
      id: 's1',
      command: { type: 'seek', time: 1234.5 },
    });
    for (const time of [0, 3_600_000, 1e12]) {
      expect(parseHostMessage(to({ type: 'seek', time }))).toEqual({
        kind: 'command',
        command: { type: 'seek', time },
      });
    }
  });

  it('refuses a seek to no instant, naming what is wrong with its time', () => {
    const cases: [object, string][] = [
      [{ time: -1 }, 'time: must be a number of ms ≥ 0 (this one is -1)'],
      [{ time: Number.NaN }, 'time: must be a number of ms ≥ 0 (this one is NaN)'],
      [{ time: Number.POSITIVE_INFINITY }, 'time: must be a number of ms ≥ 0 (this one is Infinity)'],
      [{ time: '1500' }, 'time: must be a number of ms ≥ 0 (this one is a string)'],
      [{ time: null }, 'time: must be a number of ms ≥ 0 (this one is null)'],
      [{}, 'time: must be a number of ms ≥ 0 (it is missing)'],
    ];
    for (const [fields, problem] of cases) {
      expect(parseHostMessage(to({ type: 'seek', id: 9, ...fields }))).toEqual({
        kind: 'invalid',
        id: 9,
        problems: [problem],
      });
    }
    expect(parseHostMessage(to({ type: 'seek', time: 5, at: 5 }))).toMatchObject({
      kind: 'invalid',
      problems: [expect.stringMatching(/Unrecognized key: "at"/)],
    });
  });

  it('accepts a write to inject, with or without a node', () => {
    expect(parseHostMessage(to({ type: 'inject-write', key: 'balance', value: '100' }))).toEqual({
      kind: 'command',
      command: { type: 'inject-write', key: 'balance', value: '100' },
    });
    expect(parseHostMessage(to({ type: 'inject-write', node: 'db2', key: 'k', value: '' }))).toMatchObject({
      command: { node: 'db2' },
    });
  });

  it('takes the keys and values the Write form takes, and refuses the rest by field', () => {
    const problems = (message: object) => {
      const result = parseHostMessage(to({ type: 'inject-write', ...message }));
      return result.kind === 'invalid' ? result.problems : [];
    };
    expect(problems({ key: 'k'.repeat(200), value: '😀'.repeat(200) })).toEqual([]);
    expect(problems({ key: '__proto__', value: 'constructor' })).toEqual([]);
    expect(problems({ key: 'k'.repeat(201), value: '' })).toEqual([
      'key: must be at most 200 characters (this one has 201)',
    ]);
    expect(problems({ key: '', value: 'v'.repeat(1024 * 1024) })).toEqual([
      'key: must not be empty',
      'value: must be at most 200 characters (this one has 1,048,576)',
    ]);
    expect(problems({ node: 'db 1', key: 'k', value: 'v' })).toEqual([
      'node: may contain only letters, digits, ".", "_" and "-"',
    ]);
  });

  it('loads a scenario that passes the engine’s schema as a run at time 0', () => {
    const scenario = presets.cascading;
    expect(parseHostMessage(to({ type: 'load-scenario', scenario }))).toEqual({
      kind: 'command',
      command: { type: 'load-scenario', run: { scenario, commands: [], time: 0 } },
    });
  });

  it('rejects an invalid scenario with the problems by path', () => {
    const scenario = { nodes: [{ id: 'db1', role: 'replica' }], network: { latencyMs: -5 } };
    expect(parseHostMessage(to({ type: 'load-scenario', id: 3, scenario }))).toEqual({
      kind: 'invalid',
      id: 3,
      problems: [expect.stringMatching(/^scenario\.network\.latencyMs: /)],
    });
  });

  it('names what is wrong with a malformed message addressed to the embed', () => {
    const result = parseHostMessage(to({ type: 'inject-write', key: 5, extra: true, id: 'w1' }));
    expect(result).toMatchObject({ kind: 'invalid', id: 'w1' });
    expect(result.kind === 'invalid' ? result.problems : []).toEqual(
      expect.arrayContaining([expect.stringMatching(/^key: /), expect.stringMatching(/^value: /)]),
    );
    expect(parseHostMessage(to({ type: 'self-destruct' })).kind).toBe('invalid');
    expect(parseHostMessage({ target: 'replication-lab', v: 2, type: 'play' }).kind).toBe('invalid');
  });

  it('ignores messages meant for someone else', () => {
    for (const data of [null, 'play', 42, [], { type: 'play' }, { target: 'other-widget', type: 'play' }]) {
      expect(parseHostMessage(data)).toEqual({ kind: 'foreign' });
    }
  });
});

describe('who may drive the embed', () => {
  it('is the listed origins when there are any, else the framing page’s origin', () => {
    expect(allowedOrigins(['https://docs.example.com'], 'https://evil.test/page')).toEqual([
      'https://docs.example.com',
    ]);
    expect(allowedOrigins(undefined, 'https://docs.example.com/guide/replication?x=1')).toEqual([
      'https://docs.example.com',
    ]);
    expect(allowedOrigins(undefined, '')).toEqual([]);
    expect(allowedOrigins(undefined, 'about:blank')).toEqual([]);
  });

  it('is nobody when ?origin= listed no valid origin: it never falls back to the framing page', () => {
    expect(allowedOrigins([], 'https://evil.test/page')).toEqual([]);
  });

  it('compares origins exactly', () => {
    const allowed = ['https://docs.example.com'];
    expect(isAllowed('https://docs.example.com', allowed)).toBe(true);
    expect(isAllowed('https://docs.example.com.evil.test', allowed)).toBe(false);
    expect(isAllowed('http://docs.example.com', allowed)).toBe(false);
    expect(isAllowed('null', allowed)).toBe(false);
  });

  it('signs what it sends', () => {
    expect(envelope({ type: 'resize', height: 400 })).toEqual({
      source: 'replication-lab',
      v: 1,
      type: 'resize',
      height: 400,
    });
  });
});

describe('the result of an injected write', () => {
  const issued: OperationRecord = {
    id: 4,
    kind: 'write',
    nodeId: 'db1',
    key: 'k',
    value: 'v',
    status: 'pending',
    startedAt: 10,
  };

  it('says how it ended, with the error when it failed', () => {
    expect(writeResult(7, issued, { ...issued, status: 'ok', endedAt: 12.5 })).toEqual({
      type: 'result',
      id: 7,
      command: 'inject-write',
      opId: 4,
      node: 'db1',
      key: 'k',
      status: 'ok',
      time: 12.5,
    });
    const failed = { ...issued, status: 'failed' as const, error: 'db1 is down: connection refused' };
    expect(writeResult(undefined, issued, failed)).toMatchObject({
      status: 'failed',
      error: 'db1 is down: connection refused',
    });
    expect(writeResult(undefined, issued, failed)).not.toHaveProperty('id');
  });

  it('says it was discarded when the lab started over before it completed', () => {
    const result = writeResult('w', issued, null);
    expect(result).toMatchObject({ id: 'w', opId: 4, status: 'discarded' });
    expect('error' in result ? result.error : '').toMatch(/started over/);
  });
});

/** A lab with built-in lesson `id` to play, and what its host would hear. */
async function hearLesson(id: string) {
  const { createLab } = await import('../../store/index.ts');
  const { lessonMoves, lessonStoreFor } = await import('../lessons/lessonState.ts');
  const { lessonById } = await import('../lessons/lessons.ts');
  const lesson = lessonById(id);
  if (lesson === undefined) throw new Error(id);
  const lab = createLab({ preset: 'master-slave', playing: false });
  const store = lessonStoreFor(lab);
  const heard: unknown[] = [];
  store.subscribe((state, previous) => {
    const news = lessonNews(state, previous);
    if (news !== null) heard.push(envelope(news));
  });
  return { lab, lesson, store, moves: lessonMoves(lab, store), heard };
}

describe('lesson-step messages', () => {
  it('tell the host each step reached and the lesson finished, not Next performing a step', async () => {
    const { nextState } = await import('../lessons/lessonState.ts');
    const { lab, lesson, store, moves, heard } = await hearLesson('basics');
    // Next, or Show me where the step is the learner's to do.
    const on = () => {
      const place = store.getState().open;
      if (place !== null && nextState(lab, lesson, place).kind === 'act') moves.showMe();
      else moves.next();
    };
    moves.start(lesson);
    on();
    on();
    moves.back();
    on();
    on();
    while (store.getState().open !== null) on();
    const step = (n: number, finished = false) => ({
      source: 'replication-lab',
      v: 1,
      type: 'lesson-step',
      lesson: 'basics',
      step: n,
      finished,
    });
    expect(heard).toEqual([step(1), step(2), step(3), step(2), step(3), step(4), step(4, true)]);
    // Next performing a step whose condition needs time changes the place, not the step: nothing to tell.
    const place = { lessonId: 'basics', index: 2, furthest: 2, performed: null };
    const before = { open: place, left: null, problem: null };
    expect(lessonNews({ ...before, open: { ...place, performed: 2 } }, before)).toBeNull();
    const next = lessonNews({ ...before, open: { ...place, index: 3, furthest: 3 } }, before);
    expect(next === null ? null : envelope(next)).toEqual(step(4));
  });
});

describe('lesson-step messages for predictions', () => {
  it('tell the host the answer, counted from 1, and whether it is right', async () => {
    const { lesson, moves, heard } = await hearLesson('master-down');
    moves.start(lesson);
    moves.showMe();
    moves.answer(1);
    moves.next();
    const base = {
      source: 'replication-lab',
      v: 1,
      type: 'lesson-step',
      lesson: 'master-down',
      finished: false,
    };
    expect(heard).toEqual([
      { ...base, step: 1 },
      { ...base, step: 2 },
      { ...base, step: 2, answer: 2, correct: true },
      { ...base, step: 3 },
    ]);
  });
});
