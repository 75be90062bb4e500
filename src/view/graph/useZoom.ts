/**
 * Attaches d3-zoom (wheel and drag to zoom and pan) to an SVG ref; React renders the transform.
 * d3-zoom (with d3-selection, d3-transition and d3-drag) loads after the first frame: the graph
 * draws at the identity transform, and zooming starts working a moment later.
 */
import type { D3ZoomEvent } from 'd3-zoom';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface ZoomState {
  /** The SVG transform attribute for the zoomed group. */
  readonly transform: string;
  readonly zoomed: boolean;
  readonly resetZoom: () => void;
}

/** `zoomIdentity.toString()`, known without loading d3-zoom. */
const IDENTITY = 'translate(0,0) scale(1)';

/** With `wheelNeedsModifier`, the wheel zooms only with Ctrl/⌘ held, so an embed never hijacks page scroll. */
export function useZoom(ref: RefObject<SVGSVGElement | null>, wheelNeedsModifier: boolean): ZoomState {
  const [transform, setTransform] = useState(IDENTITY);
  const reset = useRef<(() => void) | null>(null);

  useEffect(() => {
    const svg = ref.current;
    if (svg === null) return undefined;
    let detach: (() => void) | null = null;
    let cancelled = false;
    void Promise.all([import('d3-zoom'), import('d3-selection')]).then(
      ([{ zoom, zoomIdentity }, { select }]) => {
        if (cancelled) return;
        const zoomer = zoom<SVGSVGElement, unknown>()
          .scaleExtent([0.4, 4])
          .filter((event: Event) => {
            if (event instanceof WheelEvent) return !wheelNeedsModifier || event.ctrlKey || event.metaKey;
            return !(event instanceof MouseEvent && (event.button !== 0 || event.ctrlKey));
          })
          .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
            setTransform(event.transform.toString());
          });
        const selection = select(svg).call(zoomer).on('dblclick.zoom', null);
        reset.current = () => {
          zoomer.transform(selection, zoomIdentity);
        };
        detach = () => {
          selection.on('.zoom', null);
        };
      },
    );
    return () => {
      cancelled = true;
      detach?.();
      reset.current = null;
    };
  }, [ref, wheelNeedsModifier]);

  const resetZoom = useCallback(() => {
    reset.current?.();
  }, []);

  return { transform, zoomed: transform !== IDENTITY, resetZoom };
}
