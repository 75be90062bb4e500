/** The charts' shared measures and styles, without D3: the frames, legends and tables use them at first paint. */

/** Height of every chart's plot, in CSS pixels (its frame keeps this room while the plot loads). */
export const CHART_HEIGHT = 138;

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

export function maxOf(series: readonly (readonly XY[])[]): number {
  let max = 0;
  for (const points of series) for (const p of points) if (p.v !== null && p.v > max) max = p.v;
  return max;
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
