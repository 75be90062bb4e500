/**
 * The live charts: replication lag per replica, write latency p50/p99, throughput per node and the
 * anomaly counters, all from the store's series (sampled on simulated time, so runs reproduce).
 * They redraw when a sample lands, at the panels' pace (store/paced.ts), so they never hold up the graph.
 */
import { memo, useEffect, useMemo } from 'react';
import { LATENCY_WINDOW_MS, THROUGHPUT_WINDOW_MS, useLabStore, type Series } from '../../../store/index.ts';
import { useWords, type Vocabulary } from '../../vocabulary.ts';
import { CollapsiblePanel } from '../CollapsiblePanel.tsx';
import { whenIdle } from '../../whenIdle.ts';
import {
  counterLines,
  counterSummary,
  lagLines,
  lagSummary,
  latencyLines,
  latencySummary,
  throughputSummary,
} from './chartLines.ts';
import { LineChart } from './LineChart.tsx';
import { preloadPlots } from './plots.tsx';
import { ThroughputChart } from './ThroughputChart.tsx';

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
