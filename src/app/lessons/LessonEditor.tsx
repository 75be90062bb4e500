/**
 * The lesson editor: a recorded lesson's title, summary and steps (text, what it does, who does it, what
 * Next waits for, which node to ring, a prediction to ask first; remove, move), the lesson checker's problems by path, and Preview,
 * Export lesson, Copy link and Close. Text is plain (markup shows as text); every control is labelled.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLabStore, useLabStoreApi } from '../../store/index.ts';
import { useWords } from '../../view/vocabulary.ts';
import { downloadLesson } from './downloadLesson.ts';
import { CopyButton } from '../share/CopyButton.tsx';
import { viewQuery } from '../share/viewOptions.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import { withActions, addStep } from './editorActions.ts';
import { describeCondition } from './conditions.ts';
import {
  choiceOf,
  conditionChoices,
  doersFor,
  movedFocus,
  moveStep,
  patchStep,
  removeStep,
  targetKey,
  targetOf,
} from './editorSteps.ts';
import { LESSON_LIMITS } from './lessonSchema.ts';
import { lessonFileData, lessonFileName } from './lessonFormat.ts';
import { lessonLinkProblems, lessonUrl } from './lessonLink.ts';
import { lessonMoves } from './lessonState.ts';
import { LESSONS_BUTTON_ID, lessonStoreFor } from './lessonStore.ts';
import { PredictionEditor } from './PredictionEditor.tsx';
import { CloseEditorDialog } from './CloseEditorDialog.tsx';
import { lessonIdFor } from './record.ts';
import { resolveScenario } from './scenario.ts';
import { stepDoer } from './steps.ts';
import { LESSON_PANELS, LESSON_PANEL_NAMES } from './targets.ts';
import type { Lesson, LessonStep } from './types.ts';

type Check =
  { readonly state: 'checking' } | { readonly state: 'done'; readonly problems: readonly string[] };

/**
 * The checker's verdict on `lesson`, after the author pauses typing, and the last verdict's problems
 * (shown by their fields meanwhile, so they do not flicker).
 */
function useChecked(lesson: Lesson): Check & { readonly last: readonly string[] } {
  const [verdict, setVerdict] = useState<{ lesson: Lesson; problems: readonly string[] } | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void import('./lessonCheck.ts')
        .then(({ checkLesson }) => checkLesson(JSON.parse(JSON.stringify(lessonFileData(lesson)))))
        .then((checked) => {
          if (current) setVerdict({ lesson, problems: checked.ok ? [] : checked.problems });
        });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [lesson]);
  const last = verdict?.problems ?? [];
  return verdict?.lesson === lesson
    ? { state: 'done', problems: verdict.problems, last }
    : { state: 'checking', last };
}

