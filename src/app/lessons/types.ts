/**
 * Lessons as data: a scenario plus steps. Each step has text (with role placeholders such as
 * `{primary}`), an optional target to highlight, actions (the learner's to do in the lab, or the Next
 * button's), an optional prediction to make first, and a condition on the engine's state that must hold
 * before the lesson moves on.
 */
import type {
  ConfigureOptions,
  ReplicationMode,
  ScenarioInput,
  WorkloadOptions,
} from '../../engine/index.ts';
import type { PresetName, SettingsPatch } from '../../store/index.ts';

/** A preset's nodes with fields of the scenario overridden (validated with the engine's parseScenario). */
export interface LessonScenario {
  readonly preset: PresetName;
  readonly overrides?: Partial<Omit<ScenarioInput, 'version'>>;
  /** A background client workload started with the lesson. */
  readonly workload?: Partial<WorkloadOptions>;
}

/** A panel of the lab a step may ring (format 3): the dock's panels, the metrics strip, the timeline. */
export type LessonPanelName =
  | 'events'
  | 'charts'
  | 'metrics'
  | 'timeline'
  | 'lost-writes'
  | 'conflicts'
  | 'backups'
  | 'failover'
  | 'inspector';

/** What a step points at: a graph node by id, a control by its accessible name, or a panel (format 3). */
export type LessonTarget =
  { readonly node: string } | { readonly control: string } | { readonly panel: LessonPanelName };

/** What Next does, carried out through the store's actions, so the engine records each as a command. */
export type LessonAction =
  | { readonly do: 'write'; readonly node: string; readonly key: string; readonly value: string }
  | { readonly do: 'read'; readonly node: string; readonly key: string }
  | { readonly do: 'kill' | 'restart' | 'promote' | 'takeBackup' | 'addReplica'; readonly node: string }
  | { readonly do: 'restoreBackup' }
  | { readonly do: 'repoint'; readonly node: string; readonly upstream: string }
  | { readonly do: 'partition'; readonly groups: readonly (readonly string[])[] }
  | { readonly do: 'heal' }
  | { readonly do: 'setLatency'; readonly a: string; readonly b: string; readonly ms: number }
  | ({ readonly do: 'startWorkload' } & Partial<WorkloadOptions>)
  | { readonly do: 'stopWorkload' }
  | { readonly do: 'advance'; readonly ms: number }
  /** Changes settings and starts the simulation over with them (`applySettings`, like Reset). */
  | { readonly do: 'configure'; readonly settings: SettingsPatch }
  /** Changes settings in the run, from this instant on (the Settings panel's change: a recorded `configure`). */
  | { readonly do: 'changeSettings'; readonly settings: ConfigureOptions }
  /** Starts another scenario over (a variant of the lesson's). */
  | { readonly do: 'load'; readonly scenario: LessonScenario };

/** A number range; either bound may be left open. */
export interface Range {
  readonly atLeast?: number;
  readonly atMost?: number;
}

export type MetricName =
  | 'writes'
  | 'reads'
  | 'failedWrites'
  | 'failedReads'
  | 'lostWrites'
  | 'staleReads'
  | 'blockedWrites'
  | 'conflicts'
  | 'overwrittenWrites'
  | 'failovers'
  | 'writeLatencyP50'
  | 'writeLatencyP99';

export type FlagName = 'readOnly' | 'splitBrain' | 'syncDegraded';

export interface NodeCondition {
  readonly node: string;
  readonly status?: 'up' | 'down';
  readonly role?: 'primary' | 'replica';
  /** The node machine's state starts with this, e.g. `primary.fenced` or `replica.streaming`. */
  readonly state?: string;
  /** A read there returns this key (with this value, when given). */
  readonly has?: { readonly key: string; readonly value?: string };
  /** A read there does not return this key. */
  readonly lacks?: string;
  /** The key holds concurrent versions (siblings) there. */
  readonly siblings?: string;
  readonly lagEntries?: Range;
  readonly lagMs?: Range;
  /** Client operations served per simulated second. */
  readonly load?: Range;
}

/** Something about the engine's state that must hold; evaluated by `conditionHolds`. */
export type LessonCondition =
  | NodeCondition
  /**
   * A metric in a range; with `since: 'step'` (format 3), how much it grew since the step was reached
   * ("a write is lost during this step"), else its total over the run.
   */
  | ({ readonly metric: MetricName; readonly since?: 'step' } & Range)
  | { readonly flag: FlagName; readonly is: boolean }
  | { readonly conflicts: Range }
  | { readonly backups: Range }
  /** The running simulation replicates in this mode. */
  | { readonly mode: ReplicationMode }
  | { readonly all: readonly LessonCondition[] };

/** Who carries out a step's actions: the learner in the lab (Show me does it for them), or Next. */
export type StepDoer = 'learner' | 'next';

/** One answer to a prediction; `right` marks the answers that hold (one or more). */
export interface PredictionChoice {
  readonly text: string;
  readonly right?: boolean;
}

/** A question the learner answers before the lab plays the step; `explain` says why, in one sentence. */
export interface Prediction {
  readonly question: string;
  readonly choices: readonly PredictionChoice[];
  readonly explain: string;
}

export interface LessonStep {
  /** What the reader is looking at and what comes next; `{primary}`, `{replicas}`... follow the vocabulary. */
  readonly text: string;
  readonly target?: LessonTarget;
  readonly actions?: readonly LessonAction[];
  /**
   * Who does the actions. By default the learner, when the first action is one a learner can do in the lab
   * (a write, a kill, a setting...) and the step asks no prediction; else Next (stepDoer in steps.ts).
   */
  readonly doneBy?: StepDoer;
  /** Asked before the lab plays the step (by Next: a prediction's step is never the learner's). */
  readonly predict?: Prediction;
  /** Must hold before the lesson moves on; false before the actions, true right after them. */
  readonly condition?: LessonCondition;
}

export interface Lesson {
  /** Used in links: `?lesson=ID&step=N`. */
  readonly id: string;
  readonly title: string;
  /** One line for the Lessons menu. */
  readonly summary: string;
  readonly scenario: LessonScenario;
  readonly steps: readonly LessonStep[];
}
