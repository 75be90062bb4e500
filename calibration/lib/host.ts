/** What every suite's lab needs of the host: its unprivileged server user, why it cannot run, and strays swept by pid. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Raised when this machine cannot run a suite at all (no server, no server user). */
export class Unavailable extends Error {
  override readonly name = 'Unavailable';
}

/** The uid and gid of the user the servers run as when we are root (undefined otherwise); `missing` says why not. */
export function serverUser(name: string, missing: string): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', name]).toString());
    const gid = Number(execFileSync('id', ['-g', name]).toString());
    return { uid, gid };
  } catch {
    throw new Unavailable(missing);
  }
}

/** The reason `probe` gives (its Unavailable), or undefined when the suite can run. */
export function unavailableBecause(probe: () => void): string | undefined {
  try {
    probe();
    return undefined;
  } catch (error) {
    if (error instanceof Unavailable) return error.message;
    throw error;
  }
}

/** Whether a process is gone (or a zombie nobody has reaped yet: it serves nothing). */
function gone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Live processes whose arguments `ours` claims (callers match a fresh mktemp root: only this run's). */
export function processesWhere(ours: (args: readonly string[]) => boolean): number[] {
  if (!existsSync('/proc')) return [];
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(join('/proc', entry, 'cmdline'), 'utf8').split('\0');
      if (ours(args) && !gone(Number(entry))) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Sends `signal` to each pid, then waits (5 s at most) until none of them, nor any `left()` names, is alive. */
export function signalAndWait(pids: readonly number[], signal: NodeJS.Signals, left: () => number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
  for (let waited = 0; waited < 5000 && [...pids, ...left()].some((pid) => !gone(pid)); waited += 100)
    execFileSync('sleep', ['0.1']);
}
