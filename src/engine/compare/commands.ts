/**
 * A comparison's commands: the engine's recorded-command shape (`{ at, type, args }`, as `commands()` and a
 * run's log keep them) with nodes named by `NodeRef`. Invariant: a command is checked once for both sides,
 * and applied to one side only through its resolved ids, so a refusal there changes nothing there.
 */
import {
  COMMAND_NAMES,
  SimulationError,
  type AddNodeOptions,
  type BurstOptions,
  type CommandName,
  type ConfigureOptions,
  type Simulation,
} from '../api.ts';
import type { ClientOptions, NodeId, RegionId, SimTime, WorkloadOptions } from '../types.ts';
import { checkNodeRef, resolveNodeRef, shown, type NodeRef } from './nodeRef.ts';

/** The write an earlier command of the comparison issued, on each side (its op ids differ between them). */
export interface WriteRef {
  readonly command: number;
}

type Nodes = readonly (readonly NodeRef[])[];

/** Each command's arguments: the Simulation method's, with its nodes as NodeRefs and `cancel`'s write as a WriteRef. */
export interface CompareArgs {
  readonly write: readonly [node: NodeRef, key: string, value: string, options?: ClientOptions];
  readonly read: readonly [node: NodeRef, key: string, options?: ClientOptions];
  readonly cancel: readonly [write: WriteRef];
  readonly kill: readonly [node: NodeRef];
  readonly restart: readonly [node: NodeRef];
  readonly promote: readonly [node: NodeRef];
  readonly takeBackup: readonly [node: NodeRef];
  readonly addNode: readonly [options: Omit<AddNodeOptions, 'upstream'> & { readonly upstream?: NodeRef }];
  readonly removeNode: readonly [node: NodeRef];
  readonly rewind: readonly [node: NodeRef];
  readonly repoint: readonly [node: NodeRef, upstream: NodeRef];
  readonly partition: readonly [groups: Nodes];
  readonly heal: readonly [];
  readonly setLatency: readonly [a: NodeRef, b: NodeRef, ms: number];
  readonly slowDisk: readonly [node: NodeRef, factor: number];
  readonly fixDisk: readonly [node: NodeRef];
  readonly configure: readonly [options: ConfigureOptions];
  readonly startWorkload: readonly [options: Partial<WorkloadOptions>];
  readonly stopWorkload: readonly [];
  readonly resolve: readonly [node: NodeRef, key: string, value: string];
  readonly burst: readonly [options?: BurstOptions];
  readonly partitionRegions: readonly [groups: readonly (readonly RegionId[])[]];
  readonly renameNode: readonly [node: NodeRef, label: string];
  readonly skipEvent: readonly [node: NodeRef, source?: NodeRef];
  readonly resync: readonly [node: NodeRef, source?: NodeRef];
}

/** One command of a comparison, applied to both sides at simulated time `at`. */
export type CompareCommand = {
  readonly [T in CommandName]: { readonly at: SimTime; readonly type: T; readonly args: CompareArgs[T] };
}[CommandName];

/** What a command's references become on one side; a reference that names nothing there throws Unresolved. */
interface Refs {
  node(ref: NodeRef, path: string): NodeId;
  write(ref: WriteRef, path: string): number;
  list<T>(value: readonly T[], path: string): readonly T[];
}

/** A reference that names nothing on one side: the command is refused there, and the other side carries on. */
class Unresolved extends Error {}

const node0 = <R extends readonly unknown[]>([node, ...rest]: readonly [NodeRef, ...R], r: Refs) =>
  [r.node(node, 'args[0]'), ...rest] as readonly [NodeId, ...R];

/** `addNode`'s options with their upstream resolved; everything else in them is the engine's to check. */
function withUpstream(options: CompareArgs['addNode'][0], r: Refs): AddNodeOptions {
  const upstream: unknown = (options as { upstream?: unknown } | null | undefined)?.upstream;
  if (upstream === undefined) return options as AddNodeOptions;
  return { ...options, upstream: r.node(upstream as NodeRef, 'args[0].upstream') };
}

/** Each command's arguments with its references replaced (the compiler insists on every command). */
const RESOLVE: {
  readonly [T in CommandName]: (args: CompareArgs[T], r: Refs) => Readonly<Parameters<Simulation[T]>>;
} = {
  write: node0,
  read: node0,
  cancel: ([write], r) => [r.write(write, 'args[0]')],
  kill: node0,
  restart: node0,
  promote: node0,
  takeBackup: node0,
  addNode: ([options], r) => [withUpstream(options, r)],
  removeNode: node0,
  rewind: node0,
  repoint: ([node, upstream], r) => [r.node(node, 'args[0]'), r.node(upstream, 'args[1]')],
  partition: ([groups], r) => [
    r
      .list(groups, 'args[0]')
      .map((group, i) => r.list(group, `args[0][${i}]`).map((ref, j) => r.node(ref, `args[0][${i}][${j}]`))),
  ],
  heal: () => [],
  setLatency: ([a, b, ms], r) => [r.node(a, 'args[0]'), r.node(b, 'args[1]'), ms],
  slowDisk: node0,
  fixDisk: node0,
  configure: (args) => args,
  startWorkload: (args) => args,
  stopWorkload: () => [],
  resolve: node0,
  burst: (args) => args,
  partitionRegions: (args) => args,
  renameNode: node0,
  skipEvent: withSource,
  resync: withSource,
};

