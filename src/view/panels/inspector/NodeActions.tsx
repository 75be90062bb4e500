/**
 * The inspector's actions on one node, in groups: client, server, replication and network. The actions
 * come from the graph's menu list (`nodeActions`), so the menu and these buttons offer the same ones.
 */
import { useState } from 'react';
import type { NodeView } from '../../../engine/index.ts';
import { useLabActions, useLabStore } from '../../../store/index.ts';
import { applierWords } from '../../graph/nodeText.ts';
import {
  followTarget,
  nodeActions,
  regionChoices,
  type ActionGroup,
  type NodeAction,
} from '../../graph/menuItems.ts';
import { LinkActions } from './LinkActions.tsx';
import { RepointControl } from './RepointControl.tsx';
import { WriteForm, type Draft } from './WriteForm.tsx';

const GROUP_TITLES: Record<Exclude<ActionGroup, 'replication'>, string> = {
  client: 'Client',
  server: 'Server',
  network: 'Network',
};

function Group({ title, children }: { readonly title: string; readonly children: React.ReactNode }) {
  return (
    <div className="action-group" role="group" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </div>
  );
}

export function NodeActions({ node }: { readonly node: NodeView }) {
  const actions = useLabActions();
  const [writing, setWriting] = useState(false);
  const [draft, setDraft] = useState<Draft>({ key: 'balance', value: '100' });
  const upstreamLink = useLabStore((s) => s.snapshot.links.find((l) => l.to === node.id));
  const partitioned = useLabStore((s) => s.snapshot.network.partitioned);
  const regionViews = useLabStore((s) => s.snapshot.regions);
  const between = useLabStore((s) => s.snapshot.between);
  const system = useLabStore((s) => s.scenario.system);
  const follow = useLabStore((s) => followTarget(s.snapshot.nodes, node.id, s.scenario.system));
  const id = node.id;
  const regions = regionChoices(regionViews, between);
  const items = nodeActions(node, upstreamLink, { partitioned, readKey: draft.key, regions, follow });
  const group = (name: ActionGroup) => items.filter((item) => item.group === name);

  /** A button for an item: runs its command, or (Write) opens the write form below. */
  const button = (item: NodeAction) => {
    const { step } = item;
    if (step.kind === 'link' || (step.kind === 'form' && step.form !== 'write')) return null;
    const writes = step.kind === 'form';
    return (
      <button
        key={item.id}
        type="button"
        className={item.danger === true ? 'button--danger' : undefined}
        disabled={item.disabled}
        aria-expanded={writes ? writing : undefined}
        title={item.hint}
        onClick={() => {
          if (step.kind === 'run') step.run(actions);
          else setWriting(!writing);
        }}
      >
        {item.button ?? item.label}
      </button>
    );
  };

  return (
    <div className="node-action-groups">
      <Group title={GROUP_TITLES.client}>
        <div className="node-actions">{group('client').map(button)}</div>
        {writing && (
          <WriteForm
            nodeId={id}
            draft={draft}
            onChange={setDraft}
            offerInsert={system === 'mariadb'}
            onSubmit={(insert) => {
              actions.write(id, draft.key, draft.value, insert ? { insert } : undefined);
            }}
          />
        )}
      </Group>
      <Group title={GROUP_TITLES.server}>
        <div className="node-actions">{group('server').map(button)}</div>
      </Group>
      {group('replication').some((item) => item.id === 'repoint') && <RepointControl node={node} />}
      {follow !== undefined && node.stoppedAppliers.length === 0 && (
        <Group title="Replication">
          <div className="node-actions">
            {group('replication')
              .filter((item) => item.id === 'follow')
              .map(button)}
          </div>
        </Group>
      )}
      {node.stoppedAppliers.length > 0 && (
        <Group title="Replication">
          {node.stoppedAppliers.map((stop) => (
            <p key={stop.source} className="applier-stopped" role="status">
              {applierWords(stop)}, from {stop.source}. Last_SQL_Error: {stop.error}
            </p>
          ))}
          <div className="node-actions">
            {group('replication')
              .filter((item) => item.id !== 'repoint')
              .map(button)}
          </div>
        </Group>
      )}
      <Group title={GROUP_TITLES.network}>
        <div className="node-actions">{group('network').map(button)}</div>
        {upstreamLink !== undefined && items.some((item) => item.id === 'link') && (
          <>
            <h4>Link from {upstreamLink.from}</h4>
            <LinkActions link={upstreamLink} showHeal={false} />
          </>
        )}
      </Group>
    </div>
  );
}
