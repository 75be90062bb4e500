/** The MariaDB lab: finds the server, makes the mktemp root and a mariadb-install-db template, stops every server. */
import type { ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { processesWhere, serverUser, signalAndWait, Unavailable, unavailableBecause } from '../host.ts';
import { check, killAll, type Identity } from '../process.ts';

/** The OS user every server runs as when we are root (mariadbd will not run as root without `--user`). */
export const MARIA_USER = 'mdbcal';

export interface MariaLab {
  readonly root: string;
  /** `mariadbd --version`, as it prints it. */
  readonly version: string;
  readonly mariadbd: string;
  /** A data directory made once by mariadb-install-db, copied for every server. */
  readonly template: string;
  readonly identity: Identity;
  /** Makes a directory owned by the server user. */
  mkdir(path: string): void;
}

/** Every mariadbd started and not yet seen to exit, by pid: stopped by `cleanUpMariaLab`, each by its own pid. */
export const servers = new Map<number, ChildProcess>();
/** Client connections to close on cleanup. */
export const connections = new Set<{ destroy(): void }>();
let current: MariaLab | undefined;

const INSTALL_HINT =
  "install Debian's mariadb-server (as root: calibration/ensure-mariadb.sh), or set MARIADB_BIN to a directory with mariadbd";

/** A program from MARIADB_BIN, Debian's /usr/sbin and /usr/bin, or PATH. */
function findProgram(name: string): string {
  const fromEnv = process.env['MARIADB_BIN'];
  const dirs =
    fromEnv === undefined
      ? ['/usr/sbin', '/usr/bin', ...(process.env['PATH'] ?? '').split(delimiter)]
      : [fromEnv];
  const dir = dirs.find((d) => d !== '' && existsSync(join(d, name)));
  if (dir === undefined)
    throw new Unavailable(
      fromEnv === undefined
        ? `MariaDB not found (no ${name}): ${INSTALL_HINT}`
        : `MARIADB_BIN=${fromEnv} holds no ${name}`,
    );
  return join(dir, name);
}

function mariaUser(): { uid: number; gid: number } | undefined {
  return serverUser(
    MARIA_USER,
    `the servers must not run as root and the user ${MARIA_USER} is missing: run calibration/ensure-mariadb.sh as root`,
  );
}

/** Why this machine cannot run the MariaDB suite, or undefined when it can. */
export function mariaUnavailableReason(): string | undefined {
  return unavailableBecause(() => {
    findProgram('mariadbd');
    findProgram('mariadb-install-db');
    mariaUser();
  });
}

/** Creates the lab: a mktemp root owned by the server user, and the template data directory. */
export async function createMariaLab(): Promise<MariaLab> {
  const mariadbd = findProgram('mariadbd');
  const installDb = findProgram('mariadb-install-db');
  const user = mariaUser();
  // CALIBRATE_TMPDIR (set by .ci/run) keeps this run's servers apart from any other run's.
  const root = mkdtempSync(join(process.env['CALIBRATE_TMPDIR'] ?? tmpdir(), 'mdbcal-'));
  const identity: Identity = { ...user, env: { HOME: root } };
  const mkdir = (path: string): void => {
    mkdirSync(path, { recursive: true });
    if (user !== undefined) chownSync(path, user.uid, user.gid);
  };
  mkdir(root);
  const template = join(root, 'template');
  current = { root, version: 'MariaDB (not started)', mariadbd, template, identity, mkdir };
  const version = (await check(mariadbd, ['--version'], { timeoutMs: 5000, identity }))
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^\S*\//, '');
  await check(
    installDb,
    [
      '--no-defaults',
      `--datadir=${template}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--innodb-buffer-pool-size=32M',
      '--innodb-log-file-size=16M',
      // Its own temporary files, not the shared /tmp, where another run's bootstrap or sweep may be at work.
      `--tmpdir=${root}`,
    ],
    { timeoutMs: 60_000, identity },
  );
  current = { ...current, version };
  return current;
}

/**
 * Processes with a path under `root` among their arguments (a fresh mktemp: only this run's): each
 * mariadbd (`--defaults-file=`), a bootstrap cut short (`--datadir=`), an SST's rsync (`--config`).
 */
function serversUnder(root: string): number[] {
  return processesWhere((args) => args.some((arg) => arg.includes(`${root}/`)));
}

/**
 * Kills every server still running, each by its own pid (SIGKILL: its data is thrown away), and any
 * process with a path under the root (a start cut short, an SST's rsync), then removes the root (kept
 * when CALIBRATE_KEEP is set). Synchronous, for signal handlers.
 */
export function cleanUpMariaLab(): void {
  for (const connection of connections) connection.destroy();
  connections.clear();
  if (current === undefined) return;
  killAll();
  const root = current.root;
  signalAndWait([...servers.keys(), ...serversUnder(root)], 'SIGKILL', () => serversUnder(root));
  servers.clear();
  if (process.env['CALIBRATE_KEEP'] === undefined)
    rmSync(root, { recursive: true, force: true, maxRetries: 5 });
  current = undefined;
}
