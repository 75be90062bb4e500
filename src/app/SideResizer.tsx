/**
 * The handle between the graph and the details column: drag it, or focus it and use the arrow keys
 * (Shift for bigger steps, Home and End for the limits); a double click goes back to the default width.
 * A focusable `separator` with its value, so screen readers announce it like a slider.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

export const SIDE_DEFAULT = 320;
const SIDE_MIN = 260;
/** The graph keeps at least this much of the row. */
const GRAPH_MIN = 420;
const SIDE_MAX = 720;
const STEP = 16;

/** The widest the column may be in a row `rowWidth` wide. */
function maxWidth(rowWidth: number): number {
  return Math.max(SIDE_MIN, Math.min(SIDE_MAX, rowWidth - GRAPH_MIN));
}

interface Props {
  readonly width: number;
  readonly onWidth: (width: number) => void;
  /** The id of the column it resizes. */
  readonly controls: string;
}

export function SideResizer({ width, onWidth, controls }: Props) {
  const handle = useRef<HTMLDivElement>(null);
  // Where a drag started; `zoom` (presenter mode's) turns the pointer's screen pixels into the column's CSS pixels.
  const drag = useRef<{ x: number; width: number; zoom: number } | null>(null);
  // The row it divides (graph and column), for the widest the column may be.
  const [rowWidth, setRowWidth] = useState(SIDE_MAX + GRAPH_MIN);
  useEffect(() => {
    const row = handle.current?.parentElement;
    if (row == null) return undefined;
    const observer = new ResizeObserver(() => {
      setRowWidth(row.clientWidth);
    });
    observer.observe(row);
    return () => {
      observer.disconnect();
    };
  }, []);
  const max = maxWidth(rowWidth);
  const shown = Math.min(width, max);
  const set = (next: number) => {
    onWidth(Math.round(Math.min(max, Math.max(SIDE_MIN, next))));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 4 * STEP : STEP;
    const to: Record<string, number> = {
      // The column is on the right: moving the handle left widens it.
      ArrowLeft: shown + step,
      ArrowRight: shown - step,
      Home: SIDE_MIN,
      End: max,
    };
    const next = to[event.key];
    if (next === undefined) return;
    event.preventDefault();
    set(next);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width: shown, zoom: event.currentTarget.currentCSSZoom };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current === null) return;
    set(drag.current.width + (drag.current.x - event.clientX) / drag.current.zoom);
  };
  const endDrag = () => {
    drag.current = null;
  };
  return (
    <div
      ref={handle}
      className="side-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the details column"
      aria-controls={controls}
      aria-valuenow={shown}
      aria-valuemin={SIDE_MIN}
      aria-valuemax={max}
      aria-valuetext={`${shown} pixels wide`}
      tabIndex={0}
      title="Drag, or use the arrow keys, to resize the details; double-click for the default width"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onDoubleClick={() => {
        onWidth(SIDE_DEFAULT);
      }}
    />
  );
}
