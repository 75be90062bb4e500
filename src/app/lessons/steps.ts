/**
 * Steps the learner does: which actions a learner can do in the lab, who does a step (stepDoer), and
 * whether the lab's recorded commands show each done (howTo.ts says how to do them). Pure: it reads the
 * commands and settings it is given.
 */
import type { Command, ConfigureOptions } from '../../engine/index.ts';
import type { LabSettings } from '../../store/index.ts';
import type { LessonAction, LessonStep, StepDoer } from './types.ts';

/** Actions a learner can always do in the lab: a node's menu item, the Backups panel, Heal, Settings. */
const ALWAYS: ReadonlySet<LessonAction['do']> = new Set([
  'write',
  'read',
  'kill',
  'restart',
  'promote',
  'takeBackup',
  'addReplica',
  'restoreBackup',
  'repoint',
  'heal',
  // The Settings panel's fields, changed in the run.
  'changeSettings',
] as const);

/**
 * The actions a learner can do in the lab, each with a control that does exactly it. Not letting time
 * pass, starting a scenario, a workload of exact rates, or a latency the menus do not offer.
 */
export function learnerCan(action: LessonAction): boolean {
  if (ALWAYS.has(action.do)) return true;
  // A node's Isolate cuts it off from every other node: two groups, one of them a single node.
  if (action.do === 'partition') return isolated(action.groups) !== null;
  // The Settings panel's Replication mode, alone.
  return action.do === 'configure' && modeOnly(action.settings) !== null;
}

/** The node a two-group partition cuts off alone, or null. */
export function isolated(groups: readonly (readonly string[])[]): string | null {
  if (groups.length !== 2) return null;
  const alone = groups.find((g) => g.length === 1);
  return alone?.[0] ?? null;
}

type ConfigureSettings = Extract<LessonAction, { do: 'configure' }>['settings'];

/** The replication mode a `configure` sets when that is all it sets, or null. */
export function modeOnly(settings: ConfigureSettings): string | null {
  const { replication, network, workload } = settings;
  if (network !== undefined || workload !== undefined || replication === undefined) return null;
  const keys = Object.keys(replication);
  return keys.length === 1 && typeof replication.mode === 'string' ? replication.mode : null;
}

/**
 * Who does the step's actions: `doneBy` when the lesson says, else the learner when the first action is
 * one a learner can do and the step asks no prediction, else Next.
 */
export function stepDoer(step: LessonStep): StepDoer {
  if (step.doneBy !== undefined) return step.doneBy;
  const first = step.actions?.[0];
  return step.predict === undefined && first !== undefined && learnerCan(first) ? 'learner' : 'next';
}

/** Why `doneBy: 'learner'` cannot hold for a step, or null when it can (lessonSchema.ts says it by path). */
export function learnerProblem(step: LessonStep): string | null {
  if (step.doneBy !== 'learner') return null;
  if (step.predict !== undefined) return 'a step with a prediction is played by the lab, not the learner';
  const first = step.actions?.[0];
  if (first === undefined) return 'has no actions for the learner to do';
  return learnerCan(first)
    ? null
    : `its first action (${first.do}) is not one a learner can do in the lab; put the learner's first`;
}

const sameGroups = (a: readonly (readonly string[])[], b: unknown): boolean => {
  if (!Array.isArray(b) || a.length !== b.length) return false;
  const key = (g: readonly unknown[]) => [...g].map(String).sort().join(',');
  const theirs = new Set((b as unknown[][]).map((g) => (Array.isArray(g) ? key(g) : '')));
  return a.every((g) => theirs.has(key(g)));
};

/** Whether `command` (one the lab recorded) is `action` done. Settings are seen in the settings instead. */
export function commandDoes(action: LessonAction, command: Pick<Command, 'type' | 'args'>): boolean {
  const [first, second, third] = command.args;
  const addNode = command.type === 'addNode' ? (first as { upstream?: unknown; fromBackup?: unknown }) : null;
  switch (action.do) {
    case 'write':
      return (
        command.type === 'write' && first === action.node && second === action.key && third === action.value
      );
    case 'read':
      return command.type === 'read' && first === action.node && second === action.key;
    case 'kill':
    case 'restart':
    case 'promote':
    case 'takeBackup':
      return command.type === action.do && first === action.node;
    case 'addReplica':
      return addNode !== null && addNode.upstream === action.node && addNode.fromBackup === undefined;
    case 'restoreBackup':
      return addNode !== null && addNode.fromBackup !== undefined;
    case 'repoint':
      return command.type === 'repoint' && first === action.node && second === action.upstream;
    case 'partition':
      return command.type === 'partition' && sameGroups(action.groups, first);
    case 'heal':
      return command.type === 'heal';
    default:
      return false;
  }
}

/** Whether the lab's settings hold every value `asked` sets (`null` for no limit: the setting absent). */
export function settingsHold(asked: ConfigureOptions, settings: LabSettings): boolean {
  const lab = settings as unknown as Readonly<Record<string, unknown>>;
  return Object.entries(asked).every(([section, value]: [string, unknown]) => {
    if (typeof value !== 'object' || value === null) return lab[section] === value;
    const current = (lab[section] ?? {}) as Readonly<Record<string, unknown>>;
    return Object.entries(value).every(([name, v]: [string, unknown]) => (current[name] ?? null) === v);
  });
}

/** Whether the lab's settings are what a `configure` or `changeSettings` the learner can do asks for. */
export function settingsDo(action: LessonAction, settings: LabSettings): boolean {
  if (action.do === 'changeSettings') return settingsHold(action.settings, settings);
  if (action.do !== 'configure') return false;
  const mode = modeOnly(action.settings);
  return mode !== null && settings.replication.mode === mode;
}

/** What the learner has done of a step: how many of its actions, and from which command the lab looks on. */
export interface Acted {
  /** The step (0-based). */
  readonly step: number;
  /** Actions done, in order (the learner's, and the lab's own after them). */
  readonly done: number;
  /** The first of the lab's recorded commands not yet looked at. */
  readonly from: number;
}

/**
 * One pass over the step's actions from `acted`: each learner action found among the commands from `from`
 * on (in order) or in the settings counts as done; an action of the lab's own (letting time pass) is
 * returned to run, since it follows the learner's. Stops at the first learner action not yet done.
 */
export function progress(
  step: LessonStep,
  acted: Acted,
  commands: readonly Pick<Command, 'type' | 'args'>[],
  settings: LabSettings,
): { readonly acted: Acted; readonly run: LessonAction | null } {
  const actions = step.actions ?? [];
  let { done, from } = acted;
  // A reset or a new scenario starts the command log over.
  if (from > commands.length) from = 0;
  while (done < actions.length) {
    const action = actions[done] as LessonAction;
    if (!learnerCan(action)) return { acted: { ...acted, done, from }, run: action };
    if (action.do === 'configure' || action.do === 'changeSettings') {
      if (!settingsDo(action, settings)) break;
      done += 1;
      continue;
    }
    const at = commands.findIndex((c, i) => i >= from && commandDoes(action, c));
    if (at < 0) break;
    done += 1;
    from = at + 1;
  }
  return { acted: { ...acted, done, from }, run: null };
}
