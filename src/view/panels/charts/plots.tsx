/** The plots (D3 scales and shapes) are a chunk of their own, fetched when the browser is idle after the first frame. */
import { deferred } from '../../deferred.tsx';
import { CHART_HEIGHT } from './chartStyle.ts';

const loadPlots = () => import('./ChartPlots.tsx');
export const LinePlot = deferred(() => loadPlots().then((m) => m.LinePlot));
export const BarPlot = deferred(() => loadPlots().then((m) => m.BarPlot));

export function preloadPlots(): void {
  void LinePlot.preload();
  void BarPlot.preload();
}

/** What a plot shows while its chunk loads: the same room, so nothing moves when it arrives. */
export const PLOT_PLACEHOLDER = <div className="chart-plot-placeholder" style={{ height: CHART_HEIGHT }} />;
