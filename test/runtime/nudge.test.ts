// Scheduler.nudge: adapters call it after every command; a burst of calls must make a few ticks, not one each.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scheduler } from '../../src/runtime/scheduler.js';

const silent = { info() {}, warn() {}, error() {} };

/**
 * Counts the passes that reach the job runner; each takes `busyMs` of (fake) time, and the first
 * `busyPasses` find work (as when every ballot asks for the card again).
 */
function counting(busyMs = 0, busyPasses = 0) {
  const ticks: number[] = [];
  const jobs = {
    runDue: async () => {
      ticks.push(Date.now());
      if (busyMs) await new Promise((resolve) => setTimeout(resolve, busyMs));
      return ticks.length <= busyPasses ? 1 : 0;
    },
  };
  const outbox = { deliverDue: async () => 0 };
  return { ticks, scheduler: new Scheduler(jobs, outbox, silent, 250) };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2027-01-04T09:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('scheduler nudges', () => {
  it('ticks at once for a nudge after a quiet spell', async () => {
    const { ticks, scheduler } = counting();
    const done = scheduler.nudge();
    await vi.advanceTimersByTimeAsync(0);
    await done;
    expect(ticks).toEqual([Date.parse('2027-01-04T09:00:00Z')]);
  });

  it('merges a burst of nudges into one tick per spacing, the last nudge still followed by a tick', async () => {
    const { ticks, scheduler } = counting();
    const start = Date.now();
    const waits: Promise<unknown>[] = [];
    // 100 commands over one second: a nudge every 10 ms.
    for (let i = 0; i < 100; i++) {
      waits.push(scheduler.nudge());
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(300);
    await Promise.all(waits);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeGreaterThanOrEqual(250);
    // Every nudge resolved after a tick that started no earlier than the nudge: nothing is left unsent.
    expect(ticks.at(-1)!).toBeGreaterThanOrEqual(start + 990);
  });

  it('a nudge during a long tick waits for it and runs once more, not once per nudge', async () => {
    const { ticks, scheduler } = counting(1000);
    const first = scheduler.nudge();
    await vi.advanceTimersByTimeAsync(0);
    const later = [scheduler.nudge(), scheduler.nudge(), scheduler.nudge()];
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all([first, ...later]);
    expect(ticks).toHaveLength(2);
  });

  it('spaces the passes of a nudged tick that keeps finding work; a plain tick runs them back to back', async () => {
    const nudged = counting(0, 5);
    const done = nudged.scheduler.nudge();
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(nudged.ticks).toHaveLength(6);
    for (let i = 1; i < nudged.ticks.length; i++) expect(nudged.ticks[i]! - nudged.ticks[i - 1]!).toBeGreaterThanOrEqual(250);

    const plain = counting(0, 5);
    const ticked = plain.scheduler.tick();
    await vi.advanceTimersByTimeAsync(0);
    await ticked;
    expect(plain.ticks).toHaveLength(6);
    expect(plain.ticks.at(-1)! - plain.ticks[0]!).toBe(0);
  });
});
