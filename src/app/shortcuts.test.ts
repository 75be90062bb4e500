import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts.ts';

const press = (key: string, extra: Partial<Parameters<typeof shortcutFor>[0]> = {}) =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra });

describe('single-key shortcuts', () => {
  it('maps Space, → and ?', () => {
    expect(press(' ')).toBe('toggle-play');
    expect(press('ArrowRight')).toBe('step');
    expect(press('?')).toBe('help');
  });

  it('maps the timeline keys: ← back an event, Shift+←/→ markers, Home and End', () => {
    expect(press('ArrowLeft')).toBe('step-back');
    expect(press('ArrowLeft', { shiftKey: true })).toBe('previous-marker');
    expect(press('ArrowRight', { shiftKey: true })).toBe('next-marker');
    expect(press('Home')).toBe('start');
    expect(press('End')).toBe('live');
    expect(press('ArrowLeft', { altKey: true })).toBeNull();
  });

  it('leaves modified keys and other keys alone', () => {
    expect(press(' ', { ctrlKey: true })).toBeNull();
    expect(press('a')).toBeNull();
  });

  it('maps Shift+P to presenter mode and F to full screen', () => {
    expect(press('P', { shiftKey: true })).toBe('present');
    expect(press('p')).toBeNull();
    expect(press('f')).toBe('fullscreen');
    expect(press('F', { shiftKey: true })).toBeNull();
    expect(press('f', { ctrlKey: true })).toBeNull();
  });
});
