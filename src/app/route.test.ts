import { describe, expect, it } from 'vitest';
import { labUrl } from './labBase.ts';
import { routeFromPath } from './route.ts';

describe('routeFromPath', () => {
  it('reads the embed at embed under the base, with or without its slash', () => {
    expect(routeFromPath('/embed')).toBe('embed');
    expect(routeFromPath('/embed/')).toBe('embed');
    expect(routeFromPath('/docs/lab/embed', '/docs/lab/')).toBe('embed');
    expect(routeFromPath('/docs/lab/embed/', '/docs/lab/')).toBe('embed');
  });

  it('reads every other path as the full lab', () => {
    expect(routeFromPath('/')).toBe('lab');
    expect(routeFromPath('/docs/lab/', '/docs/lab/')).toBe('lab');
    expect(routeFromPath('/docs/lab/index.html', '/docs/lab/')).toBe('lab');
    expect(routeFromPath('/embedded')).toBe('lab');
    expect(routeFromPath('/docs/lab/embed/more', '/docs/lab/')).toBe('lab');
  });
});

describe('labUrl', () => {
  it('puts the lab and its embed under the base', () => {
    expect(labUrl('https://docs.example', '/', '/docs/lab/')).toBe('https://docs.example/docs/lab/');
    expect(labUrl('https://docs.example', '/embed', '/docs/lab/')).toBe(
      'https://docs.example/docs/lab/embed/',
    );
    expect(labUrl('https://lab.example', '/embed', '/')).toBe('https://lab.example/embed/');
  });
});
