/**
 * The caption: what the reader is looking at, in a sentence or three, in the UI's vocabulary. It is
 * told from the scenario that runs (its nodes, replication mode and failover) and the workload, so it
 * stays true for every preset, a lesson's scenario, an imported one and after the Settings change.
 */
import type { ScenarioInput, WorkloadOptions } from '../engine/index.ts';
import type { LabSettings } from '../store/index.ts';
import type { Vocabulary } from '../view/vocabulary.ts';

export interface CaptionFacts {
  readonly scenario: ScenarioInput;
  readonly settings: LabSettings;
  /** The background workload running now (it can be started and stopped at any time), if any. */
  readonly workload: WorkloadOptions | null;
}

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number, one: string, many: string) => `${NUMBERS[n] ?? String(n)} ${n === 1 ? one : many}`;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const seconds = (ms: number) => (ms % 1000 === 0 ? `${String(ms / 1000)} s` : `${String(ms)} ms`);

interface Shape {
  readonly primaries: readonly string[];
  /** Replicas streaming from a primary. */
  readonly direct: number;
  /** Replicas streaming from another replica. */
  readonly cascaded: number;
  /** Replicas of a primary that feed replicas of their own. */
  readonly feeders: number;
  /** How many direct replicas each primary has, when they all have the same number (and some). */
  readonly even: number | undefined;
}

function shapeOf({ nodes }: ScenarioInput): Shape {
  const primaries = nodes.filter((n) => n.role === 'primary').map((n) => n.id);
  const onPrimary = new Set(primaries);
  const replicas = nodes.filter((n) => n.role !== 'primary');
  const direct = replicas.filter((n) => n.upstream !== undefined && onPrimary.has(n.upstream));
  const upstreams = new Set(replicas.map((n) => n.upstream));
  const feeders = direct.filter((n) => upstreams.has(n.id)).length;
  const perPrimary = new Set(primaries.map((id) => direct.filter((n) => n.upstream === id).length));
  const [only] = perPrimary;
  const even = perPrimary.size === 1 && only !== undefined && only > 0 ? only : undefined;
  return { primaries, direct: direct.length, cascaded: replicas.length - direct.length, feeders, even };
}

/** Whose semi-sync timeout the fallback behaves like: the scenario's system's, MySQL's where it names none. */
function semiSyncSource(scenario: ScenarioInput): string {
  return scenario.system === 'mariadb'
    ? 'as MariaDB’s rpl_semi_sync_master_timeout does (measured on MariaDB 10.11 by the calibration suite)'
    : 'as MySQL’s rpl_semi_sync_source_timeout does (MySQL manual, Semisynchronous Replication)';
}

/** How a single primary's commits wait for its replicas. */
function singlePrimaryMode(scenario: ScenarioInput, settings: LabSettings, w: Vocabulary): string {
  const { mode, syncCount, intervalMs } = settings.replication;
  const standbys = scenario.replication?.synchronousStandbyNames;
  const timeout = scenario.replication?.syncTimeoutMs;
  switch (mode) {
    case 'async':
      return `Replication is asynchronous: the ${w.primary} acknowledges a write before any ${w.replica} has it.`;
    case 'scheduled':
      return `Writes ship in batches every ${seconds(intervalMs)}, so lag rises and falls like a saw.`;
    case 'semi-sync':
      return `Each write waits until ${count(syncCount, `${w.replica} has`, `${w.replicas} have`)} confirmed it (semi-synchronous).${timeout === undefined ? '' : ` After ${seconds(timeout)} without it the ${w.primary} falls back to async until one catches up, ${semiSyncSource(scenario)}.`}`;
    case 'sync':
      return standbys === undefined
        ? `Each write waits until every direct ${w.replica} has confirmed it (synchronous).`
        : `Each write waits for its synchronous standbys (synchronous_standby_names = '${standbys}', as in the PostgreSQL manual’s Synchronous Replication).`;
  }
}

