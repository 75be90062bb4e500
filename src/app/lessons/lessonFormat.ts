/**
 * Lesson files: a lesson as versioned JSON, `{ "version": 3, "id", "title", "summary", "scenario", "steps" }`,
 * the same model the built-in lessons use. Writing one needs nothing else (scripts/write-lesson-files.ts
 * uses it too); reading one is lessonCheck.ts's job.
 *
 * Versions: 1 had Next do every step's actions. 2 lets the learner do them in the lab by default
 * (`doneBy`, steps.ts) and adds predictions (`predict`). A version 1 file keeps its meaning: read, each
 * step with actions is Next's (upgradeLesson). 3 adds panel targets (`target.panel`) and conditions on
 * what happened during the step (`since: 'step'`); a version 2 file reads as it did.
 */
import type { Lesson } from './types.ts';

/** The lesson format this build writes (and the newest it reads). */
export const LESSON_VERSION = 3;

/** The fields of a step that format 2 added: a version 1 file cannot hold them. */
export const STEP_FIELDS_SINCE_2 = ['doneBy', 'predict'] as const;

/** Where format 3's additions sit in a step (an older file cannot hold them): paths under the step. */
export function fieldsSince3(step: object): (string | number)[][] {
  const found: (string | number)[][] = [];
  const target = (step as { target?: unknown }).target;
  if (typeof target === 'object' && target !== null && 'panel' in target) found.push(['target', 'panel']);
  // Nesting past any lesson's is the depth check's to name (lessonCheck.ts); looked at no deeper.
  const walk = (condition: unknown, path: (string | number)[]) => {
    if (typeof condition !== 'object' || condition === null || path.length > 12) return;
    if ('since' in condition) found.push([...path, 'since']);
    const all = (condition as { all?: unknown }).all;
    if (Array.isArray(all))
      all.forEach((c: unknown, i) => {
        walk(c, [...path, 'all', i]);
      });
  };
  walk((step as { condition?: unknown }).condition, ['condition']);
  return found;
}

/** A lesson read from a file of format `version`, in this build's meaning: version 1 steps are Next's. */
export function upgradeLesson(lesson: Lesson, version: number): Lesson {
  if (version >= 2) return lesson;
  return {
    ...lesson,
    steps: lesson.steps.map((step) => (step.actions === undefined ? step : { ...step, doneBy: 'next' })),
  };
}

/** The file's data: the lesson with its format version first. */
export function lessonFileData(lesson: Lesson): { readonly version: number } & Lesson {
  return { version: LESSON_VERSION, ...lesson };
}

/** The file's text, pretty printed. */
export function lessonFileText(lesson: Lesson): string {
  return `${JSON.stringify(lessonFileData(lesson), null, 2)}\n`;
}

/** `basics.lesson.json` */
export function lessonFileName(lesson: Lesson): string {
  return `${lesson.id}.lesson.json`;
}
