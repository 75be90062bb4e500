/** Role words for the UI: master/slave by default, with primary/replica and leader/follower on offer. */
import type { Role } from '../engine/index.ts';
import { useLabStore, type VocabularyName } from '../store/index.ts';

export interface Vocabulary {
  readonly primary: string;
  readonly replica: string;
  readonly primaries: string;
  readonly replicas: string;
}

export const VOCABULARIES: Record<VocabularyName, Vocabulary> = {
  'master-slave': { primary: 'master', replica: 'slave', primaries: 'masters', replicas: 'slaves' },
  'primary-replica': { primary: 'primary', replica: 'replica', primaries: 'primaries', replicas: 'replicas' },
  'leader-follower': { primary: 'leader', replica: 'follower', primaries: 'leaders', replicas: 'followers' },
};

export const VOCABULARY_LABELS: Record<VocabularyName, string> = {
  'master-slave': 'master / slave',
  'primary-replica': 'primary / replica',
  'leader-follower': 'leader / follower',
};

export function roleWord(vocabulary: Vocabulary, role: Role): string {
  return role === 'primary' ? vocabulary.primary : vocabulary.replica;
}

/** The role words as whole words, not inside ids such as "replica-2" or "pg-primary". */
const ROLE_WORDS =
  /(?<![\w.-])(primary|primaries|replica|replicas|Primary|Primaries|Replica|Replicas)(?![\w-]|\.\w)/g;

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Rewrites the engine's words (primary/replica) in `text` into the chosen vocabulary. */
export function translateRoles(text: string, vocabulary: Vocabulary): string {
  return text.replace(ROLE_WORDS, (word: string) => {
    const lower = word.toLowerCase() as keyof Vocabulary;
    const replacement = vocabulary[lower];
    return word === lower ? replacement : capitalise(replacement);
  });
}

/** The vocabulary the user chose. */
export function useWords(): Vocabulary {
  return VOCABULARIES[useLabStore((s) => s.vocabulary)];
}
