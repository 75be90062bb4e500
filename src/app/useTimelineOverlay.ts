/**
 * The small tier's timeline over the graph: whether it is shown, its toggle (where Escape gives the focus
 * back), and how much of the graph it covers (the graph fits its nodes above it).
 */
import { useCallback, useRef, useState } from 'react';
import { useHeightOf } from '../view/graph/useElementSize.ts';

export function useTimelineOverlay() {
  const [shown, setShown] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [measure, covered] = useHeightOf();
  const toggle = useCallback(() => {
    setShown((was) => !was);
  }, []);
  const close = useCallback(() => {
    setShown(false);
    toggleRef.current?.focus();
  }, []);
  return { shown, toggle, close, toggleRef, measure, covered } as const;
}
