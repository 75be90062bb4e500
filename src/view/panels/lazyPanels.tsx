/**
 * Panels that are not part of the first frame, each a chunk of its own: fetched when the browser is
 * idle after it, and mounted when there is something to show (a failover, a lost write, a backup, the
 * table asked for). The modules they come from stay as they are; the lab imports them from here.
 */
import { useEffect, type ComponentType } from 'react';
import { useLabStore, type LabState } from '../../store/index.ts';
import { deferred } from '../deferred.tsx';
import { whenIdle } from '../whenIdle.ts';

/** A panel shown while `shown` holds for the lab's state. */
export function shownWhen(load: () => Promise<ComponentType>, shown: (state: LabState) => boolean) {
  const part = deferred(load);
  return function ShownWhen() {
    const on = useLabStore(shown);
    useEffect(() => whenIdle(part.preload), []);
    return on ? <part.Component /> : null;
  };
}

export const always = () => true;

export const FailoverPanel = shownWhen(
  () => import('./ledgers/FailoverPanel.tsx').then((m) => m.FailoverPanel),
  (s) => s.snapshot.failover !== null || s.failovers.length > 0,
);
export const LostWritesPanel = shownWhen(
  () => import('./ledgers/LostWritesPanel.tsx').then((m) => m.LostWritesPanel),
  (s) => s.lostWrites.length > 0,
);
export const BackupsPanel = shownWhen(
  () => import('./ledgers/BackupsPanel.tsx').then((m) => m.BackupsPanel),
  (s) => s.backups.length > 0,
);
export const EventLog = shownWhen(() => import('./ledgers/EventLog.tsx').then((m) => m.EventLog), always);
export const TopologyTable = shownWhen(
  () => import('./TopologyTable.tsx').then((m) => m.TopologyTable),
  always,
);
/** The screen readers' digest of events: a live region that starts listening once it has loaded. */
export const EventAnnouncer = shownWhen(
  () => import('./banners/EventAnnouncer.tsx').then((m) => m.EventAnnouncer),
  always,
);
