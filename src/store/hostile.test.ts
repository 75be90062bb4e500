/** The store's mirrors keyed by user text (node ids, keys) answer only for what they hold. */
import { describe, expect, it } from 'vitest';
import { createLab } from './connectEngine.ts';

const MEMBER_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** Two masters named after object members, and one slave of the first. */
function memberNamedLab() {
  const store = createLab({ preset: 'master-master', playing: false });
  store.getState().actions.loadScenario(
    {
      seed: 4,
      nodes: [
        { id: 'constructor', role: 'primary' },
        { id: '__proto__', role: 'primary' },
        { id: 'toString', role: 'replica', upstream: 'constructor' },
      ],
      network: { latencyMs: 40 },
    },
    { preset: 'master-master' },
  );
  return store;
}

describe('node ids that are names of object members', () => {
  it('have no conflicts and no lost writes until there are some', () => {
    const store = memberNamedLab();
    store.getState().actions.tick(500);
    const { conflictsByNode, lostByNode } = store.getState();
    for (const name of MEMBER_NAMES) {
      expect(conflictsByNode[name]).toBeUndefined();
      expect(lostByNode[name]).toBeUndefined();
    }
  });

  it('count a conflict on the nodes that took part in it, and only there', () => {
    const store = memberNamedLab();
    const { actions } = store.getState();
    actions.tick(500);
    actions.write('constructor', 'valueOf', 'red');
    actions.write('__proto__', 'valueOf', 'blue');
    actions.tick(2000);
    const { conflictsByNode, snapshot } = store.getState();
    expect(snapshot.metrics.conflicts).toBe(1);
    const counts = new Map(Object.entries(conflictsByNode));
    expect(counts.get('constructor')?.count).toBe(1);
    expect(counts.get('__proto__')?.count).toBe(1);
    expect(counts.has('toString')).toBe(false);
  });

  it('follow a write of a member-named key to every node', () => {
    const store = memberNamedLab();
    const { actions } = store.getState();
    actions.tick(500);
    actions.write('constructor', '__proto__', 'x');
    actions.tick(1000);
    const reach = store.getState().opReach;
    expect(reach === null ? [] : Object.keys(reach).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    for (const node of store.getState().snapshot.nodes) expect(node.data.__proto__).toBe('x');
  });
});
