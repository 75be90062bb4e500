/** Replication mode and its parameters: synchronous count, schedule interval, ack level. */
import { useId } from 'react';
import type { ConflictResolution, ReplicationMode } from '../../../engine/index.ts';
import { useLabActions, useLabStore } from '../../../store/index.ts';
import { translateRoles, useWords } from '../../vocabulary.ts';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

const MODES: readonly (readonly [ReplicationMode, string])[] = [
  ['async', 'asynchronous'],
  ['sync', 'synchronous (all sync replicas)'],
  ['semi-sync', 'semi-synchronous (any k)'],
  ['scheduled', 'scheduled (batches)'],
];

const MODE_HINT: Record<ReplicationMode, string> = {
  async: 'The primary acknowledges after its local commit: fast, but a failover can lose writes.',
  sync: 'The primary acknowledges only when every sync replica confirmed: nothing lost, slower writes; one sync replica down blocks writes.',
  'semi-sync': 'The primary acknowledges once k replicas confirmed (PostgreSQL ANY k).',
  scheduled: 'The primary ships what it committed in batches at each interval, like log shipping.',
};

/** MariaDB's own account of the modes it has (semi-sync waits for receipt, then times out to async). */
const MARIADB_MODE_HINT: Partial<Record<ReplicationMode, string>> = {
  async:
    'The primary acknowledges once its binary log has the transaction; replicas fetch and apply it later (Seconds_Behind_Master): a failover can lose writes.',
  'semi-sync':
    'The primary’s commit waits until a replica has the transaction in its relay log (rpl_semi_sync_master_enabled), for at most rpl_semi_sync_master_timeout; then it goes on asynchronously until a replica catches up.',
};

const RESOLUTIONS: readonly (readonly [ConflictResolution, string])[] = [
  ['lww', 'last writer wins'],
  ['siblings', 'siblings (keep both, resolve by hand)'],
  ['none', 'none: arrival order, nodes may diverge (MariaDB source-source)'],
];

/** The modes the engine refuses for this topology (a multi-primary group), each with its message. */
function useRefusedModes(): Partial<Record<ReplicationMode, string>> {
  const actions = useLabActions();
  const multiPrimary = useLabStore((s) => s.snapshot.replication.multiPrimary);
  const refused: Partial<Record<ReplicationMode, string>> = {};
  if (!multiPrimary) return refused;
  for (const [mode] of MODES) {
    const problem = actions
      .settingsProblems({ replication: { mode } })
      .find((p) => p.startsWith('replication.mode:'));
    if (problem !== undefined) refused[mode] = problem.replace(/^replication\.mode:\s*/, '');
  }
  return refused;
}

export function ReplicationSettings() {
  const actions = useLabActions();
  const replication = useLabStore((s) => s.settings.replication);
  const standbyNames = useLabStore((s) => s.snapshot.replication.synchronousStandbyNames);
  const mariadb = useLabStore((s) => s.scenario.system === 'mariadb');
  const words = useWords();
  const t = (text: string) => translateRoles(text, words);
  const modes = MODES.map(([mode, text]) => [mode, t(text)] as const);
  const waits = replication.mode === 'sync' || replication.mode === 'semi-sync';
  const multiPrimary = useLabStore((s) => s.snapshot.replication.multiPrimary);
  const resolution = useLabStore((s) => s.settings.conflictResolution);
  const refused = useRefusedModes();
  const refusedList = MODES.filter(([mode]) => refused[mode] !== undefined);
  const refusedId = useId();
  return (
    <fieldset className="settings-group">
      <legend>Replication</legend>
      <SelectField
        label="Replication mode"
        value={replication.mode}
        options={modes}
        disabled={Object.fromEntries(refusedList.map(([mode]) => [mode, t(refused[mode] ?? '')]))}
        {...(refusedList.length > 0 ? { describedBy: refusedId } : {})}
        onChange={(mode) => {
          actions.changeSettings({ replication: { mode } });
        }}
      />
      {refusedList.length > 0 && (
        <div id={refusedId} className="hint settings-refused">
          {t('Not for a group of primaries, so disabled:')}
          <ul>
            {refusedList.map(([mode, text]) => (
              <li key={mode}>
                {t(text)}: {t(refused[mode] ?? '')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint">
        {mariadb || standbyNames === undefined
          ? t((mariadb ? MARIADB_MODE_HINT[replication.mode] : undefined) ?? MODE_HINT[replication.mode])
          : t(
              `The primary acknowledges once its synchronous standbys confirmed: synchronous_standby_names = '${standbyNames}'.`,
            )}
      </p>
      {multiPrimary && (
        <>
          <SelectField
            label="Conflict resolution"
            value={resolution}
            options={RESOLUTIONS}
            onChange={(conflictResolution) => {
              actions.changeSettings({ conflictResolution });
            }}
          />
          <p className="hint">
            {t(
              replication.mode === 'sync'
                ? 'Synchronous groups certify each write instead (the later of two concurrent writes fails); this applies in asynchronous mode.'
                : resolution === 'siblings'
                  ? 'Concurrent writes to a key are all kept as siblings until someone resolves them.'
                  : 'Of concurrent writes to a key, the later origin commit time wins on every primary; the other is overwritten.',
            )}
          </p>
        </>
      )}
      {replication.mode === 'semi-sync' && (
        <NumberField
          label="Synchronous count"
          value={replication.syncCount}
          min={1}
          max={64}
          hint={t(
            mariadb
              ? 'Replicas a commit waits for (MySQL’s rpl_semi_sync_source_wait_for_replica_count; MariaDB waits for one)'
              : 'Confirmations a write waits for (k in ANY k)',
          )}
          onCommit={(syncCount) => {
            actions.changeSettings({ replication: { syncCount } });
          }}
        />
      )}
      {replication.mode === 'scheduled' && (
        <NumberField
          label="Schedule interval"
          value={replication.intervalMs}
          min={10}
          max={3_600_000}
          step={100}
          unit="ms"
          onCommit={(intervalMs) => {
            actions.changeSettings({ replication: { intervalMs } });
          }}
        />
      )}
      {waits && (
        <SelectField
          label="Ack level"
          value={replication.ackOn}
          options={[
            ['received', t('received (replica flushed it)')],
            ['applied', t('applied (reads on the replica see it)')],
          ]}
          onChange={(ackOn) => {
            actions.changeSettings({ replication: { ackOn } });
          }}
        />
      )}
    </fieldset>
  );
}
