/**
 * Under the graph: the legend, and the toggles (the topology table; in the embed, the details column and
 * the charts-and-events overlay). Its height only grows while its width stays, so the graph above
 * it keeps still (see useSteadyHeight.ts).
 */
import { useRef } from 'react';
import { Legend } from '../view/graph/Legend.tsx';
import { DockToggle } from '../view/panels/PanelDock.tsx';
import { TopologyTableToggle } from '../view/panels/TopologyTableToggle.tsx';
import { DetailsToggle } from './embed/DetailsToggle.tsx';
import { useSteadyHeight } from './useSteadyHeight.ts';

/** A toggle's state and how to flip it; absent, the toggle is not shown. */
interface Toggle {
  readonly shown: boolean;
  readonly onToggle: () => void;
}

export function GraphFooter({
  details,
  dock,
}: {
  readonly details?: Toggle | undefined;
  readonly dock?: Toggle | undefined;
}) {
  const footer = useRef<HTMLDivElement>(null);
  const minHeight = useSteadyHeight(footer);
  return (
    <div className="graph-footer" ref={footer} style={{ minHeight }}>
      <Legend />
      {details !== undefined && <DetailsToggle {...details} />}
      {dock !== undefined && <DockToggle {...dock} />}
      <TopologyTableToggle />
    </div>
  );
}
