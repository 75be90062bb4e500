/**
 * The calibration suites: each scenario on a real server (PostgreSQL, MariaDB) and on the engine, compared;
 * prints the tables and, after a suite's full run, writes its sections of RESULTS.md and the README.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { markdown, summary } from './lib/report.ts';
import type { Suite, SuiteResult } from './lib/suite.ts';
import { postgresqlSuite } from './scenarios/index.ts';
import { mariadbSuite } from './scenarios/mariadb/index.ts';

const SUITES: readonly Suite[] = [postgresqlSuite, mariadbSuite];
const RESULTS = join(import.meta.dirname, 'RESULTS.md');
const README = join(import.meta.dirname, '..', 'README.md');

function cleanUpAll(): void {
  for (const suite of SUITES) suite.cleanUp();
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => {
    console.error(`\ncalibration: ${signal}, stopping every server`);
    cleanUpAll();
    process.exit(code);
  });
}
process.on('exit', cleanUpAll);
// Orphaned (the shell npm started us from was killed, and signals no longer reach us): stop everything.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid === parent) return;
  console.error('\ncalibration: the parent process is gone, stopping every server');
  cleanUpAll();
  process.exit(1);
}, 500).unref();

/** Formats Markdown as the repository's Prettier would, so `format:check` stays green on what we write. */
async function formatMarkdown(text: string): Promise<string> {
  const options = (await resolveConfig(RESULTS)) ?? {};
  return format(text, { ...options, parser: 'markdown' });
}

/** Replaces a file's region between `<!-- NAME:start ... -->` and `<!-- NAME:end -->` with `text`. */
async function replaceRegion(file: string, name: string, text: string): Promise<void> {
  const content = readFileSync(file, 'utf8');
  const startMarker = `<!-- ${name}:start (written by npm run calibrate) -->`;
  const endMarker = `<!-- ${name}:end -->`;
  const start = content.indexOf(startMarker);
  const end = content.indexOf(endMarker);
  if (start < 0 || end < start) {
    console.error(`calibration: ${file} has no ${startMarker} … ${endMarker} region; not updated`);
    return;
  }
  const updated = `${content.slice(0, start + startMarker.length)}\n\n${text}\n${content.slice(end)}`;
  writeFileSync(file, await formatMarkdown(updated));
}

/**
 * `--check` is the form `npm test` runs: it never rewrites RESULTS.md, and on a machine without the
 * suite's server it says that the suite was skipped and why, unless CI=true, where that is a failure.
 */
function skipOrFail(suite: Suite, reason: string): number {
  if (process.env['CI'] === 'true') {
    console.error(
      `calibration: FAILED: ${suite.name}: ${reason} (CI=true: calibration must run in CI; .ci/run installs it)`,
    );
    return 1;
  }
  console.log(`calibration: SKIPPED: ${suite.name}: ${reason}.`);
  console.log(`calibration: the engine was not checked against ${suite.name}; CI=true makes this a failure.`);
  return 0;
}

interface Args {
  readonly check: boolean;
  readonly suites: readonly Suite[];
  readonly ids: readonly string[];
}

/** `[--check] [--only postgresql|mariadb] [scenario ids...]`; a string is a usage error. */
function parseArgs(args: readonly string[]): Args | string {
  let check = false;
  let suites = SUITES;
  const ids: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--check') check = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const name = arg === '--only' ? args[++i] : arg.slice('--only='.length);
      const suite = SUITES.find((s) => s.id === name);
      if (suite === undefined)
        return `--only takes one of ${SUITES.map((s) => s.id).join(', ')} (got ${name ?? 'nothing'})`;
      suites = [suite];
    } else ids.push(arg);
  }
  const unknown = ids.filter((id) => !suites.some((s) => s.scenarioIds.includes(id)));
  if (unknown.length > 0)
    return `no scenario ${unknown.join(', ')} (known: ${suites.flatMap((s) => s.scenarioIds).join(' ')})`;
  return { check, suites, ids };
}

/** Runs one suite; returns its exit code (0 all agree, 1 one does not or was skipped under CI, 2 it could not start). */
async function runSuite(suite: Suite, ids: readonly string[], check: boolean): Promise<number> {
  if (check) {
    const reason = suite.unavailableReason();
    if (reason !== undefined) return skipOrFail(suite, reason);
  }
  const started = performance.now();
  const result: SuiteResult = { version: `${suite.name} (not started)`, rows: [] };
  let code = 0;
  try {
    await suite.run(ids, result);
  } catch (error) {
    console.error(`calibration: ${suite.name}: ${error instanceof Error ? error.message : String(error)}`);
    code = 2;
  }
  const { rows, version } = result;
  const seconds = (performance.now() - started) / 1000;
  const section = await formatMarkdown(markdown(rows, suite.name, version, seconds));
  console.log(`\n${section}`);
  // Only a suite's full run replaces its recorded results; `-- a e` and `--check` just print.
  if (ids.length === 0 && !check && code === 0 && rows.length > 0) {
    await replaceRegion(RESULTS, `results:${suite.id}`, section);
    const date = new Date().toISOString().slice(0, 10);
    await replaceRegion(README, `calibration:${suite.id}`, summary(rows, version, seconds, date));
  }
  const expected = ids.length === 0 ? suite.scenarioIds.length : ids.length;
  const agreed = rows.filter((r) => r.agree === 'yes').length;
  console.log(`\ncalibration: ${suite.name}: ${agreed}/${rows.length} agree, ${seconds.toFixed(0)} s`);
  return code !== 0 ? code : agreed === expected && rows.length === expected ? 0 : 1;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`calibration: ${args}`);
    return 2;
  }
  let code = 0;
  for (const suite of args.suites) {
    const ids = args.ids.filter((id) => suite.scenarioIds.includes(id));
    if (args.ids.length > 0 && ids.length === 0) continue;
    code = Math.max(code, await runSuite(suite, ids, args.check));
  }
  return code;
}

process.exitCode = await main();
