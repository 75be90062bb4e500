/** Role words for the UI: master/slave by default, with primary/replica and leader/follower on offer. */
import type { Role } from '../engine/index.ts';
import type { VocabularyName } from '../store/index.ts';

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

export function roleWord(vocabulary: Vocabulary, role: Role): string {
  return role === 'primary' ? vocabulary.primary : vocabulary.replica;
}
