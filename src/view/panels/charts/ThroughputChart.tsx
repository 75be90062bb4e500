/** Reads and writes per second on each node, as grouped bars: read scaling, and a master spared the reads. */
import type { NodeThroughput } from '../../../store/index.ts';
import { MARGIN, bandScales, plotOf, seriesStyle, valueScale } from './chartGeometry.ts';
import { ChartFrame, Legend } from './LineChart.tsx';
import { ValueAxis } from './ValueAxis.tsx';

const HEIGHT = 138;
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
      {(width) => {
        const plot = plotOf(width, HEIGHT);
        const ids = nodes.map((n) => n.nodeId);
        const { outer, inner } = bandScales(
          ids,
          MEASURES.map((m) => m.id),
          plot,
        );
        const y = valueScale(Math.max(0, ...nodes.flatMap((n) => [n.readsPerSec, n.writesPerSec])), plot, 1);
        return (
          <svg className="chart-svg" width={width} height={HEIGHT} role="img" aria-label={summary}>
            <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
              <ValueAxis y={y} plot={plot} unit="ops/s" format={rate} />
              {nodes.map((n) => (
                <g key={n.nodeId} transform={`translate(${outer(n.nodeId) ?? 0},0)`}>
                  {MEASURES.map((m, i) => {
                    const v = m.id === 'reads' ? n.readsPerSec : n.writesPerSec;
                    const style = seriesStyle(i);
                    return (
                      <rect
                        key={m.id}
                        x={inner(m.id) ?? 0}
                        y={y(v)}
                        width={inner.bandwidth()}
                        height={Math.max(0, plot.innerHeight - y(v))}
                        fill={i === 0 ? style.stroke : 'none'}
                        stroke={style.stroke}
                        strokeWidth={i === 0 ? 0 : 2}
                        data-bar={`${n.nodeId}-${m.id}`}
                      />
                    );
                  })}
                  <text
                    className="tick-label"
                    x={outer.bandwidth() / 2}
                    y={plot.innerHeight + 15}
                    textAnchor="middle"
                  >
                    {n.nodeId}
                  </text>
                </g>
              ))}
              <line className="axis" y1={plot.innerHeight} x2={plot.innerWidth} y2={plot.innerHeight} />
            </g>
          </svg>
        );
      }}
    </ChartFrame>
  );
}
