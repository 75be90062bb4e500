/**
 * A step's actions in the lesson editor: each one's kind (from the lesson format's actions with plain
 * fields) and its node, key, value or duration, a problem the checker names under the field it is about,
 * Remove, and Add an action. Actions the editor has no fields for (settings, workloads) show in words.
 */
import { useId } from 'react';
import { useWords, type Vocabulary } from '../../view/vocabulary.ts';
import { describeAction } from './actions.ts';
import {
  ACTION_KINDS,
  actionOfKind,
  fieldLabel,
  fieldValue,
  fieldsOf,
  kindOf,
  withField,
  type ActionField,
  type EditableKind,
} from './editorActions.ts';
import { movedFocus, swapped } from './editorSteps.ts';
import { LESSON_LIMITS } from './lessonSchema.ts';
import type { LessonAction } from './types.ts';

const kindLabel = (label: string, words: Vocabulary) =>
  label.replace('{primary}', words.primary).replace('{replica}', words.replica);

/** The checker's problems about path `prefix` and below, each without its path (and the field it names). */
function problemsAt(problems: readonly string[], prefix: string): { field: string; text: string }[] {
  return problems.flatMap((problem) => {
    if (!problem.startsWith(prefix)) return [];
    const rest = problem.slice(prefix.length);
    const colon = rest.indexOf(': ');
    if (colon < 0 || !(rest.startsWith('.') || rest.startsWith(':'))) return [];
    return [{ field: rest.slice(0, colon).replace(/^\./, ''), text: rest.slice(colon + 2) }];
  });
}

function ActionRow({
  action,
  index,
  n,
  nodes,
  problems,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  readonly action: LessonAction;
  readonly index: number;
  /** How many actions the step has. */
  readonly count: number;
  /** The step's number. */
  readonly n: number;
  readonly nodes: readonly string[];
  /** The checker's problems under this action's path. */
  readonly problems: readonly { field: string; text: string }[];
  readonly onChange: (action: LessonAction) => void;
  /** Swaps it with the action before (-1) or after (1). */
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
}) {
  const words = useWords();
  const id = useId();
  const kind = kindOf(action);
  const which = (
    <span className="visually-hidden">
      {' '}
      action {index + 1} of step {n}
    </span>
  );
  const where = (
    <span className="visually-hidden">
      {' '}
      of action {index + 1}, step {n}
    </span>
  );
  const fieldProblem = (field: ActionField) =>
    problems.find((p) => p.field === field || (field === 'node' && p.field.startsWith('groups')));
  const general = problems.filter((p) => kind === null || !fieldsOf(kind).some((f) => fieldProblem(f) === p));
  const input = (k: EditableKind, field: ActionField) => {
    const value = fieldValue(action, field);
    const problem = fieldProblem(field);
    const fieldId = `${id}-${field}`;
    const described = problem === undefined ? undefined : `${fieldId}-problem`;
    const common = {
      id: fieldId,
      'aria-invalid': problem === undefined ? undefined : true,
      'aria-describedby': described,
    } as const;
    let control;
    if (field === 'ms') {
      control = (
        <input
          {...common}
          type="number"
          inputMode="numeric"
          min={k === 'advance' ? 1 : 0}
          max={k === 'advance' ? LESSON_LIMITS.advanceMs : 60_000}
          step={k === 'advance' ? 100 : 10}
          value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
          onChange={(event) => {
            const text = event.target.value.trim();
            onChange(withField(action, field, text === '' ? Number.NaN : Number(text), nodes));
          }}
        />
      );
    } else if (field === 'key' || field === 'value') {
      control = (
        <input
          {...common}
          value={value}
          spellCheck={false}
          onChange={(event) => {
            onChange(withField(action, field, event.target.value, nodes));
          }}
        />
      );
    } else {
      const options = nodes.includes(String(value)) || value === '' ? nodes : [...nodes, String(value)];
      control = (
        <select
          {...common}
          value={value}
          onChange={(event) => {
            onChange(withField(action, field, event.target.value, nodes));
          }}
        >
          {options.map((node) => (
            <option key={node} value={node}>
              {node}
            </option>
          ))}
        </select>
      );
    }
    return (
      <div key={field} className={`editor-field editor-field--${field}`}>
        <label htmlFor={fieldId}>
          {fieldLabel(k, field)}
          {where}
        </label>
        {control}
        {problem !== undefined && (
          <p id={described} className="editor-field-problem">
            <span aria-hidden="true">⚠ </span>
            {fieldLabel(k, field)}: {problem.text}
          </p>
        )}
      </div>
    );
  };
  return (
    <li className="editor-action" data-action-index={index}>
      <div className="editor-action-fields">
        <div className="editor-field editor-field--kind">
          <label htmlFor={`${id}-kind`}>
            Action {index + 1}
            <span className="visually-hidden"> of step {n}</span>
          </label>
          <select
            id={`${id}-kind`}
            data-focus={`action-${n}-${index}`}
            value={kind ?? 'kept'}
            onChange={(event) => {
              const picked = ACTION_KINDS.find((k) => k.kind === event.target.value);
              if (picked !== undefined) onChange(actionOfKind(picked.kind, action, nodes));
            }}
          >
            {kind === null && <option value="kept">As recorded: {describeAction(action, words)}</option>}
            {ACTION_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {kindLabel(k.label, words)}
              </option>
            ))}
          </select>
        </div>
        {kind !== null && fieldsOf(kind).map((field) => input(kind, field))}
      </div>
      <div className="editor-action-buttons">
        {count > 1 && (
          <>
            <button
              type="button"

              data-focus={`action-up-${n}-${index}`}
              disabled={index === 0}
              onClick={() => {
                onMove(-1);
              }}
            >
              Move up{which}
            </button>
            <button
              type="button"

              data-focus={`action-down-${n}-${index}`}
              disabled={index === count - 1}
              onClick={() => {
                onMove(1);
              }}
            >
              Move down{which}
            </button>
          </>
        )}
        <button type="button" onClick={onRemove}>
          Remove{which}
        </button>
      </div>
      {general.map((p) => (
        <p key={p.field + p.text} className="editor-field-problem">
          <span aria-hidden="true">⚠ </span>
          {p.field === '' ? 'This action' : p.field}: {p.text}
        </p>
      ))}
    </li>
  );
}

