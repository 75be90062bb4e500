/**
 * Node, client and network commands. connectEngine.ts hands each one the live Simulation through
 * `run`, which records nothing itself: it turns a thrown SimulationError into a visible message.
 */
import type { OperationRecord, Simulation } from '../engine/index.ts';
import { fieldProblem, writeProblems } from './fields.ts';
import type { LabState, NodeCommands } from './labStore.ts';
import { readStatus, writeStatus } from './opText.ts';
import type { StatusMessage } from './slices/engineSlice.ts';
import { currentPrimary, freshNodeId, subtree } from './topology.ts';

/** Runs `command` on the simulation; `what` names the action in an error message. */
export type Run = (what: string, command: (sim: Simulation) => StatusMessage | null) => void;

export interface CommandContext {
  readonly run: Run;
  readonly get: () => LabState;
  /** Follows a pending write so its outcome replaces the status once it completes. */
  readonly watchWrite: (opId: number | null) => void;
  /** Picks the write, so the graph shows where it has arrived and the inspector how it went. */
  readonly follow: (opId: number) => void;
}

const info = (text: string): StatusMessage => ({ tone: 'info', text });
const ok = (text: string): StatusMessage => ({ tone: 'ok', text });

/** How much slower the lab's Slow disk makes a node's disk. */
export const SLOW_DISK_FACTOR = 10;

