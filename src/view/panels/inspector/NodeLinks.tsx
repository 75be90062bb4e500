/** A node's upstream, downstream and peers, each a button that selects that node. */
import type { NodeView } from '../../../engine/index.ts';
import { useLabStore } from '../../../store/index.ts';

function NodeButtons({ label, ids }: { readonly label: string; readonly ids: readonly string[] }) {
  const select = useLabStore((s) => s.select);
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {ids.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          ids.map((id) => (
            <button
              key={id}
              type="button"
              className="chip"
              title={`Inspect ${id}`}
              onClick={() => {
                select(id);
              }}
            >
              {id}
            </button>
          ))
        )}
      </dd>
    </div>
  );
}

export function NodeLinks({ node }: { readonly node: NodeView }) {
  return (
    <dl className="facts node-links">
      {node.role === 'replica' && (
        <NodeButtons label="Upstream" ids={node.upstream === undefined ? [] : [node.upstream]} />
      )}
      <NodeButtons label="Downstream" ids={node.downstream} />
      {node.peers.length > 0 && <NodeButtons label="Peers" ids={node.peers} />}
    </dl>
  );
}
