/** A share link pasted into this tab changes only the hash: load its run without a reload. */
import { useEffect } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { decodeRun, runParam } from './linkCodec.ts';

export function useHashRun(): void {
  const store = useLabStoreApi();
  useEffect(() => {
    const onHashChange = () => {
      const encoded = runParam(window.location.hash);
      if (encoded === null) return;
      const decoded = decodeRun(encoded);
      const { actions } = store.getState();
      if (decoded.ok) {
        actions.pause();
        actions.loadRun(decoded.value, 'Opened the run in the link.');
      } else {
        actions.showLoadReport({
          title: 'This link could not be opened; the lab kept its run.',
          problems: decoded.problems,
        });
      }
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [store]);
}
