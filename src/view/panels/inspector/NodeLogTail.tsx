/** The newest entries of a node's log, each marked applied (visible to reads) or not yet. */
import type { DatabaseSystem, NodeView } from '../../../engine/index.ts';
import { formatSimTime } from '../../simTime.ts';
import { logTerms } from '../text/nodeFacts.ts';

export function NodeLogTail({
  node,
  system,
}: {
  readonly node: NodeView;
  readonly system: DatabaseSystem | undefined;
}) {
  const terms = logTerms(system);
  const entries = [...node.logTail].reverse();
  const pending = node.role === 'primary' ? 'awaiting confirmation' : 'received, not applied';
  return (
    <div className="table-block">
      <table className="node-data log-tail" data-testid="log-tail">
        <caption>
          Log tail on {node.id} <span className="muted">(newest first)</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{terms.position}</th>
            <th scope="col">Entry</th>
            <th scope="col">Origin</th>
            <th scope="col">Committed</th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                The log is empty
              </td>
            </tr>
          ) : (
            entries.map((entry) => (
              <tr
                key={`${entry.timeline}-${entry.lsn}`}
                className={entry.lsn > node.appliedLsn ? 'differs' : undefined}
              >
                <th scope="row">
                  {entry.lsn}
                  {entry.timeline === node.timeline ? '' : ` (${terms.otherTimeline} ${entry.timeline})`}
                </th>
                <td>
                  {entry.key} = {entry.value}
                  {entry.lsn > node.appliedLsn && <span className="tag tag--warn">{pending}</span>}
                </td>
                <td>{entry.origin}</td>
                <td>{formatSimTime(entry.committedAt)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
