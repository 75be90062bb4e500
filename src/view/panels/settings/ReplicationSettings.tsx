/** Replication mode and its parameters: synchronous count, schedule interval, ack level. */
import type { ReplicationMode } from '../../../engine/index.ts';
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

export function ReplicationSettings() {
  const actions = useLabActions();
  const replication = useLabStore((s) => s.settings.replication);
  const standbyNames = useLabStore((s) => s.snapshot.replication.synchronousStandbyNames);
  const words = useWords();
  const t = (text: string) => translateRoles(text, words);
  const modes = MODES.map(([mode, text]) => [mode, t(text)] as const);
  const waits = replication.mode === 'sync' || replication.mode === 'semi-sync';
  return (
    <fieldset className="settings-group">
      <legend>Replication</legend>
      <SelectField
        label="Replication mode"
        value={replication.mode}
        options={modes}
        onChange={(mode) => {
          actions.applySettings({ replication: { mode } });
        }}
      />
      <p className="hint">
        {standbyNames === undefined
          ? t(MODE_HINT[replication.mode])
          : t(
              `The primary acknowledges once its synchronous standbys confirmed: synchronous_standby_names = '${standbyNames}'.`,
            )}
      </p>
      {replication.mode === 'semi-sync' && (
        <NumberField
          label="Synchronous count"
          value={replication.syncCount}
          min={1}
          max={64}
          hint={t('Confirmations a write waits for (k in ANY k)')}
          onCommit={(syncCount) => {
            actions.applySettings({ replication: { syncCount } });
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
            actions.applySettings({ replication: { intervalMs } });
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
            actions.applySettings({ replication: { ackOn } });
          }}
        />
      )}
    </fieldset>
  );
}
