/**
 * Ready-made scenarios, named after the topologies the lessons and the lab start from. The regional ones'
 * data (regionalPresets.ts) and the MariaDB ones' (mariadbPresets.ts) load on demand in the lab, as one chunk
 * (`loadPresetData`): their names and titles are here.
 * `presets` (scenario/allPresets.ts, from the engine's entry) holds them all.
 */
import type { ScenarioInput } from './schema.ts';

export const classicPresets = {
  'master-slave': {
    name: 'Master and two slaves (async)',
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'replica', upstream: 'db1' },
      { id: 'db3', role: 'replica', upstream: 'db1' },
    ],
  },
  cascading: {
    name: 'Cascading replicas',
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'replica', upstream: 'db1' },
      { id: 'db3', role: 'replica', upstream: 'db1' },
      { id: 'db4', role: 'replica', upstream: 'db2' },
      { id: 'db5', role: 'replica', upstream: 'db2' },
      { id: 'db6', role: 'replica', upstream: 'db4' },
    ],
  },
  'sync-standby': {
    name: 'PostgreSQL: one synchronous standby, two async, a cascaded reporting replica',
    nodes: [
      { id: 'pg1', role: 'primary' },
      { id: 'pg2', role: 'replica', upstream: 'pg1' },
      { id: 'pg3', role: 'replica', upstream: 'pg1' },
      { id: 'pg4', role: 'replica', upstream: 'pg1' },
      { id: 'report', role: 'replica', upstream: 'pg3' },
    ],
    // PostgreSQL's own setting: pg2 is `sync`, pg3 and pg4 `async` (checked by calibration/, scenario e).
    replication: { synchronousStandbyNames: 'FIRST 1 (pg2)' },
  },
  scheduled: {
    name: 'Scheduled (batch) replication every 2 s',
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'replica', upstream: 'db1' },
      { id: 'db3', role: 'replica', upstream: 'db1' },
    ],
    replication: { mode: 'scheduled', intervalMs: 2000 },
  },
  'master-master': {
    name: 'Master-master with one slave each',
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'primary' },
      { id: 'db3', role: 'replica', upstream: 'db1' },
      { id: 'db4', role: 'replica', upstream: 'db2' },
    ],
  },
  'auto-failover': {
    name: 'Automatic failover (Patroni-style): heartbeats, timeout, fencing',
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'replica', upstream: 'db1' },
      { id: 'db3', role: 'replica', upstream: 'db1' },
    ],
    failover: {
      mode: 'automatic',
      heartbeatMs: 1000,
      timeoutMs: 3000,
      maxLagOnFailover: 1000,
      fencing: true,
    },
  },
} as const satisfies Record<string, ScenarioInput>;

/** The regional presets' titles, as their captions and the Topology picker name them. */
export const REGIONAL_PRESET_TITLES = {
  'pg-regions':
    'PostgreSQL across two regions: FIRST 1 standby in-region, async DR replica, cascading reporting',
  'mysql-semisync-regions':
    'MySQL semi-sync across two regions: the semi-sync replica is remote, 10 s timeout to async',
  'galera-regions': 'Galera across three regions: every write certified by the cluster before it commits',
  'pgd-regions': 'PGD-style multi-region master-master: async, conflicts settled by last update wins',
} as const;

/** The MariaDB presets' titles (`system: 'mariadb'`); their data loads with the regional ones (mariadbPresets.ts). */
export const MARIADB_PRESET_TITLES = {
  'mariadb-semisync':
    'MariaDB semi-sync: a master and two slaves, async again after a 10 s rpl_semi_sync_master_timeout',
  'galera-3': 'Galera, three nodes: every write certified by the cluster before it commits',
  'mariadb-source-source':
    'MariaDB source-source: two masters replicating each other, no conflict resolution',
} as const;

/** Presets whose data the lab's first frame leaves out (`loadPresetData`), by their titles. */
const LAZY_PRESET_TITLES = { ...MARIADB_PRESET_TITLES, ...REGIONAL_PRESET_TITLES } as const;

export type ClassicPresetName = keyof typeof classicPresets;
export type RegionalPresetName = keyof typeof REGIONAL_PRESET_TITLES;
export type MariaDbPresetName = keyof typeof MARIADB_PRESET_TITLES;
type LazyPresetName = keyof typeof LAZY_PRESET_TITLES;
export type PresetName = ClassicPresetName | LazyPresetName;

export const PRESET_NAMES: readonly PresetName[] = [
  ...(Object.keys(classicPresets) as ClassicPresetName[]),
  ...(Object.keys(LAZY_PRESET_TITLES) as LazyPresetName[]),
];

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(classicPresets, name) || Object.hasOwn(LAZY_PRESET_TITLES, name);
}

/** The preset's human title, e.g. "Master and two slaves (async)". */
export function presetTitle(name: PresetName): string {
  return isLazy(name) ? LAZY_PRESET_TITLES[name] : classicPresets[name].name;
}

function isLazy(name: PresetName): name is LazyPresetName {
  return Object.hasOwn(LAZY_PRESET_TITLES, name);
}

let regional: Readonly<Record<LazyPresetName, ScenarioInput>> | undefined;

/** Called by regionalPresets.ts as it loads (the MariaDB presets' data with it). */
export function registerRegionalPresets(presets: Readonly<Record<LazyPresetName, ScenarioInput>>): void {
  regional = presets;
}

/** Whether `presetScenario(name)` can answer now. */
export function presetLoaded(name: PresetName): boolean {
  return !isLazy(name) || regional !== undefined;
}

/** Loads the data of a preset the lab's first frame leaves out, or returns null when it is in already. */
export function loadPresetData(name: PresetName): Promise<void> | null {
  return presetLoaded(name) ? null : import('./regionalPresets.ts').then(() => undefined);
}

/** A preset's scenario; a regional one must be loaded first (`loadPresetData`). */
export function presetScenario(name: PresetName): ScenarioInput {
  if (!isLazy(name)) return classicPresets[name];
  if (regional === undefined) throw new Error(`the preset ${name} is not loaded yet (loadPresetData)`);
  return regional[name];
}
