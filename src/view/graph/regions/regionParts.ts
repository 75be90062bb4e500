/** The graph's region chunk: layout and drawing, fetched only when a scenario has regions. */
export { layoutRegions } from './regionLayout.ts';
export { RegionAreas, RegionLatencies } from './RegionAreas.tsx';
