/** One PostgreSQL cluster of a scenario: a primary and standbys on free loopback ports in their own directory. */
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PG_USER, running, type Lab } from './lab.ts';
import { check, run, sleep, type Result } from './process.ts';

const QUERY_MS = 10_000;

/** A free loopback port (asked of the kernel, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/** Polls `probe` every `everyMs` until it is true or `withinMs` passes; returns whether it became true. */
export async function waitFor(
  probe: () => Promise<boolean>,
  withinMs: number,
  everyMs = 100,
): Promise<boolean> {
  const deadline = performance.now() + withinMs;
  for (;;) {
    if (await probe()) return true;
    if (performance.now() >= deadline) return false;
    await sleep(everyMs);
  }
}

/** Like `waitFor`, for a step the scenario cannot go on without: throws, naming the step, when it does not happen. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  withinMs: number,
  everyMs = 100,
): Promise<void> {
  if (!(await waitFor(probe, withinMs, everyMs))) throw new Error(`${what}: not within ${withinMs} ms`);
}

export class PgCluster {
  private readonly ports = new Map<string, number>();
  /** psql sessions started by `loggedDurations`, to tell their log lines apart. */
  private sessions = 0;

  private constructor(
    private readonly lab: Lab,
    readonly dir: string,
  ) {}

  /** A new cluster directory under the lab root with a running primary named `primary`. */
  static async create(lab: Lab, name: string, conf: readonly string[] = []): Promise<PgCluster> {
    const cluster = new PgCluster(lab, join(lab.root, name));
    lab.mkdir(cluster.dir);
    await check('cp', ['-a', lab.template, cluster.dataDir('primary')], { timeoutMs: 30_000 });
    // Standbys copy the primary's settings with their base backup.
    appendFileSync(
      join(cluster.dataDir('primary'), 'postgresql.conf'),
      conf.map((line) => `${line}\n`).join(''),
    );
    await cluster.configure('primary');
    await cluster.start('primary');
    return cluster;
  }

  dataDir(node: string): string {
    return join(this.dir, node);
  }

  port(node: string): number {
    const port = this.ports.get(node);
    if (port === undefined) throw new Error(`no node ${node}`);
    return port;
  }

  private pg(tool: string): string {
    return join(this.lab.bin, tool);
  }

  /** Gives a node its own port (pg_basebackup and pg_rewind copy the source's settings). */
  private async configure(node: string): Promise<void> {
    const port = this.ports.get(node) ?? (await freePort());
    this.ports.set(node, port);
    appendFileSync(join(this.dataDir(node), 'postgresql.conf'), `port = ${port}\n`);
  }

  /** A standby of `upstream` from a base backup taken from it, started and streaming. */
  async addStandby(node: string, upstream = 'primary'): Promise<void> {
    await check(
      this.pg('pg_basebackup'),
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(this.port(upstream)),
        '-U',
        PG_USER,
        '-D',
        this.dataDir(node),
        '-c',
        'fast',
        '--no-sync',
      ],
      { timeoutMs: 60_000, env: {} },
    );
    await this.configure(node);
    this.follow(node, upstream);
    await this.start(node);
    const up = await waitFor(
      async () => (await this.replicationState(upstream, node)) === 'streaming',
      15_000,
    );
    if (!up) throw new Error(`${node} did not start streaming from ${upstream}`);
  }

  /** Makes a stopped node a standby of `upstream` (standby.signal and primary_conninfo). */
  follow(node: string, upstream: string): void {
    const dir = this.dataDir(node);
    writeFileSync(join(dir, 'standby.signal'), '');
    this.lab.chown(join(dir, 'standby.signal'));
    const conninfo = `host=127.0.0.1 port=${this.port(upstream)} user=${PG_USER} application_name=${node}`;
    appendFileSync(join(dir, 'postgresql.conf'), `primary_conninfo = '${conninfo}'\n`);
    // postgresql.auto.conf (ALTER SYSTEM, or copied by pg_rewind) would override it.
    const auto = join(dir, 'postgresql.auto.conf');
    if (existsSync(auto)) {
      const kept = readFileSync(auto, 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('primary_conninfo'));
      writeFileSync(auto, kept.join('\n'));
    }
  }

  async start(node: string): Promise<void> {
    const dir = this.dataDir(node);
    running.add(dir);
    const log = join(this.dir, `${node}.log`);
    await check(this.pg('pg_ctl'), ['-D', dir, '-l', log, '-w', '-t', '30', 'start'], { timeoutMs: 35_000 });
  }

  /** Stops a node: `fast` is a clean shutdown, `immediate` a crash. */
  async stop(node: string, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    const dir = this.dataDir(node);
    await check(this.pg('pg_ctl'), ['-D', dir, '-m', mode, '-w', '-t', '30', 'stop'], { timeoutMs: 35_000 });
    running.delete(dir);
  }

  /** Rewinds a stopped node onto `source`'s timeline (pg_rewind); returns the tool's result. */
  async rewind(node: string, source: string): Promise<Result> {
    const server = `host=127.0.0.1 port=${this.port(source)} user=${PG_USER} dbname=postgres`;
    const result = await run(
      this.pg('pg_rewind'),
      [`--target-pgdata=${this.dataDir(node)}`, `--source-server=${server}`],
      {
        timeoutMs: 60_000,
      },
    );
    if (result.code === 0) await this.configure(node);
    return result;
  }

  /** A terse query (`psql -At`); throws when it fails. */
  async q(node: string, sql: string, timeoutMs = QUERY_MS): Promise<string> {
    const args = ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-p', String(this.port(node)), '-c', sql];
    return (await check(this.pg('psql'), args, { timeoutMs })).trim();
  }

  /**
   * A statement as a client sees it (verbose errors, with SQLSTATE); never throws. At the deadline psql
   * gets SIGINT and sends a cancel request, which is how a blocked synchronous commit is bounded.
   */
  psql(node: string, sql: string, timeoutMs = QUERY_MS, appName = 'calibration'): Promise<Result> {
    const args = ['-X', '-v', 'VERBOSITY=verbose', '-p', String(this.port(node)), '-c', sql];
    return run(this.pg('psql'), args, { timeoutMs, env: { PGAPPNAME: appName } });
  }

  /**
   * Runs `statements` in one psql session and returns each one's duration as the server logged it, in order
   * (ms, from receiving the statement to its end: a commit's wait for standbys is in it, the client's side
   * of the round trip is not).
   */
  async loggedDurations(node: string, statements: readonly string[], timeoutMs = 120_000): Promise<number[]> {
    const session = `durations-${++this.sessions}`;
    const script = join(this.dir, `${session}.sql`);
    const lines = ['set log_min_duration_statement = 0', ...statements].map((sql) => `${sql};\n`);
    writeFileSync(script, lines.join(''));
    const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-p', String(this.port(node)), '-f', script];
    await check(this.pg('psql'), args, { timeoutMs, env: { PGAPPNAME: session } });
    // log_line_prefix ends with the application name ('%m [%p] %a ').
    const line = new RegExp(`\\] ${session} LOG:  duration: ([\\d.]+) ms  statement: (.*)$`, 'gm');
    const logged = [...this.serverLog(node).matchAll(line)].slice(-statements.length);
    if (logged.length !== statements.length || logged.some((match, i) => match[2] !== `${statements[i]};`))
      throw new Error(`the server logged ${logged.length} of ${statements.length} statements, or others`);
    return logged.map((match) => Number(match[1]));
  }

  /** Repoints a running standby without a restart (ALTER SYSTEM + reload); `undefined` disconnects it. */
  async repoint(node: string, upstream: string | undefined): Promise<void> {
    const conninfo =
      upstream === undefined
        ? ''
        : `host=127.0.0.1 port=${this.port(upstream)} user=${PG_USER} application_name=${node}`;
    await this.q(node, `alter system set primary_conninfo = '${conninfo}'`);
    await this.q(node, 'select pg_reload_conf()');
  }

  /**
   * Waits until `count` standbys of `on` have replayed everything it wrote; throws if they do not, since what
   * follows (a crash, a promotion) would otherwise start from a different state than the scenario's.
   */
  async replayedBy(on: string, count: number, ms = 20_000): Promise<void> {
    const sql = 'select count(*) from pg_stat_replication where replay_lsn = pg_current_wal_lsn()';
    await waitUntil(
      `${count} standby(s) of ${on} replay its WAL`,
      async () => (await this.q(on, sql)) === String(count),
      ms,
    );
  }

  /** The walsender state of `app` in `on`'s pg_stat_replication ('' when absent). */
  async replicationState(on: string, app: string): Promise<string> {
    return this.q(
      on,
      `select coalesce(max(state), '') from pg_stat_replication where application_name = '${app}'`,
    );
  }

  /** The node's timeline: from its current WAL file name on a primary, from the WAL receiver on a standby. */
  async timeline(node: string): Promise<number> {
    const sql =
      'select case when pg_is_in_recovery() then (select received_tli from pg_stat_wal_receiver)::text ' +
      'else substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8) end';
    const value = await this.q(node, sql);
    return /^\d+$/.test(value) && value.length < 8 ? Number(value) : parseInt(value, 16);
  }

  serverLog(node: string): string {
    const log = join(this.dir, `${node}.log`);
    return existsSync(log) ? readFileSync(log, 'utf8') : '';
  }

  /** Stops every node of this cluster (immediate: the data is thrown away) and removes its directory. */
  async destroy(): Promise<void> {
    for (const node of this.ports.keys()) {
      const dir = this.dataDir(node);
      if (running.has(dir) && existsSync(join(dir, 'postmaster.pid'))) await this.stop(node, 'immediate');
      running.delete(dir);
    }
    if (process.env['CALIBRATE_KEEP'] === undefined) rmSync(this.dir, { recursive: true, force: true });
  }
}
