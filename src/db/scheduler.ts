// Ticks the job runner and the outbox: on a node-cron schedule in production, by hand in the console and tests.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/service.js';
import type { JobRunner } from './jobs.js';
import type { OutboxDispatcher } from './outbox.js';

export class Scheduler {
  private task: ScheduledTask | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private nudged: Promise<void> | null = null;
  private lastTickAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly jobs: Pick<JobRunner, 'runDue'>,
    private readonly outbox: Pick<OutboxDispatcher, 'deliverDue'>,
    private readonly logger: Logger,
    /** The least time between the starts of two nudged ticks, in ms (see nudge). */
    private readonly nudgeSpacingMs = 250,
  ) {}

  /**
   * Asks for a tick soon: at once when none started in the last `nudgeSpacingMs`, else when that much
   * time has passed. Adapters nudge after every command; under a burst of ballots the nudges merge,
   * so a card is rebuilt and sent to the platform a few times a second rather than once per ballot,
   * and the time goes to recording the ballots.
   */
  nudge(): Promise<void> {
    if (this.nudged) return this.nudged;
    const wait = Math.max(0, this.lastTickAt + this.nudgeSpacingMs - Date.now());
    this.nudged = new Promise<void>((resolve) => setTimeout(resolve, wait)).then(() => {
      this.nudged = null;
      return this.tick();
    });
    return this.nudged;
  }

  /** Runs due jobs and delivers owed messages until neither has anything left. Overlapping calls coalesce. */
  tick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.lastTickAt = Date.now();
    this.running = (async () => {
      try {
        do {
          this.again = false;
          let work = 1;
          while (work > 0) {
            work = (await this.jobs.runDue()) + (await this.outbox.deliverDue());
          }
        } while (this.again);
      } catch (error) {
        this.logger.error({ err: error }, 'scheduler tick failed');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  start(expression: string): void {
    this.task = cron.schedule(expression, () => void this.tick(), { noOverlap: true });
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    this.task = null;
    await this.running;
  }
}
