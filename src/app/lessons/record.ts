/**
 * Recording a lesson: the lab's recorded commands (a run's command log) turned into lesson steps, each
 * with generated text the author edits, and time passing between them as `advance` steps of the exact
 * ms, so playing the lesson gives the recorded run again. Pure: it reads the commands it is given.
 */
import {
  parseScenario,
  presetScenario,
  type ConfigureOptions,
  type ScenarioInput,
  type WorkloadOptions,
} from '../../engine/index.ts';
import type { PresetName, RunCommand } from '../../store/index.ts';
import type { Vocabulary } from '../../view/vocabulary.ts';
import { describeAction } from './actions.ts';
import type { Lesson, LessonAction, LessonScenario, LessonStep } from './types.ts';

/** Role words as the lessons' placeholders, so generated text follows the reader's vocabulary. */
const PLACEHOLDERS: Vocabulary = {
  primary: '{primary}',
  replica: '{replica}',
  primaries: '{primaries}',
  replicas: '{replicas}',
};

/** A command the lesson format has no action for, by name, with why. */
export interface Unrecorded {
  readonly type: string;
  readonly at: number;
  readonly why: string;
}

type Mapped = { readonly action: LessonAction } | { readonly why: string };

const NO_ACTION = 'lessons have no action for it';

/** The lesson action a recorded command is, or why it has none. */
export function commandAction(command: Pick<RunCommand, 'type' | 'args'>): Mapped {
  const [first, second, third, fourth] = command.args;
  const text = (value: unknown) => (typeof value === 'string' ? value : String(value));
  switch (command.type) {
    case 'write':
      if (fourth !== undefined)
        return { why: 'its client options (session, commit level, region) have no lesson action' };
      return { action: { do: 'write', node: text(first), key: text(second), value: text(third) } };
    case 'read':
      if (third !== undefined)
        return { why: 'its client options (session, commit level, region) have no lesson action' };
      return { action: { do: 'read', node: text(first), key: text(second) } };
    case 'kill':
    case 'restart':
    case 'promote':
    case 'takeBackup':
      return { action: { do: command.type, node: text(first) } };
    case 'addNode': {
      const options = (first ?? {}) as {
        role?: unknown;
        upstream?: unknown;
        fromBackup?: unknown;
        region?: unknown;
      };
      if (options.role === 'primary') return { why: 'a new primary (from a backup) has no lesson action' };
      if (options.region !== undefined) return { why: 'a replica in another region has no lesson action' };
      if (options.fromBackup !== undefined) return { action: { do: 'restoreBackup' } };
      return { action: { do: 'addReplica', node: text(options.upstream) } };
    }
    case 'repoint':
      return { action: { do: 'repoint', node: text(first), upstream: text(second) } };
    case 'partition':
      return { action: { do: 'partition', groups: first as readonly (readonly string[])[] } };
    case 'heal':
      return { action: { do: 'heal' } };
    case 'setLatency':
      return { action: { do: 'setLatency', a: text(first), b: text(second), ms: Number(third) } };
    case 'configure':
      return { action: { do: 'changeSettings', settings: first as ConfigureOptions } };
    case 'startWorkload':
      return { action: { do: 'startWorkload', ...defined((first ?? {}) as Partial<WorkloadOptions>) } };
    case 'stopWorkload':
      return { action: { do: 'stopWorkload' } };
    default:
      return { why: NO_ACTION };
  }
}

/** The fields of `value` that are set (JSON would drop the others, and the lesson schema refuses undefined). */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** "1.20 s" (or "250 ms" under a second), for a step's text. */
export function durationText(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms * 100) / 100} ms`;
}

/** A step's generated text: "Kill db1.", "Promote db2 to {primary}.", "Let 1.20 s pass." */
export function stepText(action: LessonAction): string {
  const said =
    action.do === 'advance' ? `let ${durationText(action.ms)} pass` : describeAction(action, PLACEHOLDERS);
  return `${said.charAt(0).toUpperCase()}${said.slice(1)}.`;
}

/** The node a step about `action` points at, when it names one. */
function targetOf(action: LessonAction): LessonStep['target'] {
  return 'node' in action ? { node: action.node } : undefined;
}

/** One step for one action, with its text and (for a node's action) the node to ring. */
export function recordedStep(action: LessonAction): LessonStep {
  const target = targetOf(action);
  return { text: stepText(action), ...(target === undefined ? {} : { target }), actions: [action] };
}

/** What a recording made of a stretch of a run: its steps, and the commands no step could hold. */
export interface Recorded {
  readonly steps: readonly LessonStep[];
  readonly unrecorded: readonly Unrecorded[];
}

/**
 * The steps for the commands of a run from `from` ms to `to` ms: each command a step, the time between
 * them `advance` steps. Time before a command that has no action still passes, so the rest stay exact.
 */
export function recordSteps(commands: readonly RunCommand[], from: number, to: number): Recorded {
  const steps: LessonStep[] = [];
  const unrecorded: Unrecorded[] = [];
  let time = from;
  const pass = (until: number) => {
    if (until > time) steps.push(recordedStep({ do: 'advance', ms: until - time }));
    time = Math.max(time, until);
  };
  for (const command of commands) {
    const mapped = commandAction(command);
    if ('why' in mapped) {
      unrecorded.push({ type: command.type, at: command.at, why: mapped.why });
      continue;
    }
    pass(command.at);
    steps.push(recordedStep(mapped.action));
  }
  pass(to);
  return { steps, unrecorded };
}

/**
 * The top-level scenario fields of `scenario` that differ from `preset`'s, compared as the engine reads
 * them (defaults filled in), so a field the lab only spelled out is no override.
 */
export function scenarioOverrides(preset: PresetName, scenario: ScenarioInput): LessonScenario['overrides'] {
  const read = (s: ScenarioInput) => parseScenario(s) as unknown as Readonly<Record<string, unknown>>;
  const base = read(presetScenario(preset));
  const ours = read(scenario);
  const entries = Object.entries(scenario).filter(
    ([name]) => name !== 'version' && JSON.stringify(ours[name]) !== JSON.stringify(base[name]),
  );
  return Object.fromEntries(entries);
}

/** The lesson's scenario: the preset, what the run's scenario changes of it, and the workload it started. */
export function lessonScenario(
  preset: PresetName,
  scenario: ScenarioInput,
  workload: Partial<WorkloadOptions> | null,
): LessonScenario {
  const overrides = scenarioOverrides(preset, scenario) ?? {};
  return {
    preset,
    ...(Object.keys(overrides).length === 0 ? {} : { overrides }),
    ...(workload === null ? {} : { workload: defined(workload) }),
  };
}

/** "my-first-lesson" from a title: the id its links and file name use. */
export function lessonIdFor(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'my-lesson' : slug;
}

/** A recorded lesson with a title and summary the author replaces. */
export function recordedLesson(scenario: LessonScenario, steps: readonly LessonStep[]): Lesson {
  const title = 'My recorded lesson';
  return {
    id: lessonIdFor(title),
    title,
    summary: `Recorded in the lab: ${steps.length} ${steps.length === 1 ? 'step' : 'steps'}.`,
    scenario,
    steps,
  };
}
