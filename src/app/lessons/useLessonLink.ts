/**
 * Opens the lesson a link names (`?lesson=ID&step=N`) once, and keeps the address bar on the step
 * shown, so a link copied mid-lesson lands on that step. Other query options and the hash are kept.
 */
import { useEffect } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { parseLessonQuery, withLessonQuery } from './lessonQuery.ts';
import { lessonMoves, lessonStoreFor } from './lessonState.ts';

export function useLessonLink(): void {
  const lab = useLabStoreApi();
  useEffect(() => {
    const store = lessonStoreFor(lab);
    const moves = lessonMoves(lab, store);
    const query = parseLessonQuery(window.location.search);
    const already = store.getState().open !== null || store.getState().problem !== null;
    if (!already && query.kind === 'lesson') moves.start(query.lesson, query.index);
    if (!already && query.kind === 'problem') moves.showProblem(query.problem);
    return store.subscribe((state, previous) => {
      if (state.open === previous.open) return;
      const { pathname, search, hash } = window.location;
      const next = withLessonQuery(search, state.open);
      if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
    });
  }, [lab]);
}
