/** An urgent banner while two primaries accept writes: what split brain is, in one sentence. */
import { useLabStore } from '../../../store/index.ts';
import { useWords } from '../../vocabulary.ts';

export function SplitBrainBanner() {
  const splitBrain = useLabStore((s) => s.snapshot.metrics.splitBrain);
  const maria = useLabStore((s) => s.scenario.system === 'mariadb');
  const words = useWords();
  if (!splitBrain) return null;
  return (
    <p role="alert" className="banner banner--danger" data-banner="split-brain">
      <span aria-hidden="true">⚠ </span>
      Split brain: two {words.primary}s accept writes at once.{' '}
      {maria
        ? `MariaDB demotes neither and nothing replicates between them: their data drift apart until one follows the other (Follow, in its menu).`
        : `Writes on the cut-off ${words.primary} will be lost when the network heals; fencing prevents this.`}
    </p>
  );
}
