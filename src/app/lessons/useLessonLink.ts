/**
 * Opens the lesson a link names (`?lesson=ID&step=N`) once, and keeps the address bar on the step
 * shown, so a link copied mid-lesson lands on that step. Other query options and the hash are kept.
 * The lessons' data and player load only when the link names a lesson or one opens.
 */
import { useEffect } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { preloadLessons } from './lessonParts.tsx';
import { lessonStoreFor } from './lessonStore.ts';

export function useLessonLink(): void {
  const lab = useLabStoreApi();
  useEffect(() => {
    const store = lessonStoreFor(lab);
    let active = true;
    if (new URLSearchParams(window.location.search).has('lesson')) {
      void Promise.all([import('./lessonQuery.ts'), import('./lessonState.ts'), preloadLessons()]).then(
        ([query, state]) => {
          const { open, problem } = store.getState();
          if (!active || open !== null || problem !== null) return;
          const link = query.parseLessonQuery(window.location.search);
          const moves = state.lessonMoves(lab, store);
          if (link.kind === 'lesson') moves.start(link.lesson, link.index);
          if (link.kind === 'problem') moves.showProblem(link.problem);
        },
      );
    }
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.open === previous.open) return;
      void import('./lessonQuery.ts').then(({ withLessonQuery }) => {
        const { pathname, search, hash } = window.location;
        const next = withLessonQuery(search, store.getState().open);
        if (next !== search)
          window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
      });
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [lab]);
}
