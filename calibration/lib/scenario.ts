/** What a scenario is: the same question put to a real server and to the engine, answered as comparable facts. */
import { PgCluster, waitFor } from './cluster.ts';
import type { Lab } from './lab.ts';

export type Fact = string | number | boolean;
/** Named outcomes; the server's and the engine's must be equal, key by key. */
export type Facts = Readonly<Record<string, Fact>>;

/** A side's answer with figures shown beside the facts (measured numbers; never compared exactly). */
export interface Outcome {
  readonly facts: Facts;
  readonly figures: string;
}

export function withFigures(facts: Facts, figures: string): Outcome {
  return { facts, figures };
}

/** The facts and figures of an answer given either way. */
export function outcomeOf(answer: Facts | Outcome): { facts: Facts; figures?: string } {
  const { facts, figures } = answer;
  return typeof facts === 'object' && typeof figures === 'string'
    ? { facts, figures }
    : { facts: answer as Facts };
}

/** A scenario of one suite, run against that suite's lab (`L`: PostgreSQL's `Lab`, MariaDB's `MariaLab`). */
export interface Scenario<L = Lab> {
  /** Its id on the command line: the letter in issue 9 ("a" to "j"), or issue 20's for MariaDB ("m1"...). */
  readonly id: string;
  readonly title: string;
  /**
   * What the measured reference run saw (shared/reference/postgres-calibration.md for PostgreSQL; for
   * MariaDB, our own run recorded in calibration/README.md).
   */
  readonly reference: Facts;
  /** The question put to the real server(s). */
  server(lab: L): Promise<Facts | Outcome>;
  engine(): Facts | Outcome;
  /** The engine changes that would make it agree, reported when it does not. */
  readonly engineNeeds?: readonly string[];
}

/** The engine's answer where it has no such feature: never equal to a real outcome. */
export function lacks(feature: string): string {
  return `n/a: engine lacks ${feature}`;
}

export interface ClusterSpec {
  /** The cluster's directory under the lab root. */
  readonly name: string;
  /** Standbys of the primary, built from base backups. */
  readonly standbys: readonly string[];
  /** Extra postgresql.conf lines for every node (the last setting wins). */
  readonly conf?: readonly string[];
}

/** Builds a cluster with a primary and the given standbys, runs `body`, and always tears it down. */
export async function withCluster<T>(
  lab: Lab,
  { name, standbys, conf = [] }: ClusterSpec,
  body: (cluster: PgCluster) => Promise<T>,
): Promise<T> {
  const cluster = await PgCluster.create(lab, name, conf);
  try {
    await cluster.q('primary', 'create table t(id int primary key)');
    for (const standby of standbys) await cluster.addStandby(standby);
    return await body(cluster);
  } finally {
    await cluster.destroy();
  }
}

/** Inserts ids from..to as single-row commits, one psql session; returns how many were acknowledged. */
export async function insertRange(
  cluster: PgCluster,
  node: string,
  from: number,
  to: number,
): Promise<number> {
  const statements: string[] = [];
  for (let id = from; id <= to; id++) statements.push(`insert into t values (${id});`);
  const result = await cluster.psql(node, statements.join('\n'), 30_000);
  return result.stdout.split('\n').filter((line) => line === 'INSERT 0 1').length;
}

/** Rows of t with ids in from..to on a node. */
export async function countRange(
  cluster: PgCluster,
  node: string,
  from: number,
  to: number,
): Promise<number> {
  return Number(await cluster.q(node, `select count(*) from t where id between ${from} and ${to}`));
}

/**
 * Whether `node` follows its upstream, judged by what it receives: every row from..to, written on the
 * upstream's timeline, arrives within `ms`. Not by pg_stat_replication's `streaming`: a diverged standby
 * shows it for a moment while it fetches the timeline history, and is then refused.
 */
export function receivesWithin(
  cluster: PgCluster,
  node: string,
  from: number,
  to: number,
  ms: number,
): Promise<boolean> {
  return waitFor(async () => (await countRange(cluster, node, from, to)) === to - from + 1, ms, 200);
}
