/**
 * Attaches d3-zoom (wheel and drag to zoom and pan) to an SVG ref; React renders the transform.
 * d3-zoom (with d3-selection, d3-transition and d3-drag) loads after the first frame, with the behaviour
 * (zoom.ts): the graph draws at the identity transform, and zooming starts working a moment later.
 */
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
    void import('./zoom.ts').then(({ attachZoom }) => {
      if (cancelled) return;
      const attached = attachZoom(svg, wheelNeedsModifier, setTransform);
      reset.current = attached.reset;
      detach = attached.detach;
    });
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
