/**
 * What a step asks of the learner, in the lesson panel: the actions to do in the lab (each ticked off as
 * the lab sees it done), or a prediction to make before the lab plays the step, and then whether it held.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useWords } from '../../view/vocabulary.ts';
import { describeAction } from './actions.ts';
import type { Answer } from './lessonStore.ts';
import { LessonText } from './LessonText.tsx';
import { howTo } from './howTo.ts';
import type { LessonStep, Prediction } from './types.ts';

/** The step's actions as a to-do list: the learner's with how to do them, the lab's own after them. */
export function LearnerTodo({ step, done }: { readonly step: LessonStep; readonly done: number }) {
  const words = useWords();
  return (
    <div className="lesson-todo">
      <p className="lesson-todo-head">Your turn, in the lab:</p>
      <ol>
        {(step.actions ?? []).map((action, i) => {
          const how = howTo(action, words);
          const finished = i < done;
          return (
            <li key={i} className={finished ? 'lesson-todo--done' : undefined}>
              {finished && <span className="lesson-todo-mark">Done: </span>}
              {how === null ? `Then the lab will ${describeAction(action, words)}.` : `${how}.`}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The prediction's choices, before it is answered; `onAnswer` gets the choice (0-based). */
export function PredictionForm({
  prediction,
  onAnswer,
}: {
  readonly prediction: Prediction;
  readonly onAnswer: (choice: number) => void;
}) {
  const name = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const form = useRef<HTMLFormElement>(null);
  // Reached from the panel's own buttons (Next, Show me), the keyboard goes on to the choices.
  useEffect(() => {
    const panel = form.current?.closest('.lesson-panel');
    if (panel?.contains(document.activeElement) === true) form.current?.querySelector('input')?.focus();
  }, []);
  return (
    <form
      ref={form}
      className="lesson-predict"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice !== null) onAnswer(choice);
      }}
    >
      <fieldset>
        <legend>
          <span className="lesson-predict-label">Predict: </span>
          <LessonText text={prediction.question} />
        </legend>
        {prediction.choices.map((c, i) => (
          <label key={i} className="lesson-choice">
            <input
              type="radio"
              name={name}
              checked={choice === i}
              onChange={() => {
                setChoice(i);
              }}
            />{' '}
            <LessonText text={c.text} />
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button--primary" aria-disabled={choice === null}>
        Answer and play
      </button>
    </form>
  );
}

/**
 * The prediction answered: what was chosen, and, once the step has played (`shown`), whether it held and
 * why, in words (never by colour alone).
 */
export function PredictionResult({
  prediction,
  answer,
  shown,
}: {
  readonly prediction: Prediction;
  readonly answer: Answer;
  readonly shown: boolean;
}) {
  const chosen = prediction.choices[answer.choice];
  const right = prediction.choices.filter((c) => c.right === true);
  return (
    <div className="lesson-result" data-correct={shown ? String(answer.correct) : undefined}>
      <p className="lesson-result-question">
        <span className="lesson-predict-label">You predicted: </span>
        <LessonText text={chosen?.text ?? ''} />
      </p>
      {!shown ? (
        <p className="lesson-result-verdict">Watch the lab play it…</p>
      ) : (
        <>
          <p className="lesson-result-verdict">
            <span aria-hidden="true">{answer.correct ? '✓ ' : '✗ '}</span>
            {answer.correct ? 'Your prediction held.' : 'Your prediction did not hold.'}
            {!answer.correct && right.length > 0 && (
              <>
                {' '}
                {right.length === 1 ? 'The right answer: ' : 'Right answers: '}
                {right.map((c, i) => (
                  <span key={i}>
                    {i > 0 && ' / '}
                    <LessonText text={c.text} />
                  </span>
                ))}
                .
              </>
            )}
          </p>
          <p className="lesson-result-why">
            <span className="lesson-predict-label">Why: </span>
            <LessonText text={prediction.explain} />
          </p>
        </>
      )}
    </div>
  );
}
