import { describe, expect, it } from 'vitest';
import { MAX_LISTED_ORIGINS, parseOriginList } from './originList.ts';
import { allowedOrigins } from './origins.ts';

describe('the ?origin= allow-list', () => {
  it('keeps the valid entries when one is malformed, and reports that one', () => {
    expect(parseOriginList('https://trusted.example,not-an-origin')).toEqual({
      origins: ['https://trusted.example'],
      problems: ['?origin: "not-an-origin" is not an origin such as https://docs.example.com; ignored'],
    });
  });

  it('trusts nobody when no entry is valid, whatever page framed the embed', () => {
    for (const raw of ['not-an-origin', '', ',', '*', 'null', ' , *, null ']) {
      const list = parseOriginList(raw);
      expect(list.origins).toEqual([]);
      expect(list.problems.at(-1)).toBe('?origin: no valid origin listed, so no page may drive the embed');
      expect(allowedOrigins(list.origins, 'https://evil.test/')).toEqual([]);
    }
  });

  it('refuses wildcards, "null", other schemes and anything more than an origin, each with its reason', () => {
    const { origins, problems } = parseOriginList(
      '*,https://*.example.com,null,javascript:alert(1),file:///etc,https://a.example/path,https://u:p@a.example,https://a.example?x=1,https://a.example#top,https://ok.example',
    );
    expect(origins).toEqual(['https://ok.example']);
    expect(problems).toEqual([
      '?origin: "*": wildcards are not supported; ignored',
      '?origin: "https://*.example.com": wildcards are not supported; ignored',
      '?origin: "null" is the origin every sandboxed page shares; ignored',
      '?origin: "javascript:alert(1)" is not an http or https origin; ignored',
      '?origin: "file:///etc" is not an http or https origin; ignored',
      expect.stringMatching(
        /^\?origin: "https:\/\/a\.example\/path" is more than an origin \(use https:\/\/a\.example/,
      ),
      expect.stringMatching(/^\?origin: "https:\/\/u:p@a\.example" is more than an origin/),
      expect.stringMatching(/^\?origin: "https:\/\/a\.example\?x=1" is more than an origin/),
      expect.stringMatching(/^\?origin: "https:\/\/a\.example#top" is more than an origin/),
    ]);
  });

  it('trims whitespace, writes each origin as the browser does, and keeps a duplicate once', () => {
    expect(
      parseOriginList(
        ' https://A.Example , https://a.example:443,https://a.example/, http://localhost:4402 ,',
      ),
    ).toEqual({
      origins: ['https://a.example', 'http://localhost:4402'],
      problems: ['?origin: an empty entry; ignored'],
    });
  });

  it(`keeps at most ${MAX_LISTED_ORIGINS} origins and reports the rest`, () => {
    const many = Array.from({ length: MAX_LISTED_ORIGINS + 2 }, (_, i) => `https://o${i}.example`);
    const list = parseOriginList(many.join(','));
    expect(list.origins).toEqual(many.slice(0, MAX_LISTED_ORIGINS));
    expect(list.problems).toEqual([
      `?origin: more than ${MAX_LISTED_ORIGINS} origins; "https://o16.example" ignored`,
      `?origin: more than ${MAX_LISTED_ORIGINS} origins; "https://o17.example" ignored`,
    ]);
  });
});
