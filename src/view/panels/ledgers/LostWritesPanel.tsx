/**
 * The lost-writes ledger: each acknowledged-then-lost write, who acknowledged it, when, and what lost it;
 * the failover's time shows the lab at that instant.
 */
import type { FailoverRecord, OperationRecord } from '../../../engine/index.ts';
import { useLabStore } from '../../../store/index.ts';
import { translateRoles, useWords } from '../../vocabulary.ts';
import { CollapsiblePanel } from '../CollapsiblePanel.tsx';
import { formatSimTime } from '../../simTime.ts';
import { SeekTime } from '../SeekTime.tsx';
import { failoverName, failoverThatLost } from '../text/failoverText.ts';
import { OpButton } from './OpButton.tsx';

/** "failover #2 (db1 → db2) at 4.20 s", the time a button; "a rewind" when no failover lost it. */
function LostIn({
  op,
  failovers,
}: {
  readonly op: OperationRecord;
  readonly failovers: readonly FailoverRecord[];
}) {
  const record = failoverThatLost(op, failovers);
  if (record === undefined) return 'a rewind';
  return (
    <>
      {failoverName(record)} at <SeekTime at={record.promotedAt} />
    </>
  );
}

export function LostWritesPanel() {
  const lost = useLabStore((s) => s.lostWrites);
  const failovers = useLabStore((s) => s.failovers);
  const total = useLabStore((s) => s.snapshot.metrics.lostWrites);
  const words = useWords();
  if (lost.length === 0) return null;
  return (
    <CollapsiblePanel id="lost-writes" className="panel--danger" title={`Lost writes (${total})`}>
      <p className="hint">{translateRoles(lost.at(-1)?.lostReason ?? 'Lost in a failover.', words)}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={'Lost writes'}>
        <table className="node-data ledger" data-testid="lost-writes">
          <caption className="visually-hidden">Acknowledged writes that were lost, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Write</th>
              <th scope="col">Key = value</th>
              <th scope="col">Acked by</th>
              <th scope="col">Acked at</th>
              <th scope="col">Lost in</th>
            </tr>
          </thead>
          <tbody>
            {[...lost].reverse().map((op) => (
              <tr key={op.id} data-op-id={op.id} title={translateRoles(op.lostReason ?? '', words)}>
                <th scope="row">
                  <OpButton op={op} />
                </th>
                <td>
                  {op.key} = "{op.value ?? ''}"
                </td>
                <td>{op.nodeId}</td>
                <td>{op.endedAt === undefined ? '—' : formatSimTime(op.endedAt)}</td>
                <td>
                  <LostIn op={op} failovers={failovers} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {lost.length < total && (
        <p className="hint">
          The {lost.length} most recent of {total} are listed.
        </p>
      )}
    </CollapsiblePanel>
  );
}
