/**
 * The parser of `synchronous_standby_names` (see standbyNames.ts): `*` matches every standby; `"quoted"`
 * names may hold other characters. Keywords and names ignore case, as PostgreSQL compares them with
 * `application_name`. It registers itself as it loads.
 */
import { registerStandbyNamesParser } from '../persist/registry.ts';
import type { SyncStandbyList } from './standbyNames.ts';

type Token = { kind: 'word' | 'quoted'; text: string } | { kind: '(' | ')' | ',' };

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c });
      i++;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return 'a quoted name is not closed';
      if (end === i + 1) return 'a quoted name is empty';
      tokens.push({ kind: 'quoted', text: text.slice(i + 1, end) });
      i = end + 1;
    } else {
      const match = /^[A-Za-z0-9_.*$-]+/.exec(text.slice(i));
      if (match === null) return `unexpected "${c}"`;
      tokens.push({ kind: 'word', text: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

const describe = (token: Token | undefined): string =>
  token === undefined ? 'the end' : 'text' in token ? `"${token.text}"` : `"${token.kind}"`;

/** Names separated by commas, up to a closing parenthesis (when `closed`) or the end. */
function nameList(tokens: readonly Token[], start: number, closed: boolean): string[] | string {
  const names: string[] = [];
  let i = start;
  for (;;) {
    const token = tokens[i];
    if (token === undefined || !('text' in token)) return `expected a standby name, found ${describe(token)}`;
    if (token.kind === 'word' && token.text.includes('*') && token.text !== '*')
      return `"${token.text}": "*" stands alone, for any standby`;
    if (names.some((name) => name.toLowerCase() === token.text.toLowerCase()))
      return `"${token.text}" is listed twice`;
    names.push(token.text);
    const next = tokens[i + 1];
    if (next?.kind === ',') {
      i += 2;
      continue;
    }
    if (closed && next?.kind === ')') {
      if (i + 2 < tokens.length) return `unexpected ${describe(tokens[i + 2])} after ")"`;
      return names;
    }
    if (closed) return `expected "," or ")", found ${describe(next)}`;
    if (next !== undefined) return `expected "," or the end, found ${describe(next)}`;
    return names;
  }
}

function isNumber(token: Token | undefined): token is { kind: 'word'; text: string } {
  return token?.kind === 'word' && /^\d+$/.test(token.text);
}

/** Parses the setting; returns the list, or a message saying what is wrong. */
export function parseStandbyNames(text: string): SyncStandbyList | string {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return tokens;
  if (tokens.length === 0) return 'names no standby (leave it out for asynchronous commit)';
  const [first, second, third] = tokens;
  const keyword = first?.kind === 'word' ? first.text.toUpperCase() : undefined;
  let method: SyncStandbyList['method'] = 'first';
  let numToken: Token | undefined;
  let listStart: number;
  if ((keyword === 'FIRST' || keyword === 'ANY') && (isNumber(second) || second?.kind === '(')) {
    method = keyword === 'ANY' ? 'any' : 'first';
    numToken = second;
    if (!isNumber(numToken)) return `${keyword} needs a number of standbys before "("`;
    if (third?.kind !== '(') return `expected "(" after ${keyword} ${numToken.text}`;
    listStart = 3;
  } else if (isNumber(first) && second?.kind === '(') {
    numToken = first;
    listStart = 2;
  } else {
    // The legacy form: a bare list means FIRST 1 over it.
    const names = nameList(tokens, 0, false);
    return typeof names === 'string' ? names : { method: 'first', num: 1, names };
  }
  const names = nameList(tokens, listStart, true);
  if (typeof names === 'string') return names;
  const num = Number(numToken.text);
  if (num < 1) return `the number of synchronous standbys (${num}) must be greater than zero`;
  if (num > names.length && !names.includes('*')) {
    return `${method.toUpperCase()} ${num} needs at least ${num} names; the list has ${names.length}`;
  }
  return { method, num, names };
}

registerStandbyNamesParser(parseStandbyNames);
