/**
 * Under the graph: the legend, and the toggles (the topology table; in the embed, the details column and
 * the charts-and-events overlay). In the small tier the legend (and the metrics) lie over the graph behind
 * a toggle instead (`GraphKey`), and so does the timeline (`TimelineToggle`). Its height only grows while its width stays, so the graph above it keeps
 * still (see useSteadyHeight.ts).
 */
import { useRef, type ReactNode } from 'react';
import { Legend } from '../view/graph/Legend.tsx';
import { TimelineToggle, type TimelineToggleProps } from '../view/timeline/TimelineToggle.tsx';
import { DockToggle } from '../view/panels/PanelDock.tsx';
import { TopologyTableToggle } from '../view/panels/TopologyTableToggle.tsx';
import { DetailsToggle } from './embed/DetailsToggle.tsx';
import { useSteadyHeight } from './useSteadyHeight.ts';

/** A toggle's state and how to flip it; absent, the toggle is not shown. */
interface Toggle {
  readonly shown: boolean;
  readonly onToggle: () => void;
}

const KEY_ID = 'graph-key';

/**
 * The small tier's legend (and metrics, when given), over the bottom of the graph while `shown`. A named,
 * focusable region: taller than a small graph, it scrolls, and the keyboard can scroll it too.
 */
export function GraphKey({
  shown,
  name,
  children,
}: {
  readonly shown: boolean;
  readonly name: string;
  readonly children?: ReactNode;
}) {
  return (
    <div id={KEY_ID} className="graph-key" role="region" aria-label={name} tabIndex={0} hidden={!shown}>
      <Legend />
      {children}
    </div>
  );
}

/** Shows or hides the `GraphKey`; a small window shows only its first word, the name stays whole. */
function KeyToggle({ shown, onToggle, name }: Toggle & { readonly name: string }) {
  return (
    <button
      type="button"
      className="key-toggle"
      aria-expanded={shown}
      aria-controls={KEY_ID}
      onClick={onToggle}
    >
      <span className="control-label">{name}</span>
      <span className="control-short" aria-hidden="true">
        Legend
      </span>
    </button>
  );
}

export function GraphFooter({
  details,
  dock,
  legend,
  timeline,
  compare,
}: {
  /** The full lab's Compare mode: two labs side by side in place of the graph. */
  readonly compare?: Toggle | undefined;
  readonly details?: Toggle | undefined;
  readonly dock?: Toggle | undefined;
  /** Present in the small tier: the legend is behind this toggle, named after what the key holds. */
  readonly legend?: (Toggle & { readonly name: string }) | undefined;
  /** Present in the small tier: the timeline is behind this toggle. */
  readonly timeline?: TimelineToggleProps | undefined;
}) {
  const footer = useRef<HTMLDivElement>(null);
  const minHeight = useSteadyHeight(footer);
  return (
    <div className="graph-footer" ref={footer} style={{ minHeight }}>
      {legend === undefined ? <Legend /> : <KeyToggle {...legend} />}
      {timeline !== undefined && <TimelineToggle {...timeline} />}
      {details !== undefined && <DetailsToggle {...details} />}
      {dock !== undefined && <DockToggle {...dock} />}
      {compare !== undefined && (
        <button
          type="button"
          className="compare"
          aria-pressed={compare.shown}
          title="This run beside a variant"
          onClick={compare.onToggle}
        >
          Compare
        </button>
      )}
      <TopologyTableToggle />
    </div>
  );
}
