/** Backups taken so far, each of which can seed a new node streaming from the current primary. */
import { useLabActions, useLabStore } from '../../store/index.ts';
import { translateRoles, useWords } from '../vocabulary.ts';
import { formatSimTime } from './eventText.ts';

export function BackupsPanel() {
  const backups = useLabStore((s) => s.backups);
  const actions = useLabActions();
  const words = useWords();
  if (backups.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <ul className="plain-list">
        {backups.map((b) => (
          <li key={b.id} className="backup-item">
            <span id={`backup-${b.id}`}>
              <strong>{b.id}</strong> from {b.nodeId} at LSN {b.lsn}{' '}
              <span className="muted">({formatSimTime(b.takenAt)})</span>
            </span>
            <button
              type="button"
              aria-describedby={`backup-${b.id}`}
              title={translateRoles(
                'Provision a new replica from this backup, streaming from the primary',
                words,
              )}
              onClick={() => {
                actions.restoreBackup(b.id);
              }}
            >
              Restore as new node
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
