// Ticks the job runner and the outbox: on a node-cron schedule in production, by hand in the console and tests.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/service.js';
import type { JobRunner } from './jobs.js';
import type { OutboxDispatcher } from './outbox.js';

export class Scheduler {
  private task: ScheduledTask | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly jobs: JobRunner,
    private readonly outbox: OutboxDispatcher,
    private readonly logger: Logger,
  ) {}

  /** Runs due jobs and delivers owed messages until neither has anything left. Overlapping calls coalesce. */
  tick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
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
