/** The inspector's actions on one node: client, server, replication and network. */
import { useState } from 'react';
import type { NodeView } from '../../engine/index.ts';
import { useLabActions, useLabStore } from '../../store/index.ts';
import { HealButton } from './HealButton.tsx';
import { LinkActions } from './LinkActions.tsx';
import { RepointControl } from './RepointControl.tsx';
import { WriteForm, type Draft } from './WriteForm.tsx';

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
  const up = node.status === 'up';
  const id = node.id;
  return (
    <div className="node-action-groups">
      <Group title="Client">
        <div className="node-actions">
          <button
            type="button"
            aria-expanded={writing}
            title={`Write a key and value through ${id}`}
            onClick={() => {
              setWriting(!writing);
            }}
          >
            Write
          </button>
          <button
            type="button"
            title={`Read "${draft.key}" on ${id}`}
            onClick={() => {
              actions.read(id, draft.key);
            }}
          >
            Read
          </button>
        </div>
        {writing && (
          <WriteForm
            nodeId={id}
            draft={draft}
            onChange={setDraft}
            onSubmit={() => {
              actions.write(id, draft.key, draft.value);
            }}
          />
        )}
      </Group>
      <Group title="Server">
        <div className="node-actions">
          {up ? (
            <button
              type="button"
              className="button--danger"
              onClick={() => {
                actions.kill(id);
              }}
            >
              Kill
            </button>
          ) : (
            <button
              type="button"
              onClick={() => {
                actions.restart(id);
              }}
            >
              Restart
            </button>
          )}
          {node.role === 'replica' && (
            <button
              type="button"
              title="Make this node accept writes, on a new timeline"
              onClick={() => {
                actions.promote(id);
              }}
            >
              Promote
            </button>
          )}
          <button
            type="button"
            title={`Add a new node streaming from ${id}`}
            onClick={() => {
              actions.addReplica(id);
            }}
          >
            Add replica
          </button>
          <button
            type="button"
            title="Snapshot this node's applied data"
            onClick={() => {
              actions.takeBackup(id);
            }}
          >
            Take backup
          </button>
          {node.diskFactor > 1 ? (
            <button
              type="button"
              title={`Give ${id} its normal disk back (now ${node.diskFactor}× slower)`}
              onClick={() => {
                actions.fixDisk(id);
              }}
            >
              Fix disk
            </button>
          ) : (
            <button
              type="button"
              title={`Make ${id}'s fsyncs and replay ten times slower`}
              onClick={() => {
                actions.slowDisk(id);
              }}
            >
              Slow disk
            </button>
          )}
          <button
            type="button"
            className="button--danger"
            onClick={() => {
              actions.removeNode(id);
            }}
          >
            Remove
          </button>
        </div>
      </Group>
      {node.role === 'replica' && <RepointControl node={node} />}
      <Group title="Network">
        <div className="node-actions">
          <button
            type="button"
            className="button--danger"
            title={`Partition ${id} away from every other node`}
            onClick={() => {
              actions.isolate(id);
            }}
          >
            Isolate
          </button>
          <HealButton />
        </div>
        {upstreamLink !== undefined && (
          <>
            <h4>Link from {upstreamLink.from}</h4>
            <LinkActions link={upstreamLink} showHeal={false} />
          </>
        )}
      </Group>
    </div>
  );
}
