/**
 * A height that only grows while the element's width stays the same: the graph's footer (its legend
 * gains and loses entries, such as a followed write's) then never hands room back to the graph and
 * takes it again, which would move the nodes and close a node menu that had just opened.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useSteadyHeight(ref: RefObject<HTMLElement | null>): number | undefined {
  const [steady, setSteady] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry === undefined) return;
      const [box] = entry.borderBoxSize;
      if (box === undefined) return;
      const width = Math.round(box.inlineSize);
      // The height the content needs (a minimum already set would hide a shrink): its lowest child's bottom.
      const top = element.getBoundingClientRect().top;
      const bottoms = [...element.children].map((child) => child.getBoundingClientRect().bottom - top);
      const natural = Math.ceil(Math.max(0, ...bottoms));
      setSteady((old) =>
        old === null || old.width !== width
          ? { width, height: natural }
          : natural > old.height
            ? { width, height: natural }
            : old,
      );
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return steady?.height;
}
