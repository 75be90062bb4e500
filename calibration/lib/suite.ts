/** A suite: one database's lab and scenarios, run one after another, each compared; the lab always cleaned up. */
import { compare, consoleTable, failed, type Row } from './report.ts';
import type { Facts, Outcome, Scenario } from './scenario.ts';

export type SystemId = 'postgresql' | 'mariadb';

/** What a run of a suite gave: the server's version and one row per scenario run so far. */
export interface SuiteResult {
  version: string;
  readonly rows: Row[];
}

export interface Suite {
  /** Its name on the command line (`--only mariadb`) and in the results' markers. */
  readonly id: SystemId;
  /** Its name in tables and messages ("MariaDB"). */
  readonly name: string;
  readonly scenarioIds: readonly string[];
  /** Why this machine cannot run it, or undefined when it can. */
  readonly unavailableReason: () => string | undefined;
  /** Runs the scenarios with the given ids (all when empty) into `result`, printing each row as it ends. */
  readonly run: (ids: readonly string[], result: SuiteResult) => Promise<void>;
  /** Stops every server of the suite and removes its scratch root; synchronous, for signal handlers. */
  readonly cleanUp: () => void;
}

export interface SuiteSpec<L> {
  readonly id: SystemId;
  readonly name: string;
  readonly scenarios: readonly Scenario<L>[];
  readonly createLab: () => Promise<L>;
  readonly versionOf: (lab: L) => string;
  /** Its scratch directory (kept with CALIBRATE_KEEP). */
  readonly rootOf: (lab: L) => string;
  readonly unavailableReason: () => string | undefined;
  readonly cleanUp: () => void;
}

async function runScenario<L>(lab: L, scenario: Scenario<L>, system: string): Promise<Row> {
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  let engine: Facts | Outcome;
  try {
    engine = scenario.engine();
  } catch (error) {
    return failed(scenario, 'engine', error, elapsed());
  }
  try {
    return compare(scenario, system, await scenario.server(lab), engine, elapsed());
  } catch (error) {
    return failed(scenario, system, error, elapsed());
  }
}

export function defineSuite<L>(spec: SuiteSpec<L>): Suite {
  return {
    id: spec.id,
    name: spec.name,
    scenarioIds: spec.scenarios.map((s) => s.id),
    unavailableReason: spec.unavailableReason,
    cleanUp: spec.cleanUp,
    run: async (ids, result) => {
      const chosen = ids.length === 0 ? spec.scenarios : spec.scenarios.filter((s) => ids.includes(s.id));
      try {
        const lab = await spec.createLab();
        result.version = spec.versionOf(lab);
        console.log(`calibration: ${result.version}, scratch ${spec.rootOf(lab)}`);
        for (const scenario of chosen) {
          const row = await runScenario(lab, scenario, spec.name);
          console.log(consoleTable([row], spec.name));
          result.rows.push(row);
        }
      } finally {
        spec.cleanUp();
      }
    },
  };
}
