/** The selected link's details beside the graph; they are a chunk of their own, fetched when idle. */
import { useEffect } from 'react';
import { useLabStore } from '../../../store/index.ts';
import { deferred } from '../../deferred.tsx';
import { whenIdle } from '../../whenIdle.ts';

const Inspector = deferred(() => import('./LinkInspector.tsx').then((m) => m.LinkInspector));

export function LinkDetails() {
  const selected = useLabStore((s) => s.selectedLink !== null);
  useEffect(() => whenIdle(Inspector.preload), []);
  return selected ? <Inspector.Component /> : null;
}
