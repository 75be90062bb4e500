/** The scratch lab: finds PostgreSQL, makes the mktemp root and the initdb template, and stops every server. */
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { processesWhere, serverUser, signalAndWait, Unavailable, unavailableBecause } from './host.ts';
import { check, killAll, runSync, setIdentity } from './process.ts';

/** The bootstrap superuser and, when we run as root, the OS user of every server. */
export const PG_USER = 'pgcal';

/**
 * Small servers: the machine is shared. Standbys report every second so idle lag clears quickly. No fsync
 * (a standby's start would sync its whole data directory first); the latency scenario turns it back on.
 */
const BASE_CONF = [
  'fsync = off',
  "listen_addresses = '127.0.0.1'",
  'shared_buffers = 32MB',
  'max_connections = 20',
  'wal_level = replica',
  'max_wal_senders = 10',
  'max_replication_slots = 10',
  'hot_standby = on',
  'wal_log_hints = on',
  "wal_keep_size = '64MB'",
  "wal_receiver_status_interval = '1s'",
  "wal_retrieve_retry_interval = '500ms'",
  "log_line_prefix = '%m [%p] %a '",
];

export interface Lab {
  readonly root: string;
  readonly bin: string;
  readonly version: string;
  readonly template: string;
  /** Makes a directory owned by the server user. */
  mkdir(path: string): void;
  chown(path: string): void;
}

/** Data directories with a server that may be running; stopped by `cleanUpLab`. */
export const running = new Set<string>();
/** The lab being built or used, known from its first moment so an interrupt can still clean it up. */
let current: { root: string; bin: string } | undefined;

const INSTALL_HINT =
  "install Debian's postgresql (as root: calibration/ensure-postgres.sh), or set PG_BIN to a directory with pg_ctl";

/** PostgreSQL's server binaries: PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin, else pg_ctl on PATH. */
function findBin(): string {
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv !== undefined) {
    if (!existsSync(join(fromEnv, 'pg_ctl'))) throw new Unavailable(`PG_BIN=${fromEnv} holds no pg_ctl`);
    return fromEnv;
  }
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest !== undefined && existsSync(join(base, newest, 'bin', 'pg_ctl')))
    return join(base, newest, 'bin');
  const onPath = (process.env['PATH'] ?? '').split(delimiter).find((dir) => existsSync(join(dir, 'pg_ctl')));
  if (onPath !== undefined) return onPath;
  throw new Unavailable(`PostgreSQL not found: ${INSTALL_HINT}`);
}

function pgUser(): { uid: number; gid: number } | undefined {
  return serverUser(
    PG_USER,
    `PostgreSQL refuses to run as root and the user ${PG_USER} is missing: run calibration/ensure-postgres.sh as root`,
  );
}

/** Why this machine cannot run the suite, or undefined when it can. */
export function unavailableReason(): string | undefined {
  return unavailableBecause(() => {
    findBin();
    pgUser();
  });
}

/** Creates the lab: a mktemp root owned by the server user and an initdb template with the base settings. */
export async function createLab(): Promise<Lab> {
  const bin = findBin();
  const user = pgUser();
  // CALIBRATE_TMPDIR (set by .ci/run) keeps this run's servers apart from any other run's.
  const root = mkdtempSync(join(process.env['CALIBRATE_TMPDIR'] ?? tmpdir(), 'pgcal-'));
  current = { root, bin };
  const chown = (path: string): void => {
    if (user !== undefined) chownSync(path, user.uid, user.gid);
  };
  chown(root);
  mkdirSync(join(root, 'sock'));
  chown(join(root, 'sock'));
  setIdentity({
    ...user,
    env: {
      PATH: `${bin}:${process.env['PATH'] ?? ''}`,
      HOME: root,
      PGHOST: '127.0.0.1',
      PGUSER: PG_USER,
      PGDATABASE: 'postgres',
      PGCONNECT_TIMEOUT: '3',
    },
  });
  const version = (await check(join(bin, 'postgres'), ['--version'], { timeoutMs: 5000 })).trim();
  const template = join(root, 'template');
  await check(
    join(bin, 'initdb'),
    ['-D', template, '-U', PG_USER, '--auth=trust', '--no-sync', '--wal-segsize=1'],
    {
      timeoutMs: 60_000,
    },
  );
  const conf = [...BASE_CONF, `unix_socket_directories = '${join(root, 'sock')}'`];
  appendFileSync(join(template, 'postgresql.conf'), conf.join('\n') + '\n');
  const mkdir = (path: string): void => {
    mkdirSync(path, { recursive: true });
    chown(path);
  };
  return { root, bin, version, template, mkdir, chown };
}

/**
 * Stops every server still running (immediate mode), kills leftover clients and removes the scratch root
 * (kept when CALIBRATE_KEEP is set, for reading the server logs). Synchronous, for signal handlers.
 */
export function cleanUpLab(): void {
  if (current === undefined) return;
  // Clients first: a pg_ctl start cut short must not bring a server up after the sweep below.
  killAll();
  for (const dir of running) {
    if (existsSync(join(dir, 'postmaster.pid'))) {
      runSync(join(current.bin, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', '-t', '20', 'stop'], 25_000);
    }
    running.delete(dir);
  }
  stopStrays(current.root);
  if (process.env['CALIBRATE_KEEP'] === undefined) {
    rmSync(current.root, { recursive: true, force: true, maxRetries: 5 });
  }
  current = undefined;
}

/** Postmasters serving a data directory under `root` (only this run's: the root is a fresh mktemp). */
function postmastersUnder(root: string): number[] {
  return processesWhere((args) => {
    const at = args.indexOf('-D');
    return at > 0 && args[at + 1]?.startsWith(`${root}/`) === true;
  });
}

/**
 * The sweep after the orderly stop: a server whose start was interrupted may be up without its pid file
 * yet. Immediate shutdown (SIGQUIT) for each, then a bounded wait for them to go.
 */
function stopStrays(root: string): void {
  signalAndWait(postmastersUnder(root), 'SIGQUIT', () => postmastersUnder(root));
}
