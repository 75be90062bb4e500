import { describe, expect, it } from 'vitest';
import { FLASH_MS, flashAt } from './conflictFlash.ts';

describe('a node’s conflict flash', () => {
  it('is hidden before the conflict and once its span has passed', () => {
    expect(flashAt(-1, false).opacity).toBe(0);
    expect(flashAt(FLASH_MS, false).opacity).toBe(0);
    expect(flashAt(FLASH_MS, true).opacity).toBe(0);
  });

  it('pulses outwards and fades with simulated time', () => {
    const start = flashAt(0, false);
    expect(start).toEqual({ opacity: 1, grow: 0 });
    const mid = flashAt(FLASH_MS / 6, false);
    expect(mid.grow).toBeGreaterThan(0);
    expect(mid.opacity).toBeLessThan(start.opacity);
    // Each pulse starts over from the node, a little fainter than the one before.
    const second = flashAt(FLASH_MS / 3, false);
    expect(second.grow).toBeCloseTo(0);
    expect(second.opacity).toBeCloseTo(2 / 3);
  });

  it('is a steady mark with reduced motion', () => {
    for (const elapsed of [0, 100, FLASH_MS / 2, FLASH_MS - 1]) {
      expect(flashAt(elapsed, true)).toEqual({ opacity: 1, grow: 0 });
    }
  });
});
