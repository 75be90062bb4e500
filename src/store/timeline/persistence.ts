/**
 * The engine's save and restore, for checkpoints: imported dynamically (connectEngine.ts), so the lab's
 * first frame does not carry them and they load as a chunk of their own right after.
 */
export { loadPersistence } from '../../engine/index.ts';
