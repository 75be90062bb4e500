/**
 * Settings changed while the cluster runs (`Simulation.configure`), as real systems take them without a
 * restart: PostgreSQL reloads `synchronous_standby_names` / `synchronous_commit` (SIGHUP), MySQL sets
 * `rpl_semi_sync_source_enabled`, `tc netem` changes a link's delay, PGD alters its conflict resolver,
 * Patroni takes `loop_wait`, `ttl` and `maximum_lag_on_failover` from `patronictl edit-config` and
 * `pause` / `resume`. Invariant: every option is checked before anything changes.
 * Commits waiting for confirmations the new rule does not need are released (syncCommit.ts).
 * It registers itself with the engine once loaded (persist/registry.ts): the lab's first frame leaves it
 * out and loads it with `loadConfigure()` before a settings change or the replay of a run that has one.
 */
import { SimulationError, type ConfigureOptions } from './api.ts';
import { checkOptions } from './args.ts';
import type { Cluster } from './cluster.ts';
// Failover set to automatic starts a manager: it loads with this part.
import './failover/manager.ts';
import type { FailoverManager } from './failover/manager.ts';
import { registerConfigure } from './persist/registry.ts';
import { onReplicationChanged } from './replication/syncCommit.ts';
import { ScenarioError, parseScenario } from './scenario/parse.ts';
import type { Scenario } from './scenario/schema.ts';
import type { Command, SettingChange } from './types.ts';

const REPLICATION_FIELDS = ['mode', 'syncCount', 'intervalMs', 'ackOn'] as const;
const NETWORK_FIELDS = ['latencyMs', 'jitterMs'] as const;
const FAILOVER_FIELDS = ['mode', 'heartbeatMs', 'timeoutMs', 'maxLagOnFailover', 'fencing'] as const;

type FailoverConfig = Scenario['failover'];
type FailoverPatch = NonNullable<ConfigureOptions['failover']>;

/** What `configure` needs of the simulation's failover manager: the one it has, and a way to start one. */
export interface FailoverControl {
  readonly manager: () => FailoverManager | undefined;
  readonly start: () => void;
}

/** `scenario`'s problems as one SimulationError, each named by its path. */
function parsed(scenario: unknown): Scenario {
  try {
    return parseScenario(scenario);
  } catch (error) {
    if (error instanceof ScenarioError) throw new SimulationError(error.problems.join('; '));
    throw error;
  }
}

/**
 * `value` checked field by field with the scenario format's rules, its problems named by their paths.
 * Failover values are checked with the cluster's own (`checkFailover`): their rules join two fields.
 */
export function checkConfigure(value: unknown): ConfigureOptions {
  const options =
    checkOptions<ConfigureOptions>('configure options', value, [
      'replication',
      'network',
      'conflictResolution',
      'failover',
    ]) ?? {};
  checkOptions<NonNullable<ConfigureOptions['replication']>>('replication', options.replication, [
    ...REPLICATION_FIELDS,
  ]);
  checkOptions<NonNullable<ConfigureOptions['network']>>('network', options.network, [...NETWORK_FIELDS]);
  checkOptions<FailoverPatch>('failover', options.failover, [...FAILOVER_FIELDS]);
  parsed({
    nodes: [{ id: 'n', role: 'primary' }],
    ...(options.replication === undefined ? {} : { replication: options.replication }),
    ...(options.network === undefined ? {} : { network: options.network }),
    ...(options.conflictResolution === undefined ? {} : { conflictResolution: options.conflictResolution }),
  });
  return options;
}

/**
 * `current` changed by `patch` (as given: `checkFailover` checks the result); a null `maxLagOnFailover`
 * removes the limit, as Patroni removes a dynamic setting patched to null.
 */
function mergeFailover(current: FailoverConfig, patch: FailoverPatch | undefined): FailoverConfig {
  const { maxLagOnFailover, ...rest } = { ...current, ...patch };
  return maxLagOnFailover === null || maxLagOnFailover === undefined ? rest : { ...rest, maxLagOnFailover };
}

/**
 * The failover settings `patch` makes, checked as a scenario would be with the values in force for the
 * fields it leaves out (`timeoutMs` at least twice `heartbeatMs`), and as many primaries as the cluster's
 * group, which refuses automatic failover in the scenario format's words.
 */
function checkFailover(cluster: Cluster, patch: FailoverPatch): void {
  const primaries = Math.max(1, cluster.group.size);
  parsed({
    nodes: Array.from({ length: primaries }, (_, i) => ({ id: `p${i + 1}`, role: 'primary' })),
    failover: mergeFailover(cluster.failoverConfig, patch),
  });
}

/** Puts `options` into the cluster's settings and says which changed (nothing else is touched). */
function assign(cluster: Cluster, options: ConfigureOptions): SettingChange[] {
  const changes: SettingChange[] = [];
  const note = (setting: string, from: SettingChange['from'], to: SettingChange['to'] | undefined): void => {
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

  const failover = mergeFailover(cluster.failoverConfig, options.failover);
  for (const field of FAILOVER_FIELDS)
    note(`failover.${field}`, cluster.failoverConfig[field] ?? null, failover[field] ?? null);
  cluster.failoverConfig = failover;
  return changes;
}

/**
 * The failover manager takes what changed: timings for its next heartbeat, watch and timeout; automatic
 * starts it (or resumes it), manual pauses it; fencing turned on fences a primary whose lease ran out
 * (unless paused).
 */
function applyFailover(
  cluster: Cluster,
  changed: (setting: string) => boolean,
  control: FailoverControl,
): void {
  const manager = control.manager();
  const config = cluster.failoverConfig;
  if (changed('failover.heartbeatMs') || changed('failover.timeoutMs')) manager?.retime();
  if (changed('failover.mode')) {
    if (config.mode === 'manual') manager?.pause();
    else if (manager === undefined) control.start();
    else manager.resume();
  }
  if (changed('failover.fencing') && config.fencing) manager?.checkLeases();
}

/** Applies checked `options` from now on; a multi-primary group keeps its replication mode. */
export function configure(cluster: Cluster, options: ConfigureOptions, control: FailoverControl): void {
  const mode = options.replication?.mode;
  if (cluster.isMultiPrimary() && mode !== undefined && mode !== cluster.config.mode)
    throw new SimulationError(
      `replication.mode: a group of ${cluster.group.size} primaries keeps the mode it formed with ("${cluster.config.mode}"): ` +
        'certification (Galera) or asynchronous replication (PGD) is chosen when the group starts',
    );
  if (options.failover !== undefined) checkFailover(cluster, options.failover);
  const changes = assign(cluster, options);
  if (changes.length === 0) return;
  cluster.emit({ type: 'configured', changes });
  const changed = (setting: string) => changes.some((c) => c.setting === setting);
  if (changes.some((c) => c.setting.startsWith('replication.')))
    onReplicationChanged(
      cluster,
      changes.some((c) => c.setting === 'replication.mode' && c.to === 'scheduled'),
    );
  applyFailover(cluster, changed, control);
  cluster.touch();
}

/**
 * The settings a restored cluster runs with: its scenario's, changed by the `configure` commands it
 * recorded (their effects on commits, messages and the failover manager are in the saved state already).
 */
export function settingsAfter(cluster: Cluster, commands: readonly Command[]): void {
  for (const command of commands)
    if (command.type === 'configure') assign(cluster, command.args[0] as ConfigureOptions);
}

registerConfigure((cluster, options, control) => {
  configure(cluster, checkConfigure(options), control);
});
