/** `?lesson=ID&step=N` in a link: which lesson and step to open, or what is wrong with the link. */
import { LESSONS, lessonById } from './lessons.ts';
import type { Lesson } from './types.ts';

export type LessonQuery =
  | { readonly kind: 'none' }
  | { readonly kind: 'lesson'; readonly lesson: Lesson; readonly index: number }
  | { readonly kind: 'problem'; readonly problem: string };

const KNOWN = LESSONS.map((l) => l.id).join(', ');

/** Reads the query string (`location.search`); `step` is 1-based and defaults to 1. */
export function parseLessonQuery(search: string): LessonQuery {
  const params = new URLSearchParams(search);
  const id = params.get('lesson');
  const step = params.get('step');
  if (id === null) return { kind: 'none' };
  const lesson = lessonById(id);
  if (lesson === undefined) {
    return {
      kind: 'problem',
      problem: `There is no lesson “${id.slice(0, 60)}”. The lessons are: ${KNOWN}.`,
    };
  }
  if (step === null) return { kind: 'lesson', lesson, index: 0 };
  const n = /^\d{1,4}$/.test(step) ? Number(step) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > lesson.steps.length) {
    return {
      kind: 'problem',
      problem: `The lesson “${lesson.id}” has steps 1 to ${lesson.steps.length}; “${step.slice(0, 20)}” is not one of them.`,
    };
  }
  return { kind: 'lesson', lesson, index: n - 1 };
}

/** The query string with the lesson and step set (or removed, with null), other options kept. */
export function withLessonQuery(search: string, place: { lessonId: string; index: number } | null): string {
  const params = new URLSearchParams(search);
  if (place === null) {
    params.delete('lesson');
    params.delete('step');
  } else {
    params.set('lesson', place.lessonId);
    params.set('step', String(place.index + 1));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
