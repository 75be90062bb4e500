/**
 * Settings changed while the cluster runs (`Simulation.configure`), as real systems take them without a
 * restart: PostgreSQL reloads `synchronous_standby_names` / `synchronous_commit` (SIGHUP), MySQL sets
 * `rpl_semi_sync_source_enabled`, `tc netem` changes a link's delay, PGD alters its conflict resolver.
 * Commits waiting for confirmations the new rule does not need are released (syncCommit.ts).
 */
import { SimulationError, type ConfigureOptions } from './api.ts';
import { checkOptions } from './args.ts';
import type { Cluster } from './cluster.ts';
import { onReplicationChanged } from './replication/syncCommit.ts';
import { ScenarioError, parseScenario } from './scenario/parse.ts';
import type { Command, SettingChange } from './types.ts';

const REPLICATION_FIELDS = ['mode', 'syncCount', 'intervalMs', 'ackOn'] as const;
const NETWORK_FIELDS = ['latencyMs', 'jitterMs'] as const;

/** `value` checked field by field with the scenario format's rules, its problems named by their paths. */
export function checkConfigure(value: unknown): ConfigureOptions {
  const options =
    checkOptions<ConfigureOptions>('configure options', value, [
      'replication',
      'network',
      'conflictResolution',
    ]) ?? {};
  checkOptions<NonNullable<ConfigureOptions['replication']>>('replication', options.replication, [
    ...REPLICATION_FIELDS,
  ]);
  checkOptions<NonNullable<ConfigureOptions['network']>>('network', options.network, [...NETWORK_FIELDS]);
  try {
    parseScenario({
      nodes: [{ id: 'n', role: 'primary' }],
      ...(options.replication === undefined ? {} : { replication: options.replication }),
      ...(options.network === undefined ? {} : { network: options.network }),
      ...(options.conflictResolution === undefined ? {} : { conflictResolution: options.conflictResolution }),
    });
  } catch (error) {
    if (error instanceof ScenarioError) throw new SimulationError(error.problems.join('; '));
    throw error;
  }
  return options;
}

/** Puts `options` into the cluster's settings and says which changed (nothing else is touched). */
function assign(cluster: Cluster, options: ConfigureOptions): SettingChange[] {
  const changes: SettingChange[] = [];
  const note = (setting: string, from: string | number, to: string | number | undefined): void => {
    if (to !== undefined && to !== from) changes.push({ setting, from, to });
  };
  const replication = options.replication ?? {};
  for (const field of REPLICATION_FIELDS)
    note(`replication.${field}`, cluster.config[field], replication[field]);
  if (changes.length > 0) cluster.config = { ...cluster.config, ...replication };

  const before = cluster.network.defaults();
  const network = { ...before, ...options.network };
  for (const field of NETWORK_FIELDS) note(`network.${field}`, before[field], network[field]);
  cluster.network.setDefaults(network.latencyMs, network.jitterMs);

  note('conflictResolution', cluster.conflictResolution, options.conflictResolution);
  cluster.conflictResolution = options.conflictResolution ?? cluster.conflictResolution;
  return changes;
}

/** Applies checked `options` from now on; a multi-primary group keeps its replication mode. */
export function configure(cluster: Cluster, options: ConfigureOptions): void {
  const mode = options.replication?.mode;
  if (cluster.isMultiPrimary() && mode !== undefined && mode !== cluster.config.mode)
    throw new SimulationError(
      `replication.mode: a group of ${cluster.group.size} primaries keeps the mode it formed with ("${cluster.config.mode}"): ` +
        'certification (Galera) or asynchronous replication (PGD) is chosen when the group starts',
    );
  const changes = assign(cluster, options);
  if (changes.length === 0) return;
  cluster.emit({ type: 'configured', changes });
  if (changes.some((c) => c.setting.startsWith('replication.')))
    onReplicationChanged(
      cluster,
      changes.some((c) => c.setting === 'replication.mode' && c.to === 'scheduled'),
    );
  cluster.touch();
}

/**
 * The settings a restored cluster runs with: its scenario's, changed by the `configure` commands it
 * recorded (their effects on commits and messages are in the saved state already).
 */
export function settingsAfter(cluster: Cluster, commands: readonly Command[]): void {
  for (const command of commands)
    if (command.type === 'configure') assign(cluster, command.args[0] as ConfigureOptions);
}
