/**
 * Discrete-event scheduler on simulated ms: tasks run in (time, sequence) order, so equal inputs replay exactly.
 * A task is data (a kind and its arguments) run by the handler registered for its kind, so a queue can be
 * saved and restored; only machine timers (XState's, through a clock) hold a closure, and their owners
 * save those (see `createActorClock`).
 */
import type { SimTime } from './types.ts';

/** What a task carries: plain, JSON-safe values. */
export type TaskArgs = readonly (string | number | boolean | null)[];

export interface Task {
  readonly at: SimTime;
  readonly seq: number;
  readonly kind: string;
  readonly args: TaskArgs;
  /** What runs it: a machine timer's callback, or its kind's handler (found once, when it is added). */
  readonly run: (args: TaskArgs) => void;
  /** Periodic timers (retries, heartbeats, workload arrivals) do not keep `runUntilIdle` going. */
  readonly background: boolean;
  /** Ran or cancelled. */
  done: boolean;
  cancelled: boolean;
}

/** What `schedule` returns, to cancel with. */
export type TaskHandle = object;

/** The kind of a machine timer's task (it runs its closure, not a handler). */
export const TIMER_KIND = 'timer';

/** A pending data task, as saved. */
export interface SavedTask {
  readonly at: SimTime;
  readonly seq: number;
  readonly kind: string;
  readonly args: TaskArgs;
  readonly background: boolean;
}

export interface SavedScheduler {
  readonly time: SimTime;
  readonly seq: number;
  readonly tasksRun: number;
  readonly tasks: readonly SavedTask[];
}

export class Scheduler {
  // Its queue is saved and put back by persist/scheduler.ts (loaded with the rest of save and restore).
  readonly heap: Task[] = [];
  seq = 0;
  time: SimTime = 0;
  private workTasks = 0;
  readonly handlers = new Map<string, (args: TaskArgs) => void>();
  /** A restore's slot: the next timer takes this time and sequence instead of new ones. */
  private slot: { at: SimTime; seq: number } | undefined;
  /** Tasks run so far (timers, deliveries, arrivals): the engine's unit of work. */
  tasksRun = 0;

  now(): SimTime {
    return this.time;
  }

  /** Registers the handler that runs tasks of `kind`. */
  on(kind: string, handler: (args: TaskArgs) => void): void {
    if (this.handlers.has(kind)) throw new Error(`a handler for "${kind}" tasks is already registered`);
    this.handlers.set(kind, handler);
  }

  /** Schedules a task of `kind` at `at` (never earlier than now). */
  schedule(at: SimTime, kind: string, args: TaskArgs, background = false): TaskHandle {
    return this.add(Math.max(at, this.time), this.seq++, kind, args, undefined, background);
  }

  /** A machine timer: `run` after `delay` (or at the time and sequence a restore put in the slot). */
  timer(delay: number, run: () => void): TaskHandle {
    const slot = this.slot;
    this.slot = undefined;
    if (slot !== undefined) return this.add(slot.at, slot.seq, TIMER_KIND, [], run, true);
    return this.add(this.time + delay, this.seq++, TIMER_KIND, [], run, true);
  }

  /** The next `timer` call takes this time and sequence: a restored timer keeps its place in the queue. */
  fillSlot(at: SimTime, seq: number): void {
    this.slot = { at, seq };
  }

  /** The time and sequence of a pending task, for its owner to save. */
  placeOf(handle: TaskHandle): { readonly at: SimTime; readonly seq: number } {
    const task = handle as Task;
    return { at: task.at, seq: task.seq };
  }

  cancel(handle: TaskHandle): void {
    const task = handle as Task;
    if (task.done) return;
    task.done = true;
    task.cancelled = true;
    if (!task.background) this.workTasks--;
  }

  /** True when only background timers are pending. */
  hasWork(): boolean {
    return this.workTasks > 0;
  }

  /** The time of the next live task. */
  peekTime(): SimTime | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /**
   * Runs every task due at or before `until`, then sets the clock to `until`; or, after `maxTasks` tasks,
   * stops where it is (the clock at the last task run). Returns whether it got to `until`.
   */
  runUntil(until: SimTime, maxTasks = Number.POSITIVE_INFINITY): boolean {
    for (let ran = 0; ; ran++) {
      this.dropCancelled();
      const top = this.heap[0];
      if (top === undefined || top.at > until) break;
      if (ran >= maxTasks) return false;
      this.runTop();
    }
    if (until > this.time) this.time = until;
    return true;
  }

  /** Runs the next live task; returns false when none is pending. */
  step(): boolean {
    this.dropCancelled();
    if (this.heap.length === 0) return false;
    this.runTop();
    return true;
  }

  add(
    at: SimTime,
    seq: number,
    kind: string,
    args: TaskArgs,
    run: (() => void) | undefined,
    background: boolean,
  ): TaskHandle {
    const handler =
      run ??
      this.handlers.get(kind) ??
      ((a: TaskArgs) => {
        this.handlerOf(kind)(a);
      });
    const task: Task = { at, seq, kind, args, run: handler, background, done: false, cancelled: false };
    this.push(task);
    if (!background) this.workTasks++;
    return task;
  }

  /** The handler of a kind registered after a task of it was queued. */
  private handlerOf(kind: string): (args: TaskArgs) => void {
    const handler = this.handlers.get(kind);
    if (handler === undefined) throw new Error(`no handler for "${kind}" tasks`);
    return handler;
  }

  private runTop(): void {
    const task = this.pop();
    this.tasksRun++;
    task.done = true;
    if (!task.background) this.workTasks--;
    this.time = task.at;
    task.run(task.args);
  }

  private dropCancelled(): void {
    while (this.heap[0]?.cancelled === true) this.pop();
  }

  private push(task: Task): void {
    const heap = this.heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Task;
      if (!before(task, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = task;
  }

  private pop(): Task {
    const heap = this.heap;
    const top = heap[0] as Task;
    const last = heap.pop() as Task;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const child = r < n && before(heap[r] as Task, heap[l] as Task) ? r : l;
        if (!before(heap[child] as Task, last)) break;
        heap[i] = heap[child] as Task;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

function before(a: Task, b: Task): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** XState's clock interface, implemented on the scheduler so machine delays share the one timeline. */
export interface EngineClock {
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): TaskHandle;
  clearTimeout(id: TaskHandle): void;
}

/**
 * One actor's clock. It keeps the actor's pending timers in the order they were set, which is the order
 * XState lists its scheduled events in, so an owner can save each timer with its event (`pending`).
 */
export interface ActorClock extends EngineClock {
  /** The actor's pending timers, oldest first. */
  pending(): readonly TaskHandle[];
}

export function createActorClock(scheduler: Scheduler): ActorClock {
  const live = new Set<TaskHandle>();
  return {
    setTimeout: (fn, timeout) => {
      const handle: TaskHandle = scheduler.timer(timeout, () => {
        live.delete(handle);
        fn();
      });
      live.add(handle);
      return handle;
    },
    clearTimeout: (id) => {
      live.delete(id);
      scheduler.cancel(id);
    },
    pending: () => [...live],
  };
}
