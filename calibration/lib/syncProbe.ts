/** A commit that may block waiting for synchronous standbys, detected by its wait event and ended by a cancel. */
import { waitFor, type PgCluster } from './cluster.ts';
import type { Result } from './process.ts';

export interface Commit {
  /**
   * It was seen waiting in SyncRep within the detection window and was still waiting a settle time later. Every
   * synchronous commit waits in SyncRep for a moment, and on a busy machine a standby's flush can take long enough
   * for a poll to see that ordinary wait: only a wait that outlasts the settle time counts as blocked.
   */
  readonly blocked: boolean;
  /** The client's outcome; bounded by psql's own deadline. */
  readonly done: Promise<Result>;
}

const DETECT_MS = 2500;
/** How long a commit seen in SyncRep must go on waiting to count as blocked. */
const SETTLE_MS = 3000;
/** The client's hard bound: psql gets SIGINT (a cancel request) if nothing else ended the wait. */
const CLIENT_MS = 20_000;

/** Starts `sql` in a client session named `app` and reports whether its commit waits for a standby. */
export async function startCommit(
  cluster: PgCluster,
  node: string,
  sql: string,
  app: string,
): Promise<Commit> {
  const done = cluster.psql(node, sql, CLIENT_MS, app);
  let finished = false;
  void done.then(() => (finished = true));
  // Read through a call: the flag changes in a callback, which narrowing does not see.
  const over = (): boolean => finished;
  const waiting = `select count(*) from pg_stat_activity where application_name = '${app}' and wait_event = 'SyncRep'`;
  const seen = await waitFor(async () => !over() && (await cluster.q(node, waiting)) === '1', DETECT_MS);
  if (seen && !over()) await Promise.race([done, new Promise((resolve) => setTimeout(resolve, SETTLE_MS))]);
  return { blocked: seen && !over(), done };
}

/** Cancels the waiting session with pg_cancel_backend from another session; returns the client's outcome. */
export async function cancelCommit(
  cluster: PgCluster,
  node: string,
  app: string,
  commit: Commit,
): Promise<Result> {
  await cluster.q(
    node,
    `select pg_cancel_backend(pid) from pg_stat_activity where application_name = '${app}'`,
  );
  return commit.done;
}

/** Whether a client outcome is PostgreSQL's "committed locally, might not have been replicated" success. */
export function cancelledAfterLocalCommit(result: Result): boolean {
  return (
    result.code === 0 &&
    result.stdout.includes('INSERT 0 1') &&
    result.stderr.includes('01000: canceling wait for synchronous replication due to user request') &&
    result.stderr.includes(
      'The transaction has already committed locally, but might not have been replicated to the standby.',
    )
  );
}

/** Waits (bounded) for a blocked commit to return on its own, e.g. once a standby is back. */
export async function returnsWithin(commit: Commit, ms: number): Promise<boolean> {
  const timer = new Promise<false>((resolve) => {
    setTimeout(() => {
      resolve(false);
    }, ms);
  });
  const outcome = commit.done.then((result) => result.code === 0 && !result.timedOut);
  return Promise.race([outcome, timer]);
}
