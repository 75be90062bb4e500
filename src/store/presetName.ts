/** The names of the engine's ready-made scenarios, as the store and the view refer to them. */
export { PRESET_NAMES, isPresetName, presetTitle, type PresetName } from '../engine/index.ts';
