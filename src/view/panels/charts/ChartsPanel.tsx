/**
 * The live charts: replication lag per replica, write latency p50/p99, throughput per node and the
 * anomaly counters, all from the store's series (sampled on simulated time, so runs reproduce).
 * They redraw when a sample lands, at the panels' pace (store/paced.ts), so they never hold up the graph.
 */
import { memo, useEffect, useMemo } from 'react';
import {
  LATENCY_WINDOW_MS,
  THROUGHPUT_WINDOW_MS,
  useLabStore,
  type CounterName,
  type Series,
} from '../../../store/index.ts';
import { useWords, type Vocabulary } from '../../vocabulary.ts';
import { CollapsiblePanel } from '../CollapsiblePanel.tsx';
import { whenIdle } from '../../whenIdle.ts';
import { LineChart, type Line } from './LineChart.tsx';
import { preloadPlots } from './plots.tsx';
import { ThroughputChart } from './ThroughputChart.tsx';

const COUNTERS: readonly { readonly id: CounterName; readonly label: string }[] = [
  { id: 'lostWrites', label: 'lost writes' },
  { id: 'staleReads', label: 'stale reads' },
  { id: 'blockedWrites', label: 'blocked writes' },
  { id: 'conflicts', label: 'conflicts' },
];

const ms = (v: number | null) => (v === null ? 'none' : `${Math.round(v)} ms`);

function lagLines(series: Series): Line[] {
  return series.lag.map((s) => ({
    id: s.nodeId,
    label: s.nodeId,
    points: s.points.map((p) => ({ t: p.t, v: p.ms })),
  }));
}

function lagSummary(series: Series, words: Vocabulary): string {
  if (series.lag.length === 0) return `No ${words.replicas} to show lag for.`;
  const parts = series.lag.map((s) => {
    const peak = Math.max(...s.points.map((p) => p.ms));
    return `${s.nodeId} ${ms(s.points.at(-1)?.ms ?? null)} now, peak ${ms(peak)}`;
  });
  return `Replication lag per ${words.replica} over the last 30 s: ${parts.join('; ')}.`;
}

function latencyLines(series: Series): Line[] {
  return [
    { id: 'p50', label: 'p50', points: series.latency.map((p) => ({ t: p.t, v: p.p50 })) },
    { id: 'p99', label: 'p99', points: series.latency.map((p) => ({ t: p.t, v: p.p99 })) },
  ];
}

function latencySummary(series: Series): string {
  const last = series.latency.at(-1);
  if (last === undefined || last.count === 0) return 'No write was acknowledged in the last second.';
  return `Write latency over the last second: p50 ${ms(last.p50)}, p99 ${ms(last.p99)}, ${last.count} writes.`;
}

function counterLines(series: Series): Line[] {
  return COUNTERS.map((c) => ({
    id: c.id,
    label: c.label,
    points: series.counters.map((p) => ({ t: p.t, v: p[c.id] })),
  }));
}

function counterSummary(series: Series): string {
  const last = series.counters.at(-1);
  if (last === undefined) return 'No counts yet.';
  return `So far: ${COUNTERS.map((c) => `${last[c.id]} ${c.label}`).join(', ')}.`;
}

function throughputSummary(series: Series): string {
  const parts = series.throughput.map(
    (n) => `${n.nodeId} ${n.readsPerSec} reads/s and ${n.writesPerSec} writes/s`,
  );
  return parts.length === 0
    ? 'No operations yet.'
    : `Over the last ${THROUGHPUT_WINDOW_MS / 1000} s: ${parts.join('; ')}.`;
}

const Charts = memo(function Charts({
  series,
  words,
}: {
  readonly series: Series;
  readonly words: Vocabulary;
}) {
  const lag = useMemo(() => lagLines(series), [series]);
  const latency = useMemo(() => latencyLines(series), [series]);
  const counters = useMemo(() => counterLines(series), [series]);
  return (
    <div className="charts" data-series-time={series.time}>
      <LineChart
        id="lag"
        title={`Replication lag per ${words.replica}`}
        unit="ms"
        time={series.time}
        lines={lag}
        summary={lagSummary(series, words)}
        floor={100}
        empty={`No ${words.replicas}`}
      />
      <LineChart
        id="latency"
        title={`Write latency p50 / p99 (last ${LATENCY_WINDOW_MS / 1000} s)`}
        unit="ms"
        time={series.time}
        lines={latency}
        summary={latencySummary(series)}
        floor={10}
      />
      <ThroughputChart
        nodes={series.throughput}
        windowMs={THROUGHPUT_WINDOW_MS}
        summary={throughputSummary(series)}
      />
      <LineChart
        id="counters"
        title="Lost, stale, blocked, conflicts"
        unit="count"
        time={series.time}
        lines={counters}
        summary={counterSummary(series)}
        step
        floor={4}
      />
    </div>
  );
});

export function ChartsPanel() {
  useEffect(() => whenIdle(preloadPlots), []);
  const series = useLabStore((s) => s.series);
  const words = useWords();
  return (
    <CollapsiblePanel id="charts" className="charts-panel" title="Charts">
      <Charts series={series} words={words} />
    </CollapsiblePanel>
  );
}
