/** Carries out a lesson step's actions through the store's actions, and says them in words. */
import type { ConfigureOptions, WorkloadOptions } from '../../engine/index.ts';
import type { LabActions, LabState } from '../../store/index.ts';
import type { Vocabulary } from '../../view/vocabulary.ts';
import { resolveScenario } from './scenario.ts';
import type { LessonAction } from './types.ts';

/** Performs `action` on the lab; returns false when the lab refused it (its status says why). */
export function performAction(action: LessonAction, actions: LabActions, state: () => LabState): boolean {
  switch (action.do) {
    case 'write':
      actions.write(action.node, action.key, action.value);
      break;
    case 'read':
      actions.read(action.node, action.key);
      break;
    case 'kill':
    case 'restart':
    case 'promote':
    case 'takeBackup':
    case 'addReplica':
      actions[action.do](action.node);
      break;
    case 'restoreBackup': {
      const latest = state().backups.at(-1);
      if (latest === undefined) return false;
      actions.restoreBackup(latest.id);
      break;
    }
    case 'repoint':
      actions.repoint(action.node, action.upstream);
      break;
    case 'partition':
      actions.partition(action.groups);
      break;
    case 'heal':
      actions.heal();
      break;
    case 'setLatency':
      actions.setLinkLatency({ from: action.a, to: action.b }, action.ms);
      break;
    case 'startWorkload': {
      const options: Partial<WorkloadOptions> = Object.fromEntries(
        Object.entries(action).filter(([name]) => name !== 'do'),
      );
      actions.startWorkload(options);
      break;
    }
    case 'stopWorkload':
      actions.stopWorkload();
      break;
    case 'advance':
      actions.tick(action.ms);
      return true;
    case 'configure':
      actions.applySettings(action.settings);
      break;
    case 'changeSettings':
      actions.changeSettings(action.settings);
      break;
    case 'load': {
      const { scenario } = action;
      return actions.loadScenario(resolveScenario(scenario), {
        preset: scenario.preset,
        ...(scenario.workload === undefined ? {} : { workload: scenario.workload }),
      });
    }
  }
  return state().error === null;
}

const SETTING_WORDS: Readonly<Record<string, string>> = {
  mode: 'replication mode',
  syncCount: 'synchronous replicas',
  intervalMs: 'shipping interval',
  ackOn: 'acknowledge on',
  latencyMs: 'latency',
  jitterMs: 'jitter',
  heartbeatMs: 'heartbeat',
  timeoutMs: 'failover timeout',
  maxLagOnFailover: 'max lag on failover',
  fencing: 'fencing',
  conflictResolution: 'conflict resolution',
  failover: 'failover',
};

/** A setting's value in words: "150 ms", "on", "none". */
function settingValue(name: string, value: unknown): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') return name.endsWith('Ms') ? `${value} ms` : String(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Settings in words: "replication mode sync, latency 150 ms". */
export function settingsWords(settings: ConfigureOptions): string {
  const parts = Object.entries(settings).flatMap(([section, value]: [string, unknown]) =>
    (typeof value === 'object' && value !== null ? Object.entries(value) : [[section, value] as const]).map(
      ([name, v]: readonly [string, unknown]) => {
        const label = section === 'failover' && name === 'mode' ? 'failover' : name;
        return `${SETTING_WORDS[label] ?? label} ${settingValue(name, v)}`;
      },
    ),
  );
  return parts.length === 0 ? 'no settings' : parts.join(', ');
}

const seconds = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** The action in words ("kill db1"), for the line that says what Next will do. */
export function describeAction(action: LessonAction, words: Vocabulary): string {
  switch (action.do) {
    case 'write':
      return `write ${action.key} = ${action.value} on ${action.node}`;
    case 'read':
      return `read ${action.key} on ${action.node}`;
    case 'kill':
      return `kill ${action.node}`;
    case 'restart':
      return `restart ${action.node}`;
    case 'promote':
      return `promote ${action.node} to ${words.primary}`;
    case 'takeBackup':
      return `take a backup of ${action.node}`;
    case 'addReplica':
      return `add a ${words.replica} of ${action.node}`;
    case 'restoreBackup':
      return `provision a new ${words.replica} from the latest backup`;
    case 'repoint':
      return `re-point ${action.node} to ${action.upstream}`;
    case 'partition':
      return `cut the network into ${action.groups.map((g) => g.join(', ')).join(' | ')}`;
    case 'heal':
      return 'heal the network';
    case 'setLatency':
      return `set ${action.a} ↔ ${action.b} to ${action.ms} ms`;
    case 'startWorkload':
      return `start a workload (${action.writesPerSec ?? 5} writes/s, ${action.readsPerSec ?? 5} reads/s)`;
    case 'stopWorkload':
      return 'stop the workload';
    case 'advance':
      return `let ${seconds(action.ms)} pass`;
    case 'configure':
      return 'change the settings and start over';
    case 'changeSettings':
      return `set ${settingsWords(action.settings)}`;
    case 'load':
      return 'start a variant of this scenario';
  }
}
