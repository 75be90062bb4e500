/**
 * Share links: a recorded run in the URL hash as `#s=v1z:<lz-string>` (or `v1j:<JSON>`, readable,
 * for debugging; the prefix names the codec, not the format). The JSON carries a format version `v`;
 * older versions migrate forward through MIGRATIONS, and everything is validated before the lab
 * replays it. Links are untrusted input.
 */
import type { Checked, RunRecord } from '../../store/run.ts';
import { validateRun } from '../../store/runCheck.ts';
import { MAX_DECODED_CHARS, decodeLinkText, encodeLinkText, parseLinkJson, type Codec } from './linkText.ts';

export {
  MAX_DECODED_CHARS,
  MAX_ENCODED_CHARS,
  decodeLinkText,
  encodeLinkText,
  parseLinkJson,
  type Codec,
} from './linkText.ts';

export { linkReport, runParam } from './linkHash.ts';

/** The link format this build writes: 2 added `at`, the instant the lab showed. */
export const LINK_VERSION = 2;
/** Links longer than this may be cut off by chat tools and mail; the Share dialog offers a file. */
export const LONG_LINK_CHARS = 2000;

/**
 * Each entry turns a payload of version N into version N + 1, and each old version has a golden fixture
 * (fixtures/v1-links.json) that must keep opening as the run it held.
 */
export const MIGRATIONS: Readonly<
  Record<number, (payload: Record<string, unknown>) => Record<string, unknown>>
> = {
  // Format 2 added an optional `at` (the instant shown): a format-1 run is one shown at its end.
  1: (v1) => v1,
};

/** Brings a payload of any known version up to LINK_VERSION, or says why it cannot. */
export function migrate(
  payload: Record<string, unknown>,
  migrations = MIGRATIONS,
  latest = LINK_VERSION,
): Checked<Record<string, unknown>> {
  const v = payload.v;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return { ok: false, problems: ['v: missing or not a format version (a whole number from 1)'] };
  }
  if (v > latest) {
    return {
      ok: false,
      problems: [
        `v: this link was made by a newer Replication Lab (format ${v}); this one reads formats up to ${latest}`,
      ],
    };
  }
  let current = payload;
  for (let version = v; version < latest; version++) {
    const step = migrations[version];
    if (step === undefined) return { ok: false, problems: [`v: no migration from format ${version}`] };
    current = { ...step(current), v: version + 1 };
  }
  return { ok: true, value: current };
}

/** The hash value (without `#s=`) for a run. */
export function encodeRun(run: RunRecord, codec: Codec = 'v1z'): string {
  return encodeLinkText(JSON.stringify({ v: LINK_VERSION, ...run }), codec);
}

/** `#s=...` for a run. */
export function runHash(run: RunRecord, codec: Codec = 'v1z'): string {
  return `#s=${encodeRun(run, codec)}`;
}

/**
 * Parses and validates JSON text holding a versioned run (a link's, or a scenario file's with the
 * file's own size cap).
 */
export function decodeRunJson(json: string, maxChars = MAX_DECODED_CHARS): Checked<RunRecord> {
  const parsed = parseLinkJson(json, maxChars);
  if (!parsed.ok) return parsed;
  const payload = parsed.value;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, problems: ['(root): expected an object'] };
  }
  const migrated = migrate(payload as Record<string, unknown>);
  if (!migrated.ok) return migrated;
  const run: Record<string, unknown> = { ...migrated.value };
  delete run.v;
  return validateRun(run);
}

/** Decodes the value of a link's `s` parameter (`v1z:...`), checking size, format and contents. */
export function decodeRun(encoded: string): Checked<RunRecord> {
  const json = decodeLinkText(encoded);
  return json.ok ? decodeRunJson(json.value) : json;
}

/**
 * What would stop `run`'s link from opening, by the checks that opening it runs (size, format, the run
 * check): the Share dialog warns with these instead of handing out a link the lab then refuses.
 */
export function linkProblems(run: RunRecord): readonly string[] {
  const decoded = decodeRun(encodeRun(run));
  return decoded.ok ? [] : decoded.problems;
}
