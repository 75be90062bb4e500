/**
 * Plays lessons on a lab store without a view: starting one, performing a step, and fast-forwarding
 * to a step (for `?lesson=ID&step=N` links). The lesson tests run lessons through these same functions.
 */
import type { Metrics } from '../../engine/index.ts';
import type { LabStore } from '../../store/index.ts';
import { performAction } from './actions.ts';
import { conditionHolds } from './conditions.ts';
import { resolveScenario } from './scenario.ts';
import type { Lesson, LessonStep } from './types.ts';

/** How long fast-forwarding waits, in simulated time, for a step's condition after its actions. */
export const SETTLE_LIMIT_MS = 30_000;
const SETTLE_STEP_MS = 100;

/** A lesson opens on a settled cluster: its replicas have connected and stream. */
export const OPENING_MS = 1000;

/** Starts the lesson's scenario over, paused, after OPENING_MS. False when the engine refused it. */
export function startLesson(store: LabStore, lesson: Lesson): boolean {
  const { actions } = store.getState();
  actions.pause();
  const { scenario } = lesson;
  const started = actions.loadScenario(resolveScenario(scenario), {
    preset: scenario.preset,
    ...(scenario.workload === undefined ? {} : { workload: scenario.workload }),
  });
  if (started) actions.tick(OPENING_MS);
  return started;
}

/** The lab's metrics now: what a step reached now counts its `since: 'step'` conditions from. */
export function stepStart(store: LabStore): Metrics {
  return store.getState().snapshot.metrics;
}

/** Whether the step's condition holds; `start`: the metrics when the step was reached (stepStart). */
export function stepHolds(store: LabStore, step: LessonStep, start: Metrics | null): boolean {
  return step.condition === undefined || conditionHolds(step.condition, store.getState(), start);
}

/** A step's actions run unless its condition already holds (the reader did it themselves). */
export function needsActions(store: LabStore, step: LessonStep, start: Metrics | null): boolean {
  return (step.actions?.length ?? 0) > 0 && (step.condition === undefined || !stepHolds(store, step, start));
}

/** Performs the step's actions in order; stops at the first the lab refuses (false). */
export function performStep(store: LabStore, step: LessonStep): boolean {
  const state = () => store.getState();
  for (const action of step.actions ?? []) {
    if (!performAction(action, state().actions, state)) return false;
  }
  return true;
}

/** Lets simulated time run until the step's condition holds, up to SETTLE_LIMIT_MS. */
export function settle(store: LabStore, step: LessonStep, start: Metrics | null): boolean {
  for (let waited = 0; !stepHolds(store, step, start); waited += SETTLE_STEP_MS) {
    if (waited >= SETTLE_LIMIT_MS) return false;
    store.getState().actions.tick(SETTLE_STEP_MS);
  }
  return true;
}

export type ReplayResult =
  { readonly ok: true } | { readonly ok: false; readonly step: number; readonly problem: string };

/**
 * Starts the lesson and plays its first `index` steps (0-based), so the lab shows what step
 * `index` expects. Reports the step that could not be reproduced, never throws.
 */
export function replayTo(store: LabStore, lesson: Lesson, index: number): ReplayResult {
  if (!startLesson(store, lesson)) return { ok: false, step: 0, problem: 'its scenario could not start' };
  for (const [i, step] of lesson.steps.slice(0, index).entries()) {
    const start = stepStart(store);
    if (needsActions(store, step, start) && !performStep(store, step)) {
      return { ok: false, step: i, problem: store.getState().error ?? 'an action was refused' };
    }
    if (!settle(store, step, start)) return { ok: false, step: i, problem: 'its condition never held' };
  }
  store.getState().actions.pause();
  return { ok: true };
}
