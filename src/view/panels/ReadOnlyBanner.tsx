/** An alert while no primary is up: every write fails until a replica is promoted. */
import { useLabStore } from '../../store/index.ts';
import { VOCABULARIES } from '../vocabulary.ts';

export function ReadOnlyBanner() {
  const readOnly = useLabStore((s) => s.snapshot.metrics.readOnly);
  const words = VOCABULARIES[useLabStore((s) => s.vocabulary)];
  if (!readOnly) return null;
  return (
    <p role="alert" className="banner banner--danger">
      No {words.primary} is up: the system is read-only until a {words.replica} is promoted.
    </p>
  );
}
