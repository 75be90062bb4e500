/** Lesson text with role placeholders (`{primary}`, `{Replicas}`...) resolved in the chosen vocabulary. */
import type { Vocabulary } from '../../view/vocabulary.ts';

export const PLACEHOLDER = /\{(primary|replica|primaries|replicas|Primary|Replica|Primaries|Replicas)\}/g;
/** Any `{word}`: the lesson test checks every one is a known placeholder. */
export const ANY_PLACEHOLDER = /\{([^}]*)\}/g;

export function lessonText(text: string, words: Vocabulary): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    const word = words[name.toLowerCase() as keyof Vocabulary];
    return name === name.toLowerCase() ? word : word.charAt(0).toUpperCase() + word.slice(1);
  });
}