/** What is connected to what: the first sentence, the one a small frame shows alone. */
function topologySentence(scenario: ScenarioInput, w: Vocabulary): string {
  const { primaries, direct, cascaded, feeders, even } = shapeOf(scenario);
  const which = feeders === direct ? 'which' : `${count(feeders, 'of', 'of')} which`;
  const pass = feeders === 1 ? 'passes' : 'pass';
  const further =
    cascaded === 0 ? '' : `, ${which} ${pass} them on to ${count(cascaded, 'more', 'more')} in a cascade`;
  if (primaries.length === 0)
    return `${capitalised(count(direct + cascaded, w.replica, w.replicas))} and no ${w.primary}.`;
  if (primaries.length === 1) {
    if (direct === 0) return `A single ${w.primary}, with no ${w.replicas}: nothing is replicated.`;
    return `A ${w.primary} replicates every write to ${count(direct, w.replica, w.replicas)}${further}.`;
  }
  const each = even === undefined ? '' : `, with ${count(even, w.replica, w.replicas)} each${further},`;
  const below =
    direct === 0 || even !== undefined
      ? ''
      : ` (with ${count(direct, w.replica, w.replicas)} below them${further})`;
  const all = primaries.length === 2 ? 'both' : 'all';
  return `${capitalised(count(primaries.length, w.primary, w.primaries))}${each}${below} ${all} accept writes and replicate them to each other.`;
}

/** How writes are confirmed (and, between primaries, how concurrent writes are settled). */
function modeSentence(scenario: ScenarioInput, settings: LabSettings, w: Vocabulary): string {
  const { primaries, direct } = shapeOf(scenario);
  if (primaries.length === 1) return direct === 0 ? '' : ` ${singlePrimaryMode(scenario, settings, w)}`;
  if (primaries.length === 0) return '';
  if (settings.replication.mode === 'sync') {
    return ` Each write is certified by the other ${w.primaries} first: of two racing writes to one key, the second fails (Galera’s certification-based replication).`;
  }
  const resolution =
    settings.conflictResolution === 'none'
      ? 'each applies the other’s as it arrives and they silently diverge (MariaDB source-source)'
      : settings.conflictResolution === 'siblings'
        ? 'both versions are kept as siblings until a write merges them'
        : 'the last writer wins and the other write is silently overwritten (PGD’s update_if_newer)';
  return ` They do so asynchronously: when two writes to one key cross, ${resolution}.`;
}

function failoverSentence(settings: LabSettings, w: Vocabulary): string {
  const { mode, fencing } = settings.failover;
  if (mode !== 'automatic') return '';
  const fenced = fencing ? `, and a ${w.primary} that cannot reach it fences itself` : '';
  return ` A failover manager watches the ${w.primary}’s heartbeats and promotes a ${w.replica} when they stop${fenced}.`;
}

/** Where the nodes run: the regions, the one-way latency between them and inside each. */
function regionSentence({ regions = [], network }: ScenarioInput): string {
  const names = regions.map((r) => r.name);
  const last = names.pop();
  if (last === undefined) return '';
  const between = (network?.between ?? []).map((b) => b.latencyMs);
  const [low, high] = [Math.min(...between), Math.max(...between)];
  const apart = between.length === 0 ? '' : `, ${low === high ? low : `${low} to ${high}`} ms apart one way`;
  const where =
    names.length === 0
      ? `one region, ${last}`
      : `${count(regions.length, '', 'regions')}, ${names.join(', ')} and ${last}`;
  return ` The nodes run in ${where}${apart}.`;
}

/** The caption; `brief` (a small frame) keeps what is connected to what, and that a node click acts on it. */
export function captionFor(facts: CaptionFacts, w: Vocabulary, brief = false): string {
  const { scenario, settings, workload } = facts;
  if (brief) return `${topologySentence(scenario, w)} Click a node to act on it.`;
  const hint =
    workload !== null && workload.writesPerSec > 0
      ? 'Writes flow from the workload; click a node to inspect it.'
      : 'No workload writes: write on a node yourself (click it), or start the workload in Settings.';
  return `${topologySentence(scenario, w)}${regionSentence(scenario)}${modeSentence(scenario, settings, w)}${failoverSentence(settings, w)} ${hint}`;
}
