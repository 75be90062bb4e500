/**
 * Where the reader is in the lessons: the open lesson and step, one left for free play, and a problem
 * with a lesson link. One small store per lab, beside the lab's store; the lab's engine state stays
 * in the lab store. It holds ids only, so the lessons' data and player load when a lesson is opened.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useLabStoreApi, type LabStore } from '../../store/index.ts';
import type { Metrics, Simulation, ScenarioInput, WorkloadOptions } from '../../engine/index.ts';
import type { PresetName } from '../../store/index.ts';
import type { Acted } from './steps.ts';
import type { Lesson } from './types.ts';

/** A recording under way: where in the lab's run it started (recording.ts). */
export interface Recording {
  /** The lab's simulation when the recording started: what was done is read from it if the lab starts over. */
  readonly sim: Simulation;
  /** Commands the run held when the recording started (the workload's start), and the instant, in ms. */
  readonly startCount: number;
  readonly startTime: number;
  readonly preset: PresetName;
  readonly scenario: ScenarioInput;
  /** The background workload the run started with, or null for none. */
  readonly workload: WorkloadOptions | null;
}

/** Authoring a lesson: recording one, or editing what was recorded (and previewing it in the lab). */
export type Authoring =
  | { readonly kind: 'recording'; readonly recording: Recording }
  | {
      readonly kind: 'editing';
      readonly lesson: Lesson;
      /** What the recording could not hold, and why, for the author. */
      readonly notes: readonly string[];
      readonly previewing: boolean;
      /** The lesson as last exported or linked, or null: the editor asks before closing on other changes. */
      readonly kept: Lesson | null;
    };

/** The learner's answer to a step's prediction: the choice (0-based) and whether it is a right one. */
export interface Answer {
  readonly choice: number;
  readonly correct: boolean;
}

export interface LessonPlace {
  readonly lessonId: string;
  /** The step shown, 0-based. */
  readonly index: number;
  /** The furthest step reached: steps before it can be revisited freely. */
  readonly furthest: number;
  /** The step whose actions Next already performed (it then waits for the condition). */
  readonly performed: number | null;
  /** A lesson of the reader's own (a file, a `#l=` link), held as `custom`, not a built-in one. */
  readonly custom?: boolean;
  /** What the learner has done of the step they are to do in the lab (steps.ts). */
  readonly acted?: Acted;
  /** The lab's metrics when the furthest step was reached: its `since: 'step'` condition counts from them. */
  readonly start?: Metrics;
  /** The learner's answers to predictions, by step (0-based). */
  readonly answers?: Readonly<Record<number, Answer>>;
}

/** A prediction just answered: where, and the answer (the embed tells its host, the lab keeps progress). */
export interface Answered extends Answer {
  readonly place: LessonPlace;
}

export interface LessonState {
  readonly open: LessonPlace | null;
  /** A lesson left for free play, to resume. */
  readonly left: LessonPlace | null;
  /** What was wrong with a `?lesson=` link, or a lesson that could not start. */
  readonly problem: string | null;
  /** The lesson of the reader's own last opened (from a file or a link), checked. */
  readonly custom?: Lesson;
  /** Where the lesson last finished was (its last step), until another starts: the embed tells its host. */
  readonly finished?: LessonPlace | null;
  /** The prediction answered last, until another is. */
  readonly answered?: Answered | null;
  /** A lesson being recorded or edited. */
  readonly authoring?: Authoring | null;
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

export function useLessonState<T>(selector: (state: LessonState) => T): T {
  return useStore(lessonStoreFor(useLabStoreApi()), selector);
}

/** The id of the Lessons menu button: focus returns there when a lesson closes. */
export const LESSONS_BUTTON_ID = 'lessons-button';
