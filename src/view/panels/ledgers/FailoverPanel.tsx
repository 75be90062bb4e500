/**
 * The failover manager inspector: its state now, and every failover with its recovery time and point; a
 * failover's times (failed, promoted) show the lab at those instants.
 */
import type { FailoverRecord, FailoverState, FailoverView } from '../../../engine/index.ts';
import { useLabStore } from '../../../store/index.ts';
import { translateRoles, useWords, type Vocabulary } from '../../vocabulary.ts';
import { CollapsiblePanel } from '../CollapsiblePanel.tsx';
import { formatSimTime } from '../../simTime.ts';
import { Facts } from '../inspector/Facts.tsx';
import { SeekTime } from '../SeekTime.tsx';
import { rpoText, rtoText } from '../text/failoverText.ts';

const STATE_TEXT: Record<FailoverState, string> = {
  watching: 'hears the primary’s heartbeats',
  suspecting: 'missed a heartbeat, waiting out the timeout',
  electing: 'choosing the most advanced eligible replica',
  promoting: 'promoting the candidate',
  reconfiguring: 're-pointing the other replicas',
  paused: 'failover set to manual: maintenance mode, no failover or fencing until automatic again',
};

function managerFacts(manager: FailoverView, now: number): [string, string][] {
  return [
    ['State', `${manager.state}: ${STATE_TEXT[manager.state]}`],
    ['Leader lock', manager.leader ?? 'nobody'],
    ...(manager.candidate === undefined ? [] : [['Candidate', manager.candidate] as [string, string]]),
    ['Heartbeat', `every ${manager.heartbeatMs} ms, timeout ${manager.timeoutMs} ms`],
    [
      'Last heartbeat',
      `${formatSimTime(manager.lastHeartbeatAt)} (${formatSimTime(now - manager.lastHeartbeatAt)} ago)`,
    ],
    ['Fencing', manager.fencing ? 'on: a cut-off primary turns read-only' : 'off: split brain is possible'],
    ...(manager.maxLagOnFailover === undefined
      ? []
      : [['Max lag on failover', `${manager.maxLagOnFailover} entries`] as [string, string]]),
  ];
}

function FailoverTable({
  records,
  total,
  words,
}: {
  readonly records: readonly FailoverRecord[];
  /** Every failover so far; the table shows the newest. */
  readonly total: number;
  readonly words: Vocabulary;
}) {
  return (
    <table className="node-data" data-testid="failovers">
      <caption>
        Failovers{total > records.length ? ` (the newest ${records.length} of ${total})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{translateRoles('Old → new primary', words)}</th>
          <th scope="col">Failed</th>
          <th scope="col">Promoted</th>
          <th scope="col">RTO</th>
          <th scope="col">RPO</th>
        </tr>
      </thead>
      <tbody>
        {[...records].reverse().map((r) => (
          <tr key={r.id} data-failover-id={r.id}>
            <th scope="row">{r.id}</th>
            <td>
              {r.oldPrimary} → {r.newPrimary} <span className="muted">({r.trigger})</span>
              {r.splitBrain && <span className="tag tag--danger">split brain</span>}
            </td>
            <td>
              <SeekTime at={r.failedAt} />
            </td>
            <td>
              <SeekTime at={r.promotedAt} />
            </td>
            <td>{rtoText(r)}</td>
            <td className={r.lostWrites > 0 ? 'alert-text' : undefined}>{rpoText(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FailoverPanel() {
  const manager = useLabStore((s) => s.snapshot.failover);
  const records = useLabStore((s) => s.failovers);
  const total = useLabStore((s) => s.snapshot.metrics.failovers);
  const now = useLabStore((s) => s.simTime);
  const words = useWords();
  if (manager === null && records.length === 0) return null;
  const last = records.at(-1);
  return (
    <CollapsiblePanel
      id="failover"
      title="Failover"
      summary={manager === null ? 'manual' : `· ${manager.state}`}
      data={{ 'data-failover-state': manager?.state ?? 'manual' }}
    >
      {manager === null ? (
        <p className="hint">
          {translateRoles('Manual: a replica becomes primary only when you promote it.', words)}
        </p>
      ) : (
        <Facts facts={managerFacts(manager, now).map(([k, v]) => [k, translateRoles(v, words)] as const)} />
      )}
      {last !== undefined && (
        <>
          <Facts
            facts={[
              ['Last RTO', rtoText(last)],
              ['Last RPO', rpoText(last)],
            ]}
          />
          <FailoverTable records={records} total={Math.max(total, records.length)} words={words} />
        </>
      )}
    </CollapsiblePanel>
  );
}
