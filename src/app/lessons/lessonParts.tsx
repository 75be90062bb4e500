/**
 * The lessons' parts that load on demand: the menu's list and the lesson panel (with the lessons'
 * data and player). The menu opens, and a lesson link starts, only once both have arrived, so focus
 * lands where the reader expects (the first lesson, then Next) and no key press is lost.
 */
import { loadFailover, loadMultiPrimary } from '../../engine/index.ts';
import { deferred } from '../../view/deferred.tsx';

export const LessonListPart = deferred(() => import('./LessonList.tsx').then((m) => m.LessonList));
export const LessonPanelPart = deferred(() => import('./LessonPanelBody.tsx').then((m) => m.LessonPanelBody));

/**
 * The lessons' parts, and the engine's automatic failover and multi-primary groups, which some lessons'
 * scenarios run (a step's `load` starts its scenario at once, before the step's next actions).
 */
export function preloadLessons(): Promise<unknown> {
  return Promise.all([
    LessonListPart.preload(),
    LessonPanelPart.preload(),
    loadFailover().catch(() => undefined),
    loadMultiPrimary().catch(() => undefined),
  ]);
}