export function ActionsEditor({
  actions,
  n,
  nodes,
  problems,
  onChange,
}: {
  readonly actions: readonly LessonAction[];
  /** The step's number (1-based). */
  readonly n: number;
  readonly nodes: readonly string[];
  /** All the checker's problems (those under this step's actions show by their action). */
  readonly problems: readonly string[];
  readonly onChange: (actions: readonly LessonAction[], focus?: string) => void;
}) {
  const path = `steps[${n - 1}].actions`;
  return (
    <div className="editor-actions-list">
      <p className="editor-key">What the step does{actions.length === 0 ? ': nothing' : ''}</p>
      {actions.length > 0 && (
        <ol>
          {actions.map((action, i) => (
            <ActionRow
              key={i}
              action={action}
              index={i}
              n={n}
              nodes={nodes}
              count={actions.length}
              problems={problemsAt(problems, `${path}[${i}]`)}
              onChange={(next) => {
                onChange(actions.map((a, j) => (j === i ? next : a)));
              }}
              onMove={(by) => {
                const moved = swapped(actions, i, by);
                if (moved !== null)
                  onChange(moved, movedFocus('action-', i + by, actions.length, by, `${n}-${i + by}`));
              }}
              onRemove={() => {
                const left = actions.filter((_, j) => j !== i);
                onChange(
                  left,
                  left.length === 0 ? `add-action-${n}` : `action-${n}-${Math.min(i, left.length - 1)}`,
                );
              }}
            />
          ))}
        </ol>
      )}
      <button
        type="button"
        data-focus={`add-action-${n}`}
        disabled={actions.length >= LESSON_LIMITS.actionsPerStep}
        onClick={() => {
          onChange(
            [...actions, actionOfKind('write', actions.at(-1), nodes)],
            `action-${n}-${actions.length}`,
          );
        }}
      >
        Add an action<span className="visually-hidden"> to step {n}</span>
      </button>
    </div>
  );
}
