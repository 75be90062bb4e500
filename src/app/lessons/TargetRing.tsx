/**
 * A ring drawn around a step's target (a graph node or a control), following it as the view moves. It is
 * portalled to the body: the details column it is declared in contains its paint (`contain: strict`),
 * which would clip a fixed ring over the graph to the column.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { findTarget } from './targets.ts';
import type { LessonTarget } from './types.ts';

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

const PAD = 6;

function boxOf(element: Element): Box | null {
  const r = element.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  return { left: r.left - PAD, top: r.top - PAD, width: r.width + 2 * PAD, height: r.height + 2 * PAD };
}

const same = (a: Box | null, b: Box | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.left === b.left &&
    a.top === b.top &&
    a.width === b.width &&
    a.height === b.height);

export function TargetRing({ target }: { readonly target: LessonTarget }) {
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    let frame = 0;
    let shown: Box | null = null;
    const follow = () => {
      const element = findTarget(target);
      const next = element === null ? null : boxOf(element);
      if (!same(next, shown)) {
        shown = next;
        setBox(next);
      }
      frame = requestAnimationFrame(follow);
    };
    follow();
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [target]);
  if (box === null) return null;
  return createPortal(
    <div className="lesson-target" aria-hidden="true" style={box} data-lesson-target="" />,
    document.body,
  );
}
