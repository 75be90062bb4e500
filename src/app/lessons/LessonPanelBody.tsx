/**
 * The open lesson's panel: its step text, progress, what the learner is to do in the lab (with Show me) or
 * predict, Back / Next / Leave, and why Next waits. It sits beside the graph (never over a node), takes
 * focus when a lesson opens and gives it back when it closes, and watches the lab for the learner's moves.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useLabStore, useLabStoreApi } from '../../store/index.ts';
import { useWords } from '../../view/vocabulary.ts';
import { describeAction } from './actions.ts';
import { describeCondition } from './conditions.ts';
import { lessonAt, nextState } from './lessonState.ts';
import { LessonText } from './LessonText.tsx';
import { lessonFileName } from './lessonFormat.ts';
import { downloadLesson } from './downloadLesson.ts';
import { lessonStoreFor } from './lessonStore.ts';
import { browserStorage, keepProgress, keepsProgress } from './progress.ts';
import { LearnerTodo, PredictionForm, PredictionResult } from './StepActivity.tsx';
import { TargetRing } from './TargetRing.tsx';
import { LESSONS_BUTTON_ID, useLessonMoves, useLessonState } from './useLessons.ts';
import { deferred } from '../../view/deferred.tsx';
import './lessons.css';

const AuthoringPart = deferred(() => import('./Authoring.tsx').then((m) => m.Authoring));

/**
 * Moves focus into the panel (to Next, or a prediction's first choice) when a lesson opens, and back where it was when it closes:
 * to the element focused before, or else the Lessons button.
 */
function useFocusInAndBack(openId: string | null, focusIn: RefObject<HTMLElement | null>) {
  const returnTo = useRef<Element | null>(null);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (openId !== null && shown.current !== openId) {
      if (shown.current === null) {
        const active = document.activeElement;
        returnTo.current = active !== null && active !== document.body ? active : null;
      }
      shown.current = openId;
      // A step that opens on a prediction: its first choice, else Next (or Show me).
      const choice = focusIn.current
        ?.closest('.lesson-panel')
        ?.querySelector<HTMLElement>('.lesson-predict input');
      (choice ?? focusIn.current)?.focus();
    } else if (openId === null && shown.current !== null) {
      shown.current = null;
      const back = returnTo.current;
      const target =
        back instanceof HTMLElement && back.isConnected ? back : document.getElementById(LESSONS_BUTTON_ID);
      target?.focus();
    }
  }, [openId, focusIn]);
}

function Problem({ text }: { readonly text: string }) {
  const moves = useLessonMoves();
  return (
    <div className="panel lesson-problem" role="alert">
      <p>{text}</p>
      <p className="hint">Choose a lesson from the Lessons menu instead.</p>
      <button
        type="button"
        onClick={() => {
          moves.showProblem(null);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}

/** The lesson panel, and authoring a lesson (recording, the editor) when under way. */
export function LessonPanelBody() {
  const authoring = useLessonState((s) => s.authoring != null);
  return (
    <>
      {authoring && <AuthoringPart.Component />}
      <LessonView />
    </>
  );
}

function LessonView() {
  const lab = useLabStoreApi();
  const place = useLessonState((s) => s.open);
  const lesson = useLessonState((s) => lessonAt(s, s.open));
  const problem = useLessonState((s) => s.problem);
  const moves = useLessonMoves();
  const words = useWords();
  // Re-render when the engine's state (and so a step's condition) may have changed.
  useLabStore((s) => s.snapshot.version);
  useLabStore((s) => s.backups.length);
  const playing = useLabStore((s) => s.playing);
  const titleId = useId();
  const reasonId = useId();
  const nextButton = useRef<HTMLButtonElement>(null);
  useFocusInAndBack(lesson === undefined ? null : lesson.id, nextButton);
  // The full lab keeps the learner's progress in this browser; the embed stores nothing.
  useEffect(() => (keepsProgress() ? keepProgress(lessonStoreFor(lab), browserStorage()) : undefined), [lab]);
  // What the learner does in the lab moves the lesson on (lessonState.ts's observe).
  useEffect(
    () =>
      lab.subscribe((state, previous) => {
        if (state.snapshot !== previous.snapshot || state.settings !== previous.settings) moves.observe();
      }),
    [lab, moves],
  );

  if (place === null || lesson === undefined) return problem === null ? null : <Problem text={problem} />;
  const step = lesson.steps[place.index];
  if (step === undefined) return null;
  const state = nextState(lab, lesson, place);
  const waiting = state.kind === 'wait';
  const acting = state.kind === 'act';
  const answer = place.answers?.[place.index];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      moves.leave();
    }
  };
  return (
    <section
      className="panel lesson-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId}>
        <LessonText text={lesson.title} />
      </h2>
      <div aria-live="polite">
        <p className="lesson-progress">
          Step {place.index + 1} of {lesson.steps.length}
        </p>
        <p className="lesson-text">
          <LessonText text={step.text} />
        </p>
      </div>
      {acting && <LearnerTodo step={step} done={place.acted?.step === place.index ? place.acted.done : 0} />}
      {state.kind === 'predict' && step.predict !== undefined && (
        <PredictionForm
          prediction={step.predict}
          onAnswer={(choice) => {
            moves.answer(choice);
            nextButton.current?.focus();
          }}
        />
      )}
      {answer !== undefined && step.predict !== undefined && (
        <div aria-live="polite">
          <PredictionResult prediction={step.predict} answer={answer} shown={!waiting} />
        </div>
      )}
      {(state.kind === 'perform' || acting) && (
        <p className="visually-hidden" id={reasonId}>
          {acting ? 'Show me' : 'Next'} will{' '}
          {(step.actions ?? [])
            .slice(acting && place.acted?.step === place.index ? place.acted.done : 0)
            .map((a) => describeAction(a, words))
            .join(', then ')}
          .
        </p>
      )}
      {waiting && step.condition !== undefined && (
        <p className="lesson-wait" id={reasonId}>
          Waiting until {describeCondition(step.condition, words)}
          {playing ? '…' : '. Press Play (Space) to let time run.'}
        </p>
      )}
      <div className="lesson-buttons">
        <button type="button" onClick={moves.back} disabled={place.index === 0}>
          Back
        </button>
        {acting ? (
          <button
            type="button"
            ref={nextButton}
            className="button--primary"
            aria-describedby={reasonId}
            title="Do the rest of this step for me"
            onClick={moves.showMe}
          >
            Show me
          </button>
        ) : (
          <button
            type="button"
            ref={nextButton}
            className={state.kind === 'predict' ? undefined : 'button--primary'}
            aria-disabled={waiting || state.kind === 'predict'}
            aria-describedby={state.kind === 'perform' || waiting ? reasonId : undefined}
            title={state.kind === 'predict' ? 'Answer the prediction first' : undefined}
            onClick={() => {
              if (!waiting && state.kind !== 'predict') moves.next();
            }}
          >
            {state.kind === 'finish' ? 'Finish' : 'Next'}
          </button>
        )}
        <button
          type="button"
          onClick={moves.leave}
          title="Leave the lesson and keep playing with this simulation"
        >
          Leave lesson
        </button>
      </div>
      {/* The full lab only (hidden in the embed, which is for learners). */}
      <div className="lesson-more">
        <button
          type="button"
          title={`Download this lesson as a file (${lessonFileName(lesson)}): edit it, share it, import it again`}
          onClick={() => {
            downloadLesson(lesson);
          }}
        >
          Export lesson
        </button>
      </div>
      {step.target !== undefined && <TargetRing target={step.target} />}
    </section>
  );
}
