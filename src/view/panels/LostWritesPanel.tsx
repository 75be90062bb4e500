/** The ledger of acknowledged writes that a failover lost, and why. */
import { useLabStore } from '../../store/index.ts';
import { translateRoles, useWords } from '../vocabulary.ts';

export function LostWritesPanel() {
  const lost = useLabStore((s) => s.lostWrites);
  const total = useLabStore((s) => s.snapshot.metrics.lostWrites);
  const words = useWords();
  if (lost.length === 0) return null;
  return (
    <section className="panel panel--danger" aria-labelledby="lost-title">
      <h2 id="lost-title">Lost writes ({total})</h2>
      <p className="hint">{translateRoles(lost.at(-1)?.lostReason ?? 'Lost in a failover.', words)}</p>
      <ul className="plain-list lost-list">
        {lost
          .slice(-6)
          .reverse()
          .map((op) => (
            <li key={op.id}>
              {op.key} = "{op.value ?? ''}"{' '}
              <span className="muted">
                (write #{op.id} on {op.nodeId})
              </span>
            </li>
          ))}
      </ul>
    </section>
  );
}
