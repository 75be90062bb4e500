/** Attaches d3-zoom (wheel and drag to zoom and pan) to an SVG ref; React renders the transform. */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface ZoomState {
  /** The SVG transform attribute for the zoomed group. */
  readonly transform: string;
  readonly zoomed: boolean;
  readonly resetZoom: () => void;
}

/** With `wheelNeedsModifier`, the wheel zooms only with Ctrl/⌘ held, so an embed never hijacks page scroll. */
export function useZoom(ref: RefObject<SVGSVGElement | null>, wheelNeedsModifier: boolean): ZoomState {
  const [transform, setTransform] = useState(zoomIdentity.toString());
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);

  useEffect(() => {
    const svg = ref.current;
    if (svg === null) return undefined;
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
    behaviour.current = zoomer;
    return () => {
      selection.on('.zoom', null);
      behaviour.current = null;
    };
  }, [ref, wheelNeedsModifier]);

  const resetZoom = useCallback(() => {
    const svg = ref.current;
    const zoomer = behaviour.current;
    if (svg === null || zoomer === null) return;
    zoomer.transform(select(svg), zoomIdentity);
  }, [ref]);

  return { transform, zoomed: transform !== zoomIdentity.toString(), resetZoom };
}
