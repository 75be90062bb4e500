/**
 * Vitest setup: the lab's parts that load on demand with the engine's (store/timeline/settingWords.ts) are
 * in before any test, as the engine's entry gives tests all of its own parts.
 */
import { loadSettingWords } from '../store/index.ts';

await loadSettingWords();
