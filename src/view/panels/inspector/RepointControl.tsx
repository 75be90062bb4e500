/** Re-point a replica: choose the node it streams from. */
import { useId, useMemo, useState } from 'react';
import type { NodeView } from '../../../engine/index.ts';
import { upstreamCandidates, useLabActions, useLabStore } from '../../../store/index.ts';

/** `onDone` runs after a re-point (the graph's popover closes then). */
export function RepointControl({ node, onDone }: { readonly node: NodeView; readonly onDone?: () => void }) {
  const actions = useLabActions();
  const nodes = useLabStore((s) => s.snapshot.nodes);
  const candidates = useMemo(
    () => upstreamCandidates(nodes, node.id).filter((id) => id !== node.upstream),
    [nodes, node.id, node.upstream],
  );
  const [choice, setChoice] = useState('');
  const target = candidates.includes(choice) ? choice : (candidates[0] ?? '');
  const id = useId();
  return (
    <div className="action-group" role="group" aria-label="Replication">
      <h3>Replication</h3>
      <div className="node-actions">
        <span className="inline-field">
          <label htmlFor={id}>Stream from</label>
          <select
            id={id}
            value={target}
            disabled={candidates.length === 0}
            onChange={(e) => {
              setChoice(e.target.value);
            }}
          >
            {candidates.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </span>
        <button
          type="button"
          disabled={target === ''}
          title={`Make ${node.id} stream from the chosen node instead of ${node.upstream ?? 'nothing'}`}
          onClick={() => {
            actions.repoint(node.id, target);
            onDone?.();
          }}
        >
          Re-point
        </button>
      </div>
    </div>
  );
}
