/** The failover manager: manual or automatic, heartbeat interval, timeout, maximum lag and fencing. */
import { useLabActions, useLabStore } from '../../../store/index.ts';
import { translateRoles, useWords } from '../../vocabulary.ts';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

const MODE_HINT = {
  manual:
    'An operator promotes a replica by hand when the primary fails. A failover manager already running is paused (like patronictl pause) until automatic again.',
  automatic:
    'A failover manager (like Patroni) hears the primary’s heartbeats and, after the timeout, promotes the most advanced eligible replica.',
} as const;

export function FailoverSettings() {
  const actions = useLabActions();
  const failover = useLabStore((s) => s.settings.failover);
  const words = useWords();
  const t = (text: string) => translateRoles(text, words);
  const automatic = failover.mode === 'automatic';
  return (
    <fieldset className="settings-group">
      <legend>Failover</legend>
      <SelectField
        label="Failover mode"
        value={failover.mode}
        options={[
          ['manual', 'manual (promote by hand)'],
          ['automatic', 'automatic (failover manager)'],
        ]}
        onChange={(mode) => {
          actions.changeSettings({ failover: { mode } });
        }}
      />
      <p className="hint">{t(MODE_HINT[failover.mode])}</p>
      {automatic && (
        <>
          <NumberField
            label="Heartbeat interval"
            value={failover.heartbeatMs}
            min={10}
            max={600_000}
            integer
            unit="ms"
            hint={t('How often the primary renews its leader lock (Patroni loop_wait); applied on Enter')}
            validate={(heartbeatMs) =>
              failover.timeoutMs < 2 * heartbeatMs
                ? `Heartbeat interval must be at most half the failover timeout (${failover.timeoutMs} ms), so one lost heartbeat does not cause a failover.`
                : null
            }
            onCommit={(heartbeatMs) => {
              actions.changeSettings({ failover: { heartbeatMs } });
            }}
          />
          <NumberField
            label="Failover timeout"
            value={failover.timeoutMs}
            min={20}
            max={3_600_000}
            integer
            unit="ms"
            hint={t('Silence from the primary before a failover starts (Patroni ttl); applied on Enter')}
            validate={(timeoutMs) =>
              timeoutMs < 2 * failover.heartbeatMs
                ? `Failover timeout must be at least twice the heartbeat interval (${2 * failover.heartbeatMs} ms or more).`
                : null
            }
            onCommit={(timeoutMs) => {
              actions.changeSettings({ failover: { timeoutMs } });
            }}
          />
          <NumberField
            label="Max lag on failover"
            value={failover.maxLagOnFailover}
            min={0}
            max={100_000_000}
            integer
            unit="entries"
            emptyMeans="no limit"
            hint={t(
              'A replica further behind than this is never promoted (Patroni maximum_lag_on_failover); empty means no limit',
            )}
            onCommit={(maxLagOnFailover) => {
              actions.changeSettings({ failover: { maxLagOnFailover } });
            }}
            onClear={() => {
              actions.changeSettings({ failover: { maxLagOnFailover: undefined } });
            }}
          />
          <div className="setting setting--check">
            <input
              id="failover-fencing"
              type="checkbox"
              checked={failover.fencing}
              onChange={(e) => {
                actions.changeSettings({ failover: { fencing: e.target.checked } });
              }}
            />
            <label htmlFor="failover-fencing">
              {t('Fencing: a primary that loses its lease stops accepting writes')}
            </label>
          </div>
        </>
      )}
    </fieldset>
  );
}
