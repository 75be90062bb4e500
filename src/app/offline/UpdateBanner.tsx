/** The full lab's offline support (registered once it has painted) and its "new version" prompt. */
import { useEffect, useSyncExternalStore } from 'react';
import { LAB_BASE } from '../labBase.ts';
import { acceptUpdate, onUpdateChange, registerOffline, updateWaiting } from './register.ts';

export function UpdateBanner() {
  useEffect(() => {
    registerOffline(LAB_BASE);
  }, []);
  const waiting = useSyncExternalStore(onUpdateChange, updateWaiting);
  if (!waiting) return null;
  return (
    <p role="status" className="banner update-banner" data-banner="update">
      A new version of Replication Lab is ready; this page keeps the one it loaded until you choose.{' '}
      <button type="button" onClick={acceptUpdate}>
        Reload for the new version
      </button>
    </p>
  );
}
