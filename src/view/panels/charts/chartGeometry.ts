/** Pure chart math with D3: scales, ticks and paths for the panels' charts (React renders them). */
import { scaleBand, scaleLinear } from 'd3-scale';
import { curveLinear, curveStepAfter, line } from 'd3-shape';
import { WINDOW_MS } from '../../../store/index.ts';

export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export const MARGIN: Margin = { top: 20, right: 10, bottom: 22, left: 44 };

export interface XY {
  readonly t: number;
  readonly v: number | null;
}

export interface Plot {
  readonly width: number;
  readonly height: number;
  readonly innerWidth: number;
  readonly innerHeight: number;
}

export function plotOf(width: number, height: number, margin: Margin = MARGIN): Plot {
  return {
    width,
    height,
    innerWidth: Math.max(10, width - margin.left - margin.right),
    innerHeight: Math.max(10, height - margin.top - margin.bottom),
  };
}

/** The time axis shows the last WINDOW_MS of simulated time (from 0 until that much has passed). */
export function timeDomain(time: number): [number, number] {
  return [Math.max(0, time - WINDOW_MS), Math.max(time, WINDOW_MS)];
}

export function timeScale(time: number, plot: Plot) {
  return scaleLinear().domain(timeDomain(time)).range([0, plot.innerWidth]);
}

/** A value axis from 0 to a round number above `max` (at least `floor`), so small noise stays small. */
export function valueScale(max: number, plot: Plot, floor = 1) {
  return scaleLinear()
    .domain([0, Math.max(floor, max)])
    .nice(4)
    .range([plot.innerHeight, 0]);
}

type Scale = (value: number) => number;

/** The SVG path of a series; gaps (null values) break the line. `step` holds each value until the next. */
export function pathOf(points: readonly XY[], x: Scale, y: Scale, step = false): string {
  const generator = line<XY>()
    .defined((p) => p.v !== null)
    .x((p) => x(p.t))
    .y((p) => y(p.v ?? 0))
    .curve(step ? curveStepAfter : curveLinear);
  return generator(points) ?? '';
}

export function maxOf(series: readonly (readonly XY[])[]): number {
  let max = 0;
  for (const points of series) for (const p of points) if (p.v !== null && p.v > max) max = p.v;
  return max;
}

/** Bars: one band per node, split into sub-bands per measure. */
export function bandScales(nodeIds: readonly string[], measures: readonly string[], plot: Plot) {
  const outer = scaleBand().domain(nodeIds).range([0, plot.innerWidth]).padding(0.25);
  const inner = scaleBand().domain(measures).range([0, outer.bandwidth()]).padding(0.1);
  return { outer, inner };
}

/** "12 s", "1.5 s", "250 ms" for axis ticks. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** Lines differ by dash as well as colour, so no series is told apart by colour alone. */
export const DASHES = ['', '6 3', '2 3', '9 3 2 3', '1 2', '12 4'] as const;

export function seriesStyle(index: number): { readonly stroke: string; readonly dash: string } {
  return { stroke: `var(--series-${(index % 6) + 1})`, dash: DASHES[index % DASHES.length] ?? '' };
}
