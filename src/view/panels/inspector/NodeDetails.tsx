/**
 * The inspector's place beside the graph: a hint until a node is selected, then the node's inspector.
 * The inspector (facts, actions, write form, log tail, data) is a chunk of its own, fetched when the
 * browser is idle after the first frame; the hint stays in its place until it has arrived.
 */
import { useEffect } from 'react';
import { useLabStore } from '../../../store/index.ts';
import { deferred } from '../../deferred.tsx';
import { whenIdle } from '../../whenIdle.ts';

const Inspector = deferred(() => import('./NodeInspector.tsx').then((m) => m.NodeInspector));

function Hint() {
  return (
    <section className="panel node-details" aria-labelledby="node-details-title">
      <h2 id="node-details-title">Node details</h2>
      <p className="muted">
        Select a node or a link in the graph (click it, or Tab to it and press Enter) to see what you can do
        with it: write, read, kill, promote, cut the network…
      </p>
    </section>
  );
}

export function NodeDetails() {
  const selected = useLabStore((s) => s.snapshot.nodes.some((n) => n.id === s.selectedId));
  const linkSelected = useLabStore((s) => s.selectedLink !== null);
  useEffect(() => whenIdle(Inspector.preload), []);
  if (selected) return <Inspector.Component fallback={<Hint />} />;
  return linkSelected ? null : <Hint />;
}
