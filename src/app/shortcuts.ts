/** Single-key shortcuts: which key does what, and when a key press is the page's to take. */

export type ShortcutAction =
  | 'toggle-play'
  | 'step'
  | 'step-back'
  | 'previous-marker'
  | 'next-marker'
  | 'start'
  | 'live'
  | 'help'
  | 'present'
  | 'fullscreen';

export interface Shortcut {
  readonly keys: string;
  readonly action: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Space', action: 'Play or pause' },
  { keys: '→', action: 'Step to the next event (pauses first)' },
  { keys: '←', action: 'Step back to the previous event' },
  { keys: 'Shift + ← / Shift + →', action: 'Previous / next marker on the timeline' },
  { keys: 'Home / End', action: 'The start of the run / back to live' },
  { keys: '?', action: 'Show these shortcuts' },
  { keys: 'Tab, then Enter', action: 'Select a node or link in the graph' },
  { keys: '← ↑ → ↓ on a node', action: 'Move to the nearest node in that direction' },
  { keys: 'Esc', action: 'Close a dialog, the settings or the timeline over the graph' },
];

/** The presenter's keymap (reveal.js conventions where they exist). */
export const PRESENTER_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Shift + P', action: 'Presenter mode on or off: large type, thick lines, high contrast' },
  { keys: 'F', action: 'Full screen on or off' },
  { keys: 'Space', action: 'Play or pause' },
  { keys: '→', action: 'Step to the next event' },
  { keys: '←', action: 'Step back to the previous event' },
  { keys: 'Shift + ← / Shift + →', action: 'Previous / next marker on the timeline' },
  { keys: 'Home / End', action: 'The start of the run / back to live' },
  { keys: '?', action: 'Show these shortcuts' },
];

interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey?: boolean;
  readonly target: EventTarget | null;
}

const TYPING = 'input, select, textarea, [contenteditable]:not([contenteditable="false"])';
/** Space and Enter already activate these; arrows already move between graph nodes. */
const ACTIVATABLE = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="menuitem"]';

function closest(target: EventTarget | null, selector: string): boolean {
  return typeof Element !== 'undefined' && target instanceof Element && target.closest(selector) !== null;
}

/** The shortcut a key press means, or null when it belongs to a control (or has modifiers). */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (closest(press.target, TYPING)) return null;
  if (press.key === '?') return 'help';
  if (press.key === 'P' && press.shiftKey === true) return 'present';
  if ((press.key === 'f' || press.key === 'F') && press.shiftKey !== true) return 'fullscreen';
  if (closest(press.target, ACTIVATABLE)) return null;
  if (press.key === ' ') return 'toggle-play';
  if (press.key === 'ArrowRight') return press.shiftKey === true ? 'next-marker' : 'step';
  if (press.key === 'ArrowLeft') return press.shiftKey === true ? 'previous-marker' : 'step-back';
  if (press.key === 'Home') return 'start';
  if (press.key === 'End') return 'live';
  return null;
}
