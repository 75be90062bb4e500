/** Reads and writes per second on each node, as grouped bars: read scaling, and a master spared the reads. */
import type { NodeThroughput } from '../../../store/index.ts';
import { ChartFrame, Legend } from './LineChart.tsx';
import { BarPlot, PLOT_PLACEHOLDER } from './plots.tsx';
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
  const table = (
    <div className="chart-table table-scroll" tabIndex={0} role="region" aria-label={`${title} (ops/s)`}>
      <table className="node-data">
        <caption>{title} (ops/s)</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Reads/s</th>
            <th scope="col">Writes/s</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.nodeId} data-node-throughput={n.nodeId}>
              <th scope="row">{n.nodeId}</th>
              <td>{rate(n.readsPerSec)}</td>
              <td>{rate(n.writesPerSec)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <ChartFrame
      id="throughput"
      title={title}
      unit="ops/s"
      summary={summary}
      legend={<Legend items={MEASURES} shape="bar" />}
      table={table}
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
