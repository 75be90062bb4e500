/**
 * The text inside a link's hash value, shared by run links (`#s=`) and lesson links (`#l=`): the codec
 * prefix (`v1z:` lz-string, `v1j:` percent-encoded JSON, readable for debugging) and the size caps,
 * checked before and after decompressing. Links are untrusted input.
 */
// lz-string is CommonJS: its default import works in the bundle and in Node (the command line) alike.
import lzString from 'lz-string';
import type { Checked } from '../../store/run.ts';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = lzString;

/** Most characters a link's hash may hold before it is decompressed. */
export const MAX_ENCODED_CHARS = 200_000;
/** Most characters the decompressed JSON may hold. */
export const MAX_DECODED_CHARS = 256 * 1024;

export type Codec = 'v1z' | 'v1j';

/** `v1z:<lz-string>` (or `v1j:<percent-encoded>`) for a link's JSON text. */
export function encodeLinkText(json: string, codec: Codec = 'v1z'): string {
  return codec === 'v1z' ? `v1z:${compressToEncodedURIComponent(json)}` : `v1j:${encodeURIComponent(json)}`;
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

/** The JSON text a hash value (`v1z:...`) holds, its size checked before it is decompressed. */
export function decodeLinkText(encoded: string): Checked<string> {
  if (encoded.length > MAX_ENCODED_CHARS) {
    return {
      ok: false,
      problems: [`link: ${encoded.length} characters, more than the ${MAX_ENCODED_CHARS} allowed`],
    };
  }
  const colon = encoded.indexOf(':');
  if (colon < 0) return { ok: false, problems: ['link: missing the format prefix (v1z:)'] };
  return decompress(encoded.slice(0, colon), encoded.slice(colon + 1));
}

/** Parses a link's JSON text, its size checked first. */
export function parseLinkJson(json: string, maxChars = MAX_DECODED_CHARS): Checked<unknown> {
  if (json.length > maxChars) {
    return {
      ok: false,
      problems: [`link: the data is ${json.length} characters, more than the ${maxChars} allowed`],
    };
  }
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, problems: ['link: the data is not valid JSON (the link may be cut off)'] };
  }
}
