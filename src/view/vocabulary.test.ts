import { describe, expect, it } from 'vitest';
import { translateRoles, VOCABULARIES } from './vocabulary.ts';

const slaves = VOCABULARIES['master-slave'];

describe('translating the engine words into the chosen vocabulary', () => {
  it('replaces whole words, keeping plurals and capitals', () => {
    expect(translateRoles('Primary db1 feeds two replicas; a replica is read-only', slaves)).toBe(
      'Master db1 feeds two slaves; a slave is read-only',
    );
    expect(translateRoles('db2 is now the primary.', slaves)).toBe('db2 is now the master.');
  });

  it('translates engine error messages', () => {
    expect(
      translateRoles('db2 is a read-only replica: cannot execute INSERT in a read-only transaction', slaves),
    ).toBe('db2 is a read-only slave: cannot execute INSERT in a read-only transaction');
    expect(
      translateRoles('the system is read-only until a replica is promoted', VOCABULARIES['leader-follower']),
    ).toBe('the system is read-only until a follower is promoted');
  });

  it('leaves node ids that contain a role word alone', () => {
    expect(translateRoles('replica-2 streams from pg.primary and primary_b', slaves)).toBe(
      'replica-2 streams from pg.primary and primary_b',
    );
  });
});
