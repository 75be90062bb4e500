/**
 * What a live comparison needs (the lab's compare mode): figures, differences, lag samples and node
 * references, as one module that `loadCompare()` fetches on demand. Invariant: the same functions `compare()` uses.
 */
export { NO_LAG_SAMPLES, compareFigures, differences, sampleLag } from './figures.ts';
export { nodeRefOf, resolveNodeRef } from './nodeRef.ts';
