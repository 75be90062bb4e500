/**
 * The headline numbers, each with its unit: what the metrics strip shows (and the exported review lists),
 * from the engine's metrics, its failover manager and the instant shown.
 */
import type { FailoverRecord, FailoverView, Metrics } from '../../engine/index.ts';
import { formatSimTime } from '../simTime.ts';
import { rpoText, rtoText } from './text/failoverText.ts';

export interface MetricItem {
  readonly label: string;
  readonly value: string;
  readonly alert?: boolean;
  /** The stable name tests and embedders read the number by. */
  readonly metric?: string;
  readonly title?: string;
  /** The exact number behind a rounded value, for tests and embedders (data-value). */
  readonly exact?: number;
}

/** The automatic failover manager's state, and the last failover's recovery time and point. */
function failoverItems(manager: FailoverView | null, last: FailoverRecord | null): MetricItem[] {
  const items: MetricItem[] = [];
  if (manager !== null) {
    items.push({
      label: 'Failover',
      value: manager.state,
      alert: manager.state !== 'watching',
      title: `${manager.state === 'paused' ? 'Paused' : 'Automatic'} failover manager (heartbeat ${manager.heartbeatMs} ms, timeout ${manager.timeoutMs} ms${manager.fencing ? ', fencing' : ''})`,
    });
  }
  if (last !== null) {
    items.push({
      label: 'Last RTO',
      value: rtoText(last),
      metric: 'rto',
      title: `Recovery time: from ${last.oldPrimary} failing to ${last.newPrimary} acknowledging its first write`,
    });
    items.push({
      label: 'Last RPO',
      value: rpoText(last),
      alert: last.lostWrites > 0,
      metric: 'rpo',
      title: 'Recovery point: acknowledged writes the last failover lost, and the time they span',
    });
  }
  return items;
}

/** The strip's items, in its order. */
export function metricItems(m: Metrics, manager: FailoverView | null, simTime: number): MetricItem[] {
  const items: MetricItem[] = [
    {
      label: 'Sim time',
      value: formatSimTime(simTime),
      metric: 'sim-time',
      exact: simTime,
      title: 'Simulated time since the start',
    },
    { label: 'Writes', value: String(m.writes) },
    { label: 'Reads', value: String(m.reads) },
    {
      label: 'Lost writes',
      value: String(m.lostWrites),
      alert: m.lostWrites > 0,
      metric: 'lost-writes',
      title: 'Writes acknowledged to the client, then lost in a failover',
    },
    { label: 'Conflicts', value: String(m.conflicts), alert: m.conflicts > 0, metric: 'conflicts' },
    {
      label: 'Stale reads',
      value: String(m.staleReads),
      alert: m.staleReads > 0,
      metric: 'stale-reads',
      title: 'Reads that missed a write already acknowledged',
    },
    {
      label: 'Blocked writes',
      value: String(m.blockedWrites),
      alert: m.blockedWrites > 0,
      metric: 'blocked-writes',
      title: 'Writes waiting right now for synchronous confirmation',
    },
    {
      label: 'Write p50',
      value: `${Math.round(m.writeLatency.p50)} ms`,
      title: 'Median acknowledged-write latency',
    },
    {
      label: 'Write p99',
      value: `${Math.round(m.writeLatency.p99)} ms`,
      title: '99th percentile write latency',
    },
    ...failoverItems(manager, m.lastFailover),
  ];
  return items;
}
