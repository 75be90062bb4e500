/**
 * Where the conflicts ledger mounts: shown for a multi-primary group (or once a conflict exists). The
 * panel itself is a separate chunk, fetched when the browser is idle, so the first frame never waits for it.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useLabStore } from '../../../store/index.ts';
import { whenIdle } from '../../whenIdle.ts';

const loadPanel = () => import('./ConflictsPanel.tsx');
const ConflictsPanel = lazy(() => loadPanel().then((m) => ({ default: m.ConflictsPanel })));

export function ConflictsLedger() {
  const shown = useLabStore((s) => s.snapshot.replication.multiPrimary || s.conflicts.length > 0);
  useEffect(() => whenIdle(loadPanel), []);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <ConflictsPanel />
    </Suspense>
  );
}
