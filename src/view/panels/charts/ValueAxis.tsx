/** The value axis: gridlines at round values, their labels, and the unit above them. */
import type { Plot } from './chartStyle.ts';

interface Props {
  readonly y: { (value: number): number; ticks(count: number): number[] };
  readonly plot: Plot;
  readonly unit: string;
  readonly format: (v: number) => string;
}

export function ValueAxis({ y, plot, unit, format }: Props) {
  return (
    <>
      {y.ticks(4).map((v) => (
        <g key={`y${v}`} transform={`translate(0,${y(v)})`} className="tick">
          <line x2={plot.innerWidth} className="gridline" />
          <text x={-6} dy="0.32em" textAnchor="end">
            {format(v)}
          </text>
        </g>
      ))}
      <text className="axis-unit" x={-6} y={-11} textAnchor="end">
        {unit}
      </text>
    </>
  );
}
