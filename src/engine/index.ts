/** The engine's only door: everything outside src/engine imports from here. */
export * from './entry.ts';
// Optional parts register themselves (persist/registry.ts): whoever imports the engine has them. The lab's
// bundle leaves them for their loaders (see entry.ts).
import './persist/restore.ts';
import './observe/checker.ts';
