/**
 * What a recorded command did, in a few words ("promoted db3"), for the names of a run's branches. It loads
 * with the words for settings (settingWords.ts): a branch is made only after the first frame.
 */
import type { Command } from '../../engine/index.ts';
import { configureText } from './settingText.ts';

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
      return `set ${configureText(command.args[0])}`;
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
