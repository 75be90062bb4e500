/** Pure chart math with D3: scales, ticks and paths for the panels' charts (React renders them). */
import { scaleBand, scaleLinear } from 'd3-scale';
import { curveLinear, curveStepAfter, line } from 'd3-shape';
import { WINDOW_MS } from '../../../store/index.ts';
import type { Plot, XY } from './chartStyle.ts';

/** The time axis shows the last WINDOW_MS of simulated time (from 0 until that much has passed). */
export function timeDomain(time: number): [number, number] {
  return [Math.max(0, time - WINDOW_MS), Math.max(time, WINDOW_MS)];
}

export function timeScale(time: number, plot: Plot) {
  return scaleLinear().domain(timeDomain(time)).range([0, plot.innerWidth]);
}

/**
 * The time of the sample nearest `t` in any of `series` (each oldest first): the instant a click on a
 * chart picks. Halfway between two, the earlier; undefined when there is no sample.
 */
export function nearestSample(
  series: readonly (readonly { readonly t: number }[])[],
  t: number,
): number | undefined {
  let best: number | undefined;
  for (const points of series) {
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((points[mid]?.t ?? Infinity) < t) lo = mid + 1;
      else hi = mid;
    }
    // The last sample before `t` and the first at or after it are the only candidates.
    for (const p of [points[lo - 1], points[lo]]) {
      if (p === undefined) continue;
      const d = Math.abs(p.t - t);
      const bestD = best === undefined ? Infinity : Math.abs(best - t);
      if (best === undefined || d < bestD || (d === bestD && p.t < best)) best = p.t;
    }
  }
  return best;
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

/** Bars: one band per node, split into sub-bands per measure. */
export function bandScales(nodeIds: readonly string[], measures: readonly string[], plot: Plot) {
  const outer = scaleBand().domain(nodeIds).range([0, plot.innerWidth]).padding(0.25);
  const inner = scaleBand().domain(measures).range([0, outer.bandwidth()]).padding(0.1);
  return { outer, inner };
}

/** Width of one character of the charts' 10.5 px tick labels (node ids), a little generous. */
const LABEL_CHAR_PX = 6.2;
const LABEL_GAP_PX = 4;

/**
 * Label every how many bars so that neighbouring labels never touch: 1 while all fit, so 30 nodes on a
 * narrow chart label every few bars instead of printing ids over each other (the table lists them all).
 */
export function labelEvery(labels: readonly string[], bandStep: number): number {
  if (bandStep <= 0) return 1;
  const width = (i: number) => (labels[i]?.length ?? 0) * LABEL_CHAR_PX;
  const fits = (every: number) => {
    for (let i = 0; i + every < labels.length; i += every) {
      if ((width(i) + width(i + every)) / 2 + LABEL_GAP_PX > every * bandStep) return false;
    }
    return true;
  };
  let every = 1;
  while (every < labels.length && !fits(every)) every++;
  return every;
}
