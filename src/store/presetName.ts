/** The names of the engine's ready-made scenarios, as the store and the view refer to them. */
import { presets } from '../engine/index.ts';

export type PresetName = keyof typeof presets;

export const PRESET_NAMES = Object.keys(presets) as PresetName[];

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(presets, name);
}

/** The preset's human title, e.g. "Master and two slaves (async)". */
export function presetTitle(name: PresetName): string {
  return presets[name].name;
}
