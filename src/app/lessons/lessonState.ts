/**
 * Where the reader is in the lessons: the open lesson and step, one left for free play, and a problem
 * with a lesson link. One small store per lab, beside the lab's store; the lab's engine state stays
 * in the lab store, and every step action goes through the lab's actions.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabStore } from '../../store/index.ts';
import { lessonById } from './lessons.ts';
import { needsActions, performStep, replayTo, startLesson, stepHolds } from './player.ts';
import type { Lesson } from './types.ts';

export interface LessonPlace {
  readonly lessonId: string;
  /** The step shown, 0-based. */
  readonly index: number;
  /** The furthest step reached: steps before it can be revisited freely. */
  readonly furthest: number;
  /** The step whose actions Next already performed (it then waits for the condition). */
  readonly performed: number | null;
}

export interface LessonState {
  readonly open: LessonPlace | null;
  /** A lesson left for free play, to resume. */
  readonly left: LessonPlace | null;
  /** What was wrong with a `?lesson=` link, or a lesson that could not start. */
  readonly problem: string | null;
}

export type LessonStore = StoreApi<LessonState>;

const stores = new WeakMap<LabStore, LessonStore>();

/** The lesson store that belongs to `lab` (created on first use). */
export function lessonStoreFor(lab: LabStore): LessonStore {
  let store = stores.get(lab);
  if (store === undefined) {
    store = createStore<LessonState>()(() => ({ open: null, left: null, problem: null }));
    stores.set(lab, store);
  }
  return store;
}

export type NextState =
  | { readonly kind: 'go' }
  | { readonly kind: 'perform' }
  | { readonly kind: 'finish' }
  | { readonly kind: 'wait' };

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
    const place = store.getState().open;
    const lesson = place === null ? undefined : lessonById(place.lessonId);
    return place === null || lesson === undefined ? null : { lesson, place };
  };
  const go = (place: LessonPlace, index: number) => {
    store.setState({ open: { ...place, index, furthest: Math.max(place.furthest, index) } });
  };
  const leave = () => {
    const current = store.getState().open;
    store.setState({ open: null, left: current });
  };

  return {
    /** Starts `lesson` over at its first step (or, fast-forwarded, at step `index`). */
    start: (lesson: Lesson, index = 0) => {
      const result = index === 0 ? { ok: startLesson(lab, lesson) } : replayTo(lab, lesson, index);
      if (!result.ok) {
        store.setState({
          open: null,
          problem: `The lesson “${lesson.id}” could not start: ${lab.getState().error ?? 'the engine refused it'}.`,
        });
        return;
      }
      store.setState({
        open: { lessonId: lesson.id, index, furthest: index, performed: null },
        left: null,
        problem: null,
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
        store.setState({ open: null, left: null });
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
