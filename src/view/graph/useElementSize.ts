/** The rendered size of an element, kept current with a ResizeObserver. */
import { useEffect, useState, type RefObject } from 'react';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export function useElementSize(ref: RefObject<Element | null>): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry === undefined) return;
      const { width, height } = entry.contentRect;
      setSize((old) => (old?.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return size;
}

/**
 * The border-box height of the element given to the returned callback ref, 0 while there is none: for an
 * element that comes and goes (an overlay shown on request), which a ref object's effect would miss.
 */
export function useHeightOf(): readonly [(element: Element | null) => void, number] {
  const [element, setElement] = useState<Element | null>(null);
  const [measured, setMeasured] = useState<{ readonly of: Element; readonly height: number } | null>(null);
  useEffect(() => {
    if (element === null) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const height = entry?.borderBoxSize[0]?.blockSize ?? element.getBoundingClientRect().height;
      setMeasured((old) => (old?.of === element && old.height === height ? old : { of: element, height }));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [element]);
  return [setElement, element !== null && measured?.of === element ? measured.height : 0];
}
