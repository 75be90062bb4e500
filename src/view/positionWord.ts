/**
 * What a node's place in the log is called in the scenario's database: PostgreSQL's LSN, MariaDB's GTID
 * sequence number (`seq_no`, the last part of a GTID such as 0-1-48). In the first frame, for the graph's
 * labels: the inspector's other words (panels/text/nodeFacts.ts) load with it.
 */
import type { DatabaseSystem } from '../engine/index.ts';

export const positionWord = (system: DatabaseSystem = 'postgresql'): string =>
  system === 'mariadb' ? 'GTID seq_no' : 'LSN';

/** What follows a failover: PostgreSQL's timeline; MariaDB has none, a promotion starts an epoch (its GTIDs' server id). */
export const eraWord = (system: DatabaseSystem = 'postgresql'): string =>
  system === 'mariadb' ? 'epoch' : 'timeline';
