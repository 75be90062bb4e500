/**
 * The event log: every engine event as a sentence in the chosen words, newest first, filterable by
 * node and kind; picking one selects the node or write it concerns, and its time shows the lab then.
 * Screen readers hear a throttled digest (EventAnnouncer), not every row.
 */
import { memo, useMemo, useState } from 'react';
import type { EngineEvent } from '../../../engine/index.ts';
import { useLabActions, useLabStore } from '../../../store/index.ts';
import { translateRoles, useWords } from '../../vocabulary.ts';
import { CollapsiblePanel } from '../CollapsiblePanel.tsx';
import { EVENT_KIND_LABELS, eventKind, eventNodes, eventOpId, type EventKind } from '../text/eventFacets.ts';
import { SeekTime } from '../SeekTime.tsx';
import { describeEvent, isWorthListing } from '../text/eventText.ts';

const ALL = '';
const SHOWN = 40;

function matches(event: EngineEvent, nodeId: string, kind: EventKind | typeof ALL): boolean {
  if (kind === ALL ? !isWorthListing(event) : eventKind(event) !== kind) return false;
  return nodeId === ALL || eventNodes(event).includes(nodeId);
}

/** A row re-renders only when its event or words change (events are immutable), not at every paced update. */
const EventRow = memo(function EventRow({
  event,
  text,
}: {
  readonly event: EngineEvent;
  readonly text: string;
}) {
  const actions = useLabActions();
  const select = useLabStore((s) => s.select);
  const opId = eventOpId(event);
  const nodeId = eventNodes(event)[0];
  const pick =
    opId !== undefined
      ? () => {
          actions.inspectOp(opId);
        }
      : nodeId !== undefined
        ? () => {
            select(nodeId);
          }
        : undefined;
  return (
    <li data-event-seq={event.seq} data-event-type={event.type}>
      <SeekTime at={event.at} className="event-time" />
      {pick === undefined ? (
        <span>{text}</span>
      ) : (
        <button
          type="button"
          className="event-pick"
          title={opId === undefined ? `Select ${nodeId ?? ''}` : `Inspect operation #${opId}`}
          onClick={pick}
        >
          {text}
        </button>
      )}
    </li>
  );
});

export function EventLog() {
  const events = useLabStore((s) => s.events);
  const nodeIds = useLabStore((s) => s.snapshot.nodes.map((n) => n.id).join(' '));
  const total = useLabStore((s) => s.events.at(-1)?.seq ?? -1) + 1;
  const words = useWords();
  const system = useLabStore((s) => s.scenario.system);
  const [nodeFilter, setNodeFilter] = useState<string>(ALL);
  const [kindFilter, setKindFilter] = useState<EventKind | typeof ALL>(ALL);
  const shown = useMemo(() => {
    const out: EngineEvent[] = [];
    for (let i = events.length - 1; i >= 0 && out.length < SHOWN; i--) {
      const event = events[i] as EngineEvent;
      if (matches(event, nodeFilter, kindFilter)) out.push(event);
    }
    return out;
  }, [events, nodeFilter, kindFilter]);
  const nodeOptions = useMemo(() => {
    const ids = new Set(nodeIds.split(' ').filter((id) => id !== ''));
    for (const event of events) for (const id of eventNodes(event)) ids.add(id);
    return [...ids].sort(new Intl.Collator('en', { numeric: true }).compare);
  }, [events, nodeIds]);

  return (
    <CollapsiblePanel id="events" className="event-log" title="Event log" summary={`(${total} events)`}>
      <div className="event-filters" role="group" aria-label="Filter events">
        <label className="inline-field">
          Node
          <select
            value={nodeFilter}
            onChange={(e) => {
              setNodeFilter(e.target.value);
            }}
          >
            <option value={ALL}>All nodes</option>
            {nodeOptions.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Kind
          <select
            value={kindFilter}
            onChange={(e) => {
              setKindFilter(e.target.value as EventKind | typeof ALL);
            }}
          >
            <option value={ALL}>All but routine reads</option>
            {Object.entries(EVENT_KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol className="event-list" aria-label="Events, newest first">
        {shown.map((event) => (
          <EventRow
            key={event.seq}
            event={event}
            text={translateRoles(describeEvent(event, words, system), words)}
          />
        ))}
        {shown.length === 0 && <li className="muted">No events match.</li>}
      </ol>
    </CollapsiblePanel>
  );
}
