/** The charts' plots, drawn with D3 scales and shapes: a chunk of their own, fetched after the first frame. */
import { pointer } from 'd3-selection';
import type { MouseEvent } from 'react';
import type { NodeThroughput } from '../../../store/index.ts';
import { bandScales, labelEvery, nearestSample, pathOf, timeScale, valueScale } from './chartGeometry.ts';
import { CHART_HEIGHT, MARGIN, formatSeconds, maxOf, plotOf, seriesStyle, type XY } from './chartStyle.ts';
import { ValueAxis } from './ValueAxis.tsx';

export interface LinePlotProps {
  readonly width: number;
  readonly time: number;
  readonly lines: readonly { readonly id: string; readonly points: readonly XY[] }[];
  readonly summary: string;
  readonly unit: string;
  readonly step: boolean;
  readonly floor: number;
  readonly empty: string | undefined;
  readonly format: (v: number) => string;
  /** Called with the time of the sample nearest a click (the chart's table offers the same, by keyboard). */
  readonly onPick?: ((t: number) => void) | undefined;
}

export function LinePlot({
  width,
  time,
  lines,
  summary,
  unit,
  step,
  floor,
  empty,
  format,
  onPick,
}: LinePlotProps) {
  const plot = plotOf(width, CHART_HEIGHT);
  const x = timeScale(time, plot);
  const y = valueScale(maxOf(lines.map((l) => l.points)), plot, floor);
  const pickable = onPick !== undefined && lines.some((l) => l.points.length > 0);
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    const [px] = pointer(event.nativeEvent, event.currentTarget);
    const within = Math.min(plot.innerWidth, Math.max(0, px - MARGIN.left));
    const t = nearestSample(
      lines.map((l) => l.points),
      x.invert(within),
    );
    if (t !== undefined) onPick?.(t);
  };
  return (
    <svg
      className={pickable ? 'chart-svg chart-svg--pickable' : 'chart-svg'}
      width={width}
      height={CHART_HEIGHT}
      role="img"
      aria-label={summary}
      onClick={pickable ? pick : undefined}
    >
      {pickable && <title>Click to show that instant</title>}
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <ValueAxis y={y} plot={plot} unit={unit} format={format} />
        {x.ticks(Math.max(2, Math.floor(plot.innerWidth / 70))).map((t) => (
          <g key={`x${t}`} transform={`translate(${x(t)},${plot.innerHeight})`} className="tick">
            <line y2={4} />
            <text y={15} textAnchor="middle">
              {formatSeconds(t)}
            </text>
          </g>
        ))}
        <line className="axis" y1={plot.innerHeight} x2={plot.innerWidth} y2={plot.innerHeight} />
        {lines.map((l, i) => {
          const style = seriesStyle(i);
          return (
            <path
              key={l.id}
              d={pathOf(l.points, x, y, step)}
              fill="none"
              stroke={style.stroke}
              strokeWidth={2}
              strokeDasharray={style.dash}
              data-line={l.id}
            />
          );
        })}
        {lines.length === 0 && empty !== undefined && (
          <text x={plot.innerWidth / 2} y={plot.innerHeight / 2} textAnchor="middle" className="chart-empty">
            {empty}
          </text>
        )}
      </g>
    </svg>
  );
}

export interface BarPlotProps {
  readonly width: number;
  readonly nodes: readonly NodeThroughput[];
  readonly measures: readonly { readonly id: 'reads' | 'writes' }[];
  readonly summary: string;
  readonly format: (v: number) => string;
}

export function BarPlot({ width, nodes, measures, summary, format }: BarPlotProps) {
  const plot = plotOf(width, CHART_HEIGHT);
  const { outer, inner } = bandScales(
    nodes.map((n) => n.nodeId),
    measures.map((m) => m.id),
    plot,
  );
  const y = valueScale(Math.max(0, ...nodes.flatMap((n) => [n.readsPerSec, n.writesPerSec])), plot, 1);
  const every = labelEvery(
    nodes.map((n) => n.nodeId),
    outer.step(),
  );
  return (
    <svg className="chart-svg" width={width} height={CHART_HEIGHT} role="img" aria-label={summary}>
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <ValueAxis y={y} plot={plot} unit="ops/s" format={format} />
        {nodes.map((n, index) => (
          <g key={n.nodeId} transform={`translate(${outer(n.nodeId) ?? 0},0)`}>
            {measures.map((m, i) => {
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
            {index % every === 0 && (
              <text
                className="tick-label"
                x={outer.bandwidth() / 2}
                y={plot.innerHeight + 15}
                textAnchor="middle"
              >
                {n.nodeId}
              </text>
            )}
          </g>
        ))}
        <line className="axis" y1={plot.innerHeight} x2={plot.innerWidth} y2={plot.innerHeight} />
      </g>
    </svg>
  );
}
