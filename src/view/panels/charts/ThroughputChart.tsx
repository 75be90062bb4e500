/** Reads and writes per second on each node, as grouped bars: read scaling, and a master spared the reads. */
import type { NodeThroughput } from '../../../store/index.ts';
import { ChartFrame, Legend } from './LineChart.tsx';
import { BarPlot, BarTable, PLOT_PLACEHOLDER } from './plots.tsx';
const MEASURES = [
  { id: 'reads', label: 'reads/s' },
  { id: 'writes', label: 'writes/s' },
] as const;

const rate = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

export function ThroughputChart({
  nodes,
  windowMs,
  summary,
}: {
  readonly nodes: readonly NodeThroughput[];
  readonly windowMs: number;
  readonly summary: string;
}) {
  const title = `Throughput per node, last ${windowMs / 1000} s`;
  return (
    <ChartFrame
      id="throughput"
      title={title}
      unit="ops/s"
      summary={summary}
      legend={<Legend items={MEASURES} shape="bar" />}
      table={<BarTable.Component fallback={PLOT_PLACEHOLDER} title={title} nodes={nodes} format={rate} />}
    >
      {(width) => (
        <BarPlot.Component
          fallback={PLOT_PLACEHOLDER}
          width={width}
          nodes={nodes}
          measures={MEASURES}
          summary={summary}
          format={rate}
        />
      )}
    </ChartFrame>
  );
}