export function createNodeCommands({ run, get, watchWrite, follow }: CommandContext): NodeCommands {
  let writeCount = 0;
  let lastKey: string | null = null;
  /** Every id a node has had, so a new node never reuses a removed one's name. */
  const usedIds = new Set<string>();
  const nodes = () => get().snapshot.nodes;

  const write = (
    nodeId: string,
    key: string,
    value: string,
    options?: { readonly insert?: boolean },
  ): OperationRecord | null => {
    let issued: OperationRecord | null = null;
    const insert = options?.insert === true;
    run(`${insert ? 'Insert into' : 'Write to'} ${nodeId}`, (sim) => {
      // The limits a link can carry (fields.ts): a write it could not replay is never made.
      const problems = writeProblems(key, value);
      if (problems.length > 0) throw new Error(problems.join('; '));
      const op = insert ? sim.write(nodeId, key, value, { insert: true }) : sim.write(nodeId, key, value);
      issued = op;
      lastKey = key;
      watchWrite(op.status === 'pending' ? op.id : null);
      if (op.status !== 'failed') follow(op.id);
      return writeStatus(op);
    });
    return issued;
  };

  /** A fresh node id like `like`'s, never one a node has had. */
  const freshId = (sim: Simulation, like: string): string => {
    for (const n of sim.nodes()) usedIds.add(n.id);
    const id = freshNodeId(sim.nodes(), like, usedIds);
    usedIds.add(id);
    return id;
  };

  const addNode = (
    what: string,
    upstream: string,
    like: string,
    fromBackup?: string,
    region?: string,
  ): void => {
    run(what, (sim) => {
      const id = freshId(sim, like);
      sim.addNode({
        id,
        upstream,
        ...(fromBackup === undefined ? {} : { fromBackup }),
        ...(region === undefined ? {} : { region }),
      });
      const source = fromBackup === undefined ? '' : ` from backup ${fromBackup}`;
      const where = region === undefined ? '' : ` in ${regionName(region)}`;
      return ok(
        `${id} joined${where} as a replica of ${upstream}${source}; it copies the data, then streams.`,
      );
    });
  };

  const regionName = (id: string): string => get().snapshot.regions.find((r) => r.id === id)?.name ?? id;

  const partition = (what: string, group: readonly string[], done: string): void => {
    run(what, (sim) => {
      const inside = new Set(group);
      const rest = sim
        .nodes()
        .filter((n) => !inside.has(n.id))
        .map((n) => n.id);
      sim.partition(rest.length > 0 ? [group, rest] : [group]);
      return info(done);
    });
  };

  return {
    write,
    writeNext: (nodeId) => {
      const target = nodeId ?? currentPrimary(nodes())?.id;
      if (target === undefined) {
        run('Write', () => ({ tone: 'error', text: 'There is no node to write to.' }));
        return;
      }
      writeCount += 1;
      write(target, `user${writeCount}`, `hello${writeCount}`);
    },
    read: (nodeId, key) => {
      run(`Read on ${nodeId}`, (sim) => {
        const which = key ?? lastKey ?? 'k0';
        const problem = fieldProblem('key', which);
        if (problem !== null) throw new Error(`key: ${problem}`);
        return readStatus(sim.read(nodeId, which), sim.node(nodeId));
      });
    },
    kill: (nodeId) => {
      run(`Killing ${nodeId}`, (sim) => {
        sim.kill(nodeId);
        return info(`${nodeId} is down.`);
      });
    },
    restart: (nodeId) => {
      run(`Restarting ${nodeId}`, (sim) => {
        sim.restart(nodeId);
        return info(`${nodeId} is restarting.`);
      });
    },
    promote: (nodeId) => {
      run(`Promoting ${nodeId}`, (sim) => {
        const lostBefore = sim.metrics().lostWrites;
        sim.promote(nodeId);
        const lost = sim.metrics().lostWrites - lostBefore;
        const base = `${nodeId} was promoted to primary and now accepts writes.`;
        if (lost === 0) return ok(base);
        const writes = lost === 1 ? '1 acknowledged write was' : `${lost} acknowledged writes were`;
        return {
          tone: 'warn',
          text: `${base} ${writes} lost: the old primary had not shipped them (asynchronous replication).`,
        };
      });
    },
    addReplica: (upstream, region) => {
      addNode(`Adding a replica of ${upstream}`, upstream, upstream, undefined, region);
    },
    renameNode: (nodeId, label) => {
      run(`Renaming ${nodeId}`, (sim) => {
        sim.renameNode(nodeId, label);
        const shown = sim.node(nodeId).label;
        return info(
          shown === undefined ? `${nodeId} shows its id again.` : `${nodeId} is now shown as “${shown}”.`,
        );
      });
    },
    cutRegions: (regionIds) => {
      run('Cutting between regions', (sim) => {
        sim.partitionRegions([regionIds]);
        const names = regionIds.map(regionName).join(', ');
        return info(`The network between ${names} and the other regions is cut.`);
      });
    },
    removeNode: (nodeId) => {
      run(`Removing ${nodeId}`, (sim) => {
        sim.removeNode(nodeId);
        return info(`${nodeId} was removed.`);
      });
    },
    takeBackup: (nodeId) => {
      run(`Backup of ${nodeId}`, (sim) => {
        const backup = sim.takeBackup(nodeId);
        return ok(`Backup ${backup.id} taken from ${nodeId} at LSN ${backup.lsn}.`);
      });
    },
    restoreBackup: (backupId) => {
      const primary = currentPrimary(nodes());
      const backup = get().backups.find((b) => b.id === backupId);
      if (primary === undefined) {
        run('Restore', () => ({
          tone: 'error',
          text: 'Restore failed: there is no primary to stream from.',
        }));
        return;
      }
      addNode(`Restoring ${backupId}`, primary.id, backup?.nodeId ?? primary.id, backupId);
    },
    provisionPrimary: (backupId) => {
      run(`Provisioning a primary from ${backupId}`, (sim) => {
        const backup = sim.backups().find((b) => b.id === backupId);
        const lostBefore = sim.metrics().lostWrites;
        const node = sim.addNode({
          id: freshId(sim, backup?.nodeId ?? 'db1'),
          role: 'primary',
          fromBackup: backupId,
        });
        const lost = sim.metrics().lostWrites - lostBefore;
        const base = `${node.id} was provisioned from backup ${backupId} (LSN ${String(backup?.lsn ?? 0)}) as the new primary, on timeline ${String(node.timeline)}, and accepts writes.`;
        if (lost === 0) return ok(base);
        const writes = lost === 1 ? '1 acknowledged write was' : `${lost} acknowledged writes were`;
        return { tone: 'warn', text: `${base} ${writes} lost: they came after the backup.` };
      });
    },
    repoint: (nodeId, upstream) => {
      run(`Re-pointing ${nodeId}`, (sim) => {
        sim.repoint(nodeId, upstream);
        return info(`${nodeId} now streams from ${upstream}.`);
      });
    },
    slowDisk: (nodeId) => {
      run(`Slowing ${nodeId}'s disk`, (sim) => {
        sim.slowDisk(nodeId, SLOW_DISK_FACTOR);
        return info(
          `${nodeId}'s disk is ${SLOW_DISK_FACTOR}× slower: its commits, fsyncs and replay take ${SLOW_DISK_FACTOR} times as long.`,
        );
      });
    },
    fixDisk: (nodeId) => {
      run(`Fixing ${nodeId}'s disk`, (sim) => {
        sim.fixDisk(nodeId);
        return info(`${nodeId}'s disk is back to normal speed.`);
      });
    },
    skipEvent: (nodeId) => {
      run(`Skipping the failed event on ${nodeId}`, (sim) => {
        const source = sim.node(nodeId).stoppedAppliers[0]?.source ?? 'its source';
        sim.skipEvent(nodeId);
        return info(
          `${nodeId}: SET GLOBAL sql_slave_skip_counter = 1; START SLAVE. It keeps its own row and applies ${source}'s next events.`,
        );
      });
    },
    resync: (nodeId) => {
      run(`Resyncing ${nodeId}`, (sim) => {
        const source = sim.node(nodeId).stoppedAppliers[0]?.source ?? 'its source';
        sim.resync(nodeId);
        return info(
          `${nodeId} was re-copied from ${source} and replicates from ${source}'s current position.`,
        );
      });
    },
    isolate: (nodeId) => {
      partition(`Isolating ${nodeId}`, [nodeId], `${nodeId} is cut off from every other node.`);
    },
    cutLink: ({ from, to }) => {
      const cut = subtree(nodes(), to);
      const who = cut.length === 1 ? to : `${to} and its ${cut.length - 1} downstream node(s)`;
      partition(
        `Cutting ${from} → ${to}`,
        cut,
        `The link ${from} → ${to} is cut: ${who} cannot reach the rest.`,
      );
    },
    heal: () => {
      run('Healing the network', (sim) => {
        sim.heal();
        return ok('The network healed: every cut link works again.');
      });
    },
    partition: (groups) => {
      run('Partitioning the network', (sim) => {
        sim.partition(groups);
        return info(`The network is cut into ${groups.map((g) => g.join(', ')).join(' | ')}.`);
      });
    },
    startWorkload: (options) => {
      run('Starting the workload', (sim) => {
        sim.startWorkload(options);
        return info('The client workload is running.');
      });
    },
    stopWorkload: () => {
      run('Stopping the workload', (sim) => {
        sim.stopWorkload();
        return info('The client workload stopped.');
      });
    },
    burst: () => {
      run('Burst', (sim) => {
        sim.burst({ factor: 10, durationMs: 5000 });
        return info('The workload runs ten times as fast for 5 s.');
      });
    },
    setLinkLatency: ({ from, to }, ms) => {
      run(`Changing ${from} → ${to}`, (sim) => {
        sim.setLatency(from, to, ms);
        return info(`The link ${from} → ${to} now takes ${ms} ms each way.`);
      });
    },
  };
}
