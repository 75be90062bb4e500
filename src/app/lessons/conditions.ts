/** Whether a lesson step's condition holds: a pure function of the lab's mirrored engine state. */
import type { Backup, Metrics, NodeView, Snapshot } from '../../engine/index.ts';
import type { Vocabulary } from '../../view/vocabulary.ts';
import type {
  FlagName,
  LessonCondition,
  LessonPanelName,
  MetricName,
  NodeCondition,
  Range,
} from './types.ts';

/** The part of the lab's state a condition may look at. */
export interface LessonWorld {
  readonly snapshot: Snapshot;
  readonly backups: readonly Backup[];
}

const METRICS: Record<MetricName, (m: Metrics) => number> = {
  writes: (m) => m.writes,
  reads: (m) => m.reads,
  failedWrites: (m) => m.failedWrites,
  failedReads: (m) => m.failedReads,
  lostWrites: (m) => m.lostWrites,
  staleReads: (m) => m.staleReads,
  blockedWrites: (m) => m.blockedWrites,
  conflicts: (m) => m.conflicts,
  overwrittenWrites: (m) => m.overwrittenWrites,
  failovers: (m) => m.failovers,
  writeLatencyP50: (m) => m.writeLatency.p50,
  writeLatencyP99: (m) => m.writeLatency.p99,
};

export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];
export const FLAG_NAMES: readonly FlagName[] = ['readOnly', 'splitBrain', 'syncDegraded'];
/** The panels a step may ring (targets.ts finds each in the page); here with the format's other names. */
export const LESSON_PANEL_NAMES: readonly LessonPanelName[] = [
  'events',
  'charts',
  'metrics',
  'timeline',
  'lost-writes',
  'conflicts',
  'backups',
  'failover',
  'inspector',
];

export function metricValue(metrics: Metrics, name: MetricName): number {
  return METRICS[name](metrics);
}

function inRange(value: number, range: Range): boolean {
  return (
    (range.atLeast === undefined || value >= range.atLeast) &&
    (range.atMost === undefined || value <= range.atMost)
  );
}

function nodeHolds(c: NodeCondition, node: NodeView | undefined): boolean {
  if (node === undefined) return false;
  if (c.status !== undefined && node.status !== c.status) return false;
  if (c.role !== undefined && node.role !== c.role) return false;
  if (c.state !== undefined && !node.state.startsWith(c.state)) return false;
  if (c.has !== undefined) {
    const value = node.data[c.has.key];
    if (value === undefined || (c.has.value !== undefined && value !== c.has.value)) return false;
  }
  if (c.lacks !== undefined && node.data[c.lacks] !== undefined) return false;
  if (c.siblings !== undefined && node.siblings[c.siblings] === undefined) return false;
  if (c.lagEntries !== undefined && !inRange(node.lag.entries, c.lagEntries)) return false;
  if (c.lagMs !== undefined && !inRange(node.lag.ms, c.lagMs)) return false;
  return c.load === undefined || inRange(node.load, c.load);
}

/**
 * True when `condition` holds in `world`. An unknown node never satisfies a condition. `stepStart`: the
 * metrics when the step was reached, which a `since: 'step'` condition counts from (null: the run's start).
 */
export function conditionHolds(
  condition: LessonCondition,
  world: LessonWorld,
  stepStart: Metrics | null = null,
): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, world, stepStart));
  if ('node' in condition)
    return nodeHolds(
      condition,
      world.snapshot.nodes.find((n) => n.id === condition.node),
    );
  if ('metric' in condition) {
    const before =
      condition.since === 'step' && stepStart !== null ? metricValue(stepStart, condition.metric) : 0;
    return inRange(metricValue(world.snapshot.metrics, condition.metric) - before, condition);
  }
  if ('flag' in condition) return world.snapshot.metrics[condition.flag] === condition.is;
  if ('conflicts' in condition) return inRange(world.snapshot.metrics.conflicts, condition.conflicts);
  if ('mode' in condition) return world.snapshot.replication.mode === condition.mode;
  return inRange(world.backups.length, condition.backups);
}

const METRIC_WORDS: Record<MetricName, string> = {
  writes: 'writes',
  reads: 'reads',
  failedWrites: 'failed writes',
  failedReads: 'failed reads',
  lostWrites: 'lost writes',
  staleReads: 'stale reads',
  blockedWrites: 'blocked writes',
  conflicts: 'conflicts',
  overwrittenWrites: 'overwritten writes',
  failovers: 'failovers',
  writeLatencyP50: 'median write latency (ms)',
  writeLatencyP99: 'p99 write latency (ms)',
};

const FLAG_WORDS: Record<FlagName, [string, string]> = {
  readOnly: ['the system is read-only', 'the system accepts writes'],
  splitBrain: ['two {primaries} accept writes (split brain)', 'no split brain'],
  syncDegraded: ['synchronous commit has fallen back to async', 'synchronous commit is working'],
};

function rangeText(what: string, range: Range): string {
  if (range.atLeast !== undefined && range.atMost !== undefined) {
    return `${what} between ${range.atLeast} and ${range.atMost}`;
  }
  if (range.atLeast !== undefined) return `${what} at least ${range.atLeast}`;
  return `${what} at most ${range.atMost ?? 0}`;
}

function nodeText(c: NodeCondition, words: Vocabulary): string {
  const parts: string[] = [];
  if (c.status !== undefined) parts.push(`is ${c.status}`);
  if (c.role !== undefined) parts.push(`is a ${c.role === 'primary' ? words.primary : words.replica}`);
  if (c.state !== undefined) parts.push(`is ${c.state.split('.').pop() ?? c.state}`);
  if (c.has !== undefined)
    parts.push(c.has.value === undefined ? `has ${c.has.key}` : `has ${c.has.key} = ${c.has.value}`);
  if (c.lacks !== undefined) parts.push(`has no ${c.lacks}`);
  if (c.siblings !== undefined) parts.push(`holds siblings for ${c.siblings}`);
  if (c.lagEntries !== undefined) parts.push(rangeText('lags', c.lagEntries) + ' entries');
  if (c.lagMs !== undefined) parts.push(rangeText('lags', c.lagMs) + ' ms');
  if (c.load !== undefined) parts.push(rangeText('serves', c.load) + ' operations/s');
  return `${c.node} ${parts.join(' and ')}`;
}

/** The condition in words ("db1 is down"), for the reason Next waits. */
export function describeCondition(condition: LessonCondition, words: Vocabulary): string {
  if ('all' in condition) return condition.all.map((c) => describeCondition(c, words)).join('; ');
  if ('node' in condition) return nodeText(condition, words);
  if ('metric' in condition)
    return rangeText(
      METRIC_WORDS[condition.metric] + (condition.since === 'step' ? ' during this step' : ''),
      condition,
    );
  if ('flag' in condition) {
    const [yes, no] = FLAG_WORDS[condition.flag];
    return (condition.is ? yes : no).replace('{primaries}', words.primaries);
  }
  if ('conflicts' in condition) return rangeText('conflicts', condition.conflicts);
  if ('mode' in condition) return `replication is ${condition.mode}`;
  return rangeText('backups', condition.backups);
}
