import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { createLab, type NodeCommands } from '../../store/index.ts';
import {
  ACTION_GROUPS,
  followTarget,
  latencyChoices,
  linkMenuItems,
  menuKeyTarget,
  nodeActions,
  nodeMenuItems,
  regionChoices,
  regionMenuItems,
  type MenuItem,
} from './menuItems.ts';

const lab = () => createLab({ preset: 'master-slave', playing: false });
const labels = (items: readonly MenuItem[]) => items.map((i) => i.label);

/** Records which command an item runs, with its arguments. */
function ran(item: MenuItem | undefined): unknown[] {
  const calls: unknown[] = [];
  const commands = new Proxy({} as NodeCommands, {
    get:
      (_, name) =>
      (...args: unknown[]) =>
        calls.push([name, ...args]),
  });
  if (item?.step.kind === 'run') item.step.run(commands);
  return calls;
}

describe('a node menu', () => {
  it('offers the inspector’s actions on a replica, with its upstream link', () => {
    const { nodes, links } = lab().getState().snapshot;
    const db2 = nodes.find((n) => n.id === 'db2')!;
    const items = nodeMenuItems(
      db2,
      links.find((l) => l.to === 'db2'),
      false,
    );
    expect(labels(items)).toEqual([
      'Write here…',
      'Read here',
      'Kill',
      'Promote',
      'Add replica',
      'Take backup',
      'Re-point…',
      'Slow disk',
      'Isolate',
      'Link from db1…',
      'Remove',
    ]);
    expect(ran(items.find((i) => i.id === 'kill'))).toEqual([['kill', 'db2']]);
    expect(ran(items.find((i) => i.id === 'slow-disk'))).toEqual([['slowDisk', 'db2']]);
    const slow = nodeMenuItems({ ...db2, diskFactor: 10 }, undefined, false);
    expect(ran(slow.find((i) => i.id === 'fix-disk'))).toEqual([['fixDisk', 'db2']]);
    expect(items.find((i) => i.id === 'link')?.step).toEqual({
      kind: 'link',
      link: { from: 'db1', to: 'db2' },
    });
  });

  it('offers Restart on a node that is down, Heal while partitioned, and no Promote on the master', () => {
    const store = lab();
    store.getState().actions.kill('db1');
    const db1 = store.getState().snapshot.nodes.find((n) => n.id === 'db1')!;
    const items = nodeMenuItems(db1, undefined, true);
    expect(labels(items)).toContain('Restart');
    expect(labels(items)).toContain('Heal');
    expect(labels(items)).not.toContain('Kill');
    expect(labels(items)).not.toContain('Promote');
    expect(labels(items)).not.toContain('Re-point…');
  });
});

describe('the inspector’s buttons', () => {
  it('come from the menu’s list: every menu item, each in an inspector group', () => {
    const { nodes, links } = lab().getState().snapshot;
    const db2 = nodes.find((n) => n.id === 'db2')!;
    const upstream = links.find((l) => l.to === 'db2');
    const all = nodeActions(db2, upstream, { partitioned: true });
    expect(all.map((a) => a.id)).toEqual(nodeMenuItems(db2, upstream, true).map((i) => i.id));
    expect(all.every((a) => ACTION_GROUPS.includes(a.group))).toBe(true);
    expect(all.find((a) => a.id === 'slow-disk')?.group).toBe('server');
  });

  it('show Heal disabled while nothing is cut, where the menu leaves it out', () => {
    const db1 = lab()
      .getState()
      .snapshot.nodes.find((n) => n.id === 'db1')!;
    const heal = nodeActions(db1, undefined, { partitioned: false }).find((a) => a.id === 'heal');
    expect(heal?.disabled).toBe(true);
    expect(labels(nodeMenuItems(db1, undefined, false))).not.toContain('Heal');
  });

  it('read the key of the inspector’s write form, where the menu reads the last key written', () => {
    const db2 = lab()
      .getState()
      .snapshot.nodes.find((n) => n.id === 'db2')!;
    const read = nodeActions(db2, undefined, { partitioned: false, readKey: 'balance' }).find(
      (a) => a.id === 'read',
    );
    expect(read?.button).toBe('Read');
    expect(read?.hint).toBe('Read "balance" on db2');
    expect(ran(read)).toEqual([['read', 'db2', 'balance']]);
  });
});

describe('a link menu', () => {
  it('cuts, heals and offers each latency, the current one checked', () => {
    const link = lab().getState().snapshot.links[0]!;
    const items = linkMenuItems({ ...link, latencyMs: 300 }, true, 150);
    expect(labels(items)).toEqual([
      'Cut',
      'Heal',
      'Normal speed: 150 ms',
      'Slow down: 300 ms',
      'Slow down: 1000 ms',
    ]);
    expect(items.filter((i) => i.checked === true).map((i) => i.id)).toEqual(['latency-300']);
    expect(ran(items.find((i) => i.id === 'latency-1000'))).toEqual([
      ['setLinkLatency', { from: link.from, to: link.to }, 1000],
    ]);
  });

  it('offers no Cut on a link already cut', () => {
    const link = lab().getState().snapshot.links[0]!;
    expect(labels(linkMenuItems({ ...link, cut: true }, true, 150))).not.toContain('Cut');
  });

  it('keeps a custom latency among the choices', () => {
    expect(latencyChoices(40, 77.4)).toEqual([40, 77, 300, 1000]);
  });
});

