/** Compares the two sides of a scenario and renders the results as a console table and as Markdown. */
import { outcomeOf, type Facts, type Outcome } from './scenario.ts';

export type Verdict = 'yes' | 'no' | 'error';

/** What a row needs of its scenario (any suite's). */
interface Asked {
  readonly id: string;
  readonly title: string;
  readonly reference: Facts;
  readonly engineNeeds?: readonly string[];
}

export interface Row {
  readonly id: string;
  readonly title: string;
  /** The real server's outcome (PostgreSQL's or MariaDB's: the suite's `system`). */
  readonly server: string;
  readonly engine: string;
  readonly agree: Verdict;
  /** Why not: each differing fact, and the engine changes that would close the gap. */
  readonly notes: readonly string[];
  /** Measured numbers behind the facts, per side ("PostgreSQL: ..."). */
  readonly figures: readonly string[];
  readonly seconds: number;
}

export function formatFacts(facts: Facts): string {
  return Object.entries(facts)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
}

function differences(a: Facts, b: Facts, aName: string, bName: string): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((key) => a[key] !== b[key])
    .map((key) => `${key}: ${aName} ${String(a[key] ?? '(none)')}, ${bName} ${String(b[key] ?? '(none)')}`);
}

/** Agreement: the server matches the measured reference, and the engine matches the server, fact by fact. */
export function compare(
  scenario: Asked,
  system: string,
  serverAnswer: Facts | Outcome,
  engineAnswer: Facts | Outcome,
  seconds: number,
): Row {
  const { facts: server, figures: serverFigures } = outcomeOf(serverAnswer);
  const { facts: engine, figures: engineFigures } = outcomeOf(engineAnswer);
  const figures = [
    ...(serverFigures === undefined ? [] : [`${system}: ${serverFigures}`]),
    ...(engineFigures === undefined ? [] : [`engine: ${engineFigures}`]),
  ];
  const offReference = differences(server, scenario.reference, system, 'reference');
  const offEngine = differences(server, engine, system, 'engine');
  const notes = [...offReference, ...offEngine];
  if (offEngine.length > 0)
    notes.push(...(scenario.engineNeeds ?? []).map((need) => `engine needs: ${need}`));
  return {
    id: scenario.id,
    title: scenario.title,
    server: formatFacts(server),
    engine: formatFacts(engine),
    agree: notes.length === 0 ? 'yes' : 'no',
    notes,
    figures,
    seconds,
  };
}

/** A scenario whose `side` (the system's name, or "engine") threw. */
export function failed(scenario: Asked, side: string, error: unknown, seconds: number): Row {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id: scenario.id,
    title: scenario.title,
    server: side === 'engine' ? '' : 'error',
    engine: side === 'engine' ? 'error' : '',
    agree: 'error',
    notes: [`${side} side failed: ${message.split('\n')[0] ?? message}`],
    figures: [],
    seconds,
  };
}

/** The console form: one block per scenario, easy to read in a CI log. */
export function consoleTable(rows: readonly Row[], system: string): string {
  const label = `${system}:`.padEnd(Math.max(system.length + 2, 12));
  return rows
    .map((row) =>
      [
        `(${row.id}) ${row.title}: agree? ${row.agree}  [${row.seconds.toFixed(1)} s]`,
        `    ${label}${row.server}`,
        `    ${'engine:'.padEnd(label.length)}${row.engine}`,
        ...row.figures.map((figure) => `    ${figure}`),
        ...row.notes.map((note) => `    - ${note}`),
      ].join('\n'),
    )
    .join('\n');
}

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** One suite's section of calibration/RESULTS.md: its table, its figures and its disagreements. */
export function markdown(rows: readonly Row[], system: string, version: string, seconds: number): string {
  const agreed = rows.filter((row) => row.agree === 'yes').length;
  const lines = [
    `## ${system}`,
    '',
    `Against \`${version}\`, ${agreed} of ${rows.length} scenarios agree (run took ${seconds.toFixed(0)} s).`,
    '',
    `| scenario | ${system} outcome | engine outcome | agree? |`,
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| (${row.id}) ${cell(row.title)} | ${cell(row.server)} | ${cell(row.engine)} | ${row.agree} |`,
    ),
  ];
  const measured = rows.filter((row) => row.figures.length > 0);
  if (measured.length > 0) {
    lines.push('', `### ${system}: figures`, '');
    for (const row of measured) {
      lines.push(`- **(${row.id}) ${row.title}**`, ...row.figures.map((figure) => `  - ${cell(figure)}`));
    }
  }
  const explained = rows.filter((row) => row.notes.length > 0);
  if (explained.length > 0) {
    lines.push('', `### ${system}: disagreements`, '');
    for (const row of explained) {
      lines.push(`- **(${row.id}) ${row.title}**`, ...row.notes.map((note) => `  - ${cell(note)}`));
    }
  }
  return lines.join('\n') + '\n';
}

/** The short form for the README's calibration section: one line per scenario, and the figures. */
export function summary(rows: readonly Row[], version: string, seconds: number, date: string): string {
  const agreed = rows.filter((row) => row.agree === 'yes').length;
  const lines = [
    `Latest full run (${date}): against \`${version}\`, **${agreed} of ${rows.length} scenarios agree**,`,
    `in ${seconds.toFixed(0)} s. Every fact of every scenario is in \`calibration/RESULTS.md\`.`,
    '',
    '| scenario | agree? |',
    '| --- | --- |',
    ...rows.map((row) => `| (${row.id}) ${cell(row.title)} | ${row.agree} |`),
  ];
  for (const row of rows.filter((r) => r.figures.length > 0)) {
    lines.push('', `(${row.id}) figures:`, '', ...row.figures.map((figure) => `- ${cell(figure)}`));
  }
  return lines.join('\n') + '\n';
}
