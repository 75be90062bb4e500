/** The space-time diagram as a table: the messages in view, newest last, with what they carried and how they ended. */
import { useLabActions, formatSeconds } from '../../store/index.ts';
import type { TimeWindow } from './geometry.ts';
import { outcomeText, payloadText } from './messageText.ts';

/** Rows shown at most: the latest in view. */
const ROWS = 200;

export function SpaceTimeTable({ window }: { readonly window: TimeWindow }) {
  const actions = useLabActions();
  const { messages } = actions.spaceTime(window.from, window.to);
  const rows = messages.slice(-ROWS);
  return (
    // Focusable, so a keyboard can scroll it.
    <div className="spacetime-table" tabIndex={0} role="region" aria-label="Messages in view">
      <table>
        <caption>
          Messages sent from {formatSeconds(window.from)} to {formatSeconds(window.to)}
          {messages.length > rows.length
            ? ` (the latest ${rows.length} of ${messages.length})`
            : ` (${messages.length})`}
        </caption>
        <thead>
          <tr>
            <th scope="col">From → to</th>
            <th scope="col">Kind</th>
            <th scope="col">Payload</th>
            <th scope="col">Sent</th>
            <th scope="col">Arrival</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} data-message-id={m.id}>
              <td>
                {m.from} → {m.to}
              </td>
              <td>{m.kind}</td>
              <td>{payloadText(m)}</td>
              <td>{formatSeconds(m.sentAt)}</td>
              <td>{outcomeText(m)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
