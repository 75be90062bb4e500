/**
 * The regional presets' data: each system across regions, in its own vocabulary. The lab loads it on demand
 * (`loadPresetData` in presets.ts); it registers itself as it loads.
 */
import { REGIONAL_PRESET_TITLES, registerRegionalPresets, type RegionalPresetName } from './presets.ts';
import { mariadbPresets } from './mariadbPresets.ts';
import type { ScenarioInput } from './schema.ts';

/*
 * The regional presets' latencies are one way, half a round trip: about 0.8 ms between availability zones of
 * one region (1.3–2.1 ms measured round trips, replication-semantics.md §6), and between AWS regions half the
 * published round trips (us-east-1 ↔ eu-west-1 about 76 ms, us-east-1 ↔ us-west-2 about 64 ms, us-west-2 ↔
 * eu-west-1 about 130 ms, us-east-1 ↔ ap-southeast-1 about 220 ms, eu-west-1 ↔ ap-southeast-1 about 176 ms).
 */
const US_EAST = { id: 'us-east', name: 'US East (N. Virginia)' };
const EU_WEST = { id: 'eu-west', name: 'EU West (Ireland)' };
const IN_REGION = { latencyMs: 0.8, jitterMs: 0.2 };

export const regionalPresets = {
  'pg-regions': {
    name: REGIONAL_PRESET_TITLES['pg-regions'],
    regions: [US_EAST, EU_WEST],
    nodes: [
      { id: 'pg1', role: 'primary', region: 'us-east', label: 'Virginia primary' },
      { id: 'pg2', role: 'replica', upstream: 'pg1', region: 'us-east', label: 'sync standby' },
      { id: 'pg3', role: 'replica', upstream: 'pg1', region: 'eu-west', label: 'Dublin DR replica' },
      { id: 'report', role: 'replica', upstream: 'pg3', region: 'eu-west', label: 'reporting' },
    ],
    // synchronous_standby_names: pg2 `sync`; pg3 (across the Atlantic) `async`; report cascades off pg3.
    replication: { synchronousStandbyNames: 'FIRST 1 (pg2)' },
    network: { ...IN_REGION, between: [{ from: 'us-east', to: 'eu-west', latencyMs: 38, jitterMs: 2 }] },
    workload: {
      writesPerSec: 4,
      readsPerSec: 12,
      keys: 100,
      keyDistribution: 'zipf',
      zipfSkew: 1.1,
      clientsPerRegion: 2,
      readRouting: 'replicas',
    },
  },
  'mysql-semisync-regions': {
    name: REGIONAL_PRESET_TITLES['mysql-semisync-regions'],
    regions: [US_EAST, EU_WEST],
    nodes: [
      { id: 'my1', role: 'primary', region: 'us-east', label: 'Virginia source' },
      { id: 'my2', role: 'replica', upstream: 'my1', region: 'us-east', sync: false, label: 'read replica' },
      { id: 'my3', role: 'replica', upstream: 'my1', region: 'eu-west', label: 'Dublin semi-sync' },
    ],
    // rpl_semi_sync_source_wait_for_replica_count = 1 over my3 (semi-sync enabled); the default timeout, 10 s.
    replication: { mode: 'semi-sync', syncCount: 1, ackOn: 'received', syncTimeoutMs: 10_000 },
    network: { ...IN_REGION, between: [{ from: 'us-east', to: 'eu-west', latencyMs: 38, jitterMs: 2 }] },
    workload: { writesPerSec: 3, readsPerSec: 9, keys: 100, clientsPerRegion: 2, readRouting: 'replicas' },
  },
  'galera-regions': {
    name: REGIONAL_PRESET_TITLES['galera-regions'],
    regions: [US_EAST, { id: 'us-west', name: 'US West (Oregon)' }, EU_WEST],
    nodes: [
      { id: 'g1', role: 'primary', region: 'us-east', label: 'Virginia node' },
      { id: 'g2', role: 'primary', region: 'us-west', label: 'Oregon node' },
      { id: 'g3', role: 'primary', region: 'eu-west', label: 'Dublin node' },
    ],
    replication: { mode: 'sync' },
    network: {
      ...IN_REGION,
      between: [
        { from: 'us-east', to: 'us-west', latencyMs: 32, jitterMs: 2 },
        { from: 'us-east', to: 'eu-west', latencyMs: 38, jitterMs: 2 },
        { from: 'us-west', to: 'eu-west', latencyMs: 65, jitterMs: 3 },
      ],
    },
    workload: {
      writesPerSec: 3,
      readsPerSec: 6,
      keys: 50,
      keyDistribution: 'zipf',
      zipfSkew: 1.2,
      clientsPerRegion: 2,
      readRouting: 'any',
    },
  },
  'pgd-regions': {
    name: REGIONAL_PRESET_TITLES['pgd-regions'],
    regions: [US_EAST, EU_WEST, { id: 'ap-southeast', name: 'Asia Pacific (Singapore)' }],
    nodes: [
      { id: 'pgd1', role: 'primary', region: 'us-east', label: 'Virginia data node' },
      { id: 'pgd2', role: 'primary', region: 'eu-west', label: 'Dublin data node' },
      { id: 'pgd3', role: 'primary', region: 'ap-southeast', label: 'Singapore data node' },
    ],
    replication: { mode: 'async' },
    conflictResolution: 'lww',
    network: {
      ...IN_REGION,
      between: [
        { from: 'us-east', to: 'eu-west', latencyMs: 38, jitterMs: 2 },
        { from: 'us-east', to: 'ap-southeast', latencyMs: 110, jitterMs: 4 },
        { from: 'eu-west', to: 'ap-southeast', latencyMs: 88, jitterMs: 4 },
      ],
    },
    workload: {
      writesPerSec: 4,
      readsPerSec: 8,
      keys: 50,
      keyDistribution: 'zipf',
      zipfSkew: 1.2,
      clientsPerRegion: 2,
      readRouting: 'any',
    },
  },
} as const satisfies Record<RegionalPresetName, ScenarioInput>;

// The MariaDB presets' data travels in this chunk too: one fetch for every preset the first frame leaves out.
registerRegionalPresets({ ...regionalPresets, ...mariadbPresets });
