/** The last few engine events as sentences, newest first, announced politely. */
import { useMemo } from 'react';
import { useLabStore } from '../../store/index.ts';
import { translateRoles, useWords } from '../vocabulary.ts';
import { describeEvent, formatSimTime, isWorthListing } from './eventText.ts';

export function EventLog({ limit = 8 }: { readonly limit?: number }) {
  const events = useLabStore((s) => s.events);
  const words = useWords();
  const shown = useMemo(() => events.filter(isWorthListing).slice(-limit).reverse(), [events, limit]);
  return (
    <section className="panel event-log" aria-labelledby="event-log-title">
      <h2 id="event-log-title">Recent events</h2>
      {/* The log role sits on a wrapper: on the <ol> itself it would hide the list from assistive tech. */}
      <div role="log" aria-live="polite">
        <ol className="event-list">
          {shown.map((event) => (
            <li key={event.seq}>
              <time className="event-time">{formatSimTime(event.at)}</time>
              <span>{translateRoles(describeEvent(event, words), words)}</span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
