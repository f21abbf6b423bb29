// Ticks the job runner and the outbox: on a node-cron schedule in production, by hand in the console and tests.
import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { TickOutcome } from '../core/ports.js';
import type { Logger } from '../core/service.js';
import type { JobRunner } from './jobs.js';
import type { OutboxDispatcher } from './outbox.js';

export class Scheduler {
  private task: ScheduledTask | null = null;
  private running: Promise<TickOutcome> | null = null;
  private again = false;
  private nudged: Promise<TickOutcome> | null = null;
  /** When the last pass over jobs and outbox started (Date.now()). */
  private lastPassAt = Number.NEGATIVE_INFINITY;
  /** A nudge joined the running tick: its further passes keep the nudge spacing. */
  private paced = false;

  constructor(
    private readonly jobs: Pick<JobRunner, 'runDue'>,
    private readonly outbox: Pick<OutboxDispatcher, 'deliverDue'>,
    private readonly logger: Logger,
    /** The least time between the starts of two passes a nudge asked for, in ms (see nudge). */
    private readonly nudgeSpacingMs = 250,
  ) {}

  /**
   * Asks for a tick soon: at once when no pass started in the last `nudgeSpacingMs`, else when that
   * much time has passed, and a running tick then spaces its further passes as much. Adapters nudge
   * after every command; under a burst of ballots (each one asking for the card again) the nudges
   * merge, so a card is rebuilt and sent to the platform a few times a second rather than once per
   * ballot, within the platform's rate limits, and the time goes to recording the ballots.
   */
  nudge(): Promise<TickOutcome> {
    if (this.nudged) return this.nudged;
    const wait = Math.max(0, this.lastPassAt + this.nudgeSpacingMs - Date.now());
    this.nudged = new Promise<void>((resolve) => setTimeout(resolve, wait)).then(() => {
      this.nudged = null;
      this.paced = true;
      return this.tick();
    });
    return this.nudged;
  }

  /**
   * Runs due jobs and delivers owed messages until neither has anything left. Overlapping calls coalesce.
   * Never rejects: when the jobs or the outbox cannot be read or written, the outcome carries the error
   * id that was logged, so an adapter can tell the member their messages have not gone out.
   */
  tick(): Promise<TickOutcome> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let first = true;
        do {
          this.again = false;
          let work = 1;
          while (work > 0) {
            if (!first && this.paced) await this.spacePass();
            first = false;
            this.lastPassAt = Date.now();
            work = (await this.jobs.runDue()) + (await this.outbox.deliverDue());
          }
        } while (this.again);
        return { ok: true } as const;
      } catch (error) {
        const errorId = randomUUID().slice(0, 8);
        this.logger.error({ err: error, errorId }, 'scheduler tick failed');
        return { ok: false, errorId } as const;
      } finally {
        this.running = null;
        this.paced = false;
      }
    })();
    return this.running;
  }

  private spacePass(): Promise<void> {
    const wait = this.lastPassAt + this.nudgeSpacingMs - Date.now();
    return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
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
