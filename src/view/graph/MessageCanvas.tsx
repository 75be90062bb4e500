/**
 * Draws in-flight messages on a canvas over the graph when there are too many for SVG.
 *
 * Drawing runs on every store change, so it reads no layout: the graph-to-canvas matrix and the canvas
 * size are measured only when the view changes (zoom, resize, re-layout), and the two colours only when
 * the theme can have changed. Reading `getScreenCTM` or computed style per frame forced a synchronous
 * layout of the whole page each time, which cost the most when the panels were busy re-rendering.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useLabStore, useLabStoreApi, type LabState } from '../../store/index.ts';
import { placeMessage } from './geometry.ts';
import type { Point } from './layout.ts';
import { CANVAS_THRESHOLD } from './MessageLayer.tsx';
import { watchTheme } from '../watchTheme.ts';

interface Props {
  /** The zoomed SVG group: its screen matrix maps graph coordinates onto the canvas. */
  readonly graphGroup: RefObject<SVGGElement | null>;
  readonly position: (id: string) => Point | undefined;
  readonly radius: (id: string) => number;
  /** Changes whenever the group's place on screen can have changed (zoom, size, view box): re-measures. */
  readonly view: string;
}

/** The graph-to-canvas transform in device pixels, and the canvas's size. */
interface Frame {
  readonly matrix: readonly [number, number, number, number, number, number];
  readonly width: number;
  readonly height: number;
}

interface Colours {
  /** Entries, snapshots and heartbeats: going down the tree. */
  readonly down: string;
  /** Acknowledgements and hellos: going up. */
  readonly up: string;
}

function measure(canvas: HTMLCanvasElement, group: SVGGElement): Frame | null {
  const m = group.getScreenCTM();
  if (m === null) return null;
  const rect = canvas.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  return {
    matrix: [dpr * m.a, dpr * m.b, dpr * m.c, dpr * m.d, dpr * (m.e - rect.left), dpr * (m.f - rect.top)],
    width: Math.round(rect.width * dpr),
    height: Math.round(rect.height * dpr),
  };
}

/** Computed colours resolve the theme's light-dark() values, which raw custom properties do not. */
function readColours(canvas: HTMLCanvasElement): Colours {
  const style = getComputedStyle(canvas);
  return { down: style.color, up: style.borderTopColor };
}

function draw(
  canvas: HTMLCanvasElement,
  frame: Frame,
  colours: Colours,
  state: LabState,
  position: Props['position'],
  radius: Props['radius'],
): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  if (canvas.width !== frame.width || canvas.height !== frame.height) {
    Object.assign(canvas, { width: frame.width, height: frame.height });
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, frame.width, frame.height);
  ctx.setTransform(...frame.matrix);
  for (const message of state.snapshot.messages) {
    const at = placeMessage(message, state.simTime, position, radius);
    if (at === null) continue;
    const goingDown =
      message.kind === 'entries' ||
      message.kind === 'snapshot' ||
      message.kind === 'heartbeat' ||
      message.kind === 'certify';
    ctx.fillStyle = goingDown ? colours.down : colours.up;
    ctx.fillRect(at.x - 3, at.y - 3, 6, 6);
    if (message.id === state.highlightedMessage) {
      // The message the space-time diagram names.
      ctx.strokeStyle = colours.up;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(at.x, at.y, 9, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }
}

export function MessageCanvas({ graphGroup, position, radius, view }: Props) {
  const store = useLabStoreApi();
  const many = useLabStore((s) => s.snapshot.messages.length > CANVAS_THRESHOLD);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current;
    const group = graphGroup.current;
    if (!many || element === null || group === null) return undefined;
    // Measured here, once per view (the effect re-runs when `view` changes), never while drawing.
    const frame = measure(element, group);
    let colours = readColours(element);
    let drawn: Pick<LabState, 'snapshot' | 'simTime' | 'highlightedMessage'> | null = null;
    const redraw = (state: LabState, force = false) => {
      if (frame === null) return;
      if (
        !force &&
        drawn?.snapshot === state.snapshot &&
        drawn.simTime === state.simTime &&
        drawn.highlightedMessage === state.highlightedMessage
      )
        return;
      drawn = {
        snapshot: state.snapshot,
        simTime: state.simTime,
        highlightedMessage: state.highlightedMessage,
      };
      draw(element, frame, colours, state, position, radius);
    };
    redraw(store.getState(), true);
    const unsubscribe = store.subscribe((state) => {
      redraw(state);
    });
    const unwatch = watchTheme(() => {
      colours = readColours(element);
      redraw(store.getState(), true);
    });
    return () => {
      unsubscribe();
      unwatch();
    };
  }, [many, store, graphGroup, position, radius, view]);

  if (!many) return null;
  return <canvas ref={canvas} className="message-canvas" aria-hidden="true" />;
}
