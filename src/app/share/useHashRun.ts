/**
 * A share link pasted into this tab changes only the hash: load its run without a reload. `around` lets
 * the lab put away what belongs to the old run first (a comparison) and open what the new link holds
 * besides (its side B) once the run is in.
 */
import { useEffect } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { linkReport, runParam } from './linkHash.ts';

export interface HashRunHooks {
  /** Before a decoded run loads (which waits for it). */
  readonly before: () => Promise<void>;
  /** After it loaded (true) or failed to (false). */
  readonly after: (loaded: boolean) => void;
}

export function useHashRun(around?: HashRunHooks): void {
  const store = useLabStoreApi();
  const before = around?.before;
  const after = around?.after;
  useEffect(() => {
    const onHashChange = async () => {
      const encoded = runParam(window.location.hash);
      if (encoded === null) return;
      const decoded = (await import('./linkCodec.ts')).decodeRun(encoded);
      const { actions } = store.getState();
      if (decoded.ok) {
        await before?.();
        actions.pause();
        const loaded = await actions.loadRun(decoded.value, 'Opened the run in the link.');
        after?.(loaded);
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
  }, [store, before, after]);
}
