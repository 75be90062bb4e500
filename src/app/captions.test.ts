import { describe, expect, it } from 'vitest';
import { createLab, type LabStore, type PresetName } from '../store/index.ts';
import { VOCABULARIES } from '../view/vocabulary.ts';
import { captionFor } from './captions.ts';
import { lessonById } from './lessons/lessons.ts';
import { startLesson } from './lessons/player.ts';
import { labOptionsFor } from './route.ts';

const SLAVES = VOCABULARIES['master-slave'];

function lab(preset: PresetName = 'master-slave'): LabStore {
  return createLab({ ...labOptionsFor('lab'), preset, playing: false });
}

function factsOf(store: LabStore) {
  const { scenario, settings, snapshot } = store.getState();
  return { scenario, settings, workload: snapshot.workload };
}

const caption = (store: LabStore, words = SLAVES) => captionFor(factsOf(store), words);

describe('the caption', () => {
  it('tells each preset as it runs, in the chosen words', () => {
    expect(caption(lab())).toBe(
      'A master replicates every write to two slaves. Replication is asynchronous: the master acknowledges a write before any slave has it. Writes flow from the workload; click a node to inspect it.',
    );
    expect(caption(lab(), VOCABULARIES['leader-follower'])).toMatch(
      /^A leader replicates every write to two followers/,
    );
    expect(caption(lab('cascading'))).toMatch(
      /^A master replicates every write to two slaves, one of which passes them on to three more in a cascade\. Replication is asynchronous/,
    );
    expect(caption(lab('scheduled'))).toMatch(/in batches every 2 s/);
    expect(caption(lab('sync-standby'))).toMatch(/synchronous_standby_names = 'FIRST 1 \(pg2\)'/);
    expect(caption(lab('master-master'))).toMatch(
      /^Two masters, with one slave each, both accept writes and replicate them to each other\. They do so asynchronously: when two writes to one key cross, the last writer wins/,
    );
    expect(caption(lab('auto-failover'))).toMatch(/A failover manager watches the master’s heartbeats/);
  });

  it('tells each regional preset what it models, where it runs and the source it follows', () => {
    expect(caption(lab('pg-regions'))).toBe(
      "A master replicates every write to two slaves, one of which passes them on to one more in a cascade. The nodes run in two regions, US East (N. Virginia) and EU West (Ireland), 38 ms apart one way. Each write waits for its synchronous standbys (synchronous_standby_names = 'FIRST 1 (pg2)', as in the PostgreSQL manual’s Synchronous Replication). Writes flow from the workload; click a node to inspect it.",
    );
    expect(caption(lab('mysql-semisync-regions'))).toMatch(
      /two regions.*confirmed it \(semi-synchronous\)\. After 10 s without it the master falls back to async until one catches up, as MySQL’s rpl_semi_sync_source_timeout does \(MySQL manual, Semisynchronous Replication\)\./,
    );
    const mariadb = factsOf(lab('mysql-semisync-regions'));
    expect(captionFor({ ...mariadb, scenario: { ...mariadb.scenario, system: 'mariadb' } }, SLAVES)).toMatch(
      /After 10 s without it the master falls back to async until one catches up, as MariaDB’s rpl_semi_sync_master_timeout does \(measured on MariaDB 10\.11 by the calibration suite\)\./,
    );
    expect(caption(lab('galera-regions'))).toMatch(
      /^Three masters all accept writes.*three regions, US East \(N\. Virginia\), US West \(Oregon\) and EU West \(Ireland\), 32 to 65 ms apart one way\. Each write is certified.*\(Galera’s certification-based replication\)/,
    );
    expect(caption(lab('pgd-regions'))).toMatch(
      /38 to 110 ms apart one way\. They do so asynchronously: .*the last writer wins .*\(PGD’s update_if_newer\)/,
    );
  });

  it('keeps only what is connected to what in a small frame', () => {
    expect(captionFor(factsOf(lab('master-master')), SLAVES, true)).toBe(
      'Two masters, with one slave each, both accept writes and replicate them to each other. Click a node to act on it.',
    );
  });

  it('follows the Settings: a switch to synchronous replication or a stopped workload changes it', () => {
    const store = lab();
    store.getState().actions.applySettings({ replication: { mode: 'semi-sync', syncCount: 1 } });
    expect(caption(store)).toMatch(/Each write waits until one slave has confirmed it \(semi-synchronous\)/);
    store.getState().actions.stopWorkload();
    expect(caption(store)).toMatch(/No workload writes: write on a node yourself/);
  });

  it('follows the Conflict resolution setting in master-master', () => {
    const store = lab('master-master');
    store.getState().actions.applySettings({ conflictResolution: 'siblings' });
    expect(caption(store)).toMatch(/both versions are kept as siblings until a write merges them/);
  });

  it('tells a lesson’s own scenario, not the preset it started from', () => {
    const store = lab();
    const certification = lessonById('conflicts');
    if (certification === undefined) throw new Error('the conflicts lesson exists');
    expect(startLesson(store, certification)).toBe(true);
    expect(caption(store)).toMatch(/^Two masters/);
    expect(caption(store)).toMatch(/No workload writes/);
    expect(caption(store)).not.toMatch(/Writes flow/);
  });
});
