/**
 * What a node or link offers: one list of a node's actions that the graph's popover menu and the
 * inspector's buttons both render, and a link's menu. Pure: each item names a store command.
 */
import type { DatabaseSystem, LinkView, NodeView, RegionLinkView, RegionView } from '../../engine/index.ts';
import type { LinkRef, NodeCommands } from '../../store/index.ts';
import { regionCutOff } from './regions/regionText.ts';

export type MenuStep =
  /** Runs a store command and closes the menu. */
  | { readonly kind: 'run'; readonly run: (commands: NodeCommands) => void }
  /** Opens a small form in place of the menu. */
  | { readonly kind: 'form'; readonly form: 'write' | 'repoint' }
  /** Shows the menu of the node's upstream link. */
  | { readonly kind: 'link'; readonly link: LinkRef };

export interface MenuItem {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly danger?: boolean;
  /** For a choice among several (a link's latency): whether it is the current one. */
  readonly checked?: boolean;
  readonly step: MenuStep;
}

/** The inspector's groups of a node's actions, in the order it shows them. */
export const ACTION_GROUPS = ['client', 'server', 'replication', 'network'] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];

/** A node's action: a menu item that also says where the inspector shows it. */
export interface NodeAction extends MenuItem {
  readonly group: ActionGroup;
  /** The inspector button's text, where the menu's label says more ("Write here…" is "Write"). */
  readonly button?: string;
  /** Not possible now (Heal with nothing cut): the inspector shows it disabled, the menu leaves it out. */
  readonly disabled?: boolean;
}

export interface NodeActionOptions {
  /** Whether any link is cut (so Heal can do something). */
  readonly partitioned: boolean;
  /** The key Read reads (the inspector's write form's key); without it, the last key written. */
  readonly readKey?: string;
  /** The scenario's regions (`regionChoices`); none without regions. */
  readonly regions?: readonly RegionChoice[];
  /** The writable server this one may follow (`followTarget`): MariaDB's way out of a split brain. */
  readonly follow?: string | undefined;
}

/**
 * The other writable server a MariaDB primary outside any group may be pointed at (CHANGE MASTER TO): one
 * that came back writable beside a promoted replica, or that replica. Undefined otherwise.
 */
export function followTarget(
  nodes: readonly NodeView[],
  id: string,
  system: DatabaseSystem | undefined,
): string | undefined {
  const writable = (n: NodeView) => n.role === 'primary' && n.status === 'up' && n.peers.length === 0;
  const node = nodes.find((n) => n.id === id);
  if (system !== 'mariadb' || node === undefined || !writable(node)) return undefined;
  return nodes.find((n) => n.id !== id && writable(n))?.id;
}

/** A region as a node's actions offer it: where a replica can be added, whether it is cut off. */
export interface RegionChoice {
  readonly id: string;
  readonly name: string;
  /** A partition cuts it from every other region. */
  readonly cutOff: boolean;
}

/** The snapshot's regions as choices (`snapshot.regions`, `snapshot.between`). */
export function regionChoices(
  regions: readonly RegionView[],
  between: readonly RegionLinkView[],
): RegionChoice[] {
  return regions.map((r) => ({ id: r.id, name: r.name, cutOff: regionCutOff(r.id, between) }));
}

/** "Cut between regions": `region` on one side, every other region on the other. */
function cutRegionsItem(region: RegionChoice): MenuItem {
  return {
    id: 'cut-regions',
    label: 'Cut between regions',
    hint: `Cut the network between ${region.name} and the other regions`,
    danger: true,
    step: run((c) => {
      c.cutRegions([region.id]);
    }),
  };
}

const run = (fn: (commands: NodeCommands) => void): MenuStep => ({ kind: 'run', run: fn });

/** Heal restores every cut link (the engine heals the whole partition at once). */
const HEAL: MenuItem = {
  id: 'heal',
  label: 'Heal',
  hint: 'Restore every cut link',
  step: run((c) => {
    c.heal();
  }),
};

