/** The selected replication link (a chunk of its own: see LinkDetails.tsx): its kind, latency and state, with Cut, Heal and Slow down. */
import { useLabStore } from '../../../store/index.ts';
import { translateRoles, useWords } from '../../vocabulary.ts';
import { LinkActions } from './LinkActions.tsx';
import { Facts } from './Facts.tsx';

export function LinkInspector() {
  const link = useLabStore((s) =>
    s.selectedLink === null
      ? undefined
      : s.snapshot.links.find((l) => l.from === s.selectedLink?.from && l.to === s.selectedLink.to),
  );
  const words = useWords();
  if (link === undefined) return null;
  const state = link.cut ? 'cut by a partition' : link.connected ? 'streaming' : 'not connected';
  const facts: [string, string][] = [
    ['Direction', `${link.from} → ${link.to}`],
    ['Commit', link.sync ? 'synchronous (counts for sync commit)' : 'asynchronous'],
    ['Latency', `${Math.round(link.latencyMs)} ms each way`],
    ['State', state],
  ];
  return (
    <section className="panel node-details" aria-labelledby="link-details-title" data-link-details="">
      <h2 id="link-details-title">
        Link {link.from} → {link.to}
      </h2>
      <Facts facts={facts} />
      <LinkActions link={link} showHeal />
      <p className="hint">
        {translateRoles(
          'Cut partitions the replica (and its own replicas) away from the rest of the cluster.',
          words,
        )}
      </p>
    </section>
  );
}
