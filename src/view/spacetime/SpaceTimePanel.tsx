/**
 * The space-time diagram's panel: closed until opened (its heading is the `Space-time diagram` control),
 * and its body a chunk of its own, fetched when the browser is idle.
 */
import { useEffect } from 'react';
import { deferred } from '../deferred.tsx';
import { CollapsiblePanel } from '../panels/CollapsiblePanel.tsx';
import { whenIdle } from '../whenIdle.ts';

const Body = deferred(() => import('./SpaceTime.tsx').then((m) => m.SpaceTime));

export function SpaceTimePanel() {
  useEffect(() => whenIdle(Body.preload), []);
  return (
    <CollapsiblePanel id="spacetime" title="Space-time diagram" className="spacetime-panel">
      <Body.Component />
    </CollapsiblePanel>
  );
}
