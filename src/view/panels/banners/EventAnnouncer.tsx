/**
 * What screen readers hear of the event log: a polite digest at most every POLITE_MS of wall time,
 * and at once (assertively) only when a primary goes down or the cluster splits its brain.
 */
import { useEffect, useState } from 'react';
import type { EngineEvent } from '../../../engine/index.ts';
import { useLabStoreApi } from '../../../store/index.ts';
import { translateRoles, VOCABULARIES } from '../../vocabulary.ts';
import { isAnnounced, isUrgent } from '../text/eventFacets.ts';
import { describeEvent } from '../text/eventText.ts';

const POLITE_MS = 2500;
const KEPT = 4;

export function EventAnnouncer() {
  const store = useLabStoreApi();
  const [polite, setPolite] = useState<readonly { id: number; text: string }[]>([]);
  const [urgent, setUrgent] = useState('');

  useEffect(() => {
    let lastSeq = store.getState().events.at(-1)?.seq ?? -1;
    let queued: EngineEvent[] = [];
    let messageId = 0;
    const words = () => VOCABULARIES[store.getState().vocabulary];
    const system = () => store.getState().scenario.system;
    const flush = () => {
      if (queued.length === 0) return;
      const latest = queued.at(-1) as EngineEvent;
      const more = queued.length > 1 ? ` (and ${queued.length - 1} more)` : '';
      const text = `${translateRoles(describeEvent(latest, words(), system()), words())}${more}.`;
      queued = [];
      messageId++;
      const id = messageId;
      setPolite((old) => [...old.slice(1 - KEPT), { id, text }]);
    };
    const timer = setInterval(flush, POLITE_MS);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.events === previous.events) return;
      if (state.snapshot.time < previous.snapshot.time) lastSeq = -1;
      const roles = new Map(previous.snapshot.nodes.map((n) => [n.id, n.role]));
      const urgentNow: string[] = [];
      for (const event of state.events) {
        if (event.seq <= lastSeq) continue;
        lastSeq = event.seq;
        if (isUrgent(event, (id) => roles.get(id))) {
          const text =
            event.type === 'node-down'
              ? `${event.nodeId}, the ${words().primary}, is down`
              : translateRoles(describeEvent(event, words(), system()), words());
          urgentNow.push(text);
        } else if (isAnnounced(event)) queued.push(event);
      }
      if (urgentNow.length > 0) setUrgent(`${urgentNow.join('. ')}.`);
    });
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [store]);

  return (
    <div className="visually-hidden">
      <div role="log" aria-live="polite" aria-label="Event announcements" data-announcer="polite">
        {polite.map((m) => (
          <p key={m.id}>{m.text}</p>
        ))}
      </div>
      <div aria-live="assertive" aria-atomic="true" data-announcer="urgent">
        {urgent}
      </div>
    </div>
  );
}
