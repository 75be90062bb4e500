/**
 * A step's prediction in the lesson editor: asked or not, its question, two to five choices (each may be
 * right), and the one sentence that says why. The lesson checker names what is missing (an empty question, no
 * right choice, every choice right) by path, as for any lesson file.
 */
import { useId } from 'react';
import { LESSON_LIMITS } from './lessonSchema.ts';
import { NEW_PREDICTION } from './editorSteps.ts';
import type { LessonStep, Prediction, PredictionChoice } from './types.ts';

/** A choice as the file holds it: `right` only when it is. */
function choice(text: string, right: boolean): PredictionChoice {
  return right ? { text, right } : { text };
}

export function PredictionEditor({
  step,
  n,
  onChange,
}: {
  readonly step: LessonStep;
  /** The step's number, for the controls' names. */
  readonly n: number;
  /** The prediction changed, or null to ask none. */
  readonly onChange: (predict: Prediction | null) => void;
}) {
  const id = useId();
  const predict = step.predict;
  const playable = step.actions !== undefined && step.actions.length > 0;
  const of = <span className="visually-hidden"> of step {n}</span>;
  const setChoice = (index: number, next: PredictionChoice | null) => {
    if (predict === undefined) return;
    const choices = predict.choices.flatMap((c, i) => (i !== index ? [c] : next === null ? [] : [next]));
    onChange({ ...predict, choices });
  };
  return (
    <div className="editor-prediction">
      <div className="setting--check">
        <input
          id={`${id}-ask`}
          type="checkbox"
          checked={predict !== undefined}
          disabled={!playable && predict === undefined}
          aria-describedby={playable ? undefined : `${id}-why-not`}
          onChange={(event) => {
            onChange(event.target.checked ? NEW_PREDICTION : null);
          }}
        />
        <label htmlFor={`${id}-ask`}>Ask for a prediction first{of}</label>
      </div>
      {!playable && (
        <p id={`${id}-why-not`} className="muted form-note">
          A prediction needs the step to do something for the lab to play.
        </p>
      )}
      {predict !== undefined && (
        <>
          <label htmlFor={`${id}-question`}>Question{of}</label>
          <textarea
            id={`${id}-question`}
            rows={2}
            maxLength={LESSON_LIMITS.question}
            value={predict.question}
            onChange={(event) => {
              onChange({ ...predict, question: event.target.value });
            }}
          />
          <ol className="editor-choices">
            {predict.choices.map((c, i) => (
              <li key={i}>
                <label htmlFor={`${id}-choice-${i}`}>
                  Choice {i + 1}
                  {of}
                </label>
                <input
                  id={`${id}-choice-${i}`}
                  maxLength={LESSON_LIMITS.choice}
                  value={c.text}
                  onChange={(event) => {
                    setChoice(i, choice(event.target.value, c.right === true));
                  }}
                />
                <label className="editor-right">
                  <input
                    type="checkbox"
                    checked={c.right === true}
                    onChange={(event) => {
                      setChoice(i, choice(c.text, event.target.checked));
                    }}
                  />
                  Right
                  <span className="visually-hidden">
                    {' '}
                    (choice {i + 1}
                    {' of step '}
                    {n})
                  </span>
                </label>
                <button
                  type="button"
                  disabled={predict.choices.length <= 2}
                  onClick={() => {
                    setChoice(i, null);
                  }}
                >
                  Remove
                  <span className="visually-hidden">
                    {' '}
                    choice {i + 1} of step {n}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            disabled={predict.choices.length >= LESSON_LIMITS.choices}
            onClick={() => {
              onChange({ ...predict, choices: [...predict.choices, { text: '' }] });
            }}
          >
            Add a choice{of}
          </button>
          <label htmlFor={`${id}-explain`}>Why, in one sentence{of}</label>
          <textarea
            id={`${id}-explain`}
            rows={2}
            maxLength={LESSON_LIMITS.explain}
            value={predict.explain}
            onChange={(event) => {
              onChange({ ...predict, explain: event.target.value });
            }}
          />
        </>
      )}
    </div>
  );
}
