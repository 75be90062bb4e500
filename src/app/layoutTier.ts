/**
 * How much room the full lab's window gives its header, from the window's size. The breakpoints live
 * here only: App sets a class per tier, and the CSS styles the class.
 * - `wide`: every control in one toolbar row.
 * - `mid` (up to 1100 px wide): the view controls (shortcuts, theme, present, full screen, share) and
 *   Speed move behind More.
 * - `narrow` (up to 760 px wide, or up to 500 px tall): one header row (Play, Step, Reset, Settings,
 *   More, Lessons), the caption on one line, and the graph as tall as the window allows.
 * - `small` (a phone, an embed in a docs column): the row keeps Play, Step, More and Lessons as icons
 *   (names kept) and everything else goes behind More; the legend and metrics, and the timeline, go behind
 *   toggles over the graph; the graph keeps half the height; controls are 44 px touch targets. The full lab is small up to
 *   500 px wide or 380 px tall (its mid and narrow tiers free room before that). The embed has only `wide`
 *   (its own trimmed set, with legend and metrics in view) and `small`, and its wide layout leaves the graph
 *   half the frame only from 640×400 (the Share dialog's frame) up, so anything smaller in either direction
 *   is small.
 */
import { useMediaQuery } from '../view/mediaQuery.ts';

export type LayoutTier = 'wide' | 'mid' | 'narrow' | 'small';

export interface Layout {
  readonly tier: LayoutTier;
  /** Up to 760 px wide: the details go under the graph instead of beside it. */
  readonly stacked: boolean;
}

const SMALL = {
  lab: '(max-width: 500px), (max-height: 380px)',
  embed: '(max-width: 639px), (max-height: 399px)',
} as const;

/** `embed`: the window is the embed's frame (see `small` above). */
export function useLayout(embed: boolean): Layout {
  const small = useMediaQuery(SMALL[embed ? 'embed' : 'lab']);
  const stacked = useMediaQuery('(max-width: 760px)');
  const short = useMediaQuery('(max-height: 500px)');
  const mid = useMediaQuery('(max-width: 1100px)');
  return { tier: small ? 'small' : stacked || short ? 'narrow' : mid ? 'mid' : 'wide', stacked };
}
