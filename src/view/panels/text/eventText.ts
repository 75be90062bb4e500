/** Engine events as short readable sentences, in the UI's role vocabulary. */
import type { DatabaseSystem, EngineEvent, EngineEventBody } from '../../../engine/index.ts';
import { settingChangesText } from '../../../store/timeline/settingText.ts';
import { positionWord } from '../../positionWord.ts';
import type { Vocabulary } from '../../vocabulary.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const range = (from: number, to: number) => (from === to ? `entry ${from}` : `entries ${from}–${to}`);

const RESYNC_REASON = {
  retention: 'it fell behind the retained log',
  rewind: 'its log diverged from the new timeline',
  'new-node': 'it is a new node',
} as const;

/**
 * One sentence per event, e.g. "db2 applied entries 41–48 (lag 120 ms)", with replication terms in the
 * words of the scenario's `system` (MariaDB's GTIDs, binlog and semi-sync; PostgreSQL's by default).
 */
export function describeEvent(
  event: EngineEventBody,
  words: Vocabulary,
  system: DatabaseSystem = 'postgresql',
): string {
  const maria = system === 'mariadb';
  const at = positionWord(system);
  switch (event.type) {
    case 'write-committed':
      return `${event.nodeId} committed ${event.key} = "${event.value}" at ${at} ${event.lsn}`;
    case 'write-acknowledged':
      return `${event.nodeId} acknowledged write #${event.opId} after ${Math.round(event.latencyMs)} ms`;
    case 'write-blocked':
      return `Write #${event.opId} on ${event.nodeId} waits for ${plural(event.waitingFor, 'synchronous confirmation')}`;
    case 'write-failed':
      return `Write #${event.opId} on ${event.nodeId} failed: ${event.error}`;
    case 'read': {
      const value = event.value === undefined ? 'no value' : `"${event.value}"`;
      return `${event.nodeId} read ${event.key}: ${value}${event.stale ? ' (stale)' : ''}`;
    }
    case 'entries-applied':
      return `${event.nodeId} applied ${range(event.fromLsn, event.toLsn)} (lag ${Math.round(event.lagMs)} ms)`;
    case 'node-down':
      return `${event.nodeId} went down`;
    case 'node-up':
      return `${event.nodeId} is back up`;
    case 'read-only':
      return `The system is read-only: ${event.reason}`;
    case 'writable':
      return event.besides === undefined
        ? `Writes are accepted again on ${event.nodeId}`
        : `${event.nodeId} came back as a writable ${words.primary} replicating from no one, beside ${event.besides}: two servers accept writes`;
    case 'promoted':
      return maria
        ? `${event.nodeId} was promoted to ${words.primary}: replication stopped, read_only off (from ${at} ${event.branchLsn})`
        : `${event.nodeId} was promoted to ${words.primary} on timeline ${event.timeline} (from LSN ${event.branchLsn})`;
    case 'demoted':
      return `${event.nodeId} became a ${words.replica} of ${event.newPrimary}`;
    case 'writes-lost':
      return `${plural(event.opIds.length, 'acknowledged write')} on ${event.nodeId} lost: ${event.reason}`;
    case 'repointed':
      return `${event.nodeId} now replicates from ${event.upstream}`;
    case 'catching-up':
      return `${event.nodeId} is catching up on ${range(event.fromLsn, event.toLsn)}`;
    case 'streaming':
      return `${event.nodeId} caught up and is streaming`;
    case 'resync-started':
      return `${event.nodeId} started a full copy from ${event.from}: ${RESYNC_REASON[event.reason]}`;
    case 'resync-completed':
      return `${event.nodeId} finished its full copy at ${at} ${event.lsn}`;
    case 'rewound':
      return `${event.nodeId} was rewound: ${range(event.discardedFrom, event.discardedTo)} discarded${maria ? '' : ` (timeline ${event.timeline})`}`;
    case 'sync-degraded':
      return maria
        ? `${event.nodeId} switched semi-sync replication OFF after waiting ${Math.round(event.afterMs)} ms (rpl_semi_sync_master_timeout)`
        : `${event.nodeId} fell back to asynchronous commit after waiting ${Math.round(event.afterMs)} ms`;
    case 'sync-restored':
      return maria
        ? `${event.nodeId} switched semi-sync replication ON again (${event.by} acknowledged)`
        : `${event.nodeId} commits synchronously again (${event.by} confirmed)`;
    case 'backup-taken':
      return `Backup ${event.backupId} taken from ${event.nodeId} at ${at} ${event.lsn}`;
    case 'node-added': {
      const role = event.role === 'primary' ? words.primary : words.replica;
      return `${event.nodeId} joined as a ${role}${event.fromBackup === undefined ? '' : ` from backup ${event.fromBackup}`}`;
    }
    case 'node-removed':
      return `${event.nodeId} was removed`;
    case 'workload':
      return event.running ? 'The background workload started' : 'The background workload stopped';
    case 'workload-burst':
      return `The workload bursts to ${event.factor}× for ${event.durationMs / 1000} s`;
    case 'node-renamed':
      return `${event.nodeId} is now called ${event.label}`;
    case 'partitioned':
      return `The network is partitioned: ${event.groups.map((g) => `{${g.join(', ')}}`).join(' | ')}`;
    case 'healed':
      return 'The network partition healed';
    case 'rewind-needed':
      return maria
        ? `${event.nodeId} has transactions ${event.from}'s binlog lacks: refused with error 1236, it cannot follow it until rewound`
        : `${event.nodeId} diverged from ${event.from} (timeline ${event.timeline}) and cannot follow it until rewound`;
    case 'configured':
      return `Settings changed: ${settingChangesText(event.changes)}`;
    case 'latency-changed':
      return `The link ${event.a}–${event.b} now takes ${Math.round(event.ms)} ms each way`;
    case 'disk-slowed':
      return `${event.nodeId}'s disk is ${event.factor}× slower: its fsyncs and replay take ${event.factor} times as long`;
    case 'disk-fixed':
      return `${event.nodeId}'s disk is back to normal speed`;
    case 'primary-suspected':
      return `The failover manager missed ${event.nodeId}'s heartbeat (silent for ${Math.round(event.silentMs)} ms)`;
    case 'failover-started':
      return `${event.nodeId} was silent for ${Math.round(event.silentMs)} ms: the failover manager is electing a new ${words.primary}`;
    case 'failover-no-candidate':
      return `No ${words.replica} can replace ${event.nodeId} yet: ${event.reason}`;
    case 'fenced':
      return `${event.nodeId} lost its leader lease and turned read-only (fenced)`;
    case 'unfenced':
      return `${event.nodeId} renewed its leader lease and accepts writes again`;
    case 'split-brain':
      return `Split brain: ${event.nodeIds.join(' and ')} both accept writes`;
    case 'conflict':
      return conflictText(event);
    case 'siblings-resolved':
      return `${event.nodeId} merged the siblings of ${event.key} with a new write`;
    case 'peer-connected':
      return `${event.nodeId} is replicating ${event.peer}'s writes`;
    case 'applier-stopped':
      return `${event.nodeId}'s SQL thread for ${event.source} stopped: Last_SQL_Errno ${event.errno}, Last_SQL_Error: ${event.error}`;
    case 'applier-skipped':
      return `${event.nodeId}: SET GLOBAL sql_slave_skip_counter = 1; START SLAVE. It skipped ${event.source}'s insert of ${event.key} and applies ${event.source}'s next events`;
    case 'node-resynced':
      return `${event.nodeId} was re-copied from ${event.source} (${plural(event.keys, 'key')} changed) and replicates from ${event.source}'s current position`;
    case 'commits-held':
      return `${event.nodeId} died: the group's commits wait for it until failure detection takes it out of the view, ${(event.afterMs / 1000).toFixed(1)} s later${maria ? ' (Galera delivers nothing meanwhile)' : ''}`;
    case 'quorum-lost':
      return `${event.nodeId} reaches ${event.reachable} of ${plural(event.members, 'member')}: ${maria ? 'non-Primary, it refuses queries (error 1047)' : 'no quorum, it refuses queries'}`;
    case 'quorum-regained':
      return maria
        ? `${event.nodeId} has quorum again (no longer non-Primary) and accepts queries`
        : `${event.nodeId} rejoined the majority of its group and accepts queries again`;
  }
}

/** Routine successful reads would drown everything else; stale ones stay. */
export function isWorthListing(event: EngineEvent): boolean {
  return event.type !== 'read' || event.stale;
}

function conflictText(event: Extract<EngineEventBody, { type: 'conflict' }>): string {
  const between = `Conflict #${event.conflictId} on ${event.key} between ${[...new Set(event.origins)].join(' and ')}`;
  if (event.strategy === 'siblings') return `${between}: both versions kept as siblings (on ${event.nodeId})`;
  if (event.strategy === 'certification')
    return `${between}: ${event.winner ?? 'the first'} was certified first, the write on ${event.nodeId} failed`;
  return `${between}: last writer wins, ${event.winner ?? '?'}'s version kept (on ${event.nodeId})`;
}
