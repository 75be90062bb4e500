/**
 * The MariaDB presets' data (`system: 'mariadb'`: MariaDB's errors and words): semi-sync, a three-node Galera
 * cluster and source-source. It loads with the regional presets (regionalPresets.ts registers both), a chunk
 * the lab fetches on demand; each behaviour is one the calibration suite measured on MariaDB 10.11.
 */
import { MARIADB_PRESET_TITLES, type MariaDbPresetName } from './presets.ts';
import type { ScenarioInput } from './schema.ts';

export const mariadbPresets = {
  'mariadb-semisync': {
    name: MARIADB_PRESET_TITLES['mariadb-semisync'],
    system: 'mariadb',
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'replica', upstream: 'db1' },
      { id: 'db3', role: 'replica', upstream: 'db1' },
    ],
    // rpl_semi_sync_master_enabled with the server's default timeout (10 s); a replica acknowledges on
    // receipt (m4), and with none to answer a commit waits the timeout once, then semi-sync is off (m3).
    replication: { mode: 'semi-sync', syncCount: 1, ackOn: 'received', syncTimeoutMs: 10_000 },
  },
  'galera-3': {
    name: MARIADB_PRESET_TITLES['galera-3'],
    system: 'mariadb',
    nodes: [
      { id: 'g1', role: 'primary' },
      { id: 'g2', role: 'primary' },
      { id: 'g3', role: 'primary' },
    ],
    // Certification, not a resolver: of two racing writes to one key the second fails with 1213 (m5).
    replication: { mode: 'sync' },
  },
  'mariadb-source-source': {
    name: MARIADB_PRESET_TITLES['mariadb-source-source'],
    system: 'mariadb',
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'primary' },
    ],
    // No conflict resolution: arrival order, silent divergence, and 1062 stops an applier (m8).
    conflictResolution: 'none',
  },
} as const satisfies Record<MariaDbPresetName, ScenarioInput>;
