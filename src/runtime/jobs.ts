// Claims due jobs with FOR UPDATE SKIP LOCKED and a lease, and runs each one in the same transaction that marks it done.
import { sql } from 'drizzle-orm';
import type { Concord, Logger } from '../core/service.js';
import type { Clock } from '../core/ports.js';
import { rowsOf, type Db, type DbTx } from '../db/client.js';
import { DrizzleTx } from '../db/repositories/tx.js';
import { LeasedQueue, retryOf } from './lease.js';

export interface JobRunnerOptions {
  db: Db;
  core: Concord;
  clock: Clock;
  logger: Logger;
  workerId: string;
  leaseSeconds: number;
  batchSize?: number;
  maxAttempts?: number;
  /**
   * Batches run at once when there is a backlog (default 1). With two, the database claims and writes
   * one batch while this process builds the messages of the other; each batch is still claimed,
   * run and completed on its own, so exactly-once holds as with one.
   */
  lanes?: number;
  /** Job kinds this process handles itself, outside the core (housekeeping), inside the job's transaction. */
  own?: Record<string, (tx: DbTx, job: ClaimedJob, now: Date) => Promise<void>>;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  /** The workspace the job works for; null for upkeep that belongs to none. */
  workspaceId: number | null;
}

export class JobRunner {
  private readonly queue: LeasedQueue<ClaimedJob & { runAt: number }>;

  constructor(private readonly opts: JobRunnerOptions) {
    this.queue = new LeasedQueue(
      { table: 'jobs', dueColumn: 'run_at', leased: 'running', done: 'done', holder: true, unscoped: true, returning: 'id, kind, payload, attempts, run_at, workspace_id' },
      {
        ...opts,
        item: (r) => ({
          id: Number(r.id),
          kind: String(r.kind),
          payload: r.payload as Record<string, unknown>,
          attempts: Number(r.attempts),
          runAt: new Date(r.run_at as string | Date).getTime(),
          workspaceId: r.workspace_id === null ? null : Number(r.workspace_id),
        }),
        // Run in due order, as they would have run had nobody been away: a reminder before the close it precedes.
        order: (a, b) => a.runAt - b.runAt || a.id - b.id,
      },
    );
  }

  /**
   * Claims up to `batchSize` jobs due now, or whose worker's lease ran out, fairly across workspaces (see
   * LeasedQueue.claim). A workspace that scheduled thousands of reminders takes its share of each batch;
   * another workspace's proposal still closes on time. Jobs that belong to no workspace take one share of their own.
   */
  async claim(): Promise<ClaimedJob[]> {
    return (await this.claimBatch()).jobs;
  }

  /** A claim, and whether more may be due: some workspace filled its share, or the leases ran out in bulk. */
  private async claimBatch(): Promise<{ jobs: ClaimedJob[]; more: boolean }> {
    const { items, more } = await this.queue.claim(this.opts.batchSize ?? 500);
    return { jobs: items, more };
  }

  /** Runs a claimed job; its effects and its completion commit together, or not at all. */
  async run(job: ClaimedJob): Promise<void> {
    const now = this.opts.clock.now();
    try {
      await this.opts.db.transaction(async (dbTx) => {
        const own = this.opts.own?.[job.kind];
        if (own) await own(dbTx, job, now);
        else await this.opts.core.handleJob(new DrizzleTx(dbTx), job, now);
        // Our lease ran out and another worker took the job: roll back so its effects happen once.
        if ((await this.complete(dbTx, [job.id], now)) === 0) throw new LeaseLost(job.id);
      });
    } catch (error) {
      if (error instanceof LeaseLost) {
        this.opts.logger.warn({ jobId: job.id }, 'job lease lost; another worker owns it');
        return;
      }
      const retry = retryOf(job.attempts, this.opts.maxAttempts ?? 8, now);
      this.opts.logger.error({ err: error, jobId: job.id, kind: job.kind, attempts: job.attempts, failed: retry.failed }, 'job failed');
      await this.queue.release(this.opts.db, job.id, retry, error);
    }
  }

  /**
   * Runs jobs of one batchable kind together: their effects and their completion commit at once.
   * If any lease was lost meanwhile the whole batch rolls back and each job is run on its own.
   */
  async runBatch(kind: string, jobs: ClaimedJob[]): Promise<void> {
    const now = this.opts.clock.now();
    try {
      await this.opts.db.transaction(async (dbTx) => {
        await this.opts.core.handleJobBatch(new DrizzleTx(dbTx), kind, jobs, now);
        if ((await this.complete(dbTx, jobs.map((j) => j.id), now)) !== jobs.length) throw new LeaseLost(jobs[0]!.id);
      });
    } catch (error) {
      if (!(error instanceof LeaseLost)) this.opts.logger.warn({ err: error, kind, jobs: jobs.length }, 'batch failed; running its jobs one by one');
      for (const job of jobs) await this.run(job);
    }
  }

  /**
   * Runs what is due now; returns how many jobs ran. A claim in which no workspace filled its share took
   * everything then due, so the lane stops there: jobs that became due meanwhile (a card refresh asked for by a
   * ballot cast during the run) wait for the next pass instead of keeping this one going.
   */
  async runDue(): Promise<number> {
    const first = await this.claimBatch();
    if (first.jobs.length === 0) return 0;
    let total = 0;
    const lane = async (claimed: { jobs: ClaimedJob[]; more: boolean }): Promise<void> => {
      for (let batch = claimed; batch.jobs.length > 0; batch = batch.more ? await this.claimBatch() : { jobs: [], more: false }) {
        await this.runClaimed(batch.jobs);
        total += batch.jobs.length;
      }
    };
    const lanes = [lane(first)];
    // A backlog (some workspace filled its share) is the only reason to start further lanes, so that
    // a handful of due jobs still run in due order, in one batch.
    if (first.more) {
      for (let i = 1; i < (this.opts.lanes ?? 1); i++) lanes.push(this.claimBatch().then(lane));
    }
    await Promise.all(lanes);
    return total;
  }

  private async runClaimed(jobs: ClaimedJob[]): Promise<void> {
    const batchable = jobs.filter((j) => this.opts.core.canBatch(j.kind));
    for (const kind of new Set(batchable.map((j) => j.kind))) await this.runBatch(kind, batchable.filter((j) => j.kind === kind));
    for (const job of jobs) if (!this.opts.core.canBatch(job.kind)) await this.run(job);
  }

  /** Marks jobs done in their own transaction, if this worker still holds them; returns how many it did. */
  private complete(tx: DbTx, ids: number[], now: Date): Promise<number> {
    return this.queue.complete(tx, ids, sql`, done_at = ${now.toISOString()}::timestamptz`);
  }

  async nextDueAt(): Promise<Date | null> {
    const [row] = rowsOf<{ next: string | Date | null }>(await this.opts.db.execute(sql`select min(run_at) as next from jobs where status = 'pending'`));
    return row?.next ? new Date(row.next) : null;
  }
}

class LeaseLost extends Error {
  constructor(readonly jobId: number) {
    super(`lease lost for job ${jobId}`);
  }
}
