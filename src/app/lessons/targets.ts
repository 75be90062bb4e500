/** Finds a lesson step's target in the page: a graph node by id, or a control by accessible name. */
import type { LessonTarget } from './types.ts';

function accessibleName(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent).trim();
}

/** The element a target names: `[data-node-id]`, or a control whose accessible name matches. */
export function findTarget(target: LessonTarget, root: ParentNode = document): Element | null {
  if ('node' in target) return root.querySelector(`[data-node-id="${CSS.escape(target.node)}"]`);
  const controls = root.querySelectorAll('button, [role="button"], a[href], select, input');
  return [...controls].find((c) => accessibleName(c) === target.control) ?? null;
}
