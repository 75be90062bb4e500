/**
 * A banner while no primary accepts writes: every write fails until a replica is promoted, the primary
 * restarts, or (a certifying group's members up but without quorum: Galera's non-Primary component) enough
 * of the group returns.
 */
import { useLabStore } from '../../../store/index.ts';
import { useWords } from '../../vocabulary.ts';

export function ReadOnlyBanner() {
  const readOnly = useLabStore((s) => s.snapshot.metrics.readOnly);
  // Read while the banner shows only: the selector runs at every tick of the run.
  const cutOff = useLabStore((s) =>
    !s.snapshot.metrics.readOnly
      ? ''
      : s.snapshot.nodes
          .filter((n) => n.role === 'primary' && n.status === 'up' && n.peers.length > 0 && !n.quorum)
          .map((n) => n.id)
          .join(', '),
  );
  const galera = useLabStore((s) => s.scenario.system === 'mariadb');
  const words = useWords();
  if (!readOnly) return null;
  return (
    <p role="status" className="banner banner--danger" data-banner="read-only">
      <span aria-hidden="true">⚠ </span>
      {cutOff === '' ? (
        <>
          The system is read-only: no {words.primary} is up. Writes fail until a {words.replica} is promoted
          or the {words.primary} restarts.
        </>
      ) : (
        <>
          The system is read-only: {cutOff} {cutOff.includes(',') ? 'are' : 'is'} up but{' '}
          {galera ? 'outside the Primary Component (error 1047)' : 'without quorum'}. Reads and writes fail
          there until enough of its group is back.
        </>
      )}
    </p>
  );
}
