/**
 * The embed's side of the postMessage protocol (hostListener.ts), for an embed that has a host to listen
 * to. The protocol's code and schemas are a chunk of their own, loaded only then.
 */
import { useEffect, type RefObject } from 'react';
import { useLabStoreApi } from '../../store/index.ts';

export function useHostMessages(root: RefObject<HTMLElement | null>, allowed: readonly string[]): void {
  const store = useLabStoreApi();
  useEffect(() => {
    if (window.parent === window || allowed.length === 0) return;
    let stop: (() => void) | null = null;
    let active = true;
    void import('./hostListener.ts').then(({ listenToHost }) => {
      if (active) stop = listenToHost(store, root, allowed);
    });
    return () => {
      active = false;
      stop?.();
    };
  }, [store, root, allowed]);
}
