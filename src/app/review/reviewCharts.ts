/**
 * The Charts panel's four charts as standalone SVG for the review file: the same lines (chartLines.ts), the
 * same scales and paths (chartGeometry.ts), coloured by class so the file's CSS gives them light and dark
 * colours. Every text goes through `escapeHtml`.
 */
import { LATENCY_WINDOW_MS, THROUGHPUT_WINDOW_MS, type Series } from '../../store/index.ts';
import {
  bandScales,
  labelEvery,
  pathOf,
  timeScale,
  valueScale,
} from '../../view/panels/charts/chartGeometry.ts';
import {
  counterLines,
  counterSummary,
  lagLines,
  lagSummary,
  latencyLines,
  latencySummary,
  throughputSummary,
} from '../../view/panels/charts/chartLines.ts';
import type { Line } from '../../view/panels/charts/LineChart.tsx';
import { DASHES, MARGIN, formatSeconds, maxOf, plotOf } from '../../view/panels/charts/chartStyle.ts';
import type { Vocabulary } from '../../view/vocabulary.ts';
import { escapeHtml } from './escape.ts';

/** One chart: its title, unit, legend and summary in words, and the picture (SVG markup). */
export interface ReviewChart {
  readonly title: string;
  readonly unit: string;
  readonly summary: string;
  /** Each line's (or bar's) label, colour (1 to 6) and dash, as the chart draws it. */
  readonly legend: readonly {
    readonly label: string;
    readonly series: number;
    readonly dash: string;
    readonly bar: 'solid' | 'hollow' | null;
  }[];
  readonly svg: string;
}

// Drawn at about the size it shows at: a phone scales it down a little, a wide page up a little.
const WIDTH = 400;
const HEIGHT = 170;

const round = (v: number): string => String(Math.round(v * 10) / 10);

/** Ticks of the value axis, each with its label, and a horizontal grid line. */
function valueAxis(y: ReturnType<typeof valueScale>, innerWidth: number, unit: string): string {
  const ticks = y
    .ticks(4)
    .map(
      (v) =>
        `<g transform="translate(0,${round(y(v))})"><line class="grid" x2="${innerWidth}"/>` +
        `<text x="-6" dy="0.32em" text-anchor="end">${escapeHtml(v.toLocaleString('en'))}</text></g>`,
    )
    .join('');
  return `${ticks}<text class="unit" x="-6" y="-8" text-anchor="end">${escapeHtml(unit)}</text>`;
}

function frame(summary: string, content: string): string {
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" ` +
    `aria-label="${escapeHtml(summary)}"><g transform="translate(${MARGIN.left},${MARGIN.top})">${content}</g></svg>`
  );
}

/** A line chart over the charts' time window, as the panel draws it. */
function lineChart(
  time: number,
  lines: readonly Line[],
  summary: string,
  unit: string,
  floor: number,
  step = false,
): string {
  const plot = plotOf(WIDTH, HEIGHT);
  const x = timeScale(time, plot);
  const y = valueScale(maxOf(lines.map((l) => l.points)), plot, floor);
  const xTicks = x
    .ticks(Math.max(2, Math.floor(plot.innerWidth / 70)))
    .map(
      (t) =>
        `<g transform="translate(${round(x(t))},${plot.innerHeight})"><line class="tick" y2="4"/>` +
        `<text y="15" text-anchor="middle">${escapeHtml(formatSeconds(t))}</text></g>`,
    )
    .join('');
  const paths = lines
    .map((l, i) => {
      const dash = DASHES[i % DASHES.length] ?? '';
      return (
        `<path class="series-${(i % 6) + 1}" d="${pathOf(l.points, x, y, step)}" fill="none" stroke-width="2"` +
        `${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`
      );
    })
    .join('');
  const empty =
    lines.length === 0
      ? `<text class="empty" x="${plot.innerWidth / 2}" y="${plot.innerHeight / 2}" text-anchor="middle">none</text>`
      : '';
  return frame(
    summary,
    `${valueAxis(y, plot.innerWidth, unit)}${xTicks}` +
      `<line class="axis" y1="${plot.innerHeight}" x2="${plot.innerWidth}" y2="${plot.innerHeight}"/>${paths}${empty}`,
  );
}

