import { describe, expect, it } from 'vitest';
import { SimulationError } from '../api.ts';
import { createSimulation, type ScenarioInput, type Simulation } from '../index.ts';

type Replication = NonNullable<ScenarioInput['replication']>;
type Network = NonNullable<ScenarioInput['network']>;

/** eu1 (primary) and eu2 in Europe, us1 in US East, 80 ms apart one way; 1 ms inside a region. */
function twoRegions(replication: Replication = {}, network: Partial<Network> = {}): ScenarioInput {
  return {
    seed: 7,
    regions: [
      { id: 'eu', name: 'Europe' },
      { id: 'us', name: 'US East' },
    ],
    nodes: [
      { id: 'eu1', role: 'primary', region: 'eu', label: 'Frankfurt primary' },
      { id: 'eu2', role: 'replica', upstream: 'eu1', region: 'eu' },
      { id: 'us1', role: 'replica', upstream: 'eu1', region: 'us' },
    ],
    replication,
    network: { latencyMs: 1, jitterMs: 0, between: [{ from: 'eu', to: 'us', latencyMs: 80 }], ...network },
  };
}

/** How long the messages of `kind` from `from` to `to` were on the wire. */
function flights(sim: Simulation, from: string, to: string, kind = 'hello'): number[] {
  return sim
    .messages()
    .filter((m) => m.from === from && m.to === to && m.kind === kind)
    .map((m) => m.deliverAt - m.sentAt);
}

describe('latency between regions', () => {
  it('takes the between-latency across regions and the default inside one', () => {
    const sim = createSimulation(twoRegions());
    sim.advance(500);
    expect(flights(sim, 'us1', 'eu1')).toEqual([80]);
    expect(flights(sim, 'eu2', 'eu1')).toEqual([1]);
    expect(sim.snapshot().links.find((l) => l.to === 'us1')?.latencyMs).toBe(80);
  });

  it('applies to replication: a write reaches the far replica a crossing later', () => {
    const sim = createSimulation(twoRegions());
    sim.advance(500);
    const write = sim.write('eu1', 'k', 'v');
    sim.advance(60);
    expect(sim.node('eu2').data.k).toBe('v');
    expect(sim.node('us1').data.k).toBeUndefined();
    sim.runUntilIdle();
    expect(sim.node('us1').data.k).toBe('v');
    const batch = sim.messages().find((m) => m.to === 'us1' && m.opIds?.includes(write.id) === true);
    // 80 ms on the wire, after the sender's 0.05 ms to put one entry on it (shipRate).
    expect((batch?.deliverAt ?? 0) - (batch?.sentAt ?? 0)).toBeCloseTo(80.05, 6);
  });

  it('is symmetric unless both directions are listed', () => {
    const between = [
      { from: 'eu', to: 'us', latencyMs: 80 },
      { from: 'us', to: 'eu', latencyMs: 120 },
    ];
    const sim = createSimulation(twoRegions({}, { between }));
    sim.advance(500);
    expect(flights(sim, 'us1', 'eu1')).toEqual([120]);
    expect(flights(sim, 'eu1', 'us1', 'entries').every((ms) => ms === 80)).toBe(true);
  });

  it("adds the pair's own seeded jitter", () => {
    const scenario = twoRegions({}, { between: [{ from: 'eu', to: 'us', latencyMs: 80, jitterMs: 20 }] });
    const run = (seed: number) => {
      const sim = createSimulation({ ...scenario, seed });
      sim.advance(200);
      for (let i = 0; i < 20; i++) sim.write('eu1', `k${i}`, 'v');
      sim.runUntilIdle();
      return flights(sim, 'eu1', 'us1', 'entries');
    };
    const a = run(1);
    expect(a.every((ms) => ms >= 80 && ms < 100)).toBe(true);
    expect(new Set(a.map(Math.round)).size).toBeGreaterThan(1);
    expect(run(1)).toEqual(a);
    expect(run(2)).not.toEqual(a);
  });

  it("lets a link's own latency win: the scenario's links and setLatency", () => {
    const sim = createSimulation(twoRegions({}, { links: [{ a: 'us1', b: 'eu1', latencyMs: 5 }] }));
    sim.advance(500);
    expect(flights(sim, 'us1', 'eu1')).toEqual([5]);
    sim.setLatency('eu1', 'eu2', 30);
    expect(sim.snapshot().links.find((l) => l.to === 'eu2')?.latencyMs).toBe(30);
  });

  it('uses a region’s own entry for the links inside it', () => {
    const sim = createSimulation(
      twoRegions(
        {},
        {
          between: [
            { from: 'eu', to: 'us', latencyMs: 80 },
            { from: 'eu', to: 'eu', latencyMs: 3 },
          ],
        },
      ),
    );
    sim.advance(500);
    expect(flights(sim, 'eu2', 'eu1')).toEqual([3]);
    expect(sim.snapshot().regions.map((r) => [r.id, r.latencyMs])).toEqual([
      ['eu', 3],
      ['us', 1],
    ]);
  });
});

