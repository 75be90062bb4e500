/** One mariadbd of a scenario: its own directory, cnf and loopback port; started, stopped and crashed by its pid. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { freePort, waitFor, waitUntil } from '../cluster.ts';
import { check, spawnOptions } from '../process.ts';
import { connections, servers, type MariaLab } from './lab.ts';

const QUERY_MS = 10_000;
const START_MS = 60_000;
const STOP_MS = 30_000;

/** Settings every server gets: small, loopback only; its data is thrown away, so no fsync per commit. */
export const SMALL_CNF = [
  'bind-address=127.0.0.1',
  'skip-name-resolve',
  'innodb_buffer_pool_size=32M',
  'innodb_log_file_size=16M',
  'performance_schema=OFF',
  'max_connections=30',
  'innodb_flush_log_at_trx_commit=2',
];

/** A replication server's: a binary log with GTIDs, replication started by hand. */
const BASE_CNF = [
  ...SMALL_CNF,
  'skip-slave-start',
  'binlog_format=ROW',
  'log_bin=bin',
  'log_slave_updates=ON',
  'gtid_strict_mode=ON',
  'relay_log=relay',
  'sync_binlog=0',
];

let nextServerId = 1;

export interface CreateOptions {
  readonly data?: string;
  readonly base?: readonly string[];
  readonly start?: boolean;
}

