/**
 * The reader's moves through a lesson (start, next, show me, answer, back, leave, resume) on the lesson
 * store (lessonStore.ts), and what the lab sees the learner do (observe); every step action goes through
 * the lab's actions.
 */
import type { Metrics } from '../../engine/index.ts';
import type { LabStore } from '../../store/index.ts';
import { performAction } from './actions.ts';
import type { LessonPlace, LessonState, LessonStore } from './lessonStore.ts';
import { lessonById } from './lessons.ts';
import { needsActions, performStep, replayTo, startLesson, stepHolds, stepStart } from './player.ts';
import { progress, stepDoer, type Acted } from './steps.ts';
import type { Lesson, LessonStep } from './types.ts';

export { lessonStoreFor, type LessonPlace, type LessonState, type LessonStore } from './lessonStore.ts';

export type NextState =
  | { readonly kind: 'go' }
  | { readonly kind: 'perform' }
  /** The learner is to do the step in the lab (or press Show me). */
  | { readonly kind: 'act' }
  /** The step asks a prediction first. */
  | { readonly kind: 'predict' }
  | { readonly kind: 'finish' }
  | { readonly kind: 'wait' };

/** The lesson `place` is in: a built-in one by its id, or the reader's own that the store holds. */
export function lessonAt(state: LessonState, place: LessonPlace | null): Lesson | undefined {
  if (place === null) return undefined;
  return place.custom === true ? state.custom : lessonById(place.lessonId);
}

/**
 * What the step at `place` waits for: going on, Next performing its actions, the learner acting (or Show
 * me), a prediction, finishing, or its condition.
 */
export function nextState(lab: LabStore, lesson: Lesson, place: LessonPlace): NextState {
  const step = lesson.steps[place.index];
  if (step === undefined) return { kind: 'finish' };
  const last = place.index === lesson.steps.length - 1;
  if (place.index < place.furthest) return { kind: 'go' };
  if (step.predict !== undefined && place.answers?.[place.index] === undefined) return { kind: 'predict' };
  if (place.performed !== place.index) {
    // The learner's step waits for their actions, not for its condition alone (strictly what was asked).
    if (stepDoer(step) === 'learner' && (step.actions?.length ?? 0) > 0) return { kind: 'act' };
    if (needsActions(lab, step, place.start ?? null)) return { kind: 'perform' };
  }
  if (!stepHolds(lab, step, place.start ?? null)) return { kind: 'wait' };
  return { kind: last ? 'finish' : 'go' };
}

/** Labs a lesson is acting on right now (see `act`). */
const acting = new WeakSet<LabStore>();

/** How many commands the lab has recorded on the run shown. */
const commandCount = (lab: LabStore) => lab.getState().actions.readShown((sim) => sim.commands().length);

/** A step just reached: nothing of it done yet, the lab looking at commands and counting from now on. */
const fresh = (lab: LabStore, step: number): { acted: Acted; start: Metrics } => ({
  acted: { step, done: 0, from: commandCount(lab) },
  start: stepStart(lab),
});

