/**
 * The graph's zoom behaviour (see useZoom.ts): a chunk of its own, loaded with d3-zoom after the first
 * frame.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent } from 'd3-zoom';

/**
 * Attaches d3-zoom to `svg`; `setTransform` hears each transform. With `wheelNeedsModifier`, the wheel
 * zooms only with Ctrl/⌘ held. Returns what resets the zoom and what detaches it.
 */
export function attachZoom(
  svg: SVGSVGElement,
  wheelNeedsModifier: boolean,
  setTransform: (transform: string) => void,
): { readonly reset: () => void; readonly detach: () => void } {
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
  return {
    reset: () => {
      zoomer.transform(selection, zoomIdentity);
    },
    detach: () => {
      selection.on('.zoom', null);
    },
  };
}
