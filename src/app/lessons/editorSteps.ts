/**
 * The lesson editor's edits, pure: the conditions an author may pick for Next (from a list), and step
 * changes (text, who does it, condition, ring, remove, move) that return a new lesson.
 */
import type { Vocabulary } from '../../view/vocabulary.ts';
import { learnerCan } from './steps.ts';
import { LESSON_PANEL_NAMES } from './conditions.ts';
import type {
  Lesson,
  LessonCondition,
  LessonPanelName,
  LessonStep,
  LessonTarget,
  Prediction,
  StepDoer,
} from './types.ts';

/** A condition from the editor's list, by a key its `<select>` uses. */
export interface ConditionChoice {
  readonly key: string;
  readonly label: string;
  readonly condition: LessonCondition | null;
}

/** The editor's conditions for a lesson whose scenario has `nodes`: none, lost, read-only, and per node. */
export function conditionChoices(nodes: readonly string[], words: Vocabulary): ConditionChoice[] {
  return [
    { key: 'none', label: 'Nothing (go on at once)', condition: null },
    {
      key: 'lost',
      label: 'a write is lost during this step',
      condition: { metric: 'lostWrites', atLeast: 1, since: 'step' },
    },
    { key: 'read-only', label: 'the system is read-only', condition: { flag: 'readOnly', is: true } },
    ...nodes.map((node) => ({
      key: `primary:${node}`,
      label: `${node} is the ${words.primary}`,
      condition: { node, role: 'primary', status: 'up' } as const,
    })),
    ...nodes.map((node) => ({
      key: `down:${node}`,
      label: `${node} is down`,
      condition: { node, status: 'down' } as const,
    })),
  ];
}

/** The choice `condition` is, or null when it is one the list does not offer (a hand-written one). */
export function choiceOf(
  condition: LessonCondition | undefined,
  choices: readonly ConditionChoice[],
): ConditionChoice | null {
  const said = JSON.stringify(condition ?? null);
  return choices.find((c) => JSON.stringify(c.condition) === said) ?? null;
}

/** Who may do the step: the learner only when its first action is one they can do and it asks no prediction. */
export function doersFor(step: LessonStep): readonly StepDoer[] {
  const first = step.actions?.[0];
  return first !== undefined && learnerCan(first) && step.predict === undefined
    ? ['learner', 'next']
    : ['next'];
}

type StepPatch = {
  readonly [K in keyof LessonStep]?: LessonStep[K] | null;
};

/** The lesson with step `index` changed; a field patched to null is removed. */
export function patchStep(lesson: Lesson, index: number, patch: StepPatch): Lesson {
  return {
    ...lesson,
    steps: lesson.steps.map((step, i) => {
      if (i !== index) return step;
      const merged = Object.entries({ ...step, ...patch }).filter(([, value]) => value !== null);
      return Object.fromEntries(merged) as unknown as LessonStep;
    }),
  };
}

/** The lesson without step `index`. */
export function removeStep(lesson: Lesson, index: number): Lesson {
  return { ...lesson, steps: lesson.steps.filter((_, i) => i !== index) };
}

/** `items` with item `index` swapped with its neighbour (`by` -1: the one before, 1: after), or null at an end. */
export function swapped<T>(items: readonly T[], index: number, by: -1 | 1): T[] | null {
  const other = index + by;
  const copy = [...items];
  const a = copy[index];
  const b = copy[other];
  if (a === undefined || b === undefined) return null;
  copy[index] = b;
  copy[other] = a;
  return copy;
}

/** The lesson with step `index` swapped with its neighbour (`by` -1: up, 1: down). */
export function moveStep(lesson: Lesson, index: number, by: -1 | 1): Lesson {
  const steps = swapped(lesson.steps, index, by);
  return steps === null ? lesson : { ...lesson, steps };
}

/**
 * The `data-focus` a moved row's button gives back: the same button at the row's new place, or, when the
 * row reached an end where that button is disabled, the other one (`${prefix}up-…` or `${prefix}down-…`).
 */
export function movedFocus(prefix: string, to: number, count: number, by: -1 | 1, suffix: string): string {
  const button = by === -1 ? (to === 0 ? 'down' : 'up') : to === count - 1 ? 'up' : 'down';
  return `${prefix}${button}-${suffix}`;
}

/** A new prediction: the author writes its words (the checker asks for them until then). */
export const NEW_PREDICTION: Prediction = {
  question: '',
  choices: [{ text: '', right: true }, { text: '' }],
  explain: '',
};

/** A step's ring as its `<select>` says it: '' (none), `node:ID`, `panel:NAME`, or `control:NAME`. */
export function targetKey(target: LessonTarget | undefined): string {
  if (target === undefined) return '';
  if ('node' in target) return `node:${target.node}`;
  if ('panel' in target) return `panel:${target.panel}`;
  return `control:${target.control}`;
}

/** The ring a `<select>` value says (targetKey's inverse), or null for none. */
export function targetOf(key: string): LessonTarget | null {
  const at = key.indexOf(':');
  const [kind, name] = [key.slice(0, at), key.slice(at + 1)];
  if (at < 0 || name === '') return null;
  if (kind === 'node') return { node: name };
  if (kind === 'panel' && (LESSON_PANEL_NAMES as readonly string[]).includes(name))
    return { panel: name as LessonPanelName };
  return kind === 'control' ? { control: name } : null;
}
