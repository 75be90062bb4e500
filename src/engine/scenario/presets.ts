/** Ready-made scenarios, named after the topologies the lessons and the lab start from. */
import type { ScenarioInput } from './schema.ts';

export const presets = {
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

export type PresetName = keyof typeof presets;
