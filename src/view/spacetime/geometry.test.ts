import { describe, expect, it } from 'vitest';
import { arrowAt, arrowsIn, timeAt, xOf, type MessageMark, type Plot } from './geometry.ts';

const plot: Plot = {
  left: 50,
  width: 1000,
  laneY: new Map([
    ['db1', 10],
    ['db2', 40],
    ['db3', 70],
  ]),
};
const window = { from: 0, to: 1000 };
const mark = (m: Partial<MessageMark> & Pick<MessageMark, 'id'>): MessageMark => ({
  kind: 'entries',
  from: 'db1',
  to: 'db2',
  sentAt: 100,
  ...m,
});

describe('the diagram geometry', () => {
  it('maps time to x and back', () => {
    expect(xOf(plot, window, 250)).toBe(300);
    expect(timeAt(plot, window, 300)).toBe(250);
  });

  it('draws an arrived message from its send on one lane to its arrival on the other', () => {
    const [arrow] = arrowsIn([mark({ id: 1, arrivedAt: 300 })], plot, window, 500);
    expect(arrow).toMatchObject({ x1: 150, y1: 10, x2: 350, y2: 40, end: 'arrived' });
  });

  it('stops one in flight at the instant shown, as far down as its scheduled arrival says', () => {
    const [arrow] = arrowsIn([mark({ id: 1, to: 'db3' })], plot, window, 200, () => 300);
    expect(arrow).toMatchObject({ x2: 250, y2: 40, end: 'flight' });
  });

  it('cuts a dropped one short of its receiver, three quarters of the way to when it was due', () => {
    const [arrow] = arrowsIn([mark({ id: 1, deliverAt: 300, droppedAt: 300 })], plot, window, 500);
    expect(arrow).toMatchObject({ x1: 150, x2: 300, y2: 32.5, end: 'dropped' });
  });

  it('takes the scheduled arrival from the record itself when it has one', () => {
    const [arrow] = arrowsIn([mark({ id: 1, deliverAt: 300 })], plot, window, 150);
    expect(arrow).toMatchObject({ x2: 200, y2: 17.5, end: 'flight' });
  });

  it('leaves out what is outside the window, after the instant shown, or on no lane', () => {
    const marks = [
      mark({ id: 1, sentAt: 1200, arrivedAt: 1300 }),
      mark({ id: 2, sentAt: -300, arrivedAt: -10 }),
      mark({ id: 3, sentAt: 600, arrivedAt: 700 }),
      mark({ id: 4, to: 'gone', arrivedAt: 200 }),
      mark({ id: 5, sentAt: -50, arrivedAt: 20 }),
    ];
    expect(arrowsIn(marks, plot, window, 500).map((a) => a.mark.id)).toEqual([5]);
  });

  it('finds the arrow under the pointer, and none far from every arrow', () => {
    const arrows = arrowsIn(
      [mark({ id: 1, arrivedAt: 300 }), mark({ id: 2, sentAt: 400, arrivedAt: 600, to: 'db3' })],
      plot,
      window,
      900,
    );
    expect(arrowAt(arrows, 250, 25)?.mark.id).toBe(1);
    expect(arrowAt(arrows, 550, 40)?.mark.id).toBe(2);
    expect(arrowAt(arrows, 900, 10)).toBeNull();
  });
});
