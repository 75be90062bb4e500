/**
 * The comparison's charts: side A's and side B's lines overlaid on one time axis (write latency p99,
 * acknowledged writes per second, replication lag per replica, and the anomaly counters either side has
 * seen), read at the panels' pace from both stores' series.
 */
import { LATENCY_WINDOW_MS, useLabStore, type CounterName, type Series } from '../../store/index.ts';
import type { Comparison } from '../../store/compare/coordinator.ts';
import { COUNTERS, counterLines, lagLines } from '../../view/panels/charts/chartLines.ts';
import { LineChart, type Line } from '../../view/panels/charts/LineChart.tsx';
import { useWords } from '../../view/vocabulary.ts';

function overlay(a: Series, b: Series, lines: (series: Series) => Line[]): Line[] {
  const side = (name: 'A' | 'B', series: Series) =>
    lines(series).map((l) => ({ ...l, id: `${name}-${l.id}`, label: `${name} ${l.label}` }));
  return [...side('A', a), ...side('B', b)];
}

const p99 = (s: Series): Line[] => [
  { id: 'p99', label: 'p99', points: s.latency.map((p) => ({ t: p.t, v: p.p99 })) },
];
const acknowledged = (s: Series): Line[] => [
  {
    id: 'acked',
    label: 'writes/s',
    points: s.latency.map((p) => ({ t: p.t, v: p.count / (LATENCY_WINDOW_MS / 1000) })),
  },
];

/** The counters either side has counted any of (lost writes always): eight lines of zeros say nothing. */
function countersSeen(a: Series, b: Series): typeof COUNTERS {
  const seen = (id: CounterName) => [a, b].some((s) => s.counters.some((p) => p[id] > 0));
  return COUNTERS.filter((c) => c.id === 'lostWrites' || seen(c.id));
}

function counterSummary(a: Series, b: Series): string {
  const now = (s: Series) => {
    const point = s.counters.at(-1);
    return COUNTERS.map((c) => `${point?.[c.id] ?? 0} ${c.label}`).join(', ');
  };
  return `So far: A ${now(a)}; B ${now(b)}.`;
}

const last = (line: Line | undefined): string => {
  const v = line?.points.at(-1)?.v;
  return v === undefined || v === null ? 'none yet' : `${Math.round(v)}`;
};

export function CompareCharts({ comparison }: { readonly comparison: Comparison }) {
  const words = useWords();
  // A's series at the panels' pace; B's is sampled at the same instants (one clock).
  const a = useLabStore((s) => s.series);
  const b = comparison.b.getState().series;
  const latency = overlay(a, b, p99);
  const throughput = overlay(a, b, acknowledged);
  const shown = countersSeen(a, b);
  const counters = overlay(a, b, (s) => counterLines(s, shown));
  return (
    <section className="panel compare-charts" aria-label="Charts, A and B">
      <LineChart
        id="compare-latency"
        title="Write latency p99, A and B"
        unit="ms"
        time={a.time}
        lines={latency}
        summary={`Write latency p99 now: A ${last(latency[0])} ms, B ${last(latency[1])} ms.`}
        floor={10}
      />
      <LineChart
        id="compare-throughput"
        title="Acknowledged writes per second, A and B"
        unit="writes/s"
        time={a.time}
        lines={throughput}
        summary={`Writes acknowledged over the last ${LATENCY_WINDOW_MS / 1000} s: A ${last(throughput[0])}/s, B ${last(throughput[1])}/s.`}
        floor={5}
      />
      <LineChart
        id="compare-lag"
        title={`Replication lag per ${words.replica}, A and B`}
        unit="ms"
        time={a.time}
        lines={overlay(a, b, lagLines)}
        summary={`Lag of each ${words.replica} on A and on B, over time.`}
        floor={100}
        empty={`No ${words.replicas}`}
      />
      <LineChart
        id="compare-counters"
        title={`${shown.length === 1 ? 'Lost writes' : 'Lost, stale, blocked, conflicts'}, A and B`}
        unit="count"
        time={a.time}
        lines={counters}
        summary={counterSummary(a, b)}
        step
        floor={4}
      />
    </section>
  );
}
