/**
 * How much room the full lab's window gives its header, from the window's size. The breakpoints live
 * here only: App sets a class per tier, and the CSS styles the class.
 * - `wide`: every control in one toolbar row.
 * - `mid` (up to 1100 px wide): the view controls (shortcuts, theme, present, full screen, share) and
 *   Speed move behind More.
 * - `narrow` (up to 760 px wide, or up to 500 px tall): one header row (Play, Step, Reset, Settings,
 *   More, Lessons), the caption on one line, and the graph as tall as the window allows.
 */
import { useMediaQuery } from '../view/mediaQuery.ts';

export type LayoutTier = 'wide' | 'mid' | 'narrow';

export interface Layout {
  readonly tier: LayoutTier;
  /** Up to 760 px wide: the details go under the graph instead of beside it. */
  readonly stacked: boolean;
}

export function useLayout(): Layout {
  const stacked = useMediaQuery('(max-width: 760px)');
  const short = useMediaQuery('(max-height: 500px)');
  const mid = useMediaQuery('(max-width: 1100px)');
  return { tier: stacked || short ? 'narrow' : mid ? 'mid' : 'wide', stacked };
}
