/**
 * Opening a lesson of the reader's own, from a file or a `#l=` link: checked first (lessonCheck.ts, on a
 * lab of its own), then played from its first step (or the link's `?step=`). A lesson refused leaves the
 * lab as it was, with every problem in the banner.
 */
import type { Checked, LabStore } from '../../store/index.ts';
import { lessonStoreFor } from './lessonStore.ts';
import { lessonMoves } from './lessonState.ts';
import type { Lesson } from './types.ts';

/** Plays a checked lesson at step `index` (0-based), or lists its problems under `title`. */
export function openCheckedLesson(
  lab: LabStore,
  checked: Checked<Lesson>,
  title: string,
  index = 0,
): boolean {
  const { actions } = lab.getState();
  if (!checked.ok) {
    actions.showLoadReport({ title, problems: checked.problems });
    return false;
  }
  actions.showLoadReport(null);
  lessonMoves(lab, lessonStoreFor(lab)).start(checked.value, index, true);
  return true;
}

/** Reads, checks and plays a lesson file. */
export async function openLessonFile(lab: LabStore, file: File): Promise<boolean> {
  const [text, { parseLessonFile }] = await Promise.all([file.text(), import('./lessonCheck.ts')]);
  const checked = await parseLessonFile(text);
  return openCheckedLesson(
    lab,
    checked,
    `${file.name} is not a lesson the lab can play; the lab kept its run.`,
  );
}
