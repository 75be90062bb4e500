/**
 * The inspector for the selected node (a chunk of its own: see NodeDetails.tsx): role, status, machine state, timeline, written, flushed and
 * applied positions, lag, load, upstream and downstream, actions, the picked operation, the log's
 * tail and the data (with the keys that differ from its primary's).
 */
import type { NodeView, RegionView } from '../../../engine/index.ts';
import { useLabStore } from '../../../store/index.ts';
import { lagEntries, lagMs } from '../../graph/nodeText.ts';
import { roleWord, useWords, type Vocabulary } from '../../vocabulary.ts';
import { CollapsiblePanel } from '../CollapsiblePanel.tsx';
import { Facts } from './Facts.tsx';
import { referencePrimary } from '../text/inspectorText.ts';
import { stateText } from '../text/nodeStateText.ts';
import { NodeActions } from './NodeActions.tsx';
import { NodeData } from './NodeData.tsx';
import { NodeLinks } from './NodeLinks.tsx';
import { NodeLogTail } from './NodeLogTail.tsx';
import { OperationDetails } from './OperationDetails.tsx';
import { RenameForm } from './RenameForm.tsx';

type Fact = readonly [string, string];

function nodeFacts(node: NodeView, words: Vocabulary, regions: readonly RegionView[]): Fact[] {
  const region = regions.find((r) => r.id === node.region);
  const facts: Fact[] = [
    ...(node.label === undefined ? [] : [['Label', node.label] as const]),
    ...(region === undefined ? [] : [['Region', `${region.name} (${region.id})`] as const]),
    ['Status', node.status],
    ['State', stateText(node.state, words)],
    ['Timeline (epoch)', String(node.timeline)],
  ];
  if (node.role === 'primary') {
    facts.push(['Committed LSN', String(node.lastLsn)], ['Visible LSN', String(node.appliedLsn)]);
  } else {
    facts.push(
      ['Written LSN', String(node.writtenLsn)],
      ['Flushed LSN', String(node.receivedLsn)],
      ['Applied LSN', String(node.appliedLsn)],
      ['Lag', `${lagEntries(node)}, ${lagMs(node)}`],
      ['Commit', node.sync ? 'synchronous' : 'asynchronous'],
      // PostgreSQL's pg_stat_replication.sync_state, as the upstream primary sees this standby.
      ['Sync state', node.syncState],
    );
    if (node.applyDelayMs > 0) facts.push(['Apply delay', `${node.applyDelayMs} ms`]);
  }
  facts.push(['Load', `${node.load} ops/s`], ['Apply rate', `${node.applyRate} entries/s`]);
  if (node.diskFactor > 1) facts.push(['Disk', `${node.diskFactor}× slower (commits, fsyncs, replay)`]);
  if (node.needsRewind) facts.push(['Rewind', 'needed before it can follow its upstream']);
  if (node.peers.length > 0) facts.push(['Quorum', node.quorum ? 'yes' : 'no: refuses queries']);
  return facts;
}

export function NodeInspector() {
  const node = useLabStore((s) => s.snapshot.nodes.find((n) => n.id === s.selectedId));
  const nodes = useLabStore((s) => s.snapshot.nodes);
  const regions = useLabStore((s) => s.snapshot.regions);
  const words = useWords();
  if (node === undefined) return null;
  const reference = referencePrimary(nodes, node);
  return (
    <CollapsiblePanel
      id="inspector"
      className="node-details"
      data={{ 'data-node-details': node.id }}
      title={node.id}
      summary={`· ${roleWord(words, node.role)}${node.status === 'down' ? ' · down' : ''}`}
    >
      <Facts facts={nodeFacts(node, words, regions)} />
      <NodeLinks node={node} />
      <NodeActions node={node} />
      <RenameForm key={`${node.id} ${node.label ?? ''}`} node={node} />
      <OperationDetails nodeId={node.id} />
      <NodeLogTail node={node} />
      <NodeData node={node} {...(reference === undefined ? {} : { reference })} />
    </CollapsiblePanel>
  );
}
