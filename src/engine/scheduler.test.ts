import { describe, expect, it } from 'vitest';
import { restoreScheduler, saveScheduler } from './persist/scheduler.ts';
import { createActorClock, Scheduler, type SavedScheduler } from './scheduler.ts';
import { createRandom } from './random.ts';

describe('the scheduler', () => {
  it('runs tasks in time order, and tasks at the same time in the order they were scheduled', () => {
    const s = new Scheduler();
    const ran: string[] = [];
    s.on('mark', ([name]) => ran.push(String(name)));
    s.schedule(20, 'mark', ['b']);
    s.schedule(10, 'mark', ['a']);
    s.schedule(20, 'mark', ['c']);
    s.runUntil(100);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(s.now()).toBe(100);
  });

  it('does not run a cancelled task', () => {
    const s = new Scheduler();
    const ran: string[] = [];
    s.on('mark', ([name]) => ran.push(String(name)));
    const handle = s.schedule(5, 'mark', ['x']);
    s.cancel(handle);
    s.runUntil(10);
    expect(ran).toEqual([]);
    expect(s.hasWork()).toBe(false);
  });

  it('fires chained machine timers at exact times, unlike a clock that jumps', () => {
    const s = new Scheduler();
    const clock = createActorClock(s);
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(s.now());
      clock.setTimeout(() => fired.push(s.now()), 500);
    }, 1000);
    s.runUntil(1500);
    expect(fired).toEqual([1000, 1500]);
  });

  it('treats background timers as no pending work', () => {
    const s = new Scheduler();
    s.on('noop', () => undefined);
    s.schedule(10, 'noop', [], true);
    expect(s.hasWork()).toBe(false);
    s.schedule(10, 'noop', []);
    expect(s.hasWork()).toBe(true);
  });

  it('saves its pending tasks as data and restores them in the same order', () => {
    const s = new Scheduler();
    const ran: string[] = [];
    s.on('mark', ([name]) => ran.push(String(name)));
    s.schedule(20, 'mark', ['b']);
    s.schedule(10, 'mark', ['a']);
    const cancelled = s.schedule(15, 'mark', ['x']);
    s.cancel(cancelled);
    s.schedule(20, 'mark', ['c']);
    s.runUntil(12);
    const saved = JSON.parse(JSON.stringify(saveScheduler(s))) as SavedScheduler;
    const copy = new Scheduler();
    const copied: string[] = [];
    copy.on('mark', ([name]) => copied.push(String(name)));
    restoreScheduler(copy, saved);
    expect(copy.now()).toBe(12);
    s.runUntil(100);
    copy.runUntil(100);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(copied).toEqual(['b', 'c']);
  });

  it('refuses to restore a task no handler runs', () => {
    const s = new Scheduler();
    expect(() => {
      restoreScheduler(s, {
        time: 0,
        seq: 1,
        tasksRun: 0,
        tasks: [{ at: 1, seq: 0, kind: 'nobody', args: [], background: false }],
      });
    }).toThrow(/no handler for "nobody"/);
  });
});

describe('the random source', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const draw = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.next());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
