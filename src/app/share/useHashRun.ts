/** A share link pasted into this tab changes only the hash: load its run without a reload. */
import { useEffect } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { linkReport, runParam } from './linkHash.ts';

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
        const loaded = await actions.loadRun(decoded.value, 'Opened the run in the link.');
        // A load clears the banner: what the link held that was left out (a bad `at`) goes up after it.
        const ignored = linkReport(decoded, []);
        if (loaded && ignored !== null) actions.showLoadReport(ignored);
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
