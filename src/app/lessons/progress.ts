/**
 * The learner's progress through the built-in lessons, kept in this browser (localStorage, no account):
 * which lessons were started and finished, and which predictions were answered right. The full lab keeps
 * it; the embed never stores anything (it tells its host instead). Storage that is missing, full or
 * refused (private modes) leaves progress unkept, never an error.
 */
import { LAB_BASE } from '../labBase.ts';
import { routeFromPath } from '../route.ts';
import type { LessonState, LessonStore } from './lessonStore.ts';

/** The storage key; its value is versioned JSON. */
export const PROGRESS_KEY = 'replication-lab.lesson-progress';

export interface LessonProgress {
  readonly started: boolean;
  readonly finished: boolean;
  /** Each prediction answered, by step (counted from 1), whether its last answer was right. */
  readonly answers: Readonly<Record<string, boolean>>;
}

export type Progress = Readonly<Record<string, LessonProgress>>;

/** The part of the Storage API progress uses (tests give a Map-backed one). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const EMPTY: LessonProgress = { started: false, finished: false, answers: {} };
/** Most lessons kept: far more than the built-in ones, so a hostile value cannot grow without bound. */
const MAX_LESSONS = 100;
const ID = /^[a-z0-9-]{1,40}$/;

/** Whether this page keeps progress: the full lab does, the embed never stores anything. */
export function keepsProgress(): boolean {
  return routeFromPath(window.location.pathname, LAB_BASE) === 'lab';
}

/** The page's localStorage, or null where reading it throws (storage disabled). */
export function browserStorage(): ProgressStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** What was stored, keeping only well-formed entries (anything else reads as no progress). */
export function readProgress(storage: ProgressStorage | null): Progress {
  let data: unknown;
  try {
    data = JSON.parse(storage?.getItem(PROGRESS_KEY) ?? 'null');
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null || (data as { v?: unknown }).v !== 1) return {};
  const lessons = (data as { lessons?: unknown }).lessons;
  if (typeof lessons !== 'object' || lessons === null) return {};
  const kept: Record<string, LessonProgress> = {};
  for (const [id, value] of Object.entries(lessons).slice(0, MAX_LESSONS)) {
    if (!ID.test(id) || typeof value !== 'object' || value === null) continue;
    const v = value as Record<string, unknown>;
    const answers: Record<string, boolean> = {};
    if (typeof v.answers === 'object' && v.answers !== null)
      for (const [step, right] of Object.entries(v.answers).slice(0, MAX_LESSONS))
        if (/^\d{1,3}$/.test(step) && typeof right === 'boolean') answers[step] = right;
    kept[id] = { started: v.started === true, finished: v.finished === true, answers };
  }
  return kept;
}

function write(storage: ProgressStorage | null, progress: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify({ v: 1, lessons: progress }));
  } catch {
    // Full or refused: progress stays unkept.
  }
}

/** Forgets every lesson's progress. */
export function clearProgress(storage: ProgressStorage | null): void {
  try {
    storage?.removeItem(PROGRESS_KEY);
  } catch {
    // Refused: nothing was kept either.
  }
}

/**
 * The progress after a change of the lesson store: a built-in lesson started, finished, or a prediction
 * answered. Lessons of the reader's own are not kept (their ids are their authors' and may repeat).
 */
export function progressAfter(progress: Progress, state: LessonState, previous: LessonState): Progress {
  let next = progress;
  const update = (id: string, change: (p: LessonProgress) => LessonProgress) => {
    next = { ...next, [id]: change(next[id] ?? EMPTY) };
  };
  const { open, finished, answered } = state;
  if (open !== null && open.custom !== true && previous.open?.lessonId !== open.lessonId)
    update(open.lessonId, (p) => ({ ...p, started: true }));
  if (finished != null && finished !== previous.finished && finished.custom !== true)
    update(finished.lessonId, (p) => ({ ...p, started: true, finished: true }));
  if (answered != null && answered !== previous.answered && answered.place.custom !== true)
    update(answered.place.lessonId, (p) => ({
      ...p,
      started: true,
      answers: { ...p.answers, [String(answered.place.index + 1)]: answered.correct },
    }));
  return next;
}

const NOTHING: LessonState = { open: null, left: null, problem: null };

/**
 * Keeps progress in `storage` as the lesson store changes, from the lesson open now (the lesson panel
 * starts it as the first lesson opens); returns the function that stops.
 */
export function keepProgress(store: LessonStore, storage: ProgressStorage | null): () => void {
  const record = (state: LessonState, previous: LessonState) => {
    const before = readProgress(storage);
    const after = progressAfter(before, state, previous);
    if (after !== before) write(storage, after);
  };
  record(store.getState(), NOTHING);
  return store.subscribe(record);
}

/** "Finished · 2 of 3 predictions right", or null for a lesson not started. */
export function progressText(progress: LessonProgress | undefined, predictions: number): string | null {
  if (progress === undefined || !progress.started) return null;
  const state = progress.finished ? 'Finished' : 'Started';
  const answered = Object.keys(progress.answers).length;
  if (predictions === 0 || answered === 0) return state;
  const right = Object.values(progress.answers).filter(Boolean).length;
  return `${state} · ${right} of ${predictions} ${predictions === 1 ? 'prediction' : 'predictions'} right`;
}
