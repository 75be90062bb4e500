/** The shortcuts in words, for the shortcuts dialog (the keys themselves are read in shortcuts.ts). */

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