/**
 * Every action on a node, in the menu's order; `upstreamLink` is the link it streams over, if any. A new
 * node action goes here, and both the graph's menu and the inspector offer it.
 */
export function nodeActions(
  node: NodeView,
  upstreamLink: LinkView | undefined,
  { partitioned, readKey, regions = [], follow }: NodeActionOptions,
): NodeAction[] {
  const id = node.id;
  const region = regions.find((r) => r.id === node.region);
  const up = node.status === 'up';
  const items: NodeAction[] = [
    {
      id: 'write',
      group: 'client',
      label: 'Write here…',
      button: 'Write',
      hint: `Write a key and value through ${id}`,
      step: { kind: 'form', form: 'write' },
    },
    {
      id: 'read',
      group: 'client',
      label: 'Read here',
      button: 'Read',
      hint: readKey === undefined ? `Read the last key written, on ${id}` : `Read "${readKey}" on ${id}`,
      step: run((c) => {
        c.read(id, readKey);
      }),
    },
    up
      ? {
          id: 'kill',
          group: 'server',
          label: 'Kill',
          hint: `Stop ${id} abruptly`,
          danger: true,
          step: run((c) => {
            c.kill(id);
          }),
        }
      : {
          id: 'restart',
          group: 'server',
          label: 'Restart',
          hint: `Start ${id} again`,
          step: run((c) => {
            c.restart(id);
          }),
        },
  ];
  if (node.role === 'replica') {
    items.push({
      id: 'promote',
      group: 'server',
      label: 'Promote',
      hint: 'Make this node accept writes, on a new timeline',
      step: run((c) => {
        c.promote(id);
      }),
    });
  }
  // With regions, one Add replica per region, the node's own first.
  const places = region === undefined ? [] : [region, ...regions.filter((r) => r !== region)];
  if (places.length === 0) {
    items.push({
      id: 'add-replica',
      group: 'server',
      label: 'Add replica',
      hint: `Add a new node streaming from ${id}`,
      step: run((c) => {
        c.addReplica(id);
      }),
    });
  }
  for (const place of places) {
    items.push({
      id: `add-replica-${place.id}`,
      group: 'server',
      label: `Add replica in ${place.name}`,
      button: `Add replica (${place.name})`,
      hint: `Add a new node in ${place.name} streaming from ${id}`,
      step: run((c) => {
        c.addReplica(id, place.id);
      }),
    });
  }
  items.push({
    id: 'backup',
    group: 'server',
    label: 'Take backup',
    hint: "Snapshot this node's applied data",
    step: run((c) => {
      c.takeBackup(id);
    }),
  });
  // A source-source member whose applier stopped: the operator's two ways out, in MariaDB's terms.
  const stop = node.stoppedAppliers[0];
  if (stop !== undefined && up) {
    items.push(
      {
        id: 'skip-event',
        group: 'replication',
        label: 'Skip event',
        hint: `SET GLOBAL sql_slave_skip_counter = 1; START SLAVE: ${id} keeps its own "${stop.key}" and applies ${stop.source}'s next events`,
        step: run((c) => {
          c.skipEvent(id);
        }),
      },
      {
        id: 'resync',
        group: 'replication',
        label: 'Resync',
        hint: `Re-copy ${id} from ${stop.source} and restart its replication at ${stop.source}'s position`,
        step: run((c) => {
          c.resync(id);
        }),
      },
    );
  }
  if (follow !== undefined) {
    items.push({
      id: 'follow',
      group: 'replication',
      label: `Follow ${follow}`,
      hint: `CHANGE MASTER TO MASTER_HOST='${follow}', MASTER_USE_GTID=slave_pos; SET GLOBAL read_only=ON; START SLAVE: ${id} becomes ${follow}'s replica, refused with error 1236 if it has transactions ${follow} lacks`,
      step: run((c) => {
        c.repoint(id, follow);
      }),
    });
  }
  if (node.role === 'replica') {
    items.push({
      id: 'repoint',
      group: 'replication',
      label: 'Re-point…',
      hint: `Choose the node ${id} streams from`,
      step: { kind: 'form', form: 'repoint' },
    });
  }
  items.push(
    node.diskFactor > 1
      ? {
          id: 'fix-disk',
          group: 'server',
          label: 'Fix disk',
          hint: `Give ${id} its normal disk back (now ${node.diskFactor}× slower)`,
          step: run((c) => {
            c.fixDisk(id);
          }),
        }
      : {
          id: 'slow-disk',
          group: 'server',
          label: 'Slow disk',
          hint: `Make ${id}'s fsyncs and replay ten times slower`,
          step: run((c) => {
            c.slowDisk(id);
          }),
        },
  );
  items.push({
    id: 'isolate',
    group: 'network',
    label: 'Isolate',
    hint: `Partition ${id} away from every other node`,
    danger: true,
    step: run((c) => {
      c.isolate(id);
    }),
  });
  if (region !== undefined && regions.length > 1) {
    items.push({ ...cutRegionsItem(region), group: 'network', disabled: region.cutOff });
  }
  items.push({ ...HEAL, group: 'network', disabled: !partitioned });
  if (upstreamLink !== undefined) {
    items.push({
      id: 'link',
      group: 'network',
      label: `Link from ${upstreamLink.from}…`,
      hint: `Cut, heal or slow down the link from ${upstreamLink.from}`,
      step: { kind: 'link', link: { from: upstreamLink.from, to: upstreamLink.to } },
    });
  }
  items.push({
    id: 'remove',
    group: 'server',
    label: 'Remove',
    hint: `Remove ${id} from the cluster`,
    danger: true,
    step: run((c) => {
      c.removeNode(id);
    }),
  });
  return items;
}

