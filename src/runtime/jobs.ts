// Claims due jobs with FOR UPDATE SKIP LOCKED and a lease, and runs each one in the same transaction that marks it done.
import { and, eq, sql } from 'drizzle-orm';
import type { Concord, Logger } from '../core/service.js';
import type { Clock } from '../core/ports.js';
import { anyOf, rowsOf, type Db, type DbTx } from '../db/client.js';
import { DrizzleTx } from '../db/repositories/tx.js';
import * as t from '../db/schema.js';
import { interleave, shareOf, workspacesDue } from './fair-claim.js';
import { errorText } from '../log.js';

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
  constructor(private readonly opts: JobRunnerOptions) {}

  /** The last workspace served by the previous claim: the next one starts after it, so none waits for ever. */
  private cursor = 0;

  /**
   * Claims up to `batchSize` jobs due now, or whose worker's lease ran out, fairly across
   * workspaces: an equal share of the batch from each workspace with jobs due, walking workspaces
   * round-robin from where the last claim stopped (as the outbox does). A workspace that scheduled
   * thousands of reminders takes its share of each batch; another workspace's proposal still closes
   * on time. Jobs that belong to no workspace take one share of their own.
   */
  async claim(): Promise<ClaimedJob[]> {
    return (await this.claimBatch()).jobs;
  }

  /** A claim, and whether more may be due: some workspace filled its share, or the leases ran out in bulk. */
  private async claimBatch(): Promise<{ jobs: ClaimedJob[]; more: boolean }> {
    const now = this.opts.clock.now();
    const at = now.toISOString();
    const leaseUntil = new Date(now.getTime() + this.opts.leaseSeconds * 1000);
    const limit = this.opts.batchSize ?? 500;
    const workspaces = await workspacesDue(this.opts.db, { table: 'jobs', dueColumn: 'run_at' }, now, this.cursor, limit);
    const [upkeep] = rowsOf<{ due: boolean }>(
      await this.opts.db.execute(sql`select exists (select 1 from jobs where workspace_id is null and status = 'pending' and run_at <= ${at}::timestamptz) as due`),
    );
    const share = shareOf(limit, workspaces.length + (upkeep?.due ? 1 : 0));
    // Index-ordered probes (each workspace's due jobs, unscoped due jobs, expired leases), each
    // stopping at its limit: claiming never reads more than a batch of rows, however many millions
    // of jobs wait further ahead.
    const result = await this.opts.db.execute(sql`
      with due as (
        select d.id from unnest(${`{${workspaces.join(',')}}`}::int8[]) as w(id)
        cross join lateral (
          select id from jobs where workspace_id = w.id and status = 'pending' and run_at <= ${at}::timestamptz
          order by run_at, id limit ${share} for update skip locked
        ) d
      ), unscoped as (
        select id from jobs where workspace_id is null and status = 'pending' and run_at <= ${at}::timestamptz
        order by run_at limit ${share} for update skip locked
      ), expired as (
        select id from jobs where status = 'running' and locked_until < ${at}::timestamptz
        order by locked_until limit ${limit} for update skip locked
      )
      update jobs set status = 'running', locked_by = ${this.opts.workerId}, locked_until = ${leaseUntil.toISOString()}::timestamptz, attempts = attempts + 1
      where id in (select id from due union all select id from unscoped union all select id from expired)
      returning id, kind, payload, attempts, run_at, workspace_id`);
    if (workspaces.length > 0) this.cursor = workspaces[workspaces.length - 1]!;
    // Run in due order, as they would have run had nobody been away: a reminder before the close it
    // precedes; then one job of each workspace in turn.
    const claimed = rowsOf<{ id: number | string; kind: string; payload: Record<string, unknown>; attempts: number; run_at: string | Date; workspace_id: number | string | null }>(result)
      .map((r) => ({
        id: Number(r.id),
        kind: r.kind,
        payload: r.payload,
        attempts: r.attempts,
        runAt: new Date(r.run_at).getTime(),
        workspaceId: r.workspace_id === null ? null : Number(r.workspace_id),
      }))
      .sort((a, b) => a.runAt - b.runAt || a.id - b.id);
    const perWorkspace = new Map<number | null, number>();
    for (const job of claimed) perWorkspace.set(job.workspaceId, (perWorkspace.get(job.workspaceId) ?? 0) + 1);
    const more = claimed.length >= limit || [...perWorkspace.values()].some((n) => n >= share);
    return { jobs: interleave(claimed), more };
  }

  /** Runs a claimed job; its effects and its completion commit together, or not at all. */
  async run(job: ClaimedJob): Promise<void> {
    const now = this.opts.clock.now();
    try {
      await this.opts.db.transaction(async (dbTx) => {
        const own = this.opts.own?.[job.kind];
        if (own) await own(dbTx, job, now);
        else await this.opts.core.handleJob(new DrizzleTx(dbTx), job, now);
        const done = await dbTx
          .update(t.jobs)
          .set({ status: 'done', doneAt: now, lockedUntil: null })
          .where(and(eq(t.jobs.id, job.id), eq(t.jobs.lockedBy, this.opts.workerId), eq(t.jobs.status, 'running')))
          .returning({ id: t.jobs.id });
        // Our lease ran out and another worker took the job: roll back so its effects happen once.
        if (done.length === 0) throw new LeaseLost(job.id);
      });
    } catch (error) {
      if (error instanceof LeaseLost) {
        this.opts.logger.warn({ jobId: job.id }, 'job lease lost; another worker owns it');
        return;
      }
      const maxAttempts = this.opts.maxAttempts ?? 8;
      const failed = job.attempts >= maxAttempts;
      const retryAt = new Date(now.getTime() + backoffMs(job.attempts));
      this.opts.logger.error({ err: error, jobId: job.id, kind: job.kind, attempts: job.attempts, failed }, 'job failed');
      await this.opts.db
        .update(t.jobs)
        .set({ status: failed ? 'failed' : 'pending', runAt: retryAt, lockedUntil: null, lastError: errorText(error) })
        .where(and(eq(t.jobs.id, job.id), eq(t.jobs.lockedBy, this.opts.workerId)));
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
        const done = await dbTx
          .update(t.jobs)
          .set({ status: 'done', doneAt: now, lockedUntil: null })
          .where(and(anyOf(t.jobs.id, jobs.map((j) => j.id)), eq(t.jobs.lockedBy, this.opts.workerId), eq(t.jobs.status, 'running')))
          .returning({ id: t.jobs.id });
        if (done.length !== jobs.length) throw new LeaseLost(jobs[0]!.id);
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

/** Exponential backoff with jitter, capped at an hour: 2s, 4s, 8s ... */
export function backoffMs(attempts: number): number {
  const base = Math.min(3_600_000, 1000 * 2 ** Math.max(1, attempts));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}
