import { describe, expect, it } from 'vitest';
import { movedFocus, swapped } from './editorSteps.ts';

describe('moving a row in the lesson editor', () => {
  it('swaps it with its neighbour, and refuses at either end', () => {
    expect(swapped(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(swapped(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(swapped(['a', 'b'], 0, -1)).toBeNull();
    expect(swapped(['a', 'b'], 1, 1)).toBeNull();
  });

  it('gives focus back to the same button at the new place, or the other one at an end', () => {
    expect(movedFocus('action-', 1, 3, -1, '2-1')).toBe('action-up-2-1');
    expect(movedFocus('action-', 0, 3, -1, '2-0')).toBe('action-down-2-0');
    expect(movedFocus('', 1, 3, 1, '2')).toBe('down-2');
    expect(movedFocus('', 2, 3, 1, '3')).toBe('up-3');
  });
});
