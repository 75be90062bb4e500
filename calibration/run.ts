/** The calibration suite: each scenario on real PostgreSQL and on the engine; prints and writes the table. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { cleanUpLab, createLab, unavailableReason, type Lab } from './lib/lab.ts';
import { compare, consoleTable, failed, markdown, summary, type Row } from './lib/report.ts';
import type { Facts, Outcome, Scenario } from './lib/scenario.ts';
import { scenarios } from './scenarios/index.ts';

const RESULTS = join(import.meta.dirname, 'RESULTS.md');
const README = join(import.meta.dirname, '..', 'README.md');
const README_START = '<!-- calibration:start (written by npm run calibrate) -->';
const README_END = '<!-- calibration:end -->';

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => {
    console.error(`\ncalibration: ${signal}, stopping every server`);
    cleanUpLab();
    process.exit(code);
  });
}
process.on('exit', cleanUpLab);
// Orphaned (the shell npm started us from was killed, and signals no longer reach us): stop everything.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid === parent) return;
  console.error('\ncalibration: the parent process is gone, stopping every server');
  cleanUpLab();
  process.exit(1);
}, 500).unref();

async function runScenario(lab: Lab, scenario: Scenario): Promise<Row> {
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  let engine: Facts | Outcome;
  try {
    engine = scenario.engine();
  } catch (error) {
    return failed(scenario, 'engine', error, elapsed());
  }
  try {
    return compare(scenario, await scenario.postgres(lab), engine, elapsed());
  } catch (error) {
    return failed(scenario, 'PostgreSQL', error, elapsed());
  }
}

/** Formats Markdown as the repository's Prettier would, so `format:check` stays green on what we write. */
async function formatMarkdown(text: string): Promise<string> {
  const options = (await resolveConfig(RESULTS)) ?? {};
  return format(text, { ...options, parser: 'markdown' });
}

/** Replaces the README's region between the calibration markers with the latest summary. */
async function updateReadme(text: string): Promise<void> {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) {
    console.error(`calibration: README.md has no ${README_START} … ${README_END} region; not updated`);
    return;
  }
  const updated = `${readme.slice(0, start + README_START.length)}\n\n${text}\n${readme.slice(end)}`;
  writeFileSync(README, await formatMarkdown(updated));
}

/**
 * `--check` is the form `npm test` runs: it never rewrites RESULTS.md, and on a machine without
 * PostgreSQL it says that calibration was skipped and why, unless CI=true, where that is a failure.
 */
function skipOrFail(reason: string): number {
  if (process.env['CI'] === 'true') {
    console.error(
      `calibration: FAILED: ${reason} (CI=true: calibration must run in CI; .ci/run installs it)`,
    );
    return 1;
  }
  console.log(`calibration: SKIPPED: ${reason}.`);
  console.log('calibration: the engine was not checked against PostgreSQL; CI=true makes this a failure.');
  return 0;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const wanted = args.filter((arg) => arg !== '--check');
  if (check) {
    const reason = unavailableReason();
    if (reason !== undefined) return skipOrFail(reason);
  }
  const unknown = wanted.filter((id) => !scenarios.some((s) => s.id === id));
  if (unknown.length > 0) {
    console.error(
      `calibration: no scenario ${unknown.join(', ')} (known: ${scenarios.map((s) => s.id).join(' ')})`,
    );
    return 2;
  }
  const chosen = wanted.length === 0 ? scenarios : scenarios.filter((s) => wanted.includes(s.id));
  const started = performance.now();
  const rows: Row[] = [];
  let version = 'PostgreSQL (not started)';
  try {
    const lab = await createLab();
    version = lab.version;
    console.log(`calibration: ${version}, scratch ${lab.root}`);
    for (const scenario of chosen) {
      const row = await runScenario(lab, scenario);
      console.log(consoleTable([row]));
      rows.push(row);
    }
  } catch (error) {
    console.error(`calibration: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    cleanUpLab();
    const seconds = (performance.now() - started) / 1000;
    const table = await formatMarkdown(markdown(rows, version, seconds));
    console.log(`\n${table}`);
    // Only a full `npm run calibrate` replaces the recorded results; `-- a e` and `--check` just print.
    if (wanted.length === 0 && !check && rows.length > 0) {
      writeFileSync(RESULTS, table);
      await updateReadme(summary(rows, version, seconds, new Date().toISOString().slice(0, 10)));
    }
    console.log(
      `\ncalibration: ${rows.filter((r) => r.agree === 'yes').length}/${rows.length} agree, ${seconds.toFixed(0)} s`,
    );
  }
  return rows.every((row) => row.agree === 'yes') && rows.length === chosen.length ? 0 : 1;
}

process.exitCode = await main();
