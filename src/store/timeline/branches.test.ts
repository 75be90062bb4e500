import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../engine/index.ts';
import { branchId, branchLabel } from './branches.ts';
import { describeCommand } from './commandText.ts';
import { markerLabel, markerOf } from './markers.ts';

describe('branch names', () => {
  it('counts A, B ... Z, AA, AB', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(branchId)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('names a branch by what it did differently, and when', () => {
    expect(branchLabel('B', { type: 'promote', args: ['db3'] }, 12_400)).toBe('B: promoted db3 at 12.40 s');
    expect(describeCommand({ type: 'write', args: ['db1', 'user1', 'hello'] })).toBe('wrote user1 on db1');
    expect(describeCommand({ type: 'addNode', args: [{ id: 'db4', upstream: 'db1' }] })).toBe('added db4');
  });

  it('has words for every command, even with arguments it did not expect', () => {
    for (const type of COMMAND_NAMES) {
      expect(describeCommand({ type, args: [] })).toMatch(/\w/);
      expect(describeCommand({ type, args: [{}, null, Symbol('x')] })).not.toMatch(/undefined|object/);
    }
  });
});

describe('markers', () => {
  it('reads the moments worth returning to from the engine’s events', () => {
    const at = { seq: 3, at: 12_400 } as const;
    expect(markerOf({ ...at, type: 'node-down', nodeId: 'db1' })).toEqual({
      kind: 'kill',
      at: 12_400,
      text: 'db1 killed',
      seq: 3,
      nodeId: 'db1',
    });
    expect(markerOf({ ...at, type: 'writes-lost', nodeId: 'db1', opIds: [4, 5], reason: 'x' })?.text).toBe(
      '2 acknowledged writes lost on db1',
    );
    expect(
      markerOf({ ...at, type: 'entries-applied', nodeId: 'db2', fromLsn: 1, toLsn: 2, lagMs: 3 }),
    ).toBeNull();
    expect(markerLabel({ at: 12_400, text: 'db1 killed' })).toBe('12.40 s: db1 killed');
  });
});
