/** The client operation picked in the event log or a ledger, as the engine records it. */
import { useLabStore } from '../../../store/index.ts';
import { translateRoles, useWords } from '../../vocabulary.ts';
import { operationText } from '../text/inspectorText.ts';

export function OperationDetails({ nodeId }: { readonly nodeId: string }) {
  const op = useLabStore((s) => s.inspectedOp);
  const inspectOp = useLabStore((s) => s.actions.inspectOp);
  const words = useWords();
  const system = useLabStore((s) => s.scenario.system);
  if (op?.nodeId !== nodeId) return null;
  const tone = op.lost === true || op.status === 'failed' || op.stale === true ? ' op-details--alert' : '';
  return (
    <div className={`op-details${tone}`} role="group" aria-label={`Operation #${op.id}`} data-op-id={op.id}>
      <p>{translateRoles(operationText(op, system), words)}</p>
      <button
        type="button"
        onClick={() => {
          inspectOp(null);
        }}
      >
        Close
      </button>
    </div>
  );
}
