import { describe, expect, it } from 'vitest';
import type { Message } from '../../engine/index.ts';
import { LANE_OFFSET, messageProgress, placeMessage, trimmedSegment } from './geometry.ts';

const message: Message = { id: 1, from: 'a', to: 'b', kind: 'entries', sentAt: 100, deliverAt: 200, size: 1 };
const positions = new Map([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 0, y: 200 }],
]);

describe('messageProgress', () => {
  it('is 0 when sent, 1 on delivery, and linear in simulated time between', () => {
    expect(messageProgress(message, 100)).toBe(0);
    expect(messageProgress(message, 150)).toBe(0.5);
    expect(messageProgress(message, 200)).toBe(1);
  });

  it('clamps before sending and after delivery', () => {
    expect(messageProgress(message, 50)).toBe(0);
    expect(messageProgress(message, 500)).toBe(1);
  });

  it('treats an instantaneous message as delivered', () => {
    expect(messageProgress({ sentAt: 10, deliverAt: 10 }, 10)).toBe(1);
  });
});

describe('placeMessage', () => {
  const at = (t: number, m: Message = message) =>
    placeMessage(
      m,
      t,
      (id) => positions.get(id),
      () => 20,
    );

  it('moves from the sender boundary to the receiver boundary', () => {
    expect(at(100)?.y).toBeCloseTo(20);
    expect(at(200)?.y).toBeCloseTo(180);
  });

  it('keeps opposite directions in opposite lanes', () => {
    const down = at(150)!;
    const up = at(150, { ...message, from: 'b', to: 'a', kind: 'ack' })!;
    expect(down.x).toBeCloseTo(-LANE_OFFSET);
    expect(up.x).toBeCloseTo(LANE_OFFSET);
  });

  it('returns null when an end is unknown', () => {
    expect(at(150, { ...message, to: 'gone' })).toBeNull();
  });
});

describe('trimmedSegment', () => {
  it('stops at each node boundary', () => {
    expect(trimmedSegment({ x: 0, y: 0 }, { x: 100, y: 0 }, 10, 30)).toEqual({
      x1: 10,
      y1: 0,
      x2: 70,
      y2: 0,
    });
  });
});
