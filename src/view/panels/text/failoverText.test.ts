import { describe, expect, it } from 'vitest';
import type { FailoverRecord } from '../../../engine/index.ts';
import { failoverName, failoverThatLost, rpoText } from './failoverText.ts';

const failover = (lostWrites: number, lostWindow: FailoverRecord['lostWindow']): FailoverRecord => ({
  id: 1,
  trigger: 'manual',
  oldPrimary: 'db1',
  newPrimary: 'db2',
  failedAt: 1000,
  lastHeartbeatAt: null,
  detectedAt: 1000,
  promotedAt: 1000,
  firstWriteAt: null,
  rtoMs: null,
  lostWrites,
  lostOpIds: [],
  lostWindow,
  splitBrain: false,
});

describe('the recovery point in words', () => {
  it('counts the lost writes and, for several, the time they span', () => {
    expect(rpoText(failover(0, null))).toBe('0 writes');
    expect(rpoText(failover(1, { from: 400, to: 400 }))).toBe('1 write');
    expect(rpoText(failover(3, { from: 400, to: 1600 }))).toBe('3 writes over 1.20 s');
  });
});

describe('the failover that lost a write', () => {
  it('is the one whose lost writes name it, in words with a split brain said; none for a rewind', () => {
    const first = { ...failover(1, { from: 400, to: 400 }), lostOpIds: [7] };
    const second = {
      ...first,
      id: 2,
      oldPrimary: 'db2',
      newPrimary: 'db3',
      lostOpIds: [9],
      splitBrain: true,
    };
    expect(failoverThatLost({ id: 9 }, [first, second])).toBe(second);
    expect(failoverThatLost({ id: 8 }, [first, second])).toBeUndefined();
    expect(failoverName(first)).toBe('failover #1 (db1 → db2)');
    expect(failoverName(second)).toBe('failover #2 (db2 → db3, split brain)');
  });
});
