/** Naming the branches of a run: by the command that made each one differ. */
import type { Command } from '../../engine/index.ts';
import { formatSeconds } from './markers.ts';
import { configureWords } from './settingWords.ts';

/** Branches kept at most (the one shown always among them): past it, the oldest other goes. */
export const BRANCHES_KEPT = 6;

const ORIGINAL = 'A';

/** The original run's label. */
export const ORIGINAL_BRANCH = { id: ORIGINAL, label: `${ORIGINAL}: the original run`, forkedAt: null };

/** "B", "C"... "Z", then "AA", "AB"...: the id of the `n`th branch (0 is the original, A). */
export function branchId(n: number): string {
  const letter = (i: number) => String.fromCharCode(65 + i);
  return n < 26 ? letter(n) : `${branchId(Math.floor(n / 26) - 1)}${letter(n % 26)}`;
}

const arg = (command: Pick<Command, 'args'>, i: number): string => {
  const value = command.args[i];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
};

/** What a command did, in a few words: "promoted db3", "wrote user1 on db1". */
export function describeCommand(command: Pick<Command, 'type' | 'args'>): string {
  switch (command.type) {
    case 'write':
      return `wrote ${arg(command, 1)} on ${arg(command, 0)}`;
    case 'read':
      return `read ${arg(command, 1)} on ${arg(command, 0)}`;
    case 'cancel':
      return `cancelled operation ${arg(command, 0)}`;
    case 'kill':
      return `killed ${arg(command, 0)}`;
    case 'restart':
      return `restarted ${arg(command, 0)}`;
    case 'promote':
      return `promoted ${arg(command, 0)}`;
    case 'takeBackup':
      return `backed up ${arg(command, 0)}`;
    case 'addNode': {
      const options = command.args[0];
      const id =
        typeof options === 'object' && options !== null && 'id' in options ? String(options.id) : 'a node';
      return `added ${id}`;
    }
    case 'removeNode':
      return `removed ${arg(command, 0)}`;
    case 'rewind':
      return `rewound ${arg(command, 0)}`;
    case 'repoint':
      return `repointed ${arg(command, 0)} to ${arg(command, 1)}`;
    case 'partition':
      return 'partitioned the network';
    case 'heal':
      return 'healed the network';
    case 'setLatency':
      return `set ${arg(command, 0)}–${arg(command, 1)} latency to ${arg(command, 2)} ms`;
    case 'slowDisk':
      return `slowed ${arg(command, 0)}’s disk`;
    case 'fixDisk':
      return `fixed ${arg(command, 0)}’s disk`;
    case 'configure':
      return `set ${configureWords(command.args[0])}`;
    case 'startWorkload':
      return 'changed the workload';
    case 'stopWorkload':
      return 'stopped the workload';
    case 'resolve':
      return `merged ${arg(command, 1)} on ${arg(command, 0)}`;
    case 'burst':
      return 'burst the workload';
    case 'partitionRegions':
      return 'cut between regions';
    case 'renameNode':
      return `renamed ${arg(command, 0)}`;
    case 'skipEvent':
      return `skipped an event on ${arg(command, 0)}`;
    case 'resync':
      return `resynced ${arg(command, 0)}`;
  }
}

/** "B: promoted db3 at 12.40 s". */
export function branchLabel(id: string, command: Pick<Command, 'type' | 'args'>, at: number): string {
  return `${id}: ${describeCommand(command)} at ${formatSeconds(at)}`;
}
