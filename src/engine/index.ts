/** The engine's only door: everything outside src/engine imports from here. */
export * from './entry.ts';
// Every preset's data at once (the lab's bundle loads the regional ones with `loadPresetData`).
export { presets } from './scenario/allPresets.ts';
// Optional parts register themselves (persist/registry.ts): whoever imports the engine has them. The lab's
// bundle leaves them for their loaders (see entry.ts).
import './persist/restore.ts';
import './observe/checker.ts';
import './configure.ts';
import './failover/manager.ts';
import './multiprimary/group.ts';
import './replication/standbyNamesParser.ts';
// Compare's values: the lab's bundle leaves them out of its first frame (it calls compare/load.ts's loadCompare()).
export { compare, measure, DEFAULT_SAMPLE_EVERY_MS, MAX_LAG_SAMPLES } from './compare/compare.ts';
export { applyCompareCommand, checkCommands } from './compare/commands.ts';
export {
  COMPARE_METRICS,
  NO_LAG_SAMPLES,
  REPLICA_METRICS,
  compareFigures,
  differences,
  sampleLag,
} from './compare/figures.ts';
export { checkNodeRef, nodeRefOf, resolveNodeRef } from './compare/nodeRef.ts';
export { loadCompare } from './compare/load.ts';
