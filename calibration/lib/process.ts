/** Bounded child processes: every command has a deadline (SIGINT, then SIGKILL) and runs as the server user. */
import { spawn, spawnSync } from 'node:child_process';

export interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut: boolean;
}

export interface RunOptions {
  /** Deadline: SIGINT first (psql then sends a cancel request), SIGKILL two seconds later. */
  readonly timeoutMs: number;
  readonly env?: Readonly<Record<string, string>>;
  /** Another suite's server user, for this command only (the MariaDB lab's, beside PostgreSQL's). */
  readonly identity?: Identity;
}

/** Who the servers and clients run as: the unprivileged `pgcal` (or `mdbcal`) when we are root, else ourselves. */
export interface Identity {
  readonly uid?: number;
  readonly gid?: number;
  readonly env: Readonly<Record<string, string>>;
}

let identity: Identity = { env: {} };
const live = new Set<ReturnType<typeof spawn>>();

export function setIdentity(next: Identity): void {
  identity = next;
}

/** How to spawn a command as `who` (the lab's identity unless a command names its own). */
export function spawnOptions(extra: Readonly<Record<string, string>> | undefined, who: Identity = identity) {
  return {
    env: { ...process.env, ...who.env, ...extra },
    ...(who.uid === undefined ? {} : { uid: who.uid }),
    ...(who.gid === undefined ? {} : { gid: who.gid }),
  };
}

/** Runs a command to completion or to its deadline; never throws for a non-zero exit. */
export function run(cmd: string, args: readonly string[], options: RunOptions): Promise<Result> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...spawnOptions(options.env, options.identity),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const soft = setTimeout(() => {
      timedOut = true;
      child.kill('SIGINT');
    }, options.timeoutMs);
    const hard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs + 2000);
    child.on('error', (error) => {
      clearTimeout(soft);
      clearTimeout(hard);
      live.delete(child);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(soft);
      clearTimeout(hard);
      live.delete(child);
      const ms = performance.now() - started;
      if (process.env['CALIBRATE_TRACE'] !== undefined)
        console.error(`  ${ms.toFixed(0)} ms  ${cmd} ${args.join(' ').replaceAll('\n', ' ').slice(0, 100)}`);
      resolve({ code, stdout, stderr, ms, timedOut });
    });
  });
}

/** Runs a command and returns its stdout; throws with its stderr when it fails or times out. */
export async function check(cmd: string, args: readonly string[], options: RunOptions): Promise<string> {
  const result = await run(cmd, args, options);
  if (result.code !== 0 || result.timedOut) {
    const why = result.timedOut ? `timed out after ${options.timeoutMs} ms` : `exit ${result.code}`;
    throw new Error(`${cmd} ${args.join(' ')}: ${why}: ${result.stderr.trim()}`);
  }
  return result.stdout;
}

/** The synchronous form, for cleanup inside signal handlers. */
export function runSync(cmd: string, args: readonly string[], timeoutMs: number): number | null {
  return spawnSync(cmd, args, { ...spawnOptions(undefined), stdio: 'ignore', timeout: timeoutMs }).status;
}

/** Kills every client still running (on interrupt). */
export function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
