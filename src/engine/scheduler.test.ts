import { describe, expect, it } from 'vitest';
import { createEngineClock, Scheduler } from './scheduler.ts';
import { createRandom } from './random.ts';

describe('the scheduler', () => {
  it('runs tasks in time order, and tasks at the same time in the order they were scheduled', () => {
    const s = new Scheduler();
    const ran: string[] = [];
    s.schedule(20, () => ran.push('b'));
    s.schedule(10, () => ran.push('a'));
    s.schedule(20, () => ran.push('c'));
    s.runUntil(100);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(s.now()).toBe(100);
  });

  it('does not run a cancelled task', () => {
    const s = new Scheduler();
    const ran: string[] = [];
    const handle = s.schedule(5, () => ran.push('x'));
    s.cancel(handle);
    s.runUntil(10);
    expect(ran).toEqual([]);
    expect(s.hasWork()).toBe(false);
  });

  it('fires chained machine timers at exact times, unlike a clock that jumps', () => {
    const s = new Scheduler();
    const clock = createEngineClock(s);
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
    s.schedule(10, () => undefined, true);
    expect(s.hasWork()).toBe(false);
    s.schedule(10, () => undefined);
    expect(s.hasWork()).toBe(true);
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
