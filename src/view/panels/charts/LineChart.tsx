/**
 * A time-series chart: React renders the SVG (axes, gridlines, lines) from D3 scales; a table can replace
 * it. A click on the plot, or a time in the table, shows the lab at that sample's instant.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { useLabStoreApi } from '../../../store/index.ts';
import { useElementSize } from '../../graph/useElementSize.ts';
import { seriesStyle, type XY } from './chartStyle.ts';
import { LinePlot, LineTable, PLOT_PLACEHOLDER } from './plots.tsx';

export interface Line {
  readonly id: string;
  readonly label: string;
  readonly points: readonly XY[];
}

interface Props {
  readonly id: string;
  readonly title: string;
  /** The value axis' unit, e.g. "ms" or "ops/s". */
  readonly unit: string;
  readonly time: number;
  readonly lines: readonly Line[];
  /** One sentence for screen readers: what the chart shows right now. */
  readonly summary: string;
  /** Draw values as steps (counters) rather than straight segments. */
  readonly step?: boolean;
  readonly floor?: number;
  readonly empty?: string;
  readonly format?: (v: number) => string;
}

export function ChartFrame({
  id,
  title,
  unit,
  summary,
  legend,
  table,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly summary: string;
  readonly legend: ReactNode;
  readonly table: ReactNode;
  readonly children: (width: number) => ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const size = useElementSize(box);
  const titleId = useId();
  return (
    <figure className="chart" aria-labelledby={titleId} data-chart={id}>
      <figcaption className="chart-head">
        <span id={titleId} className="chart-title">
          {title} <span className="muted">({unit})</span>
        </span>
        <button
          type="button"
          className="chip"
          aria-pressed={asTable}
          aria-label={`Show ${title.toLowerCase()} as a table`}
          onClick={() => {
            setAsTable(!asTable);
          }}
        >
          Table
        </button>
      </figcaption>
      {legend}
      <div ref={box} className="chart-box">
        {asTable ? table : size !== null && size.width > 0 && children(size.width)}
      </div>
      <p className="visually-hidden" data-chart-summary={id}>
        {summary}
      </p>
    </figure>
  );
}

/** Each series' swatch: a line with its dash, or a bar (filled for the first measure, outlined for the second). */
export function Legend({
  items,
  shape = 'line',
}: {
  readonly items: readonly { readonly id: string; readonly label: string }[];
  readonly shape?: 'line' | 'bar';
}) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {items.map((item, i) => {
        const style = seriesStyle(i);
        return (
          <li key={item.id}>
            <svg width="22" height="10" aria-hidden="true">
              {shape === 'line' ? (
                <line
                  x1="1"
                  y1="5"
                  x2="21"
                  y2="5"
                  stroke={style.stroke}
                  strokeWidth="2.5"
                  strokeDasharray={style.dash}
                />
              ) : (
                <rect
                  x="5"
                  y="1"
                  width="12"
                  height="8"
                  fill={i === 0 ? style.stroke : 'none'}
                  stroke={style.stroke}
                  strokeWidth="2"
                />
              )}
            </svg>
            {item.label}
          </li>
        );
      })}
    </ul>
  );
}

export function LineChart({
  id,
  title,
  unit,
  time,
  lines,
  summary,
  step = false,
  floor = 1,
  empty,
  format = (v) => String(Math.round(v)),
}: Props) {
  // Read at the click: the plot redraws at each sample anyway, and this costs it no subscription.
  const store = useLabStoreApi();
  return (
    <ChartFrame
      id={id}
      title={title}
      unit={unit}
      summary={summary}
      legend={<Legend items={lines} />}
      table={
        <LineTable.Component
          fallback={PLOT_PLACEHOLDER}
          title={title}
          unit={unit}
          lines={lines}
          format={format}
        />
      }
    >
      {(width) => (
        <LinePlot.Component
          fallback={PLOT_PLACEHOLDER}
          width={width}
          time={time}
          lines={lines}
          summary={summary}
          unit={unit}
          step={step}
          floor={floor}
          empty={empty}
          format={format}
          onPick={(t) => {
            store.getState().actions.seek(t);
          }}
        />
      )}
    </ChartFrame>
  );
}
