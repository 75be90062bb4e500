/**
 * The lesson editor's actions, pure: the kinds an author may pick for a step (the lesson format's actions
 * that have plain fields), the fields each kind has, an action of another kind keeping what it can, and
 * the step's actions changed (who does it follows). Settings changes, workloads and scenario loads are
 * kept as recorded: the editor shows them in words and may remove them.
 */
import { learnerProblem } from './steps.ts';
import type { Lesson, LessonAction, LessonStep } from './types.ts';

/** A kind of action the editor offers; `isolate` is a partition that cuts one node off (a node's Isolate). */
export type EditableKind =
  | 'write'
  | 'read'
  | 'kill'
  | 'restart'
  | 'promote'
  | 'takeBackup'
  | 'addReplica'
  | 'restoreBackup'
  | 'repoint'
  | 'isolate'
  | 'heal'
  | 'setLatency'
  | 'stopWorkload'
  | 'advance';

/** The kinds in the editor's list, in words ({replica} and {primary} follow the vocabulary). */
export const ACTION_KINDS: readonly { readonly kind: EditableKind; readonly label: string }[] = [
  { kind: 'write', label: 'Write a key' },
  { kind: 'read', label: 'Read a key' },
  { kind: 'kill', label: 'Kill a node' },
  { kind: 'restart', label: 'Restart a node' },
  { kind: 'promote', label: 'Promote a node to {primary}' },
  { kind: 'repoint', label: 'Re-point a {replica}' },
  { kind: 'isolate', label: 'Isolate a node' },
  { kind: 'heal', label: 'Heal the network' },
  { kind: 'setLatency', label: 'Set a link’s latency' },
  { kind: 'takeBackup', label: 'Take a backup' },
  { kind: 'restoreBackup', label: 'Provision from the latest backup' },
  { kind: 'addReplica', label: 'Add a {replica}' },
  { kind: 'stopWorkload', label: 'Stop the workload' },
  { kind: 'advance', label: 'Let time pass' },
];

/** A field of an action the editor shows. */
export type ActionField = 'node' | 'key' | 'value' | 'upstream' | 'a' | 'b' | 'ms';

/** The kind the editor shows `action` as, or null for one it keeps as recorded. */
export function kindOf(action: LessonAction): EditableKind | null {
  switch (action.do) {
    case 'partition':
      return isolatedNode(action.groups) === null ? null : 'isolate';
    case 'configure':
    case 'changeSettings':
    case 'startWorkload':
    case 'load':
      return null;
    default:
      return action.do;
  }
}

/** The node a partition cuts off alone from all the others, or null. */
function isolatedNode(groups: readonly (readonly string[])[]): string | null {
  if (groups.length !== 2) return null;
  return groups.find((g) => g.length === 1)?.[0] ?? null;
}

/** The fields of an action of `kind`, in the order shown. */
export function fieldsOf(kind: EditableKind): readonly ActionField[] {
  switch (kind) {
    case 'write':
      return ['node', 'key', 'value'];
    case 'read':
      return ['node', 'key'];
    case 'repoint':
      return ['node', 'upstream'];
    case 'setLatency':
      return ['a', 'b', 'ms'];
    case 'advance':
      return ['ms'];
    case 'restoreBackup':
    case 'heal':
    case 'stopWorkload':
      return [];
    default:
      return ['node'];
  }
}

/** The label a field has for an action of `kind`. */
export function fieldLabel(kind: EditableKind, field: ActionField): string {
  if (field === 'ms') return kind === 'advance' ? 'Duration (ms)' : 'Latency (ms)';
  if (field === 'upstream') return 'New upstream';
  if (field === 'a') return 'Between';
  if (field === 'b') return 'And';
  return field === 'node' ? 'Node' : field === 'key' ? 'Key' : 'Value';
}

/** A field's value in `action` (a string, or a number for `ms`; the isolated node for an isolate). */
export function fieldValue(action: LessonAction, field: ActionField): string | number {
  if (action.do === 'partition') return field === 'node' ? (isolatedNode(action.groups) ?? '') : '';
  const value = (action as unknown as Record<string, unknown>)[field];
  return typeof value === 'number' || typeof value === 'string' ? value : '';
}

/** The partition that cuts `node` off from the rest of `nodes`. */
const isolate = (node: string, nodes: readonly string[]): LessonAction => ({
  do: 'partition',
  groups: [[node], nodes.filter((n) => n !== node)],
});

/**
 * An action of `kind`, keeping the node, key and value of `from` where the kind has them; new ones get
 * the scenario's first node, an empty key and value (the checker asks for them), 1 s, or 100 ms of latency.
 */
export function actionOfKind(
  kind: EditableKind,
  from: LessonAction | undefined,
  nodes: readonly string[],
): LessonAction {
  const old = (field: ActionField, fallback: string) => {
    const value = from === undefined ? '' : fieldValue(from, field);
    return typeof value === 'string' && value !== '' ? value : fallback;
  };
  const first = nodes[0] ?? 'db1';
  const node = old('node', first);
  const other = nodes.find((n) => n !== node) ?? first;
  switch (kind) {
    case 'write':
      return { do: kind, node, key: old('key', ''), value: old('value', '') } as const;
    case 'read':
      return { do: kind, node, key: old('key', '') } as const;
    case 'repoint':
      return { do: kind, node, upstream: old('upstream', other) } as const;
    case 'isolate':
      return isolate(node, nodes);
    case 'setLatency':
      return { do: kind, a: old('a', node), b: old('b', other), ms: 100 } as const;
    case 'advance':
      return { do: kind, ms: 1000 } as const;
    case 'restoreBackup':
    case 'heal':
    case 'stopWorkload':
      return { do: kind } as const;
    default:
      return { do: kind, node } as const;
  }
}

/** `action` with `field` set to `value` (an isolate's node recomputes its two groups from `nodes`). */
export function withField(
  action: LessonAction,
  field: ActionField,
  value: string | number,
  nodes: readonly string[],
): LessonAction {
  if (action.do === 'partition') return field === 'node' ? isolate(String(value), nodes) : action;
  return { ...action, [field]: value };
}

/**
 * The lesson with step `index`'s actions replaced (none: the field goes). A step the learner was to do
 * goes to Next when its first action is no longer one a learner can do.
 */
export function withActions(lesson: Lesson, index: number, actions: readonly LessonAction[]): Lesson {
  return {
    ...lesson,
    steps: lesson.steps.map((step, i) => {
      if (i !== index) return step;
      const next: LessonStep = { ...step, actions };
      if (actions.length === 0) delete (next as { actions?: unknown }).actions;
      if (learnerProblem(next) !== null) delete (next as { doneBy?: unknown }).doneBy;
      return next;
    }),
  };
}

/** The lesson with a new step at its end: text for the author to write, nothing done. */
export function addStep(lesson: Lesson): Lesson {
  return { ...lesson, steps: [...lesson.steps, { text: '' }] };
}
