/** Export lesson: saves a lesson as its versioned file (the lesson panel's and the editor's button). */
import { download } from '../export/download.ts';
import { lessonFileName, lessonFileText } from './lessonFormat.ts';
import type { Lesson } from './types.ts';

export function downloadLesson(lesson: Lesson): void {
  download(new Blob([lessonFileText(lesson)], { type: 'application/json' }), lessonFileName(lesson));
}
