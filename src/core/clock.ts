// Clocks the core can run on: the system clock, or one a console script or a test moves by hand.
import type { Clock } from './ports.js';

/** A clock a person can move forward: the console's `@advance`, and tests. It never goes backwards. */
export interface MovableClock extends Clock {
  set(to: Date): void;
  advance(ms: number): Date;
}

/** Starts at a fixed instant (or now) and only moves when told to. */
export class ManualClock implements MovableClock {
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

/** Real time, plus however far it has been moved forward: the interactive console without --clock. */
export class ShiftedClock implements MovableClock {
  private offset = 0;

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  set(to: Date): void {
    const ahead = to.getTime() - this.now().getTime();
    if (ahead > 0) this.offset += ahead;
  }

  advance(ms: number): Date {
    this.offset += Math.max(0, ms);
    return this.now();
  }
}

/**
 * Moves a manual clock forward, stopping at each job's due time so that every job runs at the
 * moment it would have run in real time (a reminder before the close it precedes).
 */
export async function advanceThroughJobs(
  clock: MovableClock,
  ms: number,
  scheduler: { nextDueAt: () => Promise<Date | null>; tick: () => Promise<unknown> },
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