/** The reader's moves through the lessons; each returns nothing and never throws. */
export function lessonMoves(lab: LabStore, store: LessonStore) {
  const open = (): { lesson: Lesson; place: LessonPlace } | null => {
    const state = store.getState();
    const lesson = lessonAt(state, state.open);
    return state.open === null || lesson === undefined ? null : { lesson, place: state.open };
  };
  const go = (place: LessonPlace, index: number) => {
    const reached = index > place.furthest;
    store.setState({
      open: {
        ...place,
        index,
        furthest: Math.max(place.furthest, index),
        ...(reached ? fresh(lab, index) : {}),
      },
    });
  };
  /**
   * The step's actions are done (by Next, Show me, the learner, or after a prediction): go on when its
   * condition holds, else stay and let time run so the reader sees it happen. A prediction's step stays
   * to say how the prediction went.
   */
  const performed = (place: LessonPlace, lesson: Lesson, step: LessonStep) => {
    const done = { ...place, performed: place.index };
    const holds = stepHolds(lab, step, place.start ?? null);
    if (holds && step.predict === undefined && place.index < lesson.steps.length - 1)
      go(done, place.index + 1);
    else {
      store.setState({ open: done });
      if (!holds) lab.getState().actions.play();
    }
  };
  /** What the learner did of the current step, as the lab saw it (Show me goes on from there). */
  const actedOn = (place: LessonPlace): Acted =>
    place.acted?.step === place.index ? place.acted : fresh(lab, place.index).acted;
  /** While the lesson itself acts on the lab, what it does is not taken for the learner's. */
  const act = (run: () => void) => {
    acting.add(lab);
    try {
      run();
    } finally {
      acting.delete(lab);
    }
  };
  const leave = () => {
    const current = store.getState().open;
    store.setState({ open: null, left: current });
  };

  return {
    /**
     * Starts `lesson` over at its first step (or, fast-forwarded, at step `index`). `custom`: a lesson of
     * the reader's own (checked by lessonCheck.ts), kept in the store, not looked up by id.
     */
    start: (lesson: Lesson, index = 0, custom = false) => {
      const result = index === 0 ? { ok: startLesson(lab, lesson) } : replayTo(lab, lesson, index);
      if (!result.ok) {
        store.setState({
          open: null,
          problem: `The lesson “${lesson.id}” could not start: ${lab.getState().error ?? 'the engine refused it'}.`,
        });
        return;
      }
      store.setState({
        open: {
          lessonId: lesson.id,
          index,
          furthest: index,
          performed: null,
          ...fresh(lab, index),
          ...(custom ? { custom } : {}),
        },
        left: null,
        problem: null,
        finished: null,
        ...(custom ? { custom: lesson } : {}),
      });
    },
    /** Re-enters the lesson left for free play, on the simulation as it is now. */
    resume: () => {
      const { left } = store.getState();
      if (left !== null) store.setState({ open: left, left: null, problem: null });
    },
    next: () => {
      const current = open();
      if (current === null) return;
      const { lesson, place } = current;
      const state = nextState(lab, lesson, place);
      if (state.kind === 'finish') {
        store.setState({ open: null, left: null, finished: place });
        return;
      }
      if (state.kind === 'go') {
        go(place, place.index + 1);
        return;
      }
      if (state.kind !== 'perform') return;
      const step = lesson.steps[place.index];
      if (step === undefined) return;
      act(() => performStep(lab, step));
      performed(place, lesson, step);
    },
    /** Does what is left of a step the learner was to do, as Next does a step. */
    showMe: () => {
      const current = open();
      if (current === null) return;
      const { lesson, place } = current;
      const step = lesson.steps[place.index];
      if (step === undefined || nextState(lab, lesson, place).kind !== 'act') return;
      const state = () => lab.getState();
      act(() => {
        for (const action of (step.actions ?? []).slice(actedOn(place).done))
          if (!performAction(action, state().actions, state)) break;
      });
      performed(place, lesson, step);
    },
    /** Answers the step's prediction with choice `choice` (0-based); the lab then plays the step. */
    answer: (choice: number) => {
      const current = open();
      if (current === null) return;
      const { lesson, place } = current;
      const step = lesson.steps[place.index];
      const picked = step?.predict?.choices[choice];
      if (step === undefined || picked === undefined || nextState(lab, lesson, place).kind !== 'predict')
        return;
      const answer = { choice, correct: picked.right === true };
      const answered = { ...place, answers: { ...place.answers, [place.index]: answer } };
      store.setState({ open: answered, answered: { ...answer, place: answered } });
      if (!needsActions(lab, step, place.start ?? null)) return;
      act(() => performStep(lab, step));
      performed(answered, lesson, step);
    },
    /**
     * Looks at what the learner did in the lab (call it when the lab's state changes): each action of the
     * step done so far counts, the lab then does its own (letting time pass), and once all are done the
     * lesson goes on as after Next. A step done whose condition comes true later goes on then.
     */
    observe: () => {
      if (acting.has(lab)) return;
      const current = open();
      if (current === null) return;
      const { lesson, place } = current;
      const step = lesson.steps[place.index];
      if (step === undefined || place.index < place.furthest || stepDoer(step) !== 'learner') return;
      if (place.performed === place.index) {
        if (
          step.predict === undefined &&
          place.index < lesson.steps.length - 1 &&
          stepHolds(lab, step, place.start ?? null)
        )
          go(place, place.index + 1);
        return;
      }
      if (nextState(lab, lesson, place).kind !== 'act') return;
      const state = () => lab.getState();
      let acted = actedOn(place);
      act(() => {
        for (;;) {
          const seen = progress(
            step,
            acted,
            state().actions.readShown((sim) => sim.commands()),
            state().settings,
          );
          acted = seen.acted;
          if (seen.run === null) break;
          performAction(seen.run, state().actions, state);
          acted = { ...acted, done: acted.done + 1, from: commandCount(lab) };
        }
      });
      const withActed = { ...place, acted };
      if (acted.done >= (step.actions ?? []).length) performed(withActed, lesson, step);
      else if (acted.done !== place.acted?.done || acted.from !== place.acted.from)
        store.setState({ open: withActed });
    },
    back: () => {
      const current = open();
      if (current !== null && current.place.index > 0) {
        store.setState({ open: { ...current.place, index: current.place.index - 1 } });
      }
    },
    leave,
    showProblem: (problem: string | null) => {
      store.setState({ problem });
    },
  };
}

export type LessonMoves = ReturnType<typeof lessonMoves>;
