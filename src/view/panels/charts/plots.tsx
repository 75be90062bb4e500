/**
 * The plots (D3 scales and shapes) and the charts' tables are chunks of their own, fetched when the browser
 * is idle after the first frame.
 */
import { deferred } from '../../deferred.tsx';
import { CHART_HEIGHT } from './chartStyle.ts';

const loadPlots = () => import('./ChartPlots.tsx');
export const LinePlot = deferred(() => loadPlots().then((m) => m.LinePlot));
export const BarPlot = deferred(() => loadPlots().then((m) => m.BarPlot));
const loadTables = () => import('./ChartTables.tsx');
export const LineTable = deferred(() => loadTables().then((m) => m.LineTable));
export const BarTable = deferred(() => loadTables().then((m) => m.BarTable));

export function preloadPlots(): void {
  void LinePlot.preload();
  void BarPlot.preload();
  void LineTable.preload();
  void BarTable.preload();
}

/** What a plot shows while its chunk loads: the same room, so nothing moves when it arrives. */
export const PLOT_PLACEHOLDER = <div className="chart-plot-placeholder" style={{ height: CHART_HEIGHT }} />;
