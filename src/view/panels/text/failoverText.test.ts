import { describe, expect, it } from 'vitest';
import type { FailoverRecord } from '../../../engine/index.ts';
import { rpoText } from './failoverText.ts';

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
