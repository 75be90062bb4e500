/** Draws in-flight messages on a canvas over the graph when there are too many for SVG. */
import { useEffect, useRef, type RefObject } from 'react';
import { useLabStore, useLabStoreApi, type LabState } from '../../store/index.ts';
import { placeMessage } from './geometry.ts';
import type { Point } from './layout.ts';
import { CANVAS_THRESHOLD } from './MessageLayer.tsx';

interface Props {
  /** The zoomed SVG group: its screen matrix maps graph coordinates onto the canvas. */
  readonly graphGroup: RefObject<SVGGElement | null>;
  readonly position: (id: string) => Point | undefined;
  readonly radius: (id: string) => number;
  /** The current zoom transform: a change redraws even while paused. */
  readonly transform: string;
}

function draw(canvas: HTMLCanvasElement, group: SVGGElement, state: LabState, props: Props): void {
  const ctx = canvas.getContext('2d');
  const matrix = group.getScreenCTM();
  if (ctx === null || matrix === null) return;
  const rect = canvas.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  const width = Math.round(rect.width * dpr);
  const height = Math.round(rect.height * dpr);
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(
    dpr * matrix.a,
    dpr * matrix.b,
    dpr * matrix.c,
    dpr * matrix.d,
    dpr * (matrix.e - rect.left),
    dpr * (matrix.f - rect.top),
  );
  // Computed colours resolve the theme's light-dark() values, which raw custom properties do not.
  const style = getComputedStyle(canvas);
  const colours = { down: style.color, up: style.borderTopColor };
  for (const message of state.snapshot.messages) {
    const at = placeMessage(message, state.simTime, props.position, props.radius);
    if (at === null) continue;
    const goingDown =
      message.kind === 'entries' || message.kind === 'snapshot' || message.kind === 'heartbeat';
    ctx.fillStyle = goingDown ? colours.down : colours.up;
    ctx.fillRect(at.x - 3, at.y - 3, 6, 6);
  }
}

export function MessageCanvas(props: Props) {
  const store = useLabStoreApi();
  const many = useLabStore((s) => s.snapshot.messages.length > CANVAS_THRESHOLD);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current;
    const group = props.graphGroup.current;
    if (!many || element === null || group === null) return undefined;
    const redraw = (state: LabState) => {
      draw(element, group, state, props);
    };
    redraw(store.getState());
    return store.subscribe(redraw);
  }, [many, store, props]);

  if (!many) return null;
  return <canvas ref={canvas} className="message-canvas" aria-hidden="true" />;
}
