/** The buttons for one node: write, read, kill or restart, and promote a replica. */
import type { NodeView } from '../../engine/index.ts';
import { useLabActions } from '../../store/index.ts';

export function NodeActions({ node }: { readonly node: NodeView }) {
  const actions = useLabActions();
  const up = node.status === 'up';
  return (
    <div className="node-actions" role="group" aria-label={`Actions on ${node.id}`}>
      <button
        type="button"
        onClick={() => {
          actions.writeNext(node.id);
        }}
      >
        Write here
      </button>
      <button
        type="button"
        onClick={() => {
          actions.read(node.id);
        }}
      >
        Read here
      </button>
      {up ? (
        <button
          type="button"
          className="button--danger"
          onClick={() => {
            actions.kill(node.id);
          }}
        >
          Kill
        </button>
      ) : (
        <button
          type="button"
          onClick={() => {
            actions.restart(node.id);
          }}
        >
          Restart
        </button>
      )}
      {node.role === 'replica' && (
        <button
          type="button"
          onClick={() => {
            actions.promote(node.id);
          }}
        >
          Promote
        </button>
      )}
    </div>
  );
}
