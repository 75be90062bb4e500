import { describe, expect, it } from 'vitest';
import { COMPARE_METRICS, differences, type CompareFigures, type CompareMetric } from '../index.ts';

const BASE: CompareFigures = {
  writeLatency: { p50: 10, p99: 20 },
  lag: {
    replicas: [
      { nodeId: 'db2', meanMs: 5, maxMs: 30 },
      { nodeId: 'db3', meanMs: 6, maxMs: 40 },
    ],
    maxMs: 40,
  },
  lostWrites: 3,
  staleReads: 4,
  blockedWrites: 5,
  conflicts: 6,
  throughput: 50,
  lastFailover: { rtoMs: 4000, lostWrites: 2 },
};

/** For each figure, a side that is better on that figure alone. */
const BETTER: { readonly [M in CompareMetric]: CompareFigures } = {
  'write-p50': { ...BASE, writeLatency: { p50: 9, p99: 20 } },
  'write-p99': { ...BASE, writeLatency: { p50: 10, p99: 19 } },
  'lag-max': { ...BASE, lag: { ...BASE.lag, maxMs: 39 } },
  'lost-writes': { ...BASE, lostWrites: 2 },
  'stale-reads': { ...BASE, staleReads: 3 },
  'blocked-writes': { ...BASE, blockedWrites: 4 },
  conflicts: { ...BASE, conflicts: 5 },
  rto: { ...BASE, lastFailover: { rtoMs: 3000, lostWrites: 2 } },
  throughput: { ...BASE, throughput: 51 },
  'failover-lost-writes': { ...BASE, lastFailover: { rtoMs: 4000, lostWrites: 1 } },
  'replica-lag-mean': { ...BASE, lag: { ...BASE.lag, replicas: [{ nodeId: 'db2', meanMs: 4, maxMs: 30 }] } },
  'replica-lag-max': { ...BASE, lag: { ...BASE.lag, replicas: [{ nodeId: 'db2', meanMs: 5, maxMs: 29 }] } },
};

const verdict = (a: CompareFigures, b: CompareFigures, metric: CompareMetric) =>
  differences(a, b).find((d) => d.metric === metric)?.better;

describe('which side is better', () => {
  it.each(Object.keys(BETTER) as CompareMetric[])('on %s, is the one better on that figure', (metric) => {
    expect(verdict(BETTER[metric], BASE, metric)).toBe('a');
    expect(verdict(BASE, BETTER[metric], metric)).toBe('b');
    expect(verdict(BASE, BASE, metric)).toBe('same');
  });

  it('is lower for latency, lag, losses, anomalies and recovery time, higher for throughput', () => {
    const higher = differences(BETTER.throughput, BASE).find((d) => d.metric === 'throughput');
    expect(higher).toMatchObject({ a: 51, b: 50, unit: 'writes/s', better: 'a' });
    const lower = differences(BETTER['write-p99'], BASE).find((d) => d.metric === 'write-p99');
    expect(lower).toMatchObject({ a: 19, b: 20, unit: 'ms', better: 'a' });
  });

  it('lists every figure once, then a mean and a max per replica position', () => {
    const rows = differences(BASE, BETTER['replica-lag-mean']);
    expect(rows.map((d) => d.metric)).toEqual([
      ...COMPARE_METRICS,
      'replica-lag-mean',
      'replica-lag-max',
      'replica-lag-mean',
      'replica-lag-max',
    ]);
    expect(rows.slice(-2)).toEqual([
      { metric: 'replica-lag-mean', replica: 1, unit: 'ms', a: 6, b: null, better: 'incomparable' },
      { metric: 'replica-lag-max', replica: 1, unit: 'ms', a: 40, b: null, better: 'incomparable' },
    ]);
  });
});

describe('recovery time', () => {
  const unrecovered = { ...BASE, lastFailover: { rtoMs: null, lostWrites: 0 } };
  const noFailover = { ...BASE, lastFailover: null };

  it('is worse while a failover has not recovered than any recovered one', () => {
    expect(differences(BASE, unrecovered).find((d) => d.metric === 'rto')).toMatchObject({
      a: 4000,
      b: null,
      better: 'a',
    });
    expect(verdict(unrecovered, unrecovered, 'rto')).toBe('same');
  });

  it('cannot be compared with a side that had no failover', () => {
    expect(verdict(BASE, noFailover, 'rto')).toBe('incomparable');
    expect(verdict(unrecovered, noFailover, 'rto')).toBe('incomparable');
    expect(verdict(noFailover, noFailover, 'rto')).toBe('same');
    expect(verdict(BASE, noFailover, 'failover-lost-writes')).toBe('incomparable');
  });
});
