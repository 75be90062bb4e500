/**
 * `?lesson=ID&step=N` in a link: which lesson and step to open, or what is wrong with the link. A lesson of
 * the reader's own travels in the hash (`#l=`, lessonLink.ts); its `?step=N` is read here too.
 */
import { LESSONS, lessonById } from './lessons.ts';
import type { Lesson } from './types.ts';

export type LessonQuery =
  | { readonly kind: 'none' }
  | { readonly kind: 'lesson'; readonly lesson: Lesson; readonly index: number }
  | { readonly kind: 'problem'; readonly problem: string };

const KNOWN = LESSONS.map((l) => l.id).join(', ');

/** The step `?step=N` names in `lesson` (1-based, default 1), as a 0-based index, or what is wrong with it. */
export function stepQuery(search: string, lesson: Lesson): LessonQuery {
  const step = new URLSearchParams(search).get('step');
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

/** Reads the query string (`location.search`); `step` is 1-based and defaults to 1. */
export function parseLessonQuery(search: string): LessonQuery {
  const id = new URLSearchParams(search).get('lesson');
  if (id === null) return { kind: 'none' };
  const lesson = lessonById(id);
  if (lesson === undefined) {
    return {
      kind: 'problem',
      problem: `There is no lesson “${id.slice(0, 60)}”. The lessons are: ${KNOWN}.`,
    };
  }
  return stepQuery(search, lesson);
}

/**
 * The query string with the lesson and step set (or removed, with null), other options kept. A lesson of
 * the reader's own (`custom`) sets only the step: the lesson itself is in the hash.
 */
export function withLessonQuery(
  search: string,
  place: { lessonId: string; index: number; custom?: boolean } | null,
): string {
  const params = new URLSearchParams(search);
  if (place === null) {
    params.delete('lesson');
    params.delete('step');
  } else {
    if (place.custom === true) params.delete('lesson');
    else params.set('lesson', place.lessonId);
    params.set('step', String(place.index + 1));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