export class MariaServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private root: Connection | undefined;

  private constructor(
    private readonly lab: MariaLab,
    readonly name: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  /**
   * A server `name` in `dir` (under the lab root) with extra cnf lines, started unless `start` is false.
   * Its data directory is a copy of `data` (the lab's template by default); `base` replaces the common
   * settings (a Galera node keeps no binary log of its own).
   */
  static async create(
    lab: MariaLab,
    dir: string,
    name: string,
    cnf: readonly string[],
    { data = lab.template, base = BASE_CNF, start = true }: CreateOptions = {},
  ): Promise<MariaServer> {
    const server = new MariaServer(lab, name, join(dir, name), await freePort());
    lab.mkdir(server.dir);
    await check('cp', ['-a', data, server.dataDir], {
      timeoutMs: 30_000,
      identity: lab.identity,
    });
    const lines = [
      '[mariadbd]',
      `datadir=${server.dataDir}`,
      `socket=${join(server.dir, 'sock')}`,
      `pid-file=${join(server.dir, 'mariadbd.pid')}`,
      `log-error=${server.logFile}`,
      `port=${server.port}`,
      `tmpdir=${server.dir}`,
      `server-id=${nextServerId++}`,
      ...base,
      ...cnf,
    ];
    writeFileSync(join(server.dir, 'my.cnf'), lines.join('\n') + '\n');
    if (start) await server.start();
    return server;
  }

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  get logFile(): string {
    return join(this.dir, 'err.log');
  }

  /** Whether its mariadbd is running (started and not yet seen to exit). */
  get running(): boolean {
    return this.child !== undefined;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  serverLog(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
  }

  /** Starts mariadbd as the server user (with extra arguments) and waits until it takes connections. */
  async start(args: readonly string[] = []): Promise<void> {
    const state = this.launch(args);
    const up = await waitFor(
      async () => {
        if (!state.running) return true;
        try {
          await this.q('select 1');
          return true;
        } catch {
          return false;
        }
      },
      START_MS,
      100,
    );
    if (!state.running || !up) {
      const tail = this.serverLog().trim().split('\n').slice(-5).join(' | ');
      throw new Error(`${this.name} did not come up (${state.running ? 'timed out' : 'exited'}): ${tail}`);
    }
  }

  /**
   * Starts mariadbd as the server user and returns at once (a Galera joiner takes no connections until it
   * has joined a Primary Component); `running` turns false when it exits.
   */
  launch(args: readonly string[] = []): { readonly running: boolean } {
    if (this.child !== undefined) throw new Error(`${this.name} is already running`);
    const out = openSync(join(this.dir, 'stdout.log'), 'a');
    const child = spawn(this.lab.mariadbd, [`--defaults-file=${join(this.dir, 'my.cnf')}`, ...args], {
      ...spawnOptions(undefined, this.lab.identity),
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    const pid = child.pid;
    if (pid === undefined) throw new Error(`${this.name}: mariadbd did not start`);
    servers.set(pid, child);
    this.child = child;
    const state = { running: true };
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        state.running = false;
        servers.delete(pid);
        if (this.child === child) this.child = undefined;
        resolve();
      }),
    );
    return state;
  }

  /** A clean shutdown: SIGTERM to its pid, SIGKILL if it has not exited within STOP_MS. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** A crash: SIGKILL to its pid (`kill -9`). */
  async crash(): Promise<void> {
    await this.signal('SIGKILL');
  }

  private async signal(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    this.closeRoot();
    const child = this.child;
    if (child === undefined) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private closeRoot(): void {
    if (this.root === undefined) return;
    this.root.destroy();
    connections.delete(this.root);
    this.root = undefined;
  }

  /** A new client session over TCP (closed by the caller, or by the lab's cleanup). */
  async connect(user = 'root'): Promise<Connection> {
    const connection = await createConnection({
      host: '127.0.0.1',
      port: this.port,
      user,
      connectTimeout: 5000,
    });
    // A server that is killed ends the session with an error event; the next query reports it.
    connection.on('error', () => undefined);
    connections.add(connection);
    return connection;
  }

  /** Runs `sql` as root on the server's own session; rows as mysql2 returns them. */
  async q(sql: string, timeoutMs = QUERY_MS): Promise<RowDataPacket[]> {
    this.root ??= await this.connect();
    try {
      const [rows] = await this.root.query<RowDataPacket[]>({ sql, timeout: timeoutMs });
      return rows;
    } catch (error) {
      this.closeRoot();
      throw error;
    }
  }

  /** The first column of the first row, as text ('' when there is none). */
  async value(sql: string): Promise<string> {
    const row: Record<string, unknown> | undefined = (await this.q(sql))[0];
    const first = row === undefined ? undefined : Object.values(row)[0];
    return typeof first === 'string' || typeof first === 'number' || typeof first === 'bigint'
      ? String(first)
      : '';
  }

  /** A global status variable (`Rpl_semi_sync_master_status`...). */
  async status(name: string): Promise<string> {
    const row = (await this.q(`show global status like '${name}'`))[0];
    return (row?.['Value'] as string | undefined) ?? '';
  }

  /** A column of SHOW SLAVE STATUS as text ('' when it is no replica). */
  async slaveStatus(column: string): Promise<string> {
    const row: Record<string, unknown> | undefined = (await this.q('show slave status'))[0];
    const value = row?.[column];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }

  /**
   * Replicates from `upstream` by GTID (`MASTER_USE_GTID=slave_pos`, or `current_pos` for a former primary,
   * which starts from its own binary log), with extra CHANGE MASTER options.
   */
  async follow(
    upstream: MariaServer,
    options = '',
    useGtid: 'slave_pos' | 'current_pos' = 'slave_pos',
  ): Promise<void> {
    await this.q('stop slave');
    await this.q(
      `change master to master_host='127.0.0.1', master_port=${upstream.port}, master_user='root', ` +
        `master_use_gtid=${useGtid}, master_connect_retry=1${options}`,
    );
    await this.q('start slave');
  }

  /** Waits until this replica has applied everything `upstream` has in its binary log. */
  async caughtUpWith(upstream: MariaServer, ms = 20_000): Promise<void> {
    const position = await upstream.value('select @@gtid_binlog_pos');
    const seconds = Math.ceil(ms / 1000);
    const result = await this.value(`select master_gtid_wait('${position}', ${seconds})`);
    if (result !== '0')
      throw new Error(`${this.name} did not apply ${upstream.name}'s ${position} within ${ms} ms`);
  }

  /** Waits until the replica's I/O thread is (or is not) connected. */
  async ioRunning(expected: 'Yes' | 'No', ms = 20_000): Promise<void> {
    await waitUntil(
      `${this.name}: Slave_IO_Running=${expected}`,
      async () => (await this.slaveStatus('Slave_IO_Running')) === expected,
      ms,
    );
  }
}
