/**
 * The lessons' short, safe markup: `*emphasis*` and `` `code` `` in plain text. Text is split into
 * pieces that the view renders as React elements (never as HTML), and HTML tags are refused outright.
 */

export type MarkupPiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'em'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string };

/**
 * `` `code` `` (anything but a backtick inside) or `*emphasis*` (no `*` inside, not starting or
 * ending with a space, so "2 * 3 * 4" stays text).
 */
const MARKUP = /`([^`\n]+)`|\*([^*\s](?:[^*\n]*[^*\s])?)\*/g;

/** The pieces of `text`: plain text, emphasis and code, in order. Unpaired marks stay text. */
export function markupPieces(text: string): MarkupPiece[] {
  const pieces: MarkupPiece[] = [];
  let from = 0;
  for (const match of text.matchAll(MARKUP)) {
    if (match.index > from) pieces.push({ kind: 'text', text: text.slice(from, match.index) });
    const [whole, code, em] = match;
    pieces.push(code === undefined ? { kind: 'em', text: em ?? '' } : { kind: 'code', text: code });
    from = match.index + whole.length;
  }
  if (from < text.length) pieces.push({ kind: 'text', text: text.slice(from) });
  return pieces;
}

/**
 * An HTML tag, comment or declaration: `<b>`, `</p>`, `<img src=x>`, `<!-- -->`, `<!DOCTYPE`. A lone
 * `<` ("lag < 5 ms") is text.
 */
const TAG = /<\/?[A-Za-z][^<>]*>|<!--|<![A-Za-z[]|<\?[A-Za-z]/;

/** The markup `text` holds ("<b>"), or null when it holds none. */
export function htmlIn(text: string): string | null {
  const found = TAG.exec(text)?.[0];
  return found === undefined ? null : found.length > 40 ? `${found.slice(0, 39)}…` : found;
}
