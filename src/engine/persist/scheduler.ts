/**
 * The scheduler's queue as data (see scheduler.ts), and put back: here, with the rest of save and restore,
 * so the lab's first frame carries only the live scheduler.
 */
import {
  TIMER_KIND,
  type SavedScheduler,
  type SavedTask,
  type Scheduler,
  type TaskHandle,
} from '../scheduler.ts';

function compare(a: SavedTask, b: SavedTask): number {
  return a.at - b.at || a.seq - b.seq;
}

/** The queue as data: every pending task but machine timers (their owners save those). */
export function saveScheduler(scheduler: Scheduler): SavedScheduler {
  const tasks: SavedTask[] = [];
  for (const task of scheduler.heap) {
    if (task.done || task.kind === TIMER_KIND) continue;
    tasks.push({
      at: task.at,
      seq: task.seq,
      kind: task.kind,
      args: task.args,
      background: task.background,
    });
  }
  tasks.sort(compare);
  return { time: scheduler.time, seq: scheduler.seq, tasksRun: scheduler.tasksRun, tasks };
}

/** Puts a saved queue back (into an empty scheduler); machine timers are added by their owners. */
export function restoreScheduler(scheduler: Scheduler, saved: SavedScheduler): Map<number, TaskHandle> {
  scheduler.time = saved.time;
  scheduler.seq = saved.seq;
  scheduler.tasksRun = saved.tasksRun;
  const bySeq = new Map<number, TaskHandle>();
  for (const task of saved.tasks) {
    if (!scheduler.handlers.has(task.kind)) throw new Error(`no handler for "${task.kind}" tasks`);
    bySeq.set(task.seq, scheduler.add(task.at, task.seq, task.kind, task.args, undefined, task.background));
  }
  return bySeq;
}
