/**
 * Scenario files: the same versioned JSON as a link (a run: scenario, commands, time), pretty
 * printed. Import also takes a bare scenario (`{"nodes": [...]}`), which starts at time 0.
 */
import { type Checked, type RunRecord } from '../../store/index.ts';
import { checkScenario } from '../../store/runCheck.ts';
import { LINK_VERSION, MAX_DECODED_CHARS, decodeRunJson } from './linkCodec.ts';

export function runFileText(run: RunRecord): string {
  return `${JSON.stringify({ v: LINK_VERSION, ...run }, null, 2)}\n`;
}

/** Reads a file's text as a run, with the same checks as a link. */
export function parseRunFile(text: string): Checked<RunRecord> {
  if (text.length > MAX_DECODED_CHARS) {
    return {
      ok: false,
      problems: [`file: ${text.length} characters, more than the ${MAX_DECODED_CHARS} allowed`],
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
  return decodeRunJson(text);
}
