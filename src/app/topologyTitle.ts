/** The presets' titles in the chosen words, as the Topology picker lists them. */
import { presetTitle, type PresetName } from '../store/index.ts';
import type { Vocabulary } from '../view/vocabulary.ts';

const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A role word of the engine's titles, which speak master/slave or primary/replica. */
const ROLE_WORDS = /\b(master|slave|replica)(s?)\b/gi;

/** A preset's title in the chosen words: "Master-master with one slave each" → "Primary-primary with one replica each". */
export function topologyTitle(name: PresetName, words: Vocabulary): string {
  return presetTitle(name).replace(ROLE_WORDS, (found: string, role: string, plural: string) => {
    const master = role.toLowerCase() === 'master';
    const word = master
      ? plural
        ? words.primaries
        : words.primary
      : plural
        ? words.replicas
        : words.replica;
    return found.startsWith(role.toLowerCase()) ? word : cap(word);
  });
}