/** The node's menu: its actions that are possible now. */
export function nodeMenuItems(
  node: NodeView,
  upstreamLink: LinkView | undefined,
  partitioned: boolean,
  regions: readonly RegionChoice[] = [],
  follow?: string,
): MenuItem[] {
  return nodeActions(node, upstreamLink, { partitioned, regions, follow }).filter(
    (item) => item.disabled !== true,
  );
}

/** A region label's menu: Cut between regions (unless it is cut off already), and Heal when something is cut. */
export function regionMenuItems(region: RegionChoice, partitioned: boolean): MenuItem[] {
  return [...(region.cutOff ? [] : [cutRegionsItem(region)]), ...(partitioned ? [HEAL] : [])];
}

/** Latencies offered for slowing a link down, besides the normal one and its current one. */
export const SLOW_CHOICES: readonly number[] = [300, 1000];

/** The latencies a link can be set to: normal, the slow choices and its current one, ascending. */
export function latencyChoices(normalMs: number, currentMs: number): number[] {
  return [...new Set([normalMs, ...SLOW_CHOICES, Math.round(currentMs)])].sort((a, b) => a - b);
}

/** A link's actions: Cut, Heal, and one latency choice per item (the current one checked). */
export function linkMenuItems(link: LinkView, partitioned: boolean, normalMs: number): MenuItem[] {
  const ref = { from: link.from, to: link.to };
  const current = Math.round(link.latencyMs);
  const items: MenuItem[] = [];
  if (!link.cut) {
    items.push({
      id: 'cut',
      label: 'Cut',
      hint: `Partition ${link.to} (and whatever streams from it) away from ${link.from}`,
      danger: true,
      step: run((c) => {
        c.cutLink(ref);
      }),
    });
  }
  if (partitioned) items.push(HEAL);
  for (const ms of latencyChoices(normalMs, current)) {
    items.push({
      id: `latency-${ms}`,
      label: ms === normalMs ? `Normal speed: ${ms} ms` : `Slow down: ${ms} ms`,
      hint: `Set this link's one-way latency to ${ms} ms`,
      checked: ms === current,
      step: run((c) => {
        c.setLinkLatency(ref, ms);
      }),
    });
  }
  return items;
}

/** The index a menu key moves to among `count` items from `index` (wrapping), or null if not a menu key. */
export function menuKeyTarget(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return (index + 1) % count;
  if (key === 'ArrowUp') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
