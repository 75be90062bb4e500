/**
 * The space-time diagram: one lane per node in topology order, time left to right, every message an arrow
 * from its send to its arrival (or to where it was dropped, or to where it is now), the client operations
 * on the lanes that served them, and the timeline's cursor as a line across. Click or drag to show an
 * instant (the timeline moves with it); hover or pick an arrow to name it and ring it on the graph while it
 * is in flight. Wheel or a two-finger pinch zooms around the pointer (Shift+wheel pans); with focus, ← / →
 * go from arrow to arrow, + / − zoom, Shift+← / Shift+→ pan, F fits the run, L follows the instant shown.
 *
 * Drawn on a canvas, imperatively, on every store change while open: React renders only the frame
 * around it (lanes, buttons, the words for the arrow picked), at the panels' pace.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import type { MessageKind } from '../../engine/index.ts';
import {
  formatSeconds,
  timelineEnd,
  useLabActions,
  useLabStore,
  useLabStoreApi,
  type LabState,
  type SpaceTimeView,
} from '../../store/index.ts';
import { watchTheme } from '../watchTheme.ts';
import { useElementSize } from '../graph/useElementSize.ts';
import { usePrefersReducedMotion } from '../motion.ts';
import {
  arrowAt,
  writeAt,
  arrowsIn,
  timeAt,
  windowOf,
  type Arrow,
  type MessageMark,
  type Plot,
  type TimeWindow,
} from './geometry.ts';
import { laneOrder } from './lanes.ts';
import { carries, paint } from './draw.ts';
import { createArrowLayer } from './arrowLayer.ts';
import { emphasisOf } from './emphasis.ts';
import { readPalette } from './palette.ts';
import { describeMessage, kindWords } from './messageText.ts';
import { SpaceTimeTable } from './SpaceTimeTable.tsx';
import './spacetime.css';

const LANE_HEIGHT = 30;
/** How thin and how tall a lane may be made by resizing the diagram. */
const MIN_LANE = 16;
const MAX_LANE = 80;
const AXIS_HEIGHT = 18;
const GUTTER = 64;
/** The narrowest window, simulated ms. */
const MIN_SPAN = 20;
const KIND_ORDER: readonly MessageKind[] = ['entries', 'ack', 'hello', 'snapshot', 'heartbeat', 'certify'];

/** The zoom CSS applies to an element (`currentCSSZoom`, Chromium 128+ and Firefox; 1 where unknown). */
const cssZoom = (element: Element): number => {
  const zoom = (element as Element & { readonly currentCSSZoom?: number }).currentCSSZoom;
  return typeof zoom === 'number' && zoom > 0 ? zoom : 1;
};

