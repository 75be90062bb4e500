/**
 * Lesson files: a lesson as versioned JSON, `{ "version": 1, "id", "title", "summary", "scenario", "steps" }`,
 * the same model the built-in lessons use. Writing one needs nothing else (scripts/write-lesson-files.ts
 * uses it too); reading one is lessonCheck.ts's job.
 */
import type { Lesson } from './types.ts';

/** The lesson format this build writes and reads. */
export const LESSON_VERSION = 1;

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
