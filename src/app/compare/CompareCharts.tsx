/**
 * The comparison's charts: side A's and side B's lines overlaid on one time axis (write latency p99,
 * replication lag per replica, lost writes), read at the panels' pace from both stores' series.
 */
import { useLabStore, type Series } from '../../store/index.ts';
import type { Comparison } from '../../store/compare/coordinator.ts';
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
const lag = (s: Series): Line[] =>
  s.lag.map((l) => ({ id: l.nodeId, label: l.nodeId, points: l.points.map((p) => ({ t: p.t, v: p.ms })) }));
const lost = (s: Series): Line[] => [
  { id: 'lost', label: 'lost writes', points: s.counters.map((p) => ({ t: p.t, v: p.lostWrites })) },
];

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
  const lostLines = overlay(a, b, lost);
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
        id="compare-lag"
        title={`Replication lag per ${words.replica}, A and B`}
        unit="ms"
        time={a.time}
        lines={overlay(a, b, lag)}
        summary={`Lag of each ${words.replica} on A and on B, over time.`}
        floor={100}
        empty={`No ${words.replicas}`}
      />
      <LineChart
        id="compare-lost"
        title="Lost writes, A and B"
        unit="count"
        time={a.time}
        lines={lostLines}
        summary={`Lost writes now: A ${last(lostLines[0])}, B ${last(lostLines[1])}.`}
        step
        floor={4}
      />
    </section>
  );
}
