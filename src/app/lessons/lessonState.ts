/**
 * The reader's moves through a lesson (start, next, back, leave, resume) on the lesson store
 * (lessonStore.ts); every step action goes through the lab's actions.
 */
import type { LabStore } from '../../store/index.ts';
import type { LessonPlace, LessonState, LessonStore } from './lessonStore.ts';
import { lessonById } from './lessons.ts';
import { needsActions, performStep, replayTo, startLesson, stepHolds } from './player.ts';
import type { Lesson } from './types.ts';

export { lessonStoreFor, type LessonPlace, type LessonState, type LessonStore } from './lessonStore.ts';

export type NextState =
  | { readonly kind: 'go' }
  | { readonly kind: 'perform' }
  | { readonly kind: 'finish' }
  | { readonly kind: 'wait' };

/** The lesson `place` is in: a built-in one by its id, or the reader's own that the store holds. */
export function lessonAt(state: LessonState, place: LessonPlace | null): Lesson | undefined {
  if (place === null) return undefined;
  return place.custom === true ? state.custom : lessonById(place.lessonId);
}

/** What Next does at `place`: go on, perform the step's actions, finish, or wait for the condition. */
export function nextState(lab: LabStore, lesson: Lesson, place: LessonPlace): NextState {
  const step = lesson.steps[place.index];
  if (step === undefined) return { kind: 'finish' };
  const last = place.index === lesson.steps.length - 1;
  if (place.index < place.furthest) return { kind: 'go' };
  if (needsActions(lab, step) && place.performed !== place.index) return { kind: 'perform' };
  if (!stepHolds(lab, step)) return { kind: 'wait' };
  return { kind: last ? 'finish' : 'go' };
}

/** The reader's moves through the lessons; each returns nothing and never throws. */
export function lessonMoves(lab: LabStore, store: LessonStore) {
  const open = (): { lesson: Lesson; place: LessonPlace } | null => {
    const state = store.getState();
    const lesson = lessonAt(state, state.open);
    return state.open === null || lesson === undefined ? null : { lesson, place: state.open };
  };
  const go = (place: LessonPlace, index: number) => {
    store.setState({ open: { ...place, index, furthest: Math.max(place.furthest, index) } });
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
        open: { lessonId: lesson.id, index, furthest: index, performed: null, ...(custom ? { custom } : {}) },
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
      if (state.kind === 'wait') return;
      const step = lesson.steps[place.index];
      if (step === undefined) return;
      performStep(lab, step);
      const performed = { ...place, performed: place.index };
      if (stepHolds(lab, step) && place.index < lesson.steps.length - 1) go(performed, place.index + 1);
      else {
        store.setState({ open: performed });
        // The condition needs time: let it run, so the reader sees it happen.
        if (!stepHolds(lab, step)) lab.getState().actions.play();
      }
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
