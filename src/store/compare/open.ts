/**
 * Opening compare mode: side B, a second lab store, built beside the lab's own (A) on one seed and
 * workload, both from time 0. Invariant: a B that the engine refuses opens nothing and says why.
 */
import {
  DEFAULT_WORKLOAD,
  ScenarioError,
  parseScenario,
  type CompareKit,
  type ScenarioInput,
  type WorkloadOptions,
} from '../../engine/index.ts';
import { createLab } from '../connectEngine.ts';
import type { LabStore } from '../labStore.ts';
import { errorMessage } from '../opText.ts';
import type { PresetName } from '../presetName.ts';
import { scenarioFor, workloadRuns } from '../settings.ts';
import { startComparison, type Comparison } from './coordinator.ts';

export interface CompareSetup {
  /** Side A's scenario; without it A is the lab's current scenario with its settings. */
  readonly a?: ScenarioInput;
  /** Side B's scenario; without it B starts as A's, to be changed in B's own settings. */
  readonly b?: ScenarioInput;
}

export type Opened =
  | {
      readonly ok: true;
      readonly comparison: Comparison;
      readonly a: ScenarioInput;
      readonly b: ScenarioInput;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

const presetFor = (scenario: ScenarioInput): PresetName =>
  scenario.nodes.filter((n) => n.role === 'primary').length > 1 ? 'master-master' : 'master-slave';

function problemsOf(side: string, scenario: ScenarioInput): string[] {
  try {
    parseScenario(scenario);
    return [];
  } catch (error) {
    const problems = error instanceof ScenarioError ? error.problems : [errorMessage(error)];
    return problems.map((p) => `${side}: ${p}`);
  }
}

/**
 * Starts both sides over from time 0: A (`store`) on `setup.a` (or its own scenario), B on `setup.b`
 * (or A's), one seed (A's) and one workload (A's if it runs, else the default), then joins them on one
 * clock and command stream (`startComparison`, with the engine's `loadCompare()` as `kit`).
 */
export function openComparison(store: LabStore, setup: CompareSetup, kit: CompareKit): Opened {
  const state = store.getState();
  const current = scenarioFor(state.scenario, state.settings);
  const a = setup.a ?? current;
  const seed = a.seed ?? parseScenario(current).seed;
  const b = { ...(setup.b ?? a), seed };
  const problems = [...problemsOf('A', { ...a, seed }), ...problemsOf('B', b)];
  if (problems.length > 0) return { ok: false, problems };
  const workload: Partial<WorkloadOptions> = workloadRuns(state.settings.workload)
    ? state.settings.workload
    : DEFAULT_WORKLOAD;
  const sideB = createLab({
    preset: presetFor(b),
    playing: false,
    speed: state.speed,
    theme: state.theme,
    vocabulary: state.vocabulary,
    presenting: state.presenting,
  });
  const { actions } = state;
  const loadedA = actions.loadScenario(
    { ...a, seed },
    { preset: setup.a ? presetFor(a) : state.presetName, workload },
  );
  const loadedB = sideB.getState().actions.loadScenario(b, { preset: presetFor(b), workload });
  if (!loadedA || !loadedB) {
    const error = (loadedA ? sideB : store).getState().error ?? 'the engine refused it';
    return { ok: false, problems: [`${loadedA ? 'B' : 'A'}: ${error}`] };
  }
  if (state.playing) sideB.setState({ playing: true });
  return { ok: true, comparison: startComparison(store, sideB, kit), a: { ...a, seed }, b };
}
