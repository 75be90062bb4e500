/**
 * The charts' tables, each the alternative to its picture (a chart's Table button): a chunk of their own,
 * fetched with the plots when the browser is idle after the first frame (plots.tsx).
 */
import type { NodeThroughput } from '../../../store/index.ts';
import { SeekTime } from '../SeekTime.tsx';
import type { Line } from './LineChart.tsx';

function formatValue(v: number | null, format: (v: number) => string): string {
  return v === null ? '—' : format(v);
}

/** A line chart's: one row per sample (newest first), one column per line. */
export function LineTable({
  title,
  unit,
  lines,
  format,
}: {
  readonly title: string;
  readonly unit: string;
  readonly lines: readonly Line[];
  readonly format: (v: number) => string;
}) {
  const times = lines[0]?.points.map((p) => p.t) ?? [];
  const byTime = lines.map((l) => new Map(l.points.map((p) => [p.t, p.v])));
  return (
    <div className="chart-table table-scroll" tabIndex={0} role="region" aria-label={`${title} (${unit})`}>
      <table className="node-data">
        <caption>
          {title} ({unit})
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {lines.map((l) => (
              <th key={l.id} scope="col">
                {l.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...times].reverse().map((t) => (
            <tr key={t}>
              <th scope="row">
                <SeekTime at={t} />
              </th>
              {byTime.map((values, i) => (
                <td key={lines[i]?.id}>{formatValue(values.get(t) ?? null, format)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The throughput chart's: one row per node, its reads and writes per second. */
export function BarTable({
  title,
  nodes,
  format,
}: {
  readonly title: string;
  readonly nodes: readonly NodeThroughput[];
  readonly format: (v: number) => string;
}) {
  return (
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
              <td>{format(n.readsPerSec)}</td>
              <td>{format(n.writesPerSec)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
