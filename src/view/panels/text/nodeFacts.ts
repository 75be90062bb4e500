/**
 * The inspector's facts about a node, label and value, with replication terms in the words of the
 * scenario's database: PostgreSQL's LSNs and `pg_stat_replication`, or MariaDB's GTIDs, relay log,
 * `Seconds_Behind_Master`, semi-sync status and Galera's `wsrep_cluster_status`.
 */
import type { DatabaseSystem, NodeView, RegionView } from '../../../engine/index.ts';
import { lagEntries, lagMs } from '../../graph/nodeText.ts';
import { positionWord } from '../../positionWord.ts';
import type { Vocabulary } from '../../vocabulary.ts';
import { stateText } from './nodeStateText.ts';

export type Fact = readonly [string, string];

interface Terms {
  /** A log entry's position, and its timeline when it is not the node's own. */
  readonly position: string;
  readonly otherTimeline: string;
  readonly timeline: string;
  readonly committed: string;
  readonly visible: string;
  readonly written: string;
  readonly flushed: string;
  readonly applied: string;
  readonly lag: string;
  readonly syncState: (state: NodeView['syncState']) => Fact;
  readonly rewind: string;
  readonly quorum: (quorum: boolean) => Fact;
}

const TERMS: Record<DatabaseSystem, Terms> = {
  postgresql: {
    position: positionWord('postgresql'),
    otherTimeline: 'tl',
    timeline: 'Timeline (epoch)',
    committed: 'Committed LSN',
    visible: 'Visible LSN',
    written: 'Written LSN',
    flushed: 'Flushed LSN',
    applied: 'Applied LSN',
    lag: 'Lag',
    // PostgreSQL's pg_stat_replication.sync_state, as the upstream primary sees this standby.
    syncState: (state) => ['Sync state', state],
    rewind: 'needed before it can follow its upstream',
    quorum: (quorum) => ['Quorum', quorum ? 'yes' : 'no: refuses queries'],
  },
  mariadb: {
    position: positionWord('mariadb'),
    otherTimeline: 'epoch',
    // MariaDB has no timelines: a promotion starts writing under the new server's id in the GTIDs.
    timeline: 'Epoch (one per promotion)',
    committed: 'Binlog GTID seq_no',
    visible: 'Visible GTID seq_no',
    written: 'Relay log GTID seq_no (Gtid_IO_Pos)',
    flushed: 'Relay log synced GTID seq_no',
    applied: 'Applied GTID seq_no (gtid_slave_pos)',
    lag: 'Lag (Seconds_Behind_Master)',
    // The primary's semi-sync waits for this replica's acknowledgement, or it does not.
    syncState: (state) => ['Rpl_semi_sync_slave_status', state === 'async' ? 'OFF' : 'ON'],
    rewind: 'it has transactions its upstream lacks: refused with error 1236',
    quorum: (quorum) => [
      'wsrep_cluster_status',
      quorum ? 'Primary' : 'non-Primary: refuses queries (error 1047)',
    ],
  },
};

/**
 * The facts the inspector lists for `node`, in the words of `system` (PostgreSQL's by default).
 * `certifying`: the node's group certifies its writes (`replication.mode: 'sync'`, Galera's way); MariaDB
 * servers in source-source have no Primary Component, so they get no `wsrep_cluster_status`.
 */
export function nodeFacts(
  node: NodeView,
  words: Vocabulary,
  regions: readonly RegionView[],
  system: DatabaseSystem = 'postgresql',
  certifying = true,
): Fact[] {
  const terms = TERMS[system];
  const region = regions.find((r) => r.id === node.region);
  const facts: Fact[] = [
    ...(node.label === undefined ? [] : [['Label', node.label] as const]),
    ...(region === undefined ? [] : [['Region', `${region.name} (${region.id})`] as const]),
    ['Status', node.status],
    ['State', stateText(node.state, words)],
    [terms.timeline, String(node.timeline)],
  ];
  if (node.role === 'primary') {
    facts.push([terms.committed, String(node.lastLsn)], [terms.visible, String(node.appliedLsn)]);
  } else {
    facts.push(
      [terms.written, String(node.writtenLsn)],
      [terms.flushed, String(node.receivedLsn)],
      [terms.applied, String(node.appliedLsn)],
      [terms.lag, `${lagEntries(node)}, ${lagMs(node)}`],
      ['Commit', node.sync ? 'synchronous' : 'asynchronous'],
      terms.syncState(node.syncState),
    );
    if (node.applyDelayMs > 0) facts.push(['Apply delay', `${node.applyDelayMs} ms`]);
  }
  facts.push(['Load', `${node.load} ops/s`], ['Apply rate', `${node.applyRate} entries/s`]);
  if (node.diskFactor > 1) facts.push(['Disk', `${node.diskFactor}× slower (commits, fsyncs, replay)`]);
  if (node.needsRewind) facts.push(['Rewind', terms.rewind]);
  // A member that is down answers nothing: it has no status, Primary or not.
  if (node.status === 'up' && node.peers.length > 0 && (certifying || system !== 'mariadb'))
    facts.push(terms.quorum(node.quorum));
  return facts;
}

/** What the log tail calls a position and another timeline, in the words of `system`. */
export function logTerms(system: DatabaseSystem = 'postgresql'): { position: string; otherTimeline: string } {
  const { position, otherTimeline } = TERMS[system];
  return { position, otherTimeline };
}
