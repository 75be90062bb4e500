/**
 * Share links: a recorded run in the URL hash as `#s=v1z:<lz-string>` (or `v1j:<JSON>`, readable,
 * for debugging; the prefix names the codec, not the format). The JSON carries a format version `v`;
 * older versions migrate forward through MIGRATIONS, and everything is validated before the lab
 * replays it. Links are untrusted input.
 */
// lz-string is CommonJS: its default import works in the bundle and in Node (the command line) alike.
import lzString from 'lz-string';
import type { Checked, RunRecord } from '../../store/run.ts';
import { validateRun } from '../../store/runCheck.ts';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = lzString;

export { linkReport, runParam } from './linkHash.ts';

/** The link format this build writes: 2 added `at`, the instant the lab showed. */
export const LINK_VERSION = 2;
/** Most characters a link's hash may hold before it is decompressed. */
export const MAX_ENCODED_CHARS = 200_000;
/** Most characters the decompressed JSON may hold. */
export const MAX_DECODED_CHARS = 256 * 1024;
/** Links longer than this may be cut off by chat tools and mail; the Share dialog offers a file. */
export const LONG_LINK_CHARS = 2000;

export type Codec = 'v1z' | 'v1j';

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
  const json = JSON.stringify({ v: LINK_VERSION, ...run });
  return codec === 'v1z' ? `v1z:${compressToEncodedURIComponent(json)}` : `v1j:${encodeURIComponent(json)}`;
}

/** `#s=...` for a run. */
export function runHash(run: RunRecord, codec: Codec = 'v1z'): string {
  return `#s=${encodeRun(run, codec)}`;
}

function decompress(codec: string, payload: string): Checked<string> {
  if (codec === 'v1z') {
    // Typed as string, but lz-string returns null (or '') for data that is not its output.
    const json = decompressFromEncodedURIComponent(payload) as string | null;
    if (json === null || json === '') {
      return { ok: false, problems: ['link: the compressed data is damaged or cut off'] };
    }
    return { ok: true, value: json };
  }
  if (codec === 'v1j') {
    try {
      return { ok: true, value: decodeURIComponent(payload) };
    } catch {
      return { ok: false, problems: ['link: the data is not valid percent-encoding'] };
    }
  }
  return { ok: false, problems: [`link: unknown format "${codec}" (expected v1z or v1j)`] };
}

/**
 * Parses and validates JSON text holding a versioned run (a link's, or a scenario file's with the
 * file's own size cap).
 */
export function decodeRunJson(json: string, maxChars = MAX_DECODED_CHARS): Checked<RunRecord> {
  if (json.length > maxChars) {
    return {
      ok: false,
      problems: [`link: the data is ${json.length} characters, more than the ${maxChars} allowed`],
    };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return { ok: false, problems: ['link: the data is not valid JSON (the link may be cut off)'] };
  }
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
  if (encoded.length > MAX_ENCODED_CHARS) {
    return {
      ok: false,
      problems: [`link: ${encoded.length} characters, more than the ${MAX_ENCODED_CHARS} allowed`],
    };
  }
  const colon = encoded.indexOf(':');
  if (colon < 0) return { ok: false, problems: ['link: missing the format prefix (v1z:)'] };
  const json = decompress(encoded.slice(0, colon), encoded.slice(colon + 1));
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