function StepEditor({
  lesson,
  index,
  nodes,
  problems,
  onChange,
  onPreview,
}: {
  readonly lesson: Lesson;
  readonly index: number;
  readonly nodes: readonly string[];
  /** The checker's problems (those about this step's actions show by them). */
  readonly problems: readonly string[];
  /** The lesson changed; `focus`: the `data-focus` of the control to focus once it shows. */
  readonly onChange: (lesson: Lesson, focus?: string) => void;
  /** Plays the lesson in the lab from a step (0-based), or null while it does not pass its check. */
  readonly onPreview: ((index: number) => void) | null;
}) {
  const words = useWords();
  const id = useId();
  const step = lesson.steps[index] as LessonStep;
  const n = index + 1;
  const choices = conditionChoices(nodes, words);
  const picked = choiceOf(step.condition, choices);
  const doer = stepDoer(step);
  const patch = (p: Parameters<typeof patchStep>[2]) => {
    onChange(patchStep(lesson, index, p));
  };
  const hidden = <span className="visually-hidden"> step {n}</span>;
  const ring = targetKey(step.target);
  const last = index === lesson.steps.length - 1;
  return (
    <li className="editor-step">
      <fieldset>
        <legend>Step {n}</legend>
        <label htmlFor={`${id}-text`}>
          Text<span className="visually-hidden"> of step {n}</span>
        </label>
        <textarea
          id={`${id}-text`}
          data-focus={`text-${n}`}
          rows={2}
          maxLength={LESSON_LIMITS.text}
          value={step.text}
          onChange={(event) => {
            patch({ text: event.target.value });
          }}
        />
        <ActionsEditor
          actions={step.actions ?? []}
          n={n}
          nodes={nodes}
          problems={problems}
          onChange={(actions, focus) => {
            onChange(withActions(lesson, index, actions), focus);
          }}
        />
        <div className="editor-row">
          <label>
            Who does it<span className="visually-hidden"> in step {n}</span>
            <select
              value={doer}
              onChange={(event) => {
                patch({ doneBy: event.target.value === 'learner' ? 'learner' : 'next' });
              }}
            >
              {doersFor(step).map((who) => (
                <option key={who} value={who}>
                  {who === 'learner' ? 'The learner, in the lab' : 'Next'}
                </option>
              ))}
            </select>
          </label>
          <label>
            Next waits until<span className="visually-hidden"> in step {n}</span>
            <select
              value={picked?.key ?? 'own'}
              onChange={(event) => {
                const choice = choices.find((c) => c.key === event.target.value);
                if (choice !== undefined) patch({ condition: choice.condition });
              }}
            >
              {picked === null && step.condition !== undefined && (
                <option value="own">{describeCondition(step.condition, words)}</option>
              )}
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Ring<span className="visually-hidden"> in step {n}</span>
            <select
              value={ring}
              onChange={(event) => {
                patch({ target: targetOf(event.target.value) });
              }}
            >
              <option value="">Nothing</option>
              {ring.startsWith('control:') && <option value={ring}>the control “{ring.slice(8)}”</option>}
              {ring.startsWith('node:') && !nodes.includes(ring.slice(5)) && (
                <option value={ring}>{ring.slice(5)}</option>
              )}
              <optgroup label="Nodes">
                {nodes.map((node) => (
                  <option key={node} value={`node:${node}`}>
                    {node}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Panels">
                {LESSON_PANEL_NAMES.map((panel) => (
                  <option key={panel} value={`panel:${panel}`}>
                    {LESSON_PANELS[panel].label}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
        </div>
        <PredictionEditor
          step={step}
          n={n}
          onChange={(predict) => {
            // A prediction's step is played by the lab: Next does it.
            patch(predict === null ? { predict: null } : { predict, doneBy: null });
          }}
        />
        <div className="editor-row editor-step-buttons">
          <button
            type="button"
            data-focus={`up-${n}`}
            disabled={index === 0}
            onClick={() => {
              onChange(
                moveStep(lesson, index, -1),
                movedFocus('', index - 1, lesson.steps.length, -1, `${n - 1}`),
              );
            }}
          >
            Move up{hidden}
          </button>
          <button
            type="button"
            data-focus={`down-${n}`}
            disabled={last}
            onClick={() => {
              onChange(
                moveStep(lesson, index, 1),
                movedFocus('', index + 1, lesson.steps.length, 1, `${n + 1}`),
              );
            }}
          >
            Move down{hidden}
          </button>
          <button
            type="button"
            disabled={lesson.steps.length <= 1}
            title={lesson.steps.length <= 1 ? 'A lesson needs at least one step' : undefined}
            onClick={() => {
              onChange(
                removeStep(lesson, index),
                last ? (n > 1 ? `text-${n - 1}` : 'add-step') : `text-${n}`,
              );
            }}
          >
            Remove{hidden}
          </button>
          {index > 0 && (
            <button
              type="button"
              disabled={onPreview === null}
              title={
                onPreview === null
                  ? 'The lesson must pass its check first'
                  : `Play the steps before it in the lab, then show step ${n}`
              }
              onClick={() => onPreview?.(index)}
            >
              Preview from step {n}
            </button>
          )}
        </div>
      </fieldset>
    </li>
  );
}

export function LessonEditor({
  lesson,
  notes,
  kept,
}: {
  readonly lesson: Lesson;
  readonly notes: readonly string[];
  /** The lesson as last exported or linked (null: never): closing with other changes asks first. */
  readonly kept: Lesson | null;
}) {
  const lab = useLabStoreApi();
  const store = lessonStoreFor(lab);
  const theme = useLabStore((s) => s.theme);
  const vocabulary = useLabStore((s) => s.vocabulary);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const check = useChecked(lesson);
  const nodes = useMemo(() => {
    try {
      return resolveScenario(lesson.scenario).nodes.map((node) => node.id);
    } catch {
      return [];
    }
  }, [lesson.scenario]);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  // A control asked for by the last change (a new step's text, a moved step's button) takes focus once shown.
  useEffect(() => {
    const wanted = pendingFocus.current;
    if (wanted === null) return;
    pendingFocus.current = null;
    section.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(wanted)}"]`)?.focus();
  });

  const editing = () => {
    const { authoring } = store.getState();
    return authoring?.kind === 'editing' ? authoring : null;
  };
  const change = (next: Lesson, focusOn?: string) => {
    const authoring = editing();
    if (authoring !== null) store.setState({ authoring: { ...authoring, lesson: next } });
    if (focusOn !== undefined) pendingFocus.current = focusOn;
  };
  /** The lesson as it is now is kept (exported or linked): closing loses nothing. */
  const keep = () => {
    const authoring = editing();
    if (authoring !== null) store.setState({ authoring: { ...authoring, kept: authoring.lesson } });
  };
  const close = () => {
    setConfirming(false);
    store.setState({ authoring: null });
    document.getElementById(LESSONS_BUTTON_ID)?.focus();
  };
  const problems = check.state === 'done' ? [...check.problems, ...lessonLinkProblems(lesson)] : [];
  const ready = check.state === 'done' && check.problems.length === 0;
  const link = lessonUrl(window.location.origin, '/', viewQuery({ theme, terms: vocabulary }), lesson, {
    index: 0,
    custom: true,
  });
  const notReady = check.state === 'checking' ? 'Checking the lesson…' : 'Fix the problems above first.';
  /** Plays the lesson in the lab from step `index` (the steps before it replayed), the draft kept. */
  const preview = (index: number) => {
    const authoring = editing();
    if (authoring === null) return;
    store.setState({ authoring: { ...authoring, previewing: true } });
    lessonMoves(lab, store).start(lesson, index, true);
  };
  const exportLesson = () => {
    downloadLesson(lesson);
    keep();
  };

  return (
    <section className="lesson-editor" aria-labelledby={`${id}-h`} role="region" ref={section}>
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        Lesson editor
      </h2>
      <p className="hint">
        Edit what each step says and does; text is plain (*emphasis* and `code` only). Steps the learner does
        ask them to act in the lab; Next steps are done by the Next button.
      </p>
      <label htmlFor={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        maxLength={LESSON_LIMITS.title}
        value={lesson.title}
        onChange={(event) => {
          change({ ...lesson, title: event.target.value, id: lessonIdFor(event.target.value) });
        }}
      />
      <label htmlFor={`${id}-summary`}>Summary</label>
      <input
        id={`${id}-summary`}
        maxLength={LESSON_LIMITS.summary}
        value={lesson.summary}
        onChange={(event) => {
          change({ ...lesson, summary: event.target.value });
        }}
      />
      {notes.length > 0 && (
        <div className="editor-notes">
          <h3>Not in the lesson</h3>
          <ul>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>
        Steps <span className="muted">({lesson.steps.length})</span>
      </h3>
      <ol className="editor-steps">
        {lesson.steps.map((_, index) => (
          <StepEditor
            key={index}
            lesson={lesson}
            index={index}
            nodes={nodes}
            problems={check.state === 'done' ? check.problems : check.last}
            onChange={change}
            onPreview={ready ? preview : null}
          />
        ))}
      </ol>
      <button
        type="button"
        data-focus="add-step"
        disabled={lesson.steps.length >= LESSON_LIMITS.steps}
        onClick={() => {
          change(addStep(lesson), `text-${lesson.steps.length + 1}`);
        }}
      >
        Add a step
      </button>
      <div className="editor-check" aria-live="polite">
        {check.state === 'checking' ? (
          <p className="muted">Checking the lesson…</p>
        ) : problems.length === 0 ? (
          <p className="editor-ok">✓ The lesson checker found no problems.</p>
        ) : (
          <>
            <p className="editor-problems-title">
              ⚠ The lesson checker found {problems.length} {problems.length === 1 ? 'problem' : 'problems'}:
            </p>
            <ul className="editor-problems">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="editor-row editor-actions">
        <button
          type="button"
          disabled={!ready}
          title={ready ? 'Play the lesson in the lab from step 1; Back to the editor returns here' : notReady}
          onClick={() => {
            preview(0);
          }}
        >
          Preview
        </button>
        <button
          type="button"
          disabled={!ready}
          title={ready ? `Download the lesson as a file (${lessonFileName(lesson)})` : notReady}
          onClick={exportLesson}
        >
          Export lesson
        </button>
        {ready && problems.length === 0 ? (
          <CopyButton text={link} label="Copy link" onCopied={keep} />
        ) : (
          <button type="button" disabled title={notReady}>
            Copy link
          </button>
        )}
        <button
          type="button"
          ref={closeButton}
          title="Close the editor; export the lesson or copy its link first to keep it"
          onClick={() => {
            if (kept === lesson) close();
            else setConfirming(true);
          }}
        >
          Close
        </button>
      </div>
      {ready && problems.length === 0 && (
        <>
          <label htmlFor={`${id}-link`}>Lesson link</label>
          <input id={`${id}-link`} className="share-url" readOnly value={link} onCopy={keep} />
        </>
      )}
      <CloseEditorDialog
        open={confirming}
        canExport={ready}
        onKeep={() => {
          setConfirming(false);
          closeButton.current?.focus();
        }}
        onExport={() => {
          exportLesson();
          close();
        }}
        onDiscard={close}
      />
    </section>
  );
}
