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

  describe('in the words of the scenario’s database', () => {
    const committed = {
      type: 'write-committed',
      nodeId: 'db1',
      opId: 1,
      key: 'k',
      value: 'v',
      lsn: 48,
    } as const;
    const promoted = { type: 'promoted', nodeId: 'db2', timeline: 2, branchLsn: 40 } as const;
    const degraded = { type: 'sync-degraded', nodeId: 'db1', afterMs: 1000.4 } as const;

    it('keeps PostgreSQL’s words by default and for PostgreSQL', () => {
      for (const system of [undefined, 'postgresql'] as const) {
        expect(describeEvent(committed, words, system)).toBe('db1 committed k = "v" at LSN 48');
        expect(describeEvent(promoted, words, system)).toBe(
          'db2 was promoted to master on timeline 2 (from LSN 40)',
        );
        expect(describeEvent(degraded, words, system)).toBe(
          'db1 fell back to asynchronous commit after waiting 1000 ms',
        );
      }
    });

    it('speaks MariaDB’s for MariaDB: GTIDs, no timelines, semi-sync switched OFF, error 1236, non-Primary', () => {
      expect(describeEvent(committed, words, 'mariadb')).toBe('db1 committed k = "v" at GTID seq_no 48');
      expect(describeEvent(promoted, words, 'mariadb')).toBe(
        'db2 was promoted to master: replication stopped, read_only off (from GTID seq_no 40)',
      );
      expect(describeEvent(degraded, words, 'mariadb')).toBe(
        'db1 switched semi-sync replication OFF after waiting 1000 ms (rpl_semi_sync_master_timeout)',
      );
      expect(
        describeEvent({ type: 'rewind-needed', nodeId: 'db3', from: 'db2', timeline: 2 }, words, 'mariadb'),
      ).toMatch(/error 1236/);
      expect(
        describeEvent({ type: 'quorum-lost', nodeId: 'g1', reachable: 1, members: 3 }, words, 'mariadb'),
      ).toBe('g1 reaches 1 of 3 members: non-Primary, it refuses queries (error 1047)');
      expect(describeEvent({ type: 'commits-held', nodeId: 'g3', afterMs: 3000 }, words, 'mariadb')).toBe(
        "g3 died: the group's commits wait for it until failure detection takes it out of the view, 3.0 s later (Galera delivers nothing meanwhile)",
      );
    });
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