/** A node and, when given, the source of its stopped applier. */
function withSource([node, source]: readonly [NodeRef, NodeRef?], r: Refs): readonly [NodeId, NodeId?] {
  const id = r.node(node, 'args[0]');
  return source === undefined ? [id] : [id, r.node(source, 'args[1]')];
}

function resolveArgs(command: CompareCommand, r: Refs): readonly unknown[] {
  // The union of the table's functions takes no one argument list: each gets its own command's.
  const resolve = RESOLVE[command.type] as unknown as (
    args: readonly unknown[],
    r: Refs,
  ) => readonly unknown[];
  return resolve(command.args, r);
}

/**
 * `value` as a comparison's commands, each checked for its shape (time, name, references; the engine checks
 * the other arguments on each side): in time order, from 0 to `durationMs`. A problem is a SimulationError
 * naming its path ("commands[2].args[0].index: ...").
 */
export function checkCommands(value: unknown, durationMs: number): readonly CompareCommand[] {
  if (!Array.isArray(value)) throw new SimulationError(`commands: must be an array, not ${shown(value)}`);
  const writes = new Set<number>();
  let previous = 0;
  return value.map((command: unknown, i) => {
    const path = `commands[${i}]`;
    if (typeof command !== 'object' || command === null || Array.isArray(command))
      throw new SimulationError(`${path}: must be an object { at, type, args }, not ${shown(command)}`);
    const extra = Object.keys(command).find((f) => f !== 'at' && f !== 'type' && f !== 'args');
    if (extra !== undefined)
      throw new SimulationError(`${path}: has an unknown field "${extra}" (known: at, type, args)`);
    const { at, type, args } = command as { at?: unknown; type?: unknown; args?: unknown };
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > durationMs)
      throw new SimulationError(
        `${path}.at: must be a time from 0 to durationMs (${durationMs} ms), not ${String(at)}`,
      );
    if (at < previous)
      throw new SimulationError(
        `${path}.at: commands come in time order, and ${at} ms is before the previous command's ${previous} ms`,
      );
    previous = at;
    const name = COMMAND_NAMES.find((n) => n === type);
    if (name === undefined)
      throw new SimulationError(
        `${path}.type: must be one of ${COMMAND_NAMES.join(', ')}, not ${shown(type)}`,
      );
    if (!Array.isArray(args)) throw new SimulationError(`${path}.args: must be an array, not ${shown(args)}`);
    // Its references are checked below; the engine checks the other arguments on each side.
    const checked = { at, type: name, args } as unknown as CompareCommand;
    resolveArgs(checked, {
      node: (ref, where) => {
        checkNodeRef(ref, `${path}.${where}`);
        return '';
      },
      write: (ref, where) => {
        const index: unknown = (ref as { command?: unknown } | null)?.command;
        if (typeof index !== 'number' || !writes.has(index))
          throw new SimulationError(
            `${path}.${where}: a write is named by the earlier write command that issued it ({ command: index }), since op ids differ between the sides`,
          );
        return 0;
      },
      list: (list, where) => {
        const value: unknown = list; // untrusted until checked
        if (!Array.isArray(value))
          throw new SimulationError(`${path}.${where}: must be an array, not ${shown(list)}`);
        return list;
      },
    });
    if (name === 'write' || name === 'resolve') writes.add(i);
    return checked;
  });
}

/** What applying a command to one side came to: the engine's result, or why that side refused it. */
export type Applied =
  { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly reason: string };

/**
 * Applies a checked command to one side: its references resolved there now, then the Simulation method it
 * names. A reference that names no node there, or a call the engine refuses (SimulationError), is a
 * refusal: the side is unchanged. `opOf(i)` is the op id command `i` issued on this side, for `cancel`.
 */
export function applyCompareCommand(
  sim: Simulation,
  command: CompareCommand,
  opOf: (commandIndex: number) => number | undefined,
): Applied {
  try {
    const args = resolveArgs(command, {
      node: (ref) => {
        const resolved = resolveNodeRef(sim, ref);
        if (!resolved.ok) throw new Unresolved(resolved.reason);
        return resolved.id;
      },
      write: (ref) => {
        const id = opOf(ref.command);
        if (id === undefined) throw new Unresolved(`command ${ref.command} issued no write here`);
        return id;
      },
      list: (list) => list,
    });
    return { ok: true, result: (sim[command.type] as (...args: readonly unknown[]) => unknown)(...args) };
  } catch (error) {
    if (error instanceof Unresolved || error instanceof SimulationError)
      return { ok: false, reason: error.message };
    throw error;
  }
}