describe('menu keys', () => {
  it('wraps with the arrows and jumps with Home and End', () => {
    expect(menuKeyTarget('ArrowDown', 3, 4)).toBe(0);
    expect(menuKeyTarget('ArrowUp', 0, 4)).toBe(3);
    expect(menuKeyTarget('ArrowDown', -1, 4)).toBe(0);
    expect(menuKeyTarget('Home', 2, 4)).toBe(0);
    expect(menuKeyTarget('End', 0, 4)).toBe(3);
    expect(menuKeyTarget('a', 0, 4)).toBeNull();
  });
});

describe('with regions', () => {
  const regional = () => createLab({ preset: 'pg-regions', playing: false });
  const choices = (store: ReturnType<typeof regional>) => {
    const { regions, between } = store.getState().snapshot;
    return regionChoices(regions, between);
  };

  it('a node menu cuts its region from the rest, and adds a replica in a chosen region', () => {
    const store = regional();
    const pg3 = store.getState().snapshot.nodes.find((n) => n.id === 'pg3')!;
    const items = nodeMenuItems(pg3, undefined, false, choices(store));
    const cut = items.find((i) => i.label === 'Cut between regions');
    expect(cut?.hint).toBe('Cut the network between EU West (Ireland) and the other regions');
    expect(ran(cut)).toEqual([['cutRegions', ['eu-west']]]);
    const adds = items.filter((i) => i.id.startsWith('add-replica'));
    expect(labels(adds)).toEqual([
      'Add replica in EU West (Ireland)',
      'Add replica in US East (N. Virginia)',
    ]);
    expect(ran(adds[1])).toEqual([['addReplica', 'pg3', 'us-east']]);
  });

  it('once the region is cut off, offers Heal instead (the inspector shows Cut disabled)', () => {
    const store = regional();
    store.getState().actions.cutRegions(['eu-west']);
    const { nodes } = store.getState().snapshot;
    const pg3 = nodes.find((n) => n.id === 'pg3')!;
    const regions = choices(store);
    expect(regions.map((r) => r.cutOff)).toEqual([true, true]);
    expect(labels(nodeMenuItems(pg3, undefined, true, regions))).not.toContain('Cut between regions');
    const inspector = nodeActions(pg3, undefined, { partitioned: true, regions });
    expect(inspector.find((a) => a.id === 'cut-regions')?.disabled).toBe(true);
    expect(labels(regionMenuItems(regions[0]!, true))).toEqual(['Heal']);
  });

  it('a region label’s menu cuts between regions, and heals when cut', () => {
    const store = regional();
    const [usEast] = choices(store);
    expect(labels(regionMenuItems(usEast!, false))).toEqual(['Cut between regions']);
    expect(ran(regionMenuItems(usEast!, false)[0])).toEqual([['cutRegions', ['us-east']]]);
  });

  it('without regions, a node has one Add replica and no Cut between regions', () => {
    const db1 = lab().getState().snapshot.nodes[0]!;
    const items = nodeMenuItems(db1, undefined, false);
    expect(labels(items).filter((l) => l.startsWith('Add replica'))).toEqual(['Add replica']);
    expect(labels(items)).not.toContain('Cut between regions');
  });
});

describe('a MariaDB server writable beside another (a split brain)', () => {
  function splitBrain(system: 'mariadb' | 'postgresql') {
    const sim = createSimulation({
      seed: 1,
      system,
      replication: { autoRewind: false },
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'db2', role: 'replica', upstream: 'db1' },
      ],
    });
    sim.advance(100);
    sim.kill('db1');
    sim.promote('db2');
    sim.restart('db1');
    sim.advance(100);
    return sim.nodes();
  }

  it('may follow the other: CHANGE MASTER TO it, run as a re-point', () => {
    const nodes = splitBrain('mariadb');
    expect(followTarget(nodes, 'db1', 'mariadb')).toBe('db2');
    const db1 = nodes.find((n) => n.id === 'db1')!;
    const follow = nodeActions(db1, undefined, { partitioned: false, follow: 'db2' }).find(
      (i) => i.id === 'follow',
    );
    expect(follow).toMatchObject({ label: 'Follow db2', group: 'replication' });
    expect(follow?.hint).toMatch(/^CHANGE MASTER TO MASTER_HOST='db2'.*error 1236/);
    expect(ran(follow)).toEqual([['repoint', 'db1', 'db2']]);
  });

  it('has nothing to follow in PostgreSQL (its old primary rejoins as a replica), nor without a second one', () => {
    expect(followTarget(splitBrain('postgresql'), 'db1', 'postgresql')).toBeUndefined();
    expect(followTarget(lab().getState().snapshot.nodes, 'db1', 'mariadb')).toBeUndefined();
  });
});
