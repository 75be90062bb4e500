/**
 * The address bar and the lessons: a link opens the lesson it names (`?lesson=ID&step=N`, or a lesson of
 * the reader's own in `#l=` with `?step=N`), and the bar follows the step shown, so a link copied
 * mid-lesson lands on that step. Other query options and the hash's other parameters are kept.
 */
import type { LabStore } from '../../store/index.ts';
import { openCheckedLesson } from './lessonImport.ts';
import { lessonParam, withLessonParam } from './lessonHash.ts';
import { parseLessonQuery, stepQuery, withLessonQuery } from './lessonQuery.ts';
import { lessonMoves, type LessonStore } from './lessonState.ts';

/**
 * Opens the lesson the address names. `pasted`: a link pasted into this tab (only its hash changed), which
 * replaces any lesson open; on first load a lesson the reader already opened is left alone.
 */
export async function openFromAddress(lab: LabStore, store: LessonStore, pasted: boolean): Promise<void> {
  const { search, hash } = window.location;
  const moves = lessonMoves(lab, store);
  const untouched = () => pasted || (store.getState().open === null && store.getState().problem === null);
  const value = lessonParam(hash);
  if (value !== null) {
    const { decodeLesson } = await import('./lessonLink.ts');
    const checked = await decodeLesson(value);
    if (!untouched()) return;
    const title = 'This lesson link could not be opened; the lab kept what it was running.';
    if (!checked.ok) {
      openCheckedLesson(lab, checked, title);
      return;
    }
    const step = stepQuery(search, checked.value);
    if (step.kind === 'problem') moves.showProblem(step.problem);
    else if (step.kind === 'lesson') openCheckedLesson(lab, checked, title, step.index);
    return;
  }
  if (!untouched()) return;
  const link = parseLessonQuery(search);
  if (link.kind === 'lesson') moves.start(link.lesson, link.index);
  if (link.kind === 'problem') moves.showProblem(link.problem);
}

/** Puts the open lesson and step in the address bar (or takes them out when none is open). */
export async function followLesson(store: LessonStore): Promise<void> {
  const { open, custom } = store.getState();
  const value =
    open?.custom === true && custom !== undefined
      ? (await import('./lessonLink.ts')).encodeLesson(custom)
      : null;
  // Another step may have been shown meanwhile: write only what is still shown.
  if (store.getState().open !== open) return;
  const { pathname, search, hash } = window.location;
  const nextSearch = withLessonQuery(search, open);
  const nextHash = withLessonParam(hash, value);
  if (nextSearch !== search || nextHash !== hash)
    window.history.replaceState(window.history.state, '', `${pathname}${nextSearch}${nextHash}`);
}
