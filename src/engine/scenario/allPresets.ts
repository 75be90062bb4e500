/** Every ready-made scenario, classic, MariaDB and regional, as one object: for code outside the lab's bundle. */
import { classicPresets } from './presets.ts';
import { mariadbPresets } from './mariadbPresets.ts';
import { regionalPresets } from './regionalPresets.ts';

export const presets = { ...classicPresets, ...mariadbPresets, ...regionalPresets } as const;
