/** Settings changed in a run (`configure`), in the Settings panel's words: "Replication mode async → sync". */
import type { ConfigureOptions, SettingChange } from '../../engine/index.ts';

/** Each setting `configure` takes: the Settings panel's label for it, and its unit. */
const SETTINGS: Readonly<Record<string, readonly [label: string, unit: string]>> = {
  'replication.mode': ['replication mode', ''],
  'replication.syncCount': ['synchronous count', ''],
  'replication.intervalMs': ['schedule interval', ' ms'],
  'replication.ackOn': ['ack level', ''],
  'network.latencyMs': ['latency', ' ms'],
  'network.jitterMs': ['jitter', ' ms'],
  conflictResolution: ['conflict resolution', ''],
};

const labelOf = (setting: string): readonly [string, string] => SETTINGS[setting] ?? [setting, ''];

/** "latency 40 → 80 ms". */
export function settingChangeText(change: SettingChange): string {
  const [label, unit] = labelOf(change.setting);
  return `${label} ${change.from} → ${change.to}${unit}`;
}

/** "replication mode async → sync, latency 40 → 80 ms". */
export function settingChangesText(changes: readonly SettingChange[]): string {
  return changes.map(settingChangeText).join(', ');
}

/** What `configure(options)` asks for: "replication mode sync, latency 80 ms" ("settings" when unreadable). */
export function configureText(options: unknown): string {
  if (typeof options !== 'object' || options === null) return 'settings';
  const parts: string[] = [];
  const add = (setting: string, value: unknown) => {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const [label, unit] = labelOf(setting);
    parts.push(`${label} ${value}${unit}`);
  };
  const { replication, network, conflictResolution } = options as ConfigureOptions;
  for (const [field, value] of Object.entries(replication ?? {})) add(`replication.${field}`, value);
  for (const [field, value] of Object.entries(network ?? {})) add(`network.${field}`, value);
  add('conflictResolution', conflictResolution);
  return parts.length === 0 ? 'settings' : parts.join(', ');
}
