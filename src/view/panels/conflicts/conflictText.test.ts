import { describe, expect, it } from 'vitest';
import type { ConflictRecord, ConflictVersion } from '../../../engine/index.ts';
import { VOCABULARIES } from '../../vocabulary.ts';
import {
  emptyLedgerText,
  originsText,
  outcomeText,
  strategyHint,
  vectorText,
  versionFate,
} from './conflictText.ts';

const red: ConflictVersion = { value: 'red', origin: 'db1', originTime: 100, vv: { db1: 1 }, opId: 3 };
const blue: ConflictVersion = { value: 'blue', origin: 'db2', originTime: 100, vv: { db2: 1 }, opId: 4 };

function record(over: Partial<ConflictRecord>): ConflictRecord {
  return {
    id: 1,
    key: 'colour',
    at: 250,
    nodeIds: ['db1', 'db2'],
    detectedOn: ['db1', 'db2'],
    versions: [red, blue],
    winner: blue,
    siblings: [],
    strategy: 'lww',
    resolvedAt: null,
    ...over,
  };
}

describe('the conflicts ledger’s words', () => {
  it('writes version vectors in node-id order, and a dash for none', () => {
    expect(vectorText({ db2: 3, db10: 1, db1: 2 })).toBe('db1:2, db10:1, db2:3');
    expect(vectorText({})).toBe('—');
  });

  it('names each version’s fate under each strategy', () => {
    expect(versionFate(record({}), blue)).toBe('kept');
    expect(versionFate(record({}), red)).toBe('overwritten');
    const cert = record({ strategy: 'certification', winner: red });
    expect(versionFate(cert, red)).toBe('certified');
    expect(versionFate(cert, blue)).toBe('rolled back');
    const sib = record({ strategy: 'siblings', winner: null, siblings: [red, blue] });
    expect(versionFate(sib, red)).toBe('sibling');
    expect(versionFate({ ...sib, resolvedAt: 900 }, red)).toBe('merged');
  });

  it('says how the group settled it', () => {
    expect(outcomeText(record({}))).toBe(
      'db2’s "blue" kept: the later origin time wins, a tie the higher node id.',
    );
    expect(outcomeText(record({ strategy: 'certification', winner: red }))).toMatch(
      /^db1’s "red" was certified first; the other commit failed with ERROR 1213/,
    );
    const sib = record({ strategy: 'siblings', winner: null, siblings: [red, blue] });
    expect(outcomeText(sib)).toBe('Siblings kept: "red" and "blue" until someone resolves them.');
    expect(outcomeText({ ...sib, resolvedAt: 1250 })).toBe('Siblings "red" and "blue" merged at 1.25 s.');
  });

  it('lists the origins once each', () => {
    expect(originsText(record({ versions: [red, blue, { ...red, opId: 9 }] }))).toBe('db1 and db2');
    expect(originsText(record({ versions: [red, blue, { ...blue, origin: 'db3' }] }))).toBe(
      'db1, db2 and db3',
    );
  });

  it('follows the terminology setting', () => {
    const leaders = VOCABULARIES['leader-follower'];
    expect(strategyHint('async', 'lww', leaders)).toMatch(/every leader keeps the version/);
    expect(strategyHint('sync', 'lww', leaders)).toMatch(/each leader certifies a write/);
    expect(strategyHint('async', 'siblings', leaders)).toMatch(/^Siblings:/);
    expect(emptyLedgerText(['db1', 'db2'], VOCABULARIES['master-slave'])).toMatch(
      /two masters accepting writes.*write the same key on db1 and on db2/,
    );
    expect(emptyLedgerText([], leaders)).toMatch(/pick the Leader-leader topology/);
  });
});
