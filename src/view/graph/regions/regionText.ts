/** The words a region shows and announces: its name, its nodes, its latency, whether it is cut off. */
import type { RegionLinkView, RegionView } from '../../../engine/index.ts';

/** True when a partition cuts the region from every other region (and there is another). */
export function regionCutOff(id: string, between: readonly RegionLinkView[]): boolean {
  const out = between.filter((b) => b.from === id);
  return out.length > 0 && out.every((b) => b.cut);
}

/** A one-way latency as the graph writes it: "80 ms", "0.5 ms". */
export function latencyText(ms: number): string {
  return `${ms >= 10 ? Math.round(ms) : Math.round(ms * 10) / 10} ms`;
}

/** E.g. "Region US East (Virginia): 2 nodes, 0.5 ms inside, cut off from the other regions". */
export function regionAccessibleName(region: RegionView, cutOff: boolean): string {
  const count = region.nodes.length === 1 ? '1 node' : `${region.nodes.length} nodes`;
  const cut = cutOff ? ', cut off from the other regions' : '';
  return `Region ${region.name}: ${count}, ${latencyText(region.latencyMs)} inside${cut}`;
}
