/** Every ready-made scenario, classic and regional, as one object: for code outside the lab's bundle. */
import { classicPresets } from './presets.ts';
import { regionalPresets } from './regionalPresets.ts';

export const presets = { ...classicPresets, ...regionalPresets } as const;
