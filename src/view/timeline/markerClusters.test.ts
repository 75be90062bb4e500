import { describe, expect, it } from 'vitest';
import type { Marker } from '../../store/index.ts';
import { bucketMs, clusterMarkers } from './markerClusters.ts';

const marker = (at: number, kind: Marker['kind'], seq = at): Marker => ({ at, kind, text: kind, seq });

describe('marker clusters', () => {
  it('sizes buckets as a power of two of ms, about 14 px at the scale', () => {
    expect(bucketMs(10_000, 1000)).toBe(256); // 140 ms raw
    expect(bucketMs(600_000, 700)).toBe(16_384); // 12,000 ms raw
    expect(bucketMs(0, 500)).toBe(1);
    expect(bucketMs(1000, 0)).toBe(1);
    // The scale grows with the run, the buckets only when it doubles: no reshuffle every frame.
    expect(bucketMs(10_000, 1000)).toBe(bucketMs(15_000, 1000));
  });

  it('keeps markers apart when a bucket separates them, and clusters those closer', () => {
    const clusters = clusterMarkers(
      [marker(0, 'setting'), marker(1000, 'kill'), marker(1100, 'read-only'), marker(5000, 'restart')],
      256,
    );
    expect(clusters.map((c) => [c.at, c.kind, c.markers.length])).toEqual([
      [0, 'setting', 1],
      [1000, 'kill', 2],
      [5000, 'restart', 1],
    ]);
  });

  it('shows a cluster as its most telling kind: a lost write before the promotion that lost it', () => {
    const [cluster] = clusterMarkers(
      [marker(10, 'failover'), marker(10, 'writable'), marker(12, 'lost-write')],
      64,
    );
    expect(cluster?.kind).toBe('lost-write');
    expect(cluster?.at).toBe(10);
  });

  it('never loses or reorders a marker', () => {
    const markers = Array.from({ length: 200 }, (_, i) =>
      marker(i * 37, i % 3 === 0 ? 'conflict' : 'kill', i),
    );
    for (const bucket of [1, 64, 1024, 1 << 20]) {
      expect(clusterMarkers(markers, bucket).flatMap((c) => c.markers)).toEqual(markers);
    }
  });
});
