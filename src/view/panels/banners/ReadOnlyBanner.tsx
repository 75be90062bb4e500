/** A banner while no primary is up: every write fails until a replica is promoted. */
import { useLabStore } from '../../../store/index.ts';
import { useWords } from '../../vocabulary.ts';

export function ReadOnlyBanner() {
  const readOnly = useLabStore((s) => s.snapshot.metrics.readOnly);
  const words = useWords();
  if (!readOnly) return null;
  return (
    <p role="status" className="banner banner--danger" data-banner="read-only">
      <span aria-hidden="true">⚠ </span>
      The system is read-only: no {words.primary} is up. Writes fail until a {words.replica} is promoted or
      the {words.primary} restarts.
    </p>
  );
}
