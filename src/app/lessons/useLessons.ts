/** React access to the reader's moves through the lessons (and, re-exported, the lesson store). */
import { useMemo } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { lessonStoreFor } from './lessonStore.ts';
import { lessonMoves, type LessonMoves } from './lessonState.ts';

export { LESSONS_BUTTON_ID, useLessonState } from './lessonStore.ts';

export function useLessonMoves(): LessonMoves {
  const lab = useLabStoreApi();
  return useMemo(() => lessonMoves(lab, lessonStoreFor(lab)), [lab]);
}
