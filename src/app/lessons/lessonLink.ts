/**
 * Lesson links: a lesson of the reader's own in the URL hash as `#l=v1z:<lz-string>`, the lesson file's
 * JSON (`{ "version": 1, ... }`, lessonFormat.ts) compressed as a run link's is, with the same size caps;
 * opening one runs every check a lesson file gets (lessonCheck.ts). `?step=N` opens it at a step.
 */
import type { Checked } from '../../store/index.ts';
import {
  MAX_DECODED_CHARS,
  MAX_ENCODED_CHARS,
  decodeLinkText,
  encodeLinkText,
  parseLinkJson,
  type Codec,
} from '../share/linkText.ts';
import { lessonFileData } from './lessonFormat.ts';
export { lessonParam, withLessonParam } from './lessonHash.ts';
import type { LessonPlace } from './lessonStore.ts';
import type { Lesson } from './types.ts';

const encoded = new WeakMap<Lesson, string>();

/** The hash value (without `#l=`) for a lesson. */
export function encodeLesson(lesson: Lesson, codec: Codec = 'v1z'): string {
  if (codec !== 'v1z') return encodeLinkText(JSON.stringify(lessonFileData(lesson)), codec);
  let text = encoded.get(lesson);
  if (text === undefined) {
    text = encodeLinkText(JSON.stringify(lessonFileData(lesson)));
    encoded.set(lesson, text);
  }
  return text;
}

/** `#l=...` for a lesson. */
export function lessonHash(lesson: Lesson): string {
  return `#l=${encodeLesson(lesson)}`;
}

/** Decodes and checks the value of a link's `l` parameter. */
export async function decodeLesson(value: string): Promise<Checked<Lesson>> {
  const text = decodeLinkText(value);
  if (!text.ok) return text;
  const data = parseLinkJson(text.value);
  if (!data.ok) return data;
  const { checkLesson } = await import('./lessonCheck.ts');
  return checkLesson(data.value);
}

/**
 * The full lab (`/`) or the embed (`/embed`) at `origin` on `lesson` at the step of `place`: a built-in
 * lesson by `?lesson=ID`, one of the reader's own in `#l=`. `query` holds the view options (`?theme=dark`).
 */
export function lessonUrl(
  origin: string,
  path: '/' | '/embed',
  query: string,
  lesson: Lesson,
  place: Pick<LessonPlace, 'index' | 'custom'>,
): string {
  const params = new URLSearchParams(query);
  if (place.custom !== true) params.set('lesson', lesson.id);
  params.set('step', String(place.index + 1));
  return `${origin}${path}?${params.toString()}${place.custom === true ? lessonHash(lesson) : ''}`;
}

/** What would stop a lesson's link from opening (its size: the contents were checked when it opened). */
export function lessonLinkProblems(lesson: Lesson): readonly string[] {
  const json = JSON.stringify(lessonFileData(lesson)).length;
  const encodedChars = encodeLesson(lesson).length;
  if (json <= MAX_DECODED_CHARS && encodedChars <= MAX_ENCODED_CHARS) return [];
  return [
    `link: this lesson is too long for a link (${Math.max(json, encodedChars).toLocaleString('en-US')} characters; at most ${MAX_ENCODED_CHARS.toLocaleString('en-US')}): share its file instead (Export lesson)`,
  ];
}
