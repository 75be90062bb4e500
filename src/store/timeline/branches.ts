/** Naming the branches of a run: by the command that made each one differ. */
import type { Command } from '../../engine/index.ts';
import { formatSeconds } from './markers.ts';
import { commandWords } from './settingWords.ts';

/** Branches kept at most (the one shown always among them): past it, the oldest other goes. */
export const BRANCHES_KEPT = 6;

const ORIGINAL = 'A';

/** The original run's label. */
export const ORIGINAL_BRANCH = { id: ORIGINAL, label: `${ORIGINAL}: the original run`, forkedAt: null };

/** "B", "C"... "Z", then "AA", "AB"...: the id of the `n`th branch (0 is the original, A). */
export function branchId(n: number): string {
  const letter = (i: number) => String.fromCharCode(65 + i);
  return n < 26 ? letter(n) : `${branchId(Math.floor(n / 26) - 1)}${letter(n % 26)}`;
}

/** "B: promoted db3 at 12.40 s". */
export function branchLabel(id: string, command: Pick<Command, 'type' | 'args'>, at: number): string {
  return `${id}: ${commandWords(command)} at ${formatSeconds(at)}`;
}
