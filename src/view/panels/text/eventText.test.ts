import { describe, expect, it } from 'vitest';
import { VOCABULARIES } from '../../vocabulary.ts';
import { describeEvent, isWorthListing } from './eventText.ts';
import { formatSimTime } from '../../simTime.ts';

const words = VOCABULARIES['master-slave'];

describe('describeEvent', () => {
  it('says which entries a replica applied and its lag', () => {
    expect(
      describeEvent({ type: 'entries-applied', nodeId: 'db2', fromLsn: 41, toLsn: 48, lagMs: 120.4 }, words),
    ).toBe('db2 applied entries 41–48 (lag 120 ms)');
  });

  it('uses the chosen role vocabulary', () => {
    const event = { type: 'promoted', nodeId: 'db2', timeline: 2, branchLsn: 10 } as const;
    expect(describeEvent(event, words)).toContain('promoted to master');
    expect(describeEvent(event, VOCABULARIES['primary-replica'])).toContain('promoted to primary');
  });

  it('says a server that came back writable beside the primary makes two writable servers', () => {
    expect(describeEvent({ type: 'writable', nodeId: 'db1' }, words)).toBe(
      'Writes are accepted again on db1',
    );
    expect(describeEvent({ type: 'writable', nodeId: 'db1', besides: 'db2' }, words)).toBe(
      'db1 came back as a writable master replicating from no one, beside db2: two servers accept writes',
    );
  });

  it('counts lost writes in words', () => {
    expect(
      describeEvent({ type: 'writes-lost', nodeId: 'db1', opIds: [3, 4], reason: 'not replicated' }, words),
    ).toBe('2 acknowledged writes on db1 lost: not replicated');
  });
});

describe('isWorthListing', () => {
  it('hides routine reads but keeps stale ones', () => {
    const read = { seq: 1, at: 0, type: 'read', nodeId: 'db2', opId: 1, key: 'k', stale: false } as const;
    expect(isWorthListing(read)).toBe(false);
    expect(isWorthListing({ ...read, stale: true })).toBe(true);
  });
});

describe('formatSimTime', () => {
  it('shows seconds with two decimals', () => {
    expect(formatSimTime(1234)).toBe('1.23 s');
  });
});
