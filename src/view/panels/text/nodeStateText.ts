/** A node machine's dotted state in words. */
import { translateRoles, type Vocabulary } from '../../vocabulary.ts';

/** "replica.catchingUp" → "slave, catching up" (in the chosen words). */
export function stateText(state: string, words: Vocabulary): string {
  return state
    .split('.')
    .map((part) => translateRoles(part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), words))
    .join(', ');
}
