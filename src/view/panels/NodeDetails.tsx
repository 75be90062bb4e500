/** The selected node: role, status, machine state, log positions, lag, actions and data. */
import { useLabStore } from '../../store/index.ts';
import { lagEntries, lagMs } from '../graph/nodeText.ts';
import { roleWord, useWords } from '../vocabulary.ts';
import { stateText } from './nodeStateText.ts';
import { NodeActions } from './NodeActions.tsx';
import { NodeData } from './NodeData.tsx';
import { Facts } from './Facts.tsx';

export function NodeDetails() {
  const node = useLabStore((s) => s.snapshot.nodes.find((n) => n.id === s.selectedId));
  const linkSelected = useLabStore((s) => s.selectedLink !== null);
  const words = useWords();
  if (node === undefined) {
    if (linkSelected) return null;
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
  const facts: [string, string][] = [
    ['Status', node.status],
    ['State', stateText(node.state, words)],
    ['Timeline', String(node.timeline)],
    ...(node.upstream === undefined ? [] : [['Upstream', node.upstream] as [string, string]]),
    ...(node.role === 'primary'
      ? [['Committed LSN', String(node.lastLsn)] as [string, string]]
      : [
          ['Received LSN', String(node.receivedLsn)] as [string, string],
          ['Applied LSN', String(node.appliedLsn)] as [string, string],
          ['Lag', `${lagEntries(node)}, ${lagMs(node)}`] as [string, string],
          // PostgreSQL's pg_stat_replication.sync_state, as the upstream primary sees this standby.
          ['Sync state', node.syncState] as [string, string],
        ]),
  ];
  return (
    <section className="panel node-details" aria-labelledby="node-details-title" data-node-details={node.id}>
      <h2 id="node-details-title">
        {node.id}{' '}
        <span className="muted">
          · {roleWord(words, node.role)}
          {node.status === 'down' ? ' · down' : ''}
        </span>
      </h2>
      <Facts facts={facts} />
      <NodeActions node={node} />
      <NodeData node={node} />
    </section>
  );
}
