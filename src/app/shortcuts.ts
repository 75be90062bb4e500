/**
 * Single-key shortcuts: which key does what, and when a key press is the page's to take. Their list in
 * words is the shortcuts dialog's (shortcutList.ts, loaded with it).
 */

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
