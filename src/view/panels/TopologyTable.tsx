/**
 * The graph as a table, one row per node in snapshot order (with its label, and its region when the scenario
 * has regions): its screen-reader equivalent.
 */
import { useId } from 'react';
import type { NodeView } from '../../engine/index.ts';
import { useLabStore } from '../../store/index.ts';
import { lagEntries, lagMs } from '../graph/nodeText.ts';
import { positionWord } from '../positionWord.ts';
import { roleWord, useWords } from '../vocabulary.ts';

/** "up, streaming" from status "up" and machine state "replica.streaming"; just "down" when down. */
function statusText(node: NodeView): string {
  const detail = node.state.split('.').pop() ?? '';
  return node.status === 'down' || detail === '' || detail === node.status
    ? node.status
    : `${node.status}, ${detail}`;
}

/** A dash for the eye and the word "none" for the ear. */
function None() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </>
  );
}

/** `caption` names the table (Compare shows one a side: "Topology of A"). */
export function TopologyTable({ caption = 'Topology' }: { readonly caption?: string }) {
  const captionId = useId();
  const nodes = useLabStore((s) => s.snapshot.nodes);
  const regions = useLabStore((s) => s.snapshot.regions);
  const regionName = (id: string | undefined) => regions.find((r) => r.id === id)?.name;
  const selectedId = useLabStore((s) => s.selectedId);
  const select = useLabStore((s) => s.select);
  const words = useWords();
  const position = positionWord(useLabStore((s) => s.scenario.system));
  return (
    // Focusable so keyboard users can scroll it when it overflows.
    <div className="topology-table" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Role</th>
            {regions.length > 0 && <th scope="col">Region</th>}
            <th scope="col">Status</th>
            <th scope="col">Upstream</th>
            <th scope="col">Lag</th>
            <th scope="col">Received {position}</th>
            <th scope="col">Applied {position}</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr
              key={node.id}
              data-row-node-id={node.id}
              className={node.status === 'down' ? 'muted' : undefined}
            >
              <th scope="row">
                <button
                  type="button"
                  aria-pressed={node.id === selectedId}
                  title={`Select ${node.id} to see its details and actions`}
                  onClick={() => {
                    select(node.id);
                  }}
                >
                  {node.id}
                </button>
                {node.label !== undefined && <span className="table-label"> “{node.label}”</span>}
              </th>
              <td>{roleWord(words, node.role)}</td>
              {regions.length > 0 && <td>{regionName(node.region) ?? <None />}</td>}
              <td>{statusText(node)}</td>
              <td>{node.upstream ?? <None />}</td>
              <td>{node.role === 'replica' ? `${lagEntries(node)}, ${lagMs(node)}` : <None />}</td>
              <td>{node.receivedLsn}</td>
              <td>{node.appliedLsn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The one-click switch between the graph and the table. */