export function SpaceTime() {
  const store = useLabStoreApi();
  const actions = useLabActions();
  const highlightMessage = useLabStore((s) => s.highlightMessage);
  const nodes = useLabStore((s) => s.snapshot.nodes);
  const live = useLabStore((s) => s.timeline.live);
  const reducedMotion = usePrefersReducedMotion();
  const simTime = useLabStore((s) => s.simTime);
  const view = useLabStore((s) => s.spaceTimeView);
  const setStoreView = useLabStore((s) => s.setSpaceTimeView);
  const [picked, setPicked] = useState<Arrow | null>(null);
  const [hovered, setHovered] = useState<Arrow | null>(null);
  const [tableShown, setTableShown] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(frame);
  const width = size?.width ?? 0;
  /** The arrows last drawn, for hit tests and keys. */
  const drawn = useRef<() => readonly Arrow[]>(() => []);
  const press = useRef<{ x: number; y: number; dragging: boolean } | null>(null);
  /** Pointers down (touch), by id: where each is along the time axis. Two of them pinch the window. */
  const pointers = useRef(new Map<number, number>());
  /** The distance between the two pinching pointers at the last move. */
  const pinch = useRef<number | null>(null);

  // The same lanes while the order stands, so a new snapshot does not rebuild the plot and re-subscribe.
  const laneKey = laneOrder(nodes).join('\n');
  const lanes = useMemo(() => laneKey.split('\n'), [laneKey]);
  // The frame is resizable (its bottom edge): the lanes share the height it is given.
  const initialHeight = AXIS_HEIGHT + lanes.length * LANE_HEIGHT + 6;
  const laneHeight = Math.min(
    MAX_LANE,
    Math.max(MIN_LANE, ((size?.height ?? initialHeight) - AXIS_HEIGHT - 6) / Math.max(1, lanes.length)),
  );
  const height = AXIS_HEIGHT + lanes.length * laneHeight + 6;
  const plot: Plot = useMemo(
    () => ({
      left: GUTTER,
      width: Math.max(10, width - GUTTER - 8),
      laneY: new Map(lanes.map((id, i) => [id, AXIS_HEIGHT + i * laneHeight + laneHeight / 2])),
    }),
    [lanes, width, laneHeight],
  );
  const viewRef = useRef(view);
  /** Changes the window at once for the next event too (a pinch or a wheel sends several per frame). */
  const setView = useCallback(
    (next: SpaceTimeView) => {
      viewRef.current = next;
      setStoreView(next);
    },
    [setStoreView],
  );
  const focusRef = useRef<Arrow | null>(null);
  /** The theme's colours, read once and again only when the theme can have changed. */
  const palette = useRef<ReturnType<typeof readPalette> | null>(null);
  const focus = hovered ?? picked;
  /** The arrows of messages that ended, kept between frames. */
  const [layer] = useState(() => createArrowLayer());

  const redraw = useCallback(
    (state: LabState) => {
      const element = canvas.current;
      const root = frame.current;
      if (element === null || root === null || width === 0) return;
      const now = state.simTime;
      const window = windowOf(viewRef.current, now, reducedMotion);
      const inWindow = () => state.actions.spaceTime(window.from, window.to).messages;
      // Every arrow, for pointing at one, made when asked: a frame draws only those not on the layer.
      let all: readonly Arrow[] | null = null;
      drawn.current = () => (all ??= arrowsIn(inWindow(), plot, window, now));
      // Device pixels per CSS pixel, CSS zoom included (presenter mode zooms the lab 1.5×): the bitmap
      // matches the screen's pixels, so lines and the axis's text stay sharp.
      const dpr = (globalThis.devicePixelRatio || 1) * cssZoom(element);
      const w = Math.round(width * dpr);
      const h = Math.round(height * dpr);
      if (element.width !== w || element.height !== h) Object.assign(element, { width: w, height: h });
      const ctx = element.getContext('2d');
      if (ctx === null) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      palette.current ??= readPalette(root);
      const backdrop = layer.update(
        {
          fetch: (from) => state.actions.spaceTime(from, window.to).messages,
          plot,
          window,
          follow: viewRef.current.follow,
          now,
          height,
          palette: palette.current,
          dpr,
        },
        ctx,
      );
      const arrowsOf = (marks: readonly MessageMark[]) => arrowsIn(marks, plot, window, now);
      // The focused arrow, as it is now (an arrow in flight grows).
      const id = focusRef.current?.mark.id;
      const focusMark =
        id === undefined
          ? undefined
          : (backdrop.fresh.find((m) => m.id === id) ??
            backdrop.heads.find((m) => m.id === id) ??
            inWindow().find((m) => m.id === id));
      const emphasis = emphasisOf(state);
      paint(
        ctx,
        {
          plot,
          window,
          height,
          now,
          arrows: arrowsOf(backdrop.fresh),
          heads: arrowsOf(backdrop.heads),
          operations: state.actions.spaceTime(window.from, window.to).operations,
          markers: state.timeline.markers,
          focus: focusMark === undefined ? null : (arrowsOf([focusMark])[0] ?? null),
          emphasis,
          traced: emphasis === null ? [] : arrowsOf(inWindow().filter((m) => carries(m, emphasis))),
          arrowStyle: backdrop.style,
          backdrop: backdrop.draw,
        },
        palette.current,
      );
    },
    [plot, height, width, reducedMotion, layer],
  );

  useEffect(() => {
    viewRef.current = view;
    focusRef.current = focus;
    redraw(store.getState());
  }, [view, focus, redraw, store]);

  useEffect(
    () =>
      watchTheme(() => {
        palette.current = null;
        redraw(store.getState());
      }),
    [store, redraw],
  );

  useEffect(() => {
    let queued = false;
    const unsubscribe = store.subscribe(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        redraw(store.getState());
      });
    });
    return unsubscribe;
  }, [store, redraw]);

  useEffect(
    () => () => {
      highlightMessage(null);
    },
    [highlightMessage],
  );

  const windowNow = (): TimeWindow => windowOf(viewRef.current, store.getState().simTime, reducedMotion);

  const zoom = useCallback(
    (factor: number, around?: number) => {
      const state = store.getState();
      const current = windowOf(viewRef.current, state.simTime, reducedMotion);
      const span = Math.min(
        Math.max(MIN_SPAN, (current.to - current.from) * factor),
        Math.max(MIN_SPAN, timelineEnd(state)),
      );
      if (viewRef.current.follow && around === undefined) {
        setView({ follow: true, span });
        return;
      }
      const pivot = around ?? (current.from + current.to) / 2;
      const share = (pivot - current.from) / (current.to - current.from);
      const from = Math.max(0, pivot - share * span);
      setView({ follow: false, from, to: from + span });
    },
    [store, reducedMotion, setView],
  );

  const pan = useCallback(
    (share: number) => {
      const current = windowOf(viewRef.current, store.getState().simTime, reducedMotion);
      const span = current.to - current.from;
      const from = Math.max(0, current.from + share * span);
      setView({ follow: false, from, to: from + span });
    },
    [store, reducedMotion, setView],
  );

  const fit = useCallback(() => {
    const end = Math.max(MIN_SPAN, timelineEnd(store.getState()));
    setView({ follow: false, from: 0, to: end });
  }, [store, setView]);

  const follow = useCallback(() => {
    const current = windowOf(viewRef.current, store.getState().simTime, reducedMotion);
    setView({ follow: true, span: current.to - current.from });
  }, [store, reducedMotion, setView]);

  const pick = useCallback(
    (arrow: Arrow | null) => {
      setPicked(arrow);
      highlightMessage(arrow?.mark.id ?? null);
    },
    [highlightMessage],
  );

  // Wheel: zoom around the pointer; with Shift (or a sideways wheel), pan. Not passive: the page must not
  // scroll while the pointer zooms the diagram.
  useEffect(() => {
    const element = canvas.current;
    if (element === null) return undefined;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const sideways = event.shiftKey ? event.deltaY : event.deltaX;
      if (Math.abs(sideways) > Math.abs(event.shiftKey ? 0 : event.deltaY)) {
        pan(sideways / 500);
        return;
      }
      const current = windowOf(viewRef.current, store.getState().simTime, reducedMotion);
      zoom(Math.exp(event.deltaY / 300), timeAt(plot, current, event.clientX - rect.left));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      element.removeEventListener('wheel', onWheel);
    };
  }, [plot, pan, zoom, store, reducedMotion]);

  const local = (event: PointerEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const seekTo = (x: number, preview: boolean) => {
    const t = Math.max(0, Math.min(timelineEnd(store.getState()), timeAt(plot, windowNow(), x)));
    actions.seek(t, preview ? { preview: true } : undefined);
  };

  /** The two pinching pointers' span along the time axis and their midpoint, or null when not two. */
  const pinchOf = (): { span: number; middle: number } | null => {
    const [a, b] = [...pointers.current.values()];
    return a === undefined || b === undefined ? null : { span: Math.abs(a - b), middle: (a + b) / 2 };
  };
  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    try {
      event.currentTarget.setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser no longer tracks: the gesture works without capture.
    }
    pointers.current.set(event.pointerId, local(event).x);
    if (pointers.current.size === 2) {
      // A second finger: pinch to zoom the window around the fingers, not a drag of the cursor.
      press.current = null;
      pinch.current = pinchOf()?.span ?? null;
      return;
    }
    press.current = { ...local(event), dragging: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const at = local(event);
    if (pointers.current.has(event.pointerId)) pointers.current.set(event.pointerId, at.x);
    const pinching = pinchOf();
    if (pinching !== null) {
      const last = pinch.current;
      if (last !== null && pinching.span > 8 && last > 8 && last !== pinching.span)
        zoom(last / pinching.span, timeAt(plot, windowNow(), pinching.middle));
      pinch.current = pinching.span;
      return;
    }
    const pressed = press.current;
    if (pressed !== null) {
      if (!pressed.dragging && Math.abs(at.x - pressed.x) + Math.abs(at.y - pressed.y) < 4) return;
      pressed.dragging = true;
      seekTo(at.x, true);
      return;
    }
    const arrow = arrowAt(drawn.current(), at.x, at.y);
    if (arrow?.mark.id !== hovered?.mark.id) {
      setHovered(arrow);
      highlightMessage(arrow?.mark.id ?? picked?.mark.id ?? null);
    }
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    pointers.current.delete(event.pointerId);
    if (pinch.current !== null) {
      // The pinch ends with its fingers: lifting them shows no instant.
      if (pointers.current.size === 0) pinch.current = null;
      return;
    }
    const pressed = press.current;
    press.current = null;
    if (pressed === null) return;
    const at = local(event);
    if (pressed.dragging) {
      seekTo(at.x, false);
      return;
    }
    // A write's mark follows that write (its fan-out is traced); an arrow is named; elsewhere, that instant.
    const state = store.getState();
    const window = windowNow();
    const { operations } = state.actions.spaceTime(window.from, window.to);
    const write = writeAt(operations, plot, window, state.simTime, at.x, at.y);
    if (write !== null) {
      actions.inspectOp(write.id);
      return;
    }
    const arrow = arrowAt(drawn.current(), at.x, at.y);
    if (arrow !== null) pick(arrow);
    else seekTo(at.x, false);
  };
  const onPointerCancel = (event: PointerEvent<HTMLCanvasElement>) => {
    pointers.current.delete(event.pointerId);
    press.current = null;
    if (pointers.current.size === 0) pinch.current = null;
  };
  const onPointerLeave = () => {
    if (press.current !== null) return;
    setHovered(null);
    highlightMessage(picked?.mark.id ?? null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const arrows = [...drawn.current()].sort(
      (a, b) => a.mark.sentAt - b.mark.sentAt || a.mark.id - b.mark.id,
    );
    const index = picked === null ? -1 : arrows.findIndex((a) => a.mark.id === picked.mark.id);
    let handled = true;
    if (event.key === 'ArrowRight' && event.shiftKey) pan(0.25);
    else if (event.key === 'ArrowLeft' && event.shiftKey) pan(-0.25);
    else if (event.key === 'ArrowRight') pick(arrows[index + 1] ?? arrows.at(-1) ?? null);
    else if (event.key === 'ArrowLeft')
      pick(arrows[index < 0 ? arrows.length - 1 : Math.max(0, index - 1)] ?? null);
    else if (event.key === '+' || event.key === '=') zoom(0.5);
    else if (event.key === '-') zoom(2);
    else if (event.key === 'f' || event.key === 'F') fit();
    else if (event.key === 'l' || event.key === 'L') follow();
    else if (event.key === 'Escape') pick(null);
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const shown = windowOf(view, simTime, reducedMotion);
  // The focused message as it is at the instant shown (one in flight arrives, one sought before it was sent
  // is not there yet).
  const focusMark =
    focus === null
      ? null
      : (actions.spaceTime(shown.from, shown.to).messages.find((m) => m.id === focus.mark.id) ?? null);
  const words = focusMark === null ? null : describeMessage(focusMark);
  return (
    <div className="spacetime">
      <div className="spacetime-controls" role="toolbar" aria-label="Space-time diagram controls">
        <button type="button" aria-pressed={view.follow} onClick={follow}>
          Follow
        </button>
        <button
          type="button"
          onClick={() => {
            zoom(0.5);
          }}
          aria-label="Zoom in"
        >
          +
        </button>
        <button
          type="button"
          onClick={() => {
            zoom(2);
          }}
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" onClick={fit}>
          Fit run
        </button>
        <button
          type="button"
          aria-pressed={tableShown}
          onClick={() => {
            setTableShown(!tableShown);
          }}
        >
          Table
        </button>
        <span className="spacetime-range">
          {formatSeconds(shown.from)} – {formatSeconds(shown.to)}
          {!live && ' (viewing the past)'}
        </span>
      </div>
      <div ref={frame} className="spacetime-frame" style={{ height: initialHeight }}>
        <ol className="spacetime-lanes" aria-label="Lanes">
          {lanes.map((id, i) => (
            <li
              key={id}
              data-lane={id}
              style={{ top: AXIS_HEIGHT + i * laneHeight, height: laneHeight, lineHeight: `${laneHeight}px` }}
            >
              {id}
            </li>
          ))}
        </ol>
        <div
          className="spacetime-canvas"
          role="group"
          aria-label="Messages: ← and → go from arrow to arrow, + and − zoom, Shift+← and Shift+→ pan, F fits the run, L follows"
          aria-describedby="spacetime-picked"
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <canvas
            ref={canvas}
            aria-hidden="true"
            style={{ width, height }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerCancel}
            onPointerLeave={onPointerLeave}
          />
        </div>
      </div>
      <p id="spacetime-picked" className="spacetime-picked" aria-live="polite">
        {words ??
          'Hover or pick an arrow to name its message, or a write’s dot to follow it; click or drag elsewhere to show that instant.'}
      </p>
      <ul className="spacetime-key" aria-label="Arrows">
        {KIND_ORDER.map((kind) => (
          <li key={kind} data-kind={kind}>
            {kindWords(kind)}
          </li>
        ))}
      </ul>
      {tableShown && <SpaceTimeTable window={shown} />}
    </div>
  );
}
