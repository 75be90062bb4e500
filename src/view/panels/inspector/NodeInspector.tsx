/**
 * The inspector for the selected node (a chunk of its own: see NodeDetails.tsx): role, status, machine state, timeline, written, flushed and
 * applied positions, lag, load, upstream and downstream, actions, the picked operation, the log's
 * tail and the data (with the keys that differ from its primary's).
 */
import { useLabStore } from '../../../store/index.ts';
import { roleWord, useWords } from '../../vocabulary.ts';
import { CollapsiblePanel } from '../CollapsiblePanel.tsx';
import { Facts } from './Facts.tsx';
import { referencePrimary } from '../text/inspectorText.ts';
import { nodeFacts } from '../text/nodeFacts.ts';
import { NodeActions } from './NodeActions.tsx';
import { NodeData } from './NodeData.tsx';
import { NodeLinks } from './NodeLinks.tsx';
import { NodeLogTail } from './NodeLogTail.tsx';
import { OperationDetails } from './OperationDetails.tsx';
import { RenameForm } from './RenameForm.tsx';

export function NodeInspector() {
  const node = useLabStore((s) => s.snapshot.nodes.find((n) => n.id === s.selectedId));
  const nodes = useLabStore((s) => s.snapshot.nodes);
  const regions = useLabStore((s) => s.snapshot.regions);
  const system = useLabStore((s) => s.scenario.system);
  const certifying = useLabStore((s) => s.snapshot.replication.mode === 'sync');
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
      <Facts facts={nodeFacts(node, words, regions, system, certifying)} />
      <NodeLinks node={node} />
      <NodeActions node={node} />
      <RenameForm key={`${node.id} ${node.label ?? ''}`} node={node} />
      <OperationDetails nodeId={node.id} />
      <NodeLogTail node={node} system={system} />
      <NodeData node={node} {...(reference === undefined ? {} : { reference })} />
    </CollapsiblePanel>
  );
}
