// Clocks the core can run on: the system clock, or one a console script or a test moves by hand.
import type { Clock } from './ports.js';

/** Starts at a fixed instant (or now) and only moves when told to; `advance` never goes backwards. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date): void {
    if (to.getTime() > this.current) this.current = to.getTime();
  }

  advance(ms: number): Date {
    this.current += Math.max(0, ms);
    return this.now();
  }
}

/**
 * Moves a manual clock forward, stopping at each job's due time so that every job runs at the
 * moment it would have run in real time (a reminder before the close it precedes).
 */
export async function advanceThroughJobs(
  clock: ManualClock,
  ms: number,
  scheduler: { nextDueAt: () => Promise<Date | null>; tick: () => Promise<void> },
): Promise<void> {
  const target = new Date(clock.now().getTime() + ms);
  for (;;) {
    const next = await scheduler.nextDueAt();
    if (!next || next > target) break;
    clock.set(next);
    await scheduler.tick();
  }
  clock.set(target);
  await scheduler.tick();
}