describe('clients in a region', () => {
  it('pay the one-way latency each way to a node in another region', () => {
    const sim = createSimulation(twoRegions());
    sim.advance(500);
    const far = sim.write('eu1', 'k', 'far', { region: 'us' });
    expect(far.status).toBe('pending');
    expect(sim.node('eu1').data.k).toBeUndefined();
    sim.runUntilIdle();
    const done = sim.op(far.id);
    // 80 ms there, the 1 ms commit, 80 ms back.
    expect((done?.endedAt ?? 0) - (done?.startedAt ?? 0)).toBe(161);
    expect(done).toMatchObject({ status: 'ok', clientRegion: 'us', requestMs: 80, replyMs: 80 });
    const near = sim.write('eu1', 'k', 'near', { region: 'eu' });
    sim.runUntilIdle();
    expect((sim.op(near.id)?.endedAt ?? 0) - near.startedAt).toBe(3);
    const read = sim.read('us1', 'k', { region: 'us' });
    expect(read.status).toBe('pending');
    sim.runUntilIdle();
    expect(sim.op(read.id)).toMatchObject({ status: 'ok', value: 'near', endedAt: read.startedAt + 2 });
  });

  it('see the latency in the write latency figures', () => {
    const sim = createSimulation(twoRegions());
    sim.advance(500);
    for (let i = 0; i < 10; i++) sim.write('eu1', `k${i}`, 'v', { region: 'us' });
    sim.runUntilIdle();
    expect(sim.metrics().writeLatency.p50).toBe(161);
    const acks = sim.events().flatMap((e) => (e.type === 'write-acknowledged' ? [e.latencyMs] : []));
    expect(acks).toEqual(new Array<number>(10).fill(161));
  });

  it('sit beside the node when they name no region, as before regions', () => {
    const sim = createSimulation(twoRegions());
    sim.advance(500);
    const write = sim.write('eu1', 'k', 'v');
    sim.runUntilIdle();
    expect((sim.op(write.id)?.endedAt ?? 0) - write.startedAt).toBe(1);
    expect(sim.read('us1', 'k').status).toBe('ok');
  });

  it('fail when their request reaches a node that died on the way', () => {
    const sim = createSimulation(twoRegions());
    sim.advance(500);
    const write = sim.write('eu1', 'k', 'v', { region: 'us' });
    sim.kill('eu1');
    sim.runUntilIdle();
    expect(sim.op(write.id)).toMatchObject({ status: 'failed', endedAt: write.startedAt + 160 });
  });

  it('must name a region the scenario lists', () => {
    const sim = createSimulation(twoRegions());
    expect(() => sim.write('eu1', 'k', 'v', { region: 'ap' })).toThrow(/unknown region "ap"/);
    expect(sim.history()).toEqual([]);
    const plain = createSimulation({ nodes: [{ id: 'db1', role: 'primary' }] });
    expect(() => plain.read('db1', 'k', { region: 'eu' })).toThrow(/lists no regions/);
  });
});

