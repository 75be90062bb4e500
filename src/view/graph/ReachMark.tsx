/**
 * Where the followed write stands on one node, at the node's upper left: ✓ applied (readable there),
 * ◐ received but not replayed, ○ not there. A glyph and a pattern, not colour alone.
 */
import { REACH_GLYPH, type ReachState } from './nodeText.ts';

export function ReachMark({ state, radius }: { readonly state: ReachState; readonly radius: number }) {
  const at = -(radius + 2);
  return (
    <g className={`node-reach node-reach--${state}`} transform={`translate(${at},${at})`} aria-hidden="true">
      <circle r={9} />
      <text dy="0.35em">{REACH_GLYPH[state]}</text>
    </g>
  );
}
