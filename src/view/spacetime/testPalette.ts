/** The diagram's tests' palette and two-lane plot: plain colour names, easy to find in an SVG. */
import type { Palette } from './draw.ts';
import type { Plot } from './geometry.ts';

export const testPalette: Palette = {
  kinds: {
    entries: 'orange',
    ack: 'purple',
    hello: 'teal',
    snapshot: 'pink',
    heartbeat: 'grey',
    certify: 'brown',
  },
  text: 'black',
  muted: 'grey',
  grid: 'silver',
  down: 'gainsboro',
  cursor: 'blue',
  ok: 'green',
  bad: 'red',
  warn: 'gold',
  highlight: 'black',
};

/** Lanes db1 and db2, 400 px of time from x = 60. */
export const twoLanes: Plot = {
  left: 60,
  width: 400,
  laneY: new Map([
    ['db1', 30],
    ['db2', 60],
  ]),
};
