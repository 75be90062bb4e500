/**
 * Lesson files: a lesson as versioned JSON, `{ "version": 2, "id", "title", "summary", "scenario", "steps" }`,
 * the same model the built-in lessons use. Writing one needs nothing else (scripts/write-lesson-files.ts
 * uses it too); reading one is lessonCheck.ts's job.
 *
 * Versions: 1 had Next do every step's actions. 2 lets the learner do them in the lab by default
 * (`doneBy`, steps.ts) and adds predictions (`predict`). A version 1 file keeps its meaning: read, each
 * step with actions is Next's (upgradeLesson).
 */
import type { Lesson } from './types.ts';

/** The lesson format this build writes (and the newest it reads). */
export const LESSON_VERSION = 2;

/** The fields of a step that format 2 added: a version 1 file cannot hold them. */
export const STEP_FIELDS_SINCE_2 = ['doneBy', 'predict'] as const;

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
