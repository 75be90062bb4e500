/**
 * Scenario files: the same versioned JSON as a link (a run: scenario, commands, time, and `at` when the
 * lab showed the past), pretty printed. Import also takes a bare scenario (`{"nodes": [...]}`), which
 * starts at time 0.
 */
import { type Checked, type RunRecord } from '../../store/index.ts';
import { checkScenario } from '../../store/runCheck.ts';
import { LINK_VERSION, decodeRunJson } from './linkCodec.ts';

/**
 * Most characters a scenario file may hold: far more than a link (no URL carries it, and a person picked
 * it), room for MAX_COMMANDS writes at the field limits, pretty printed (about 13 MB at worst). So a run
 * too long for a link still fits in a file, unless the run check itself refuses it.
 */
export const MAX_FILE_CHARS = 16 * 1024 * 1024;

export function runFileText(run: RunRecord): string {
  return `${JSON.stringify({ v: LINK_VERSION, ...run }, null, 2)}\n`;
}

/** Reads a file's text as a run, with the same checks as a link. */
export function parseRunFile(text: string): Checked<RunRecord> {
  if (text.length > MAX_FILE_CHARS) {
    return {
      ok: false,
      problems: [`file: ${text.length} characters, more than the ${MAX_FILE_CHARS} allowed`],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['file: not valid JSON'] };
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && !('v' in data)) {
    const scenario = checkScenario(data, 'scenario');
    return scenario.ok ? { ok: true, value: { scenario: scenario.value, commands: [], time: 0 } } : scenario;
  }
  return decodeRunJson(text, MAX_FILE_CHARS);
}

/** What would stop `run`'s scenario file from loading (the Share dialog warns with it). */
export function fileProblems(run: RunRecord): readonly string[] {
  const parsed = parseRunFile(runFileText(run));
  return parsed.ok ? [] : parsed.problems;
}
