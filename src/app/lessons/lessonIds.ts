/** The built-in lessons' ids, for checking a link's `?lesson=` before the first frame. */
import { LESSONS } from './lessons.ts';

export const LESSON_IDS: readonly string[] = LESSONS.map((l) => l.id);
