/**
 * The charts' lines and their summaries in words, from the store's series: the Charts panel draws them, and
 * the exported review (app/review/) draws the same lines.
 */
import { THROUGHPUT_WINDOW_MS, type CounterName, type Series } from '../../../store/index.ts';
import type { Vocabulary } from '../../vocabulary.ts';
import type { Line } from './LineChart.tsx';

export const COUNTERS: readonly { readonly id: CounterName; readonly label: string }[] = [
  { id: 'lostWrites', label: 'lost writes' },
  { id: 'staleReads', label: 'stale reads' },
  { id: 'blockedWrites', label: 'blocked writes' },
  { id: 'conflicts', label: 'conflicts' },
];

const ms = (v: number | null) => (v === null ? 'none' : `${Math.round(v)} ms`);

export function lagLines(series: Series): Line[] {
  return series.lag.map((s) => ({
    id: s.nodeId,
    label: s.nodeId,
    points: s.points.map((p) => ({ t: p.t, v: p.ms })),
  }));
}

export function lagSummary(series: Series, words: Vocabulary): string {
  if (series.lag.length === 0) return `No ${words.replicas} to show lag for.`;
  const parts = series.lag.map((s) => {
    const peak = Math.max(...s.points.map((p) => p.ms));
    return `${s.nodeId} ${ms(s.points.at(-1)?.ms ?? null)} now, peak ${ms(peak)}`;
  });
  return `Replication lag per ${words.replica} over the last 30 s: ${parts.join('; ')}.`;
}

export function latencyLines(series: Series): Line[] {
  return [
    { id: 'p50', label: 'p50', points: series.latency.map((p) => ({ t: p.t, v: p.p50 })) },
    { id: 'p99', label: 'p99', points: series.latency.map((p) => ({ t: p.t, v: p.p99 })) },
  ];
}

export function latencySummary(series: Series): string {
  const last = series.latency.at(-1);
  if (last === undefined || last.count === 0) return 'No write was acknowledged in the last second.';
  return `Write latency over the last second: p50 ${ms(last.p50)}, p99 ${ms(last.p99)}, ${last.count} writes.`;
}

/** The counters' lines: all of them, or those `shown` (Compare leaves out what neither side counted). */
export function counterLines(series: Series, shown: typeof COUNTERS = COUNTERS): Line[] {
  return shown.map((c) => ({
    id: c.id,
    label: c.label,
    points: series.counters.map((p) => ({ t: p.t, v: p[c.id] })),
  }));
}

export function counterSummary(series: Series): string {
  const last = series.counters.at(-1);
  if (last === undefined) return 'No counts yet.';
  return `So far: ${COUNTERS.map((c) => `${last[c.id]} ${c.label}`).join(', ')}.`;
}

export function throughputSummary(series: Series): string {
  const parts = series.throughput.map(
    (n) => `${n.nodeId} ${n.readsPerSec} reads/s and ${n.writesPerSec} writes/s`,
  );
  return parts.length === 0
    ? 'No operations yet.'
    : `Over the last ${THROUGHPUT_WINDOW_MS / 1000} s: ${parts.join('; ')}.`;
}
