/**
 * Opens the lesson a link names (`?lesson=ID&step=N`, or `#l=` with `?step=N`) once, and again when a
 * lesson link is pasted into the tab; keeps the address bar on the step shown (lessonAddress.ts). The
 * lessons' data, the player and the link's checks load only when the link names a lesson or one opens.
 */
import { useEffect } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { preloadLessons } from './lessonParts.tsx';
import { lessonStoreFor } from './lessonStore.ts';

const LESSON_IN_HASH = /(^#|&)l=/;
const address = () => import('./lessonAddress.ts');

export function useLessonLink(): void {
  const lab = useLabStoreApi();
  useEffect(() => {
    const store = lessonStoreFor(lab);
    let active = true;
    const open = (pasted: boolean) => {
      void Promise.all([address(), preloadLessons()]).then(([m]) => {
        if (active) void m.openFromAddress(lab, store, pasted);
      });
    };
    if (/[?&]lesson=/.test(location.search) || LESSON_IN_HASH.test(location.hash)) open(false);
    const onHashChange = () => {
      if (LESSON_IN_HASH.test(location.hash)) open(true);
    };
    window.addEventListener('hashchange', onHashChange);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.open !== previous.open) void address().then(async (m) => m.followLesson(store));
    });
    return () => {
      active = false;
      window.removeEventListener('hashchange', onHashChange);
      unsubscribe();
    };
  }, [lab]);
}