/** Reads and writes per second per node, as bars (writes hollow, as the panel draws them). */
function barChart(series: Series, summary: string): string {
  const plot = plotOf(WIDTH, HEIGHT);
  const nodes = series.throughput;
  const { outer, inner } = bandScales(
    nodes.map((n) => n.nodeId),
    ['reads', 'writes'],
    plot,
  );
  const y = valueScale(Math.max(0, ...nodes.flatMap((n) => [n.readsPerSec, n.writesPerSec])), plot, 1);
  const every = labelEvery(
    nodes.map((n) => n.nodeId),
    outer.step(),
  );
  const bars = nodes
    .map((n, index) => {
      const bar = (measure: 'reads' | 'writes', v: number, series: number) => {
        const top = y(v);
        const cls = measure === 'reads' ? `bar series-${series}` : `bar bar--hollow series-${series}`;
        return `<rect class="${cls}" x="${round(inner(measure) ?? 0)}" y="${round(top)}" width="${round(inner.bandwidth())}" height="${round(Math.max(0, plot.innerHeight - top))}"/>`;
      };
      const label =
        index % every === 0
          ? `<text x="${round(outer.bandwidth() / 2)}" y="${plot.innerHeight + 15}" text-anchor="middle">${escapeHtml(n.nodeId)}</text>`
          : '';
      return `<g transform="translate(${round(outer(n.nodeId) ?? 0)},0)">${bar('reads', n.readsPerSec, 1)}${bar('writes', n.writesPerSec, 2)}${label}</g>`;
    })
    .join('');
  return frame(
    summary,
    `${valueAxis(y, plot.innerWidth, 'ops/s')}<line class="axis" y1="${plot.innerHeight}" x2="${plot.innerWidth}" y2="${plot.innerHeight}"/>${bars}`,
  );
}

const legendOf = (lines: readonly Line[]): ReviewChart['legend'] =>
  lines.map((l, i) => ({
    label: l.label,
    series: (i % 6) + 1,
    dash: DASHES[i % DASHES.length] ?? '',
    bar: null,
  }));

/** The Charts panel's charts, in its order, for the series at the instant shown. */
export function reviewCharts(series: Series, words: Vocabulary): ReviewChart[] {
  const lag = lagLines(series);
  const latency = latencyLines(series);
  const counters = counterLines(series);
  const lagText = lagSummary(series, words);
  const latencyText = latencySummary(series);
  const throughputText = throughputSummary(series);
  const counterText = counterSummary(series);
  return [
    {
      title: `Replication lag per ${words.replica}`,
      unit: 'ms',
      summary: lagText,
      legend: legendOf(lag),
      svg: lineChart(series.time, lag, lagText, 'ms', 100),
    },
    {
      title: `Write latency p50 / p99 (last ${LATENCY_WINDOW_MS / 1000} s)`,
      unit: 'ms',
      summary: latencyText,
      legend: legendOf(latency),
      svg: lineChart(series.time, latency, latencyText, 'ms', 10),
    },
    {
      title: `Throughput per node, last ${THROUGHPUT_WINDOW_MS / 1000} s`,
      unit: 'ops/s',
      summary: throughputText,
      legend: [
        { label: 'reads/s', series: 1, dash: '', bar: 'solid' },
        { label: 'writes/s', series: 2, dash: '', bar: 'hollow' },
      ],
      svg: barChart(series, throughputText),
    },
    {
      title: 'Lost, stale, blocked, conflicts',
      unit: 'count',
      summary: counterText,
      legend: legendOf(counters),
      svg: lineChart(series.time, counters, counterText, 'count', 4, true),
    },
  ];
}
