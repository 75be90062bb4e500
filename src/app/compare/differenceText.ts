/** A comparison's figures in words: each row's name, each value with its unit, and which side is better. */
import type { CompareMetric, Difference } from '../../engine/index.ts';
import type { Vocabulary } from '../../view/vocabulary.ts';

const capital = (word: string): string => `${word.slice(0, 1).toUpperCase()}${word.slice(1)}`;

export function figureName(d: Difference, words: Vocabulary): string {
  const replica = d.replica === undefined ? '' : `${words.replica} ${d.replica + 1}`;
  const names: { readonly [M in CompareMetric]: string } = {
    'write-p50': 'Write latency p50',
    'write-p99': 'Write latency p99',
    'lag-max': `${capital(words.replica)} lag, largest`,
    'lost-writes': 'Lost writes',
    'stale-reads': 'Stale reads',
    'blocked-writes': 'Blocked writes',
    conflicts: 'Conflicts',
    rto: 'Last failover: recovery time',
    throughput: 'Throughput',
    'failover-lost-writes': 'Last failover: writes lost',
    'replica-lag-mean': `Lag of ${replica}, mean`,
    'replica-lag-max': `Lag of ${replica}, largest`,
  };
  return names[d.metric];
}

/** A figure with its unit; a dash where a side has no such figure (no failover yet, no such replica). */
export function figureValue(d: Difference, v: number | null): string {
  if (v === null) return d.metric === 'rto' && d.better !== 'same' ? 'not recovered' : '—';
  if (d.unit === 'ms') return `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en')} ms`;
  if (d.unit === 'writes/s') return `${v.toFixed(1)} writes/s`;
  return `${v.toLocaleString('en')} ${d.unit}`;
}

export const BETTER_TEXT = { a: 'A', b: 'B', same: 'same', incomparable: '—' } as const;

/**
 * Which side the table calls better: the engine's verdict, but `same` when both figures read the same as
 * shown (48.6 ms and 49.0 ms both read "49 ms": naming a side there would contradict the row).
 */
export function shownBetter(d: Difference): Difference['better'] {
  if (d.better !== 'a' && d.better !== 'b') return d.better;
  return figureValue(d, d.a) === figureValue(d, d.b) ? 'same' : d.better;
}
