import { describe, expect, it } from 'vitest';
import { labelEvery, nearestSample, pathOf, timeDomain, timeScale, valueScale } from './chartGeometry.ts';
import { formatSeconds, maxOf, plotOf } from './chartStyle.ts';

describe('chart geometry', () => {
  it('shows the first 30 s from zero, then the last 30 s', () => {
    expect(timeDomain(4000)).toEqual([0, 30_000]);
    expect(timeDomain(45_000)).toEqual([15_000, 45_000]);
  });

  it('maps time and value to the plot, value zero at the bottom', () => {
    const plot = plotOf(354, 132);
    const x = timeScale(45_000, plot);
    expect(x(15_000)).toBe(0);
    expect(x(45_000)).toBe(plot.innerWidth);
    const y = valueScale(1730, plot);
    expect(y.domain()).toEqual([0, 2000]);
    expect(y(0)).toBe(plot.innerHeight);
  });

  it('breaks a line where a value is missing', () => {
    const plot = plotOf(200, 100);
    const path = pathOf(
      [
        { t: 0, v: 1 },
        { t: 1000, v: null },
        { t: 2000, v: 1 },
      ],
      timeScale(2000, plot),
      valueScale(1, plot),
    );
    expect(path.match(/M/g)).toHaveLength(2);
  });

  it('finds the largest value and formats seconds', () => {
    expect(
      maxOf([
        [{ t: 0, v: 3 }],
        [
          { t: 0, v: null },
          { t: 1, v: 7 },
        ],
      ]),
    ).toBe(7);
    expect(formatSeconds(12_000)).toBe('12 s');
    expect(formatSeconds(1500)).toBe('1.5 s');
  });

  it('labels every bar while the labels fit, and thins them when they would overlap', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `db${i + 1}`);
    expect(labelEvery(['db1', 'db2', 'db3'], 60)).toBe(1);
    // Five nodes of a PostgreSQL preset on a narrow chart: every label fits.
    expect(labelEvery(['pg1', 'pg2', 'pg3', 'pg4', 'report'], 38)).toBe(1);
    const narrow = labelEvery(ids, 8);
    expect(narrow).toBeGreaterThan(1);
    // Shown labels are at least as far apart as the widest of them is wide.
    expect(narrow * 8).toBeGreaterThanOrEqual('db30'.length * 6);
    expect(labelEvery(ids, 0)).toBe(1);
  });

  describe('picking the sample under the pointer', () => {
    const samples = (...ts: number[]) => ts.map((t) => ({ t }));

    it('takes the nearest sample, before or after', () => {
      const lag = samples(0, 250, 500, 750);
      expect(nearestSample([lag], 260)).toBe(250);
      expect(nearestSample([lag], 480)).toBe(500);
      expect(nearestSample([lag], 500)).toBe(500);
    });

    it('takes the first or last sample for a time outside them', () => {
      const lag = samples(1000, 1250, 1500);
      expect(nearestSample([lag], -40)).toBe(1000);
      expect(nearestSample([lag], 9000)).toBe(1500);
    });

    it('takes the earlier of two equally near', () => {
      expect(nearestSample([samples(0, 250)], 125)).toBe(0);
      expect(nearestSample([samples(250), samples(0)], 125)).toBe(0);
    });

    it('looks in every line: a replica added later has samples of its own', () => {
      expect(nearestSample([samples(0, 1000), samples(500, 750)], 600)).toBe(500);
    });

    it('finds nothing in a chart without samples', () => {
      expect(nearestSample([], 100)).toBeUndefined();
      expect(nearestSample([[], []], 100)).toBeUndefined();
    });
  });
});
