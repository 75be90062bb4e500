import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from './defaultView.ts';
import { parseViewOptions, viewQuery } from './viewOptions.ts';

describe('view options in the query', () => {
  it('has defaults for an empty query', () => {
    expect(parseViewOptions('')).toEqual({
      options: { present: false, chrome: 'full', controls: true, table: false },
      problems: [],
    });
  });

  it('has the defaults the first frame uses without parsing (defaultView.ts)', () => {
    expect(parseViewOptions('').options).toEqual(DEFAULT_VIEW);
    expect(parseViewOptions('?').options).toEqual(DEFAULT_VIEW);
  });

  it('reads every option', () => {
    const { options, problems } = parseViewOptions(
      '?theme=dark&terms=leader-follower&speed=2&mode=present&chrome=minimal&controls=0&autoplay=1&preset=cascading&table=1&origin=https://a.example,http://localhost:4402',
    );
    expect(problems).toEqual([]);
    expect(options).toEqual({
      theme: 'dark',
      terms: 'leader-follower',
      speed: 2,
      present: true,
      chrome: 'minimal',
      controls: false,
      autoplay: true,
      preset: 'cascading',
      table: true,
      origins: ['https://a.example', 'http://localhost:4402'],
    });
  });

  it('ignores a bad option with a message, keeping the others', () => {
    const { options, problems } = parseViewOptions(
      '?theme=purple&speed=99&chrome=none&origin=https://a.example/path',
    );
    expect(options.chrome).toBe('none');
    expect(options.theme).toBeUndefined();
    // Given but with no valid entry, the allow-list trusts nobody (it is not dropped).
    expect(options.origins).toEqual([]);
    expect(problems).toEqual([
      expect.stringMatching(/^\?theme: .*; ignored$/),
      expect.stringMatching(/^\?speed: .*; ignored$/),
      expect.stringMatching(/^\?origin: "https:\/\/a\.example\/path" is more than an origin/),
      '?origin: no valid origin listed, so no page may drive the embed',
    ]);
  });

  it('keeps the valid origins of a list with a malformed entry, and reports that entry', () => {
    const { options, problems } = parseViewOptions('?origin=https://trusted.example,not-an-origin');
    expect(options.origins).toEqual(['https://trusted.example']);
    expect(problems).toEqual([expect.stringMatching(/^\?origin: "not-an-origin" is not an origin/)]);
    expect(parseViewOptions('?theme=dark').options).not.toHaveProperty('origins');
    expect(parseViewOptions('?origin=').options.origins).toEqual([]);
  });

  it('accepts a known lesson and reports an unknown one', () => {
    expect(parseViewOptions('?lesson=failover', ['failover']).options.lesson).toBe('failover');
    expect(parseViewOptions('?lesson=failover').problems).toEqual([
      '?lesson: there is no lesson "failover"; the lab opened without one',
    ]);
    expect(parseViewOptions('?lesson=<script>').problems).toEqual([
      expect.stringMatching(/^\?lesson: expected a lesson id/),
    ]);
  });

  it('writes back only what differs from the defaults', () => {
    expect(viewQuery({ theme: 'system', chrome: 'full', autoplay: false })).toBe('');
    expect(viewQuery({ theme: 'dark', chrome: 'none', autoplay: true, present: true })).toBe(
      '?theme=dark&mode=present&chrome=none&autoplay=1',
    );
  });
});
