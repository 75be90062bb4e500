/** One sentence per preset saying what the reader is looking at, in the UI's vocabulary. */
import type { PresetName } from '../store/index.ts';
import type { Vocabulary } from '../view/vocabulary.ts';

const HINT = 'Writes flow from the workload; click a node to inspect it.';

const CAPTIONS: Partial<Record<PresetName, (w: Vocabulary) => string>> = {
  'master-slave': (w) => `A ${w.primary} replicates every write to two ${w.replicas} asynchronously.`,
  cascading: (w) =>
    `A ${w.primary} feeds two ${w.replicas}; one of them feeds further ${w.replicas} in a tree.`,
  'sync-standby': (w) =>
    `A ${w.primary} waits on every write for its synchronous standby, pg2 (synchronous_standby_names = 'FIRST 1 (pg2)'); two async ${w.replicas} and a cascaded reporting ${w.replica} follow.`,
  scheduled: (w) => `A ${w.primary} ships its writes to two ${w.replicas} in batches every 2 seconds.`,
  'master-master': (w) =>
    `Two ${w.primaries} both accept writes and replicate to each other, with one ${w.replica} each.`,
  'auto-failover': (w) =>
    `A failover manager watches the ${w.primary}'s heartbeats and promotes a ${w.replica} when they stop.`,
};

export function captionFor(preset: PresetName, words: Vocabulary): string {
  const caption = CAPTIONS[preset];
  return caption === undefined ? HINT : `${caption(words)} ${HINT}`;
}
