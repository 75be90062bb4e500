/**
 * The words for settings changed in a run (settingText.ts) load with the engine's `configure`
 * (`loadConfigureParts`), so the first frame carries neither: no run has such a change before they are in.
 * The timeline's markers and branch names ask through here.
 */
import {
  configureLoaded,
  loadConfigure,
  loadStandbyNames,
  standbyNamesLoaded,
  type Command,
  type SettingChange,
} from '../../engine/index.ts';

type SettingText = typeof import('./settingText.ts');
type CommandText = typeof import('./commandText.ts');

let words: SettingText | undefined;
let commands: CommandText | undefined;

/** Loads the words; the lab's tests do so in their setup, as the engine's entry gives them `configure`. */
export async function loadSettingWords(): Promise<void> {
  [words, commands] = await Promise.all([import('./settingText.ts'), import('./commandText.ts')]);
}

/**
 * Loads what changing settings in a run needs that the first frame leaves out (the engine's `configure`
 * and these words), or returns null when both are in.
 */
export function loadConfigureParts(): Promise<void> | null {
  if (configureLoaded() && standbyNamesLoaded() && words !== undefined && commands !== undefined) return null;
  return Promise.all([
    configureLoaded() ? null : loadConfigure(),
    // A change may name synchronous standbys.
    standbyNamesLoaded() ? null : loadStandbyNames(),
    loadSettingWords(),
  ]).then(() => undefined);
}

/** "replication mode async → sync, latency 40 → 80 ms". */
export const settingChangesWords = (changes: readonly SettingChange[]): string =>
  words?.settingChangesText(changes) ?? `${changes.map((c) => c.setting).join(', ')} changed`;

/** What `configure(options)` asks for: "replication mode sync, latency 80 ms". */
export const configureWords = (options: unknown): string => words?.configureText(options) ?? 'settings';

/** What a recorded command did: "promoted db3" (its name until the words are in). */
export const commandWords = (command: Pick<Command, 'type' | 'args'>): string =>
  commands?.describeCommand(command) ?? command.type;
