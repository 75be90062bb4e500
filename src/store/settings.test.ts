import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/index.ts';
import { createLab } from './connectEngine.ts';
import {
  NO_WORKLOAD,
  mergeWorkload,
  presetSettings,
  scenarioFor,
  settingsAfter,
  workloadOf,
  type LabSettings,
} from './settings.ts';
import { presets, workloadRates } from '../engine/index.ts';

const lab = () =>
  createLab({ preset: 'master-slave', playing: false, workload: { writesPerSec: 3, readsPerSec: 2 } });

describe('a regional preset’s settings', () => {
  it('bring its own network (the latency inside a region) and workload (Zipf keys, clients per region)', () => {
    const current = lab().getState().settings;
    const next = presetSettings('pg-regions', { ...current, network: { latencyMs: 150, jitterMs: 30 } });
    expect(next.network).toEqual({ latencyMs: 0.8, jitterMs: 0.2 });
    expect(next.workload).toMatchObject({ keyDistribution: 'zipf', zipfSkew: 1.1, clientsPerRegion: 2 });
    expect(next.workload.writesPerSec).toBe(4);
  });

  it('leave nothing of theirs behind: the next preset without its own runs the lab’s network and workload', () => {
    const store = createLab({
      preset: 'master-slave',
      playing: false,
      workload: { writesPerSec: 3, readsPerSec: 2 },
      network: { latencyMs: 150, jitterMs: 30 },
    });
    store.getState().actions.loadPreset('pg-regions');
    expect(store.getState().settings.network.latencyMs).toBe(0.8);
    store.getState().actions.loadPreset('cascading');
    const { settings, snapshot } = store.getState();
    expect(settings.network).toEqual({ latencyMs: 150, jitterMs: 30 });
    expect(settings.workload).toEqual({ ...NO_WORKLOAD, writesPerSec: 3, readsPerSec: 2 });
    expect(snapshot.workload).not.toHaveProperty('keyDistribution');
  });

  it('keep what the lab had set when neither preset has its own', () => {
    const current = lab().getState().settings;
    const changed = { ...current, network: { latencyMs: 20, jitterMs: 1 } };
    expect(presetSettings('cascading', changed, undefined, 'master-slave').network).toEqual({
      latencyMs: 20,
      jitterMs: 1,
    });
  });

  it('keep the latencies between regions when the lab sets the default one', () => {
    const settings = presetSettings('pg-regions', lab().getState().settings);
    const scenario = scenarioFor(presets['pg-regions'], {
      ...settings,
      network: { latencyMs: 2, jitterMs: 0 },
    });
    expect(scenario.network).toMatchObject({ latencyMs: 2, between: [{ from: 'us-east', to: 'eu-west' }] });
  });

  it('show in Settings as the engine runs them: a started workload is its options over the scenario’s', () => {
    const store = lab();
    store.getState().actions.loadPreset('galera-regions');
    const { settings } = store.getState();
    expect(settings.workload).toMatchObject({ keyDistribution: 'zipf', zipfSkew: 1.2, readRouting: 'any' });
    expect(store.getState().snapshot.workload).toMatchObject({
      keyDistribution: 'zipf',
      clientsPerRegion: 2,
    });
  });
});

describe('settingsAfter', () => {
  const start: LabSettings = lab().getState().settings;
  const started: Command = {
    at: 0,
    type: 'startWorkload',
    seq: 1,
    args: [{ writesPerSec: 2 }],
  } as unknown as Command;

  it('merges a started workload over the scenario’s own workload section, as the engine does', () => {
    const own = workloadOf({
      nodes: [],
      workload: { keyDistribution: 'zipf', zipfSkew: 1.5, readRatio: 0.9 },
    });
    const after = settingsAfter(start, [started], own);
    expect(after.workload).toMatchObject({
      writesPerSec: 2,
      keyDistribution: 'zipf',
      zipfSkew: 1.5,
      readRatio: 0.9,
    });
  });

  it('without one, is the defaults under the options, as before', () => {
    expect(settingsAfter(start, [started]).workload).not.toHaveProperty('keyDistribution');
  });
});

describe('mergeWorkload', () => {
  const base = { writesPerSec: 4, readsPerSec: 12, keys: 100, readRouting: 'replicas' as const };

  it('takes rates as they are while no read share is set', () => {
    expect(mergeWorkload(base, { writesPerSec: 6 })).toEqual({ ...base, writesPerSec: 6 });
  });

  it('splits the rate by a read share asked for, so the rates say what runs', () => {
    const merged = mergeWorkload(base, { readRatio: 0.5 });
    expect(merged).toEqual({ ...base, readRatio: 0.5, writesPerSec: 8, readsPerSec: 8 });
    expect(workloadRates(merged)).toEqual({ writes: 8, reads: 8 });
  });

  it('moves the share with the rates asked for once it has one', () => {
    const shared = { ...base, readRatio: 0.9, opsPerSec: 20 };
    const merged = mergeWorkload(shared, { writesPerSec: 10, readsPerSec: 30 });
    expect(merged).toMatchObject({ writesPerSec: 10, readsPerSec: 30, opsPerSec: 40, readRatio: 0.75 });
    expect(workloadRates(merged)).toEqual({ writes: 10, reads: 30 });
  });

  it('keeps the share when both rates are set to 0', () => {
    const merged = mergeWorkload({ ...base, readRatio: 0.9 }, { writesPerSec: 0, readsPerSec: 0 });
    expect(workloadRates(merged)).toEqual({ writes: 0, reads: 0 });
    expect(merged.readRatio).toBe(0.9);
  });
});
