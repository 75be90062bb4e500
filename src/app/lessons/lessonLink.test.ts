import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { MAX_ENCODED_CHARS } from '../share/linkCodec.ts';
import { decodeLesson, encodeLesson, lessonHash, lessonParam, withLessonParam } from './lessonLink.ts';
import { stepQuery, withLessonQuery } from './lessonQuery.ts';
import { upgradeLesson } from './lessonFormat.ts';
import { LESSONS } from './lessons.ts';
import type { Lesson } from './types.ts';
import golden from './fixtures/v1-lesson-link.json';

const [basics] = LESSONS;
if (basics === undefined) throw new Error('no lessons');

describe('lesson links', () => {
  it('round-trips a lesson through the compressed and the plain codec', async () => {
    expect(encodeLesson(basics)).toMatch(/^v1z:[A-Za-z0-9+\-$]+$/);
    expect(await decodeLesson(encodeLesson(basics))).toEqual({ ok: true, value: basics });
    expect(await decodeLesson(encodeLesson(basics, 'v1j'))).toEqual({ ok: true, value: basics });
  });

  it('still opens a golden #l=v1z: link written by the first build that made them', async () => {
    const value = lessonParam(golden.link);
    if (value === null) throw new Error('the fixture holds no lesson');
    // A version 1 lesson keeps its meaning: Next does each step that has actions.
    expect(await decodeLesson(value)).toEqual({
      ok: true,
      value: upgradeLesson(golden.lesson as unknown as Lesson, 1),
    });
    const decoded = await decodeLesson(value);
    expect(
      decoded.ok && decoded.value.steps.filter((s) => s.actions !== undefined).map((s) => s.doneBy),
    ).toEqual(['next', 'next', 'next']);
  });

  it('finds the lesson in a hash beside a run, and replaces only it', () => {
    const hash = lessonHash(basics);
    expect(hash.startsWith('#l=v1z:')).toBe(true);
    expect(lessonParam(`#s=v1z:abc&${hash.slice(1)}`)).toBe(encodeLesson(basics));
    expect(lessonParam('#s=v1z:abc')).toBeNull();
    expect(lessonParam('#sl=x')).toBeNull();
    expect(withLessonParam('#s=v1z:abc', 'v1z:xyz')).toBe('#s=v1z:abc&l=v1z:xyz');
    expect(withLessonParam('#s=v1z:abc&l=v1z:old', 'v1z:xyz')).toBe('#s=v1z:abc&l=v1z:xyz');
    expect(withLessonParam('#l=v1z:old', null)).toBe('');
  });

  it('refuses a damaged, cut-off or oversized link, and one that is no lesson, by path', async () => {
    const value = encodeLesson(basics);
    expect(await decodeLesson(value.slice(0, value.length / 2))).toMatchObject({ ok: false });
    expect(await decodeLesson('v9q:abc')).toEqual({
      ok: false,
      problems: ['link: unknown format "v9q" (expected v1z or v1j)'],
    });
    expect(await decodeLesson(`v1z:${'A'.repeat(MAX_ENCODED_CHARS)}`)).toEqual({
      ok: false,
      problems: [`link: ${MAX_ENCODED_CHARS + 4} characters, more than the ${MAX_ENCODED_CHARS} allowed`],
    });
    const hostile = {
      version: 1,
      id: 'x',
      title: '<script>alert(1)</script>',
      summary: 'Hostile.',
      scenario: { preset: 'master-slave' },
      steps: [{ text: 'Kills a node that does not exist.', actions: [{ do: 'kill', node: 'db9' }] }],
    };
    const encoded = `v1z:${compressToEncodedURIComponent(JSON.stringify(hostile))}`;
    expect(await decodeLesson(encoded)).toEqual({
      ok: false,
      problems: [
        'title: contains markup (<script>); lessons are plain text, with *emphasis* and `code` only',
      ],
    });
  });

  it('opens a lesson of one’s own at ?step=N, and keeps the step in the query', () => {
    expect(stepQuery('?step=3', basics)).toEqual({ kind: 'lesson', lesson: basics, index: 2 });
    expect(stepQuery('?step=9', basics)).toEqual({
      kind: 'problem',
      problem: 'The lesson “basics” has steps 1 to 4; “9” is not one of them.',
    });
    expect(withLessonQuery('?lesson=lag&theme=dark', { lessonId: 'mine', index: 1, custom: true })).toBe(
      '?theme=dark&step=2',
    );
  });
});