describe('semi-sync across regions', () => {
  const semiSync = (syncTimeoutMs: number): Simulation => {
    const sim = createSimulation({
      ...twoRegions({ mode: 'semi-sync', syncCount: 1, syncTimeoutMs }),
      nodes: [
        { id: 'eu1', role: 'primary', region: 'eu' },
        { id: 'us1', role: 'replica', upstream: 'eu1', region: 'us' },
      ],
    });
    sim.advance(500);
    return sim;
  };

  it('pays the cross-region round trip on every write', () => {
    const sim = semiSync(10_000);
    const write = sim.write('eu1', 'k', 'v', { region: 'eu' });
    sim.runUntilIdle();
    // 1 ms to the primary, its 1 ms commit, 80 ms to the standby (after 0.05 ms to send the entry) and 80
    // back, 1 ms to the client.
    expect((sim.op(write.id)?.endedAt ?? 0) - write.startedAt).toBeCloseTo(163.05, 6);
    expect(sim.metrics().syncDegraded).toBe(false);
  });

  it('falls back to async when the round trip outlasts the timeout, as MySQL does', () => {
    const sim = semiSync(100);
    const write = sim.write('eu1', 'k', 'v', { region: 'eu' });
    sim.advance(150);
    expect(sim.op(write.id)).toMatchObject({ status: 'ok', endedAt: write.startedAt + 1 + 1 + 100 + 1 });
    expect(sim.events().some((e) => e.type === 'sync-degraded')).toBe(true);
  });
});

describe('the cluster view', () => {
  it("shows each node's region and label, the regions and the latency between them", () => {
    const sim = createSimulation(twoRegions());
    const snapshot = sim.snapshot();
    expect(snapshot.nodes.map((n) => [n.id, n.region, n.label])).toEqual([
      ['eu1', 'eu', 'Frankfurt primary'],
      ['eu2', 'eu', undefined],
      ['us1', 'us', undefined],
    ]);
    expect(snapshot.regions).toEqual([
      { id: 'eu', name: 'Europe', nodes: ['eu1', 'eu2'], latencyMs: 1, jitterMs: 0 },
      { id: 'us', name: 'US East', nodes: ['us1'], latencyMs: 1, jitterMs: 0 },
    ]);
    expect(snapshot.between).toEqual([
      { from: 'eu', to: 'us', latencyMs: 80, jitterMs: 0, cut: false },
      { from: 'us', to: 'eu', latencyMs: 80, jitterMs: 0, cut: false },
    ]);
  });

  it('has no regions and no labels for a scenario without them', () => {
    const sim = createSimulation({ nodes: [{ id: 'db1', role: 'primary' }] });
    const snapshot = sim.snapshot();
    expect(snapshot.regions).toEqual([]);
    expect(snapshot.between).toEqual([]);
    expect('region' in (snapshot.nodes[0] ?? {})).toBe(false);
    expect('label' in (snapshot.nodes[0] ?? {})).toBe(false);
  });
});

