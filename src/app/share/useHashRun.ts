/** A share link pasted into this tab changes only the hash: load its run without a reload. */
import { useEffect } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { runParam } from './linkHash.ts';

export function useHashRun(): void {
  const store = useLabStoreApi();
  useEffect(() => {
    const onHashChange = async () => {
      const encoded = runParam(window.location.hash);
      if (encoded === null) return;
      const decoded = (await import('./linkCodec.ts')).decodeRun(encoded);
      const { actions } = store.getState();
      if (decoded.ok) {
        actions.pause();
        void actions.loadRun(decoded.value, 'Opened the run in the link.');
      } else {
        actions.showLoadReport({
          title: 'This link could not be opened; the lab kept its run.',
          problems: decoded.problems,
        });
      }
    };
    const listener = () => void onHashChange();
    window.addEventListener('hashchange', listener);
    return () => {
      window.removeEventListener('hashchange', listener);
    };
  }, [store]);
}
