/** Finds a lesson step's target in the page: a graph node by id, a control by accessible name, or a panel. */
import type { LessonPanelName, LessonTarget } from './types.ts';

export { LESSON_PANEL_NAMES } from './conditions.ts';

/** The panels a step may ring, in the editor's words, with the element that is each in the lab. */
export const LESSON_PANELS: Readonly<
  Record<LessonPanelName, { readonly label: string; readonly selector: string }>
> = {
  events: { label: 'the event log', selector: '[data-panel="events"]' },
  charts: { label: 'the charts', selector: '[data-panel="charts"]' },
  metrics: { label: 'the metrics', selector: 'dl.metrics' },
  timeline: { label: 'the timeline', selector: '.timeline' },
  'lost-writes': { label: 'the lost writes', selector: '[data-panel="lost-writes"]' },
  conflicts: { label: 'the conflicts', selector: '[data-panel="conflicts"]' },
  backups: { label: 'the backups', selector: '[data-panel="backups"]' },
  failover: { label: 'the failover panel', selector: '[data-panel="failover"]' },
  inspector: { label: 'the inspector', selector: '[data-panel="inspector"]' },
};

function accessibleName(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent).trim();
}

/** The element a target names: `[data-node-id]`, a control whose accessible name matches, or a panel. */
export function findTarget(target: LessonTarget, root: ParentNode = document): Element | null {
  if ('node' in target) return root.querySelector(`[data-node-id="${CSS.escape(target.node)}"]`);
  if ('panel' in target) {
    // A name from a file is checked by the schema; an unknown one rings nothing.
    const panel = Object.hasOwn(LESSON_PANELS, target.panel) ? LESSON_PANELS[target.panel] : undefined;
    return panel === undefined ? null : root.querySelector(panel.selector);
  }
  const controls = root.querySelectorAll('button, [role="button"], a[href], select, input');
  return [...controls].find((c) => accessibleName(c) === target.control) ?? null;
}
