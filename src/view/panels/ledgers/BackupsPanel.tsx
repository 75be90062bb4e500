/**
 * Backups taken so far (from which node, at which position), each of which can seed a new replica,
 * or, while no primary accepts writes, a new primary.
 */
import { useLabActions, useLabStore } from '../../../store/index.ts';
import { translateRoles, useWords } from '../../vocabulary.ts';
import { CollapsiblePanel } from '../CollapsiblePanel.tsx';
import { formatSimTime } from '../../simTime.ts';
import { eraWord, positionWord } from '../../positionWord.ts';

export function BackupsPanel() {
  const backups = useLabStore((s) => s.backups);
  const actions = useLabActions();
  const words = useWords();
  const system = useLabStore((s) => s.scenario.system);
  const era = eraWord(system);
  // With no primary to stream from, a backup is how a new one is provisioned.
  const readOnly = useLabStore((s) => s.snapshot.metrics.readOnly);
  if (backups.length === 0) return null;
  return (
    <CollapsiblePanel id="backups" title="Backups" summary={`(${backups.length})`}>
      <ul className="plain-list">
        {backups.map((b) => (
          <li key={b.id} className="backup-item" data-backup-id={b.id}>
            <span id={`backup-${b.id}`}>
              <strong>{b.id}</strong> from {b.nodeId} at {positionWord(system)} {b.lsn}, {era} {b.timeline}{' '}
              <span className="muted">
                ({formatSimTime(b.takenAt)}, {Object.keys(b.data).length} keys)
              </span>
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
            {readOnly && (
              <button
                type="button"
                aria-describedby={`backup-${b.id}`}
                title={translateRoles(
                  `Start a new primary from this backup, on a new ${era}: writes after it are lost`,
                  words,
                )}
                onClick={() => {
                  actions.provisionPrimary(b.id);
                }}
              >
                Provision as new {words.primary}
              </button>
            )}
          </li>
        ))}
      </ul>
    </CollapsiblePanel>
  );
}
