import { describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../store/index.ts';
import { VOCABULARIES } from '../view/vocabulary.ts';
import { topologyTitle } from './topologyTitle.ts';

describe('topologyTitle', () => {
  it('says the preset titles in the chosen words', () => {
    const primary = VOCABULARIES['primary-replica'];
    expect(topologyTitle('master-slave', primary)).toBe('Primary and two replicas (async)');
    expect(topologyTitle('master-master', primary)).toBe('Primary-primary with one replica each');
    expect(topologyTitle('pgd-regions', VOCABULARIES['leader-follower'])).toBe(
      'PGD-style multi-region leader-leader: async, conflicts settled by last update wins',
    );
    expect(topologyTitle('pg-regions', VOCABULARIES['master-slave'])).toContain('async DR slave');
    expect(topologyTitle('cascading', VOCABULARIES['master-slave'])).toBe('Cascading slaves');
  });

  it('leaves no word of another vocabulary in any title', () => {
    for (const name of PRESET_NAMES) {
      expect(topologyTitle(name, VOCABULARIES['primary-replica'])).not.toMatch(/\b(master|slave)s?\b/i);
      expect(topologyTitle(name, VOCABULARIES['master-slave'])).not.toMatch(/\b(primary|replica)s?\b/i);
    }
  });
});
