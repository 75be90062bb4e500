import { describe, expect, it } from 'vitest';
import { createSimulation, type DatabaseSystem } from '../../../engine/index.ts';
import { VOCABULARIES } from '../../vocabulary.ts';
import { logTerms, nodeFacts } from './nodeFacts.ts';

const words = VOCABULARIES['primary-replica'];

/** The inspector's facts, as a record, for a node of a small cluster of `system`. */
function factsOf(system: DatabaseSystem | undefined, id: string, mode: 'semi-sync' | 'sync' = 'semi-sync') {
  const galera = mode === 'sync';
  const sim = createSimulation({
    seed: 1,
    ...(system === undefined ? {} : { system }),
    nodes: galera
      ? ['g1', 'g2', 'g3'].map((n) => ({ id: n, role: 'primary' as const }))
      : [
          { id: 'db1', role: 'primary' },
          { id: 'db2', role: 'replica', upstream: 'db1', sync: true },
        ],
    replication: galera ? { mode } : { mode, syncCount: 1 },
  });
  sim.advance(200);
  if (galera) {
    sim.kill('g2');
    sim.kill('g3');
    sim.advance(4000);
  }
  return Object.fromEntries(nodeFacts(sim.node(id), words, [], system));
}

describe('the inspector’s facts', () => {
  it('speak PostgreSQL by default: LSNs and pg_stat_replication’s sync_state', () => {
    const replica = factsOf(undefined, 'db2');
    expect(Object.keys(replica)).toEqual(
      expect.arrayContaining(['Timeline (epoch)', 'Written LSN', 'Flushed LSN', 'Applied LSN', 'Lag']),
    );
    expect(replica['Sync state']).toBe('quorum');
    expect(Object.keys(factsOf('postgresql', 'db1'))).toEqual(
      expect.arrayContaining(['Committed LSN', 'Visible LSN']),
    );
  });

  it('speak MariaDB for a MariaDB scenario: GTIDs, the relay log, Seconds_Behind_Master, semi-sync status', () => {
    const replica = factsOf('mariadb', 'db2');
    const labels = Object.keys(replica);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Relay log GTID seq_no (Gtid_IO_Pos)',
        'Applied GTID seq_no (gtid_slave_pos)',
        'Lag (Seconds_Behind_Master)',
      ]),
    );
    expect(labels.filter((l) => /LSN|[Tt]imeline/.test(l))).toEqual([]);
    expect(replica['Rpl_semi_sync_slave_status']).toBe('ON');
    expect(Object.keys(factsOf('mariadb', 'db1'))).toContain('Binlog GTID seq_no');
  });

  it('say a Galera node outside the Primary Component is non-Primary, as wsrep_cluster_status does', () => {
    expect(factsOf('mariadb', 'g1', 'sync')['wsrep_cluster_status']).toBe(
      'non-Primary: refuses queries (error 1047)',
    );
    expect(factsOf('postgresql', 'g1', 'sync')['Quorum']).toBe('no: refuses queries');
    // A killed member answers nothing: it has no status to show, Primary or not.
    expect(Object.keys(factsOf('mariadb', 'g2', 'sync'))).not.toContain('wsrep_cluster_status');
  });

  it('give MariaDB servers in source-source no wsrep_cluster_status: they have no Primary Component', () => {
    const sim = createSimulation({
      seed: 1,
      system: 'mariadb',
      nodes: ['db1', 'db2'].map((id) => ({ id, role: 'primary' as const })),
      replication: { mode: 'async' },
      conflictResolution: 'none',
    });
    sim.advance(200);
    const facts = Object.fromEntries(nodeFacts(sim.node('db1'), words, [], 'mariadb', false));
    expect(Object.keys(facts)).not.toContain('wsrep_cluster_status');
    expect(facts['Binlog GTID seq_no']).toBe('0');
  });
});

describe('the log tail’s words', () => {
  it('are LSN and timeline for PostgreSQL, GTID seq_no and epoch for MariaDB', () => {
    expect(logTerms()).toEqual({ position: 'LSN', otherTimeline: 'tl' });
    expect(logTerms('mariadb')).toEqual({ position: 'GTID seq_no', otherTimeline: 'epoch' });
  });
});
