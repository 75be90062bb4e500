/** "#12": a button that picks a client operation for the inspector (and selects its node). */
import type { OperationRecord } from '../../../engine/index.ts';
import { useLabStore } from '../../../store/index.ts';

export function OpButton({ op }: { readonly op: Pick<OperationRecord, 'id' | 'kind'> }) {
  const inspectOp = useLabStore((s) => s.actions.inspectOp);
  const picked = useLabStore((s) => s.selectedOpId === op.id);
  return (
    <button
      type="button"
      className="chip"
      aria-pressed={picked}
      aria-label={`Inspect ${op.kind} #${op.id}`}
      onClick={() => {
        inspectOp(op.id);
      }}
    >
      #{op.id}
    </button>
  );
}
