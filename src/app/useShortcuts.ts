/** Listens for the lab's single-key shortcuts while focus is inside the lab (or on the page body). */
import { useEffect, type RefObject } from 'react';
import { useLabStoreApi } from '../store/index.ts';
import { shortcutFor } from './shortcuts.ts';

export function useShortcuts(root: RefObject<HTMLElement | null>, onFullscreen: () => void): void {
  const store = useLabStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = store.getState();
      if (!state.shortcutsEnabled || state.shortcutsHelpOpen || state.shareOpen || event.defaultPrevented)
        return;
      const target = event.target;
      const inLab =
        target === document.body || (target instanceof Node && root.current?.contains(target) === true);
      if (!inLab) return;
      const action = shortcutFor(event);
      if (action === null) return;
      event.preventDefault();
      if (action === 'toggle-play') state.actions.togglePlay();
      else if (action === 'step') state.actions.stepToNextEvent();
      else if (action === 'step-back') state.actions.stepBack();
      else if (action === 'previous-marker') state.actions.seekMarker(-1);
      else if (action === 'next-marker') state.actions.seekMarker(1);
      else if (action === 'start') state.actions.seek(state.timeline.start);
      else if (action === 'live') state.actions.goLive();
      else if (action === 'present') state.setPresenting(!state.presenting);
      else if (action === 'fullscreen') onFullscreen();
      else state.setShortcutsHelpOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [store, root, onFullscreen]);
}
