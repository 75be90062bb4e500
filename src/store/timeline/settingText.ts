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
  'failover.mode': ['failover mode', ''],
  'failover.heartbeatMs': ['heartbeat interval', ' ms'],
  'failover.timeoutMs': ['failover timeout', ' ms'],
  'failover.maxLagOnFailover': ['max lag on failover', ' entries'],
  'failover.fencing': ['fencing', ''],
};

const labelOf = (setting: string): readonly [string, string] => SETTINGS[setting] ?? [setting, ''];

/** A value as the panel shows it: on or off for a switch, "no limit" for an unset maximum. */
function valueText(value: SettingChange['to'], unit: string): string {
  if (value === null) return 'no limit';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return `${value}${unit}`;
}

/** "latency 40 → 80 ms", "fencing off → on", "max lag on failover 100 entries → no limit". */
export function settingChangeText(change: SettingChange): string {
  const [label, unit] = labelOf(change.setting);
  if (typeof change.from === 'number' && typeof change.to === 'number')
    return `${label} ${change.from} → ${change.to}${unit}`;
  return `${label} ${valueText(change.from, unit)} → ${valueText(change.to, unit)}`;
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
    if (
      typeof value !== 'string' &&
      typeof value !== 'number' &&
      typeof value !== 'boolean' &&
      value !== null
    )
      return;
    const [label, unit] = labelOf(setting);
    parts.push(`${label} ${valueText(value, unit)}`);
  };
  const { replication, network, conflictResolution, failover } = options as ConfigureOptions;
  for (const [field, value] of Object.entries(replication ?? {})) add(`replication.${field}`, value);
  for (const [field, value] of Object.entries(network ?? {})) add(`network.${field}`, value);
  add('conflictResolution', conflictResolution);
  for (const [field, value] of Object.entries(failover ?? {})) add(`failover.${field}`, value);
  return parts.length === 0 ? 'settings' : parts.join(', ');
}
