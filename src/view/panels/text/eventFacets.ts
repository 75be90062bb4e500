/** What an engine event concerns: its kind (for filtering), its nodes, its operation, and its urgency. */
import type { EngineEvent, EngineEventType, NodeId, Role } from '../../../engine/index.ts';

export type EventKind = 'writes' | 'reads' | 'replication' | 'faults' | 'failover' | 'conflicts' | 'operator';

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  writes: 'Writes',
  reads: 'Reads',
  replication: 'Replication',
  faults: 'Faults and network',
  failover: 'Failover',
  conflicts: 'Conflicts',
  operator: 'Operator actions',
};

const KIND_OF: Record<EngineEventType, EventKind> = {
  'write-committed': 'writes',
  'write-acknowledged': 'writes',
  'write-blocked': 'writes',
  'write-failed': 'writes',
  'writes-lost': 'writes',
  read: 'reads',
  'entries-applied': 'replication',
  'catching-up': 'replication',
  streaming: 'replication',
  'resync-started': 'replication',
  'resync-completed': 'replication',
  rewound: 'replication',
  'rewind-needed': 'replication',
  repointed: 'replication',
  'sync-degraded': 'replication',
  'sync-restored': 'replication',
  'peer-connected': 'replication',
  'applier-stopped': 'replication',
  'applier-skipped': 'operator',
  'node-resynced': 'operator',
  'node-down': 'faults',
  'node-up': 'faults',
  partitioned: 'faults',
  healed: 'faults',
  'latency-changed': 'faults',
  'disk-slowed': 'faults',
  'disk-fixed': 'faults',
  promoted: 'failover',
  demoted: 'failover',
  'primary-suspected': 'failover',
  'failover-started': 'failover',
  'failover-no-candidate': 'failover',
  fenced: 'failover',
  unfenced: 'failover',
  'split-brain': 'failover',
  'read-only': 'failover',
  writable: 'failover',
  'commits-held': 'failover',
  'quorum-lost': 'failover',
  'quorum-regained': 'failover',
  conflict: 'conflicts',
  'siblings-resolved': 'conflicts',
  'backup-taken': 'operator',
  'node-added': 'operator',
  'node-removed': 'operator',
  workload: 'operator',
  'workload-burst': 'operator',
  'node-renamed': 'operator',
  configured: 'operator',
};

export function eventKind(event: EngineEvent): EventKind {
  return KIND_OF[event.type];
}

/** Every node an event names, the one it is about first. */
export function eventNodes(event: EngineEvent): NodeId[] {
  const ids: NodeId[] = [];
  const add = (id: NodeId | undefined) => {
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  };
  if ('nodeId' in event) add(event.nodeId);
  switch (event.type) {
    case 'repointed':
      add(event.upstream);
      break;
    case 'promoted':
      add(event.previous);
      break;
    case 'demoted':
      add(event.newPrimary);
      break;
    case 'writable':
      add(event.besides);
      break;
    case 'resync-started':
    case 'rewind-needed':
      add(event.from);
      break;
    case 'sync-restored':
      add(event.by);
      break;
    case 'peer-connected':
      add(event.peer);
      break;
    case 'applier-stopped':
    case 'applier-skipped':
    case 'node-resynced':
      add(event.source);
      break;
    case 'latency-changed':
      add(event.a);
      add(event.b);
      break;
    case 'split-brain':
      event.nodeIds.forEach(add);
      break;
    case 'partitioned':
      event.groups.flat().forEach(add);
      break;
    case 'conflict':
      event.origins.forEach(add);
      break;
    default:
      break;
  }
  return ids;
}

/** The client operation an event is about, if any (the first of a batch of lost writes). */
export function eventOpId(event: EngineEvent): number | undefined {
  if ('opId' in event) return event.opId;
  if (event.type === 'writes-lost') return event.opIds[0];
  return undefined;
}

/** Only a primary going down and split brain interrupt a screen reader; `roleOf` gives roles at the time. */
export function isUrgent(event: EngineEvent, roleOf: (id: NodeId) => Role | undefined): boolean {
  return event.type === 'split-brain' || (event.type === 'node-down' && roleOf(event.nodeId) === 'primary');
}

/** Events a listener is told about (politely): not routine traffic such as commits, applies and reads. */
export function isAnnounced(event: EngineEvent): boolean {
  switch (event.type) {
    case 'write-committed':
    case 'write-acknowledged':
    case 'entries-applied':
    case 'read':
    case 'catching-up':
    case 'streaming':
    case 'peer-connected':
    case 'primary-suspected':
      return false;
    default:
      return true;
  }
}
