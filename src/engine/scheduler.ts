/** Discrete-event scheduler on simulated ms: tasks run in (time, sequence) order, so equal inputs replay exactly. */
import type { SimTime } from './types.ts';

interface Task {
  readonly at: SimTime;
  readonly seq: number;
  readonly run: () => void;
  /** Periodic timers (retries, heartbeats, workload arrivals) do not keep `runUntilIdle` going. */
  readonly background: boolean;
  /** Ran or cancelled. */
  done: boolean;
  cancelled: boolean;
}

/** What `schedule` returns, to cancel with. */
export type TaskHandle = object;

export class Scheduler {
  private readonly heap: Task[] = [];
  private seq = 0;
  private time: SimTime = 0;
  private workTasks = 0;
  /** Tasks run so far (timers, deliveries, arrivals): the engine's unit of work. */
  tasksRun = 0;

  now(): SimTime {
    return this.time;
  }

  /** Schedules `run` at `at` (never earlier than now). */
  schedule(at: SimTime, run: () => void, background = false): TaskHandle {
    const task: Task = {
      at: Math.max(at, this.time),
      seq: this.seq++,
      run,
      background,
      done: false,
      cancelled: false,
    };
    this.push(task);
    if (!background) this.workTasks++;
    return task;
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

  /** Runs every task due at or before `until`, then sets the clock to `until`. */
  runUntil(until: SimTime): void {
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (top === undefined || top.at > until) break;
      this.runTop();
    }
    if (until > this.time) this.time = until;
  }

  /** Runs the next live task; returns false when none is pending. */
  step(): boolean {
    this.dropCancelled();
    if (this.heap.length === 0) return false;
    this.runTop();
    return true;
  }

  private runTop(): void {
    const task = this.pop();
    this.tasksRun++;
    task.done = true;
    if (!task.background) this.workTasks--;
    this.time = task.at;
    task.run();
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

export function createEngineClock(scheduler: Scheduler): EngineClock {
  return {
    setTimeout: (fn, timeout) =>
      scheduler.schedule(
        scheduler.now() + timeout,
        () => {
          fn();
        },
        true,
      ),
    clearTimeout: (id) => {
      scheduler.cancel(id);
    },
  };
}