describe('cutting between regions', () => {
  it('partitions along region lines in one action, and heals like any partition', () => {
    const sim = createSimulation(twoRegions());
    sim.advance(500);
    sim.partitionRegions([['us']]);
    expect(sim.events().at(-1)).toMatchObject({ type: 'partitioned', groups: [['us1'], ['eu1', 'eu2']] });
    expect(sim.snapshot().between.every((b) => b.cut)).toBe(true);
    sim.write('eu1', 'k', 'v');
    sim.runUntilIdle();
    expect(sim.node('eu2').data.k).toBe('v');
    expect(sim.node('us1').data.k).toBeUndefined();
    expect(sim.commands().at(-2)).toMatchObject({ type: 'partitionRegions', args: [[['us']]] });
    sim.heal();
    sim.advance(4000);
    sim.runUntilIdle();
    expect(sim.node('us1').data.k).toBe('v');
    expect(sim.snapshot().between.some((b) => b.cut)).toBe(false);
  });

  it('cuts only the pairs on different sides with three regions', () => {
    const sim = createSimulation({
      ...twoRegions(),
      regions: [
        { id: 'eu', name: 'Europe' },
        { id: 'us', name: 'US East' },
        { id: 'ap', name: 'Asia' },
      ],
      nodes: [
        { id: 'eu1', role: 'primary', region: 'eu' },
        { id: 'us1', role: 'replica', upstream: 'eu1', region: 'us' },
        { id: 'ap1', role: 'replica', upstream: 'eu1', region: 'ap' },
      ],
      network: {
        latencyMs: 1,
        between: [
          { from: 'eu', to: 'us', latencyMs: 80 },
          { from: 'eu', to: 'ap', latencyMs: 150 },
          { from: 'us', to: 'ap', latencyMs: 120 },
        ],
      },
    });
    sim.partitionRegions([['eu', 'us']]);
    const cut = sim
      .snapshot()
      .between.filter((b) => b.cut)
      .map((b) => `${b.from}-${b.to}`);
    expect(cut).toEqual(['eu-ap', 'us-ap', 'ap-eu', 'ap-us']);
  });

  it('refuses unknown regions, a cut with nothing on the other side, and changes nothing', () => {
    const sim = createSimulation(twoRegions());
    expect(() => {
      sim.partitionRegions([['ap']]);
    }).toThrow(SimulationError);
    expect(() => {
      sim.partitionRegions([['eu', 'us']]);
    }).toThrow(/every region is on one side/);
    expect(() => {
      sim.partitionRegions([['eu'], ['eu']]);
    }).toThrow(/more than one/);
    expect(sim.snapshot().network.partitioned).toBe(false);
    expect(sim.commands()).toEqual([]);
  });
});

describe('naming and adding nodes', () => {
  it('renames a node for people; its id stays', () => {
    const sim = createSimulation(twoRegions());
    sim.renameNode('us1', '  Virginia reporting  ');
    expect(sim.node('us1')).toMatchObject({ id: 'us1', label: 'Virginia reporting' });
    expect(sim.events().at(-1)).toMatchObject({ type: 'node-renamed', nodeId: 'us1' });
    sim.renameNode('us1', '');
    expect(sim.node('us1').label).toBeUndefined();
    expect(() => {
      sim.renameNode('us1', 'x'.repeat(33));
    }).toThrow(/at most 32/);
    sim.renameNode('us1', '😀'.repeat(32));
    expect(sim.node('us1').label).toBe('😀'.repeat(32));
    expect(() => {
      sim.renameNode('nope', 'x');
    }).toThrow(/unknown node/);
  });

  it('adds a node into a chosen region, or its upstream’s', () => {
    const sim = createSimulation(twoRegions());
    sim.advance(500);
    sim.addNode({ id: 'us2', upstream: 'eu1', region: 'us', label: 'Ohio' });
    sim.addNode({ id: 'eu3', upstream: 'eu2' });
    expect(sim.node('us2')).toMatchObject({ region: 'us', label: 'Ohio' });
    expect(sim.node('eu3').region).toBe('eu');
    expect(sim.snapshot().regions.find((r) => r.id === 'us')?.nodes).toEqual(['us1', 'us2']);
    sim.runUntilIdle();
    expect(flights(sim, 'us2', 'eu1')).toEqual([80]);
    expect(() => sim.addNode({ id: 'x', upstream: 'eu1', region: 'ap' })).toThrow(/unknown region/);
    sim.removeNode('us2');
    sim.addNode({ id: 'us2', upstream: 'eu1' });
    expect(sim.node('us2')).toMatchObject({ region: 'eu' });
    expect(sim.node('us2').label).toBeUndefined();
  });

  it('keeps regions and labels through save and restore', () => {
    const sim = createSimulation(twoRegions());
    sim.advance(500);
    sim.addNode({ id: 'us2', upstream: 'eu1', region: 'us' });
    sim.renameNode('eu2', 'Standby');
    const copy = sim.fork();
    expect(copy.snapshot().regions).toEqual(sim.snapshot().regions);
    expect(copy.node('eu2').label).toBe('Standby');
    copy.write('eu1', 'k', 'v', { region: 'us' });
    sim.write('eu1', 'k', 'v', { region: 'us' });
    copy.runUntilIdle();
    sim.runUntilIdle();
    expect(copy.history()).toEqual(sim.history());
    expect(copy.messages()).toEqual(sim.messages());
  });
});
