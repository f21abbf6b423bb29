// Claims due jobs with FOR UPDATE SKIP LOCKED and a lease, and runs each one in the same transaction that marks it done.
import { sql } from 'drizzle-orm';
import type { Job } from '../core/jobs/index.js';
import type { JobHandler } from '../core/jobs/define.js';
import type { Logger } from '../core/service.js';
import type { Clock } from '../core/ports.js';
import { rowsOf, type Db, type DbTx } from '../db/client.js';
import { DrizzleTx } from '../db/repositories/tx.js';
import { LeasedQueue, retryOf } from './lease.js';

export interface JobRunnerOptions {
  db: Db;
  /** The core's side: reads a stored job into its kind's type, and does its work. */
  handler: JobHandler<Job>;
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
  /** As stored; the handler checks it against the job's kind before the job runs. */
  payload: unknown;
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
          payload: r.payload,
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
    const own = this.opts.own?.[job.kind];
    const read = own ? null : this.opts.handler.read(job);
    if (read && !read.ok) return this.refuse(job, read.reason, now);
    try {
      await this.opts.db.transaction(async (dbTx) => {
        if (own) await own(dbTx, job, now);
        else if (read) await this.opts.handler.run(new DrizzleTx(dbTx), read.job, now);
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
  async runBatch(kind: string, claimed: ClaimedJob[]): Promise<void> {
    const now = this.opts.clock.now();
    const jobs: ClaimedJob[] = [];
    const read: Job[] = [];
    for (const job of claimed) {
      const r = this.opts.handler.read(job);
      if (r.ok) {
        jobs.push(job);
        read.push(r.job);
      } else await this.refuse(job, r.reason, now);
    }
    if (jobs.length === 0) return;
    try {
      await this.opts.db.transaction(async (dbTx) => {
        await this.opts.handler.runBatch(new DrizzleTx(dbTx), kind, read, now);
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
    const batchable = (job: ClaimedJob) => !this.opts.own?.[job.kind] && this.opts.handler.canBatch(job.kind);
    const batched = jobs.filter(batchable);
    for (const kind of new Set(batched.map((j) => j.kind))) await this.runBatch(kind, batched.filter((j) => j.kind === kind));
    for (const job of jobs) if (!batchable(job)) await this.run(job);
  }

  /**
   * A job this version cannot run (a kind it does not know, a payload of another shape) is marked failed at
   * once with the reason, for an operator to read: trying it again would not change the answer.
   */
  private async refuse(job: ClaimedJob, reason: string, now: Date): Promise<void> {
    this.opts.logger.warn({ jobId: job.id, kind: job.kind, reason }, 'job refused');
    await this.queue.release(this.opts.db, job.id, { failed: true, at: now }, new JobRefused(reason));
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

class JobRefused extends Error {
  override name = 'JobRefused';
}

class LeaseLost extends Error {
  constructor(readonly jobId: number) {
    super(`lease lost for job ${jobId}`);
  }
}
