/** React access to the lab's lesson store and the reader's moves. */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useLabStoreApi } from '../../store/index.ts';
import { lessonMoves, lessonStoreFor, type LessonMoves, type LessonState } from './lessonState.ts';

export function useLessonState<T>(selector: (state: LessonState) => T): T {
  return useStore(lessonStoreFor(useLabStoreApi()), selector);
}

export function useLessonMoves(): LessonMoves {
  const lab = useLabStoreApi();
  return useMemo(() => lessonMoves(lab, lessonStoreFor(lab)), [lab]);
}

/** The id of the Lessons menu button: focus returns there when a lesson closes. */
export const LESSONS_BUTTON_ID = 'lessons-button';
