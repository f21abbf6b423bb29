// Durable intake: a platform request is stored before it is acknowledged, and its work is done from the stored row,
// so that a process that dies after acknowledging loses nothing. Admissions arriving together are written in one
// statement (group commit); each member's requests run in the order they arrived; a row whose instance died is
// taken over once that instance stops renewing its holder row. Times are the database's clock, shared by every instance.
import { sql } from 'drizzle-orm';
import { Gates } from '../core/gates.js';
import type { Logger } from '../core/service.js';
import { anyOf, rowsOf, type Db } from '../db/client.js';
import { intake as intakeTable } from '../db/schema.js';
import { errorText } from '../log.js';
import { GroupCommit, rowOf, secondsFromNow, type Admission, type Holder, type IntakeRequest, type IntakeRow, type IntakeSource } from './intake-store.js';
import { backoffMs } from './lease.js';

export type { Admission, IntakeRequest, IntakeRow, IntakeSource } from './intake-store.js';

/** Does a stored request's work. Throwing hands the row back for another attempt after a backoff. */
export type IntakeHandler = (row: IntakeRow) => Promise<void>;

export interface IntakeOptions {
  db: Db;
  logger: Logger;
  workerId: string;
  /**
   * How long an instance stays the holder of its rows without renewing (it renews every third of this), and the grace
   * period of a new row before its instance's first renewal.
   */
  leaseSeconds: number;
  /** Attempts after which a row that keeps failing is given up (marked failed, its error kept). */
  maxAttempts?: number;
  /** Rows taken over per sweep. */
  batchSize?: number;
  /**
   * No other instance can share the database (embedded PGlite, whose folder one process holds): rows left running at
   * start-up belong to a process that is gone, and are taken over at once rather than when their lease runs out.
   */
  soleInstance?: boolean;
}

const DEFAULT_MAX_ATTEMPTS = 5;

export class Intake {
  private readonly handlers = new Map<IntakeSource, IntakeHandler>();
  private readonly commits: GroupCommit;
  /** One member's rows, one at a time, first come first served. */
  private readonly members = new Gates(1);
  private readonly running = new Set<Promise<void>>();
  /**
   * Rows this instance holds (received or taken over) and has not marked done: on the embedded database, every other
   * running row at start-up is a dead process's (see `soleInstance`).
   */
  private readonly held = new Set<number>();
  private finished: number[] = [];
  private finishing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly opts: IntakeOptions) {
    this.commits = new GroupCommit(opts.db, { workerId: opts.workerId, leaseSeconds: opts.leaseSeconds }, (row) => this.held.add(row.id));
  }

  /** Who holds the rows this instance stores: for a thread that stores requests on its behalf. */
  get holder(): Holder {
    return { workerId: this.opts.workerId, leaseSeconds: this.opts.leaseSeconds };
  }

  /** The work of one source's rows; taken-over rows of a source run only on an instance that handles it. */
  handle(source: IntakeSource, handler: IntakeHandler): void {
    this.handlers.set(source, handler);
    // Registered after start-up (one adapter starts after another): its rows left over are taken over now too.
    if (this.timer) void this.sweep(this.opts.soleInstance === true);
  }

  /**
   * Stores a request, or recognises it as one stored before. Resolves once the row is durable: only then may the
   * request be acknowledged. Requests admitted while a write is under way are written together by the next one.
   */
  admit(request: IntakeRequest): Promise<Admission> {
    return this.commits.admit(request);
  }

  /**
   * Runs an admitted row's work after the member's earlier requests, then marks it done. `work` is the live request's
   * own handling (which may still have to acknowledge); without it the source's handler runs. `inOrder: false` runs
   * it at once, for a request whose sender is waiting for its acknowledgement.
   */
  run(row: IntakeRow, work?: () => Promise<void>, opts: { inOrder?: boolean } = {}): Promise<void> {
    const attempt = () => this.attempt(row, work);
    const promise = (opts.inOrder === false ? attempt() : this.members.run(`${row.source}:${row.member}`, attempt)).finally(() =>
      this.running.delete(promise),
    );
    this.running.add(promise);
    return promise;
  }

  /** A row admitted for this instance by another thread (the Slack front door's): held here from now on. */
  adopt(row: IntakeRow): void {
    this.held.add(row.id);
  }

  /** Starts renewing this instance's holder row and taking over rows whose instance died, now and every third of a lease. */
  start(): void {
    if (this.timer || this.stopped) return;
    const every = Math.max(200, (this.opts.leaseSeconds * 1000) / 3);
    this.timer = setInterval(() => void this.sweep(), every);
    this.timer.unref();
    void this.sweep(this.opts.soleInstance === true);
  }

  /**
   * One round: renew this instance's holder row, then take over and run rows left by an instance that stopped.
   * `orphans`: every row not held here is left over, whoever holds it (see `soleInstance`).
   */
  sweep(orphans = false): Promise<void> {
    this.sweeping ??= this.sweepNow(orphans).finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  /** Resolves once every admission asked for so far is written and every row run so far is finished. */
  async idle(): Promise<void> {
    await this.commits.settled();
    while (this.running.size || this.sweeping || this.finishing) await Promise.allSettled([this.sweeping, this.finishing, ...this.running]);
  }

  /** Stops sweeping and waits for the work under way. Rows not started stay stored for the next instance. */
  async stop(): Promise<void> {
    this.stopped = true;
    const started = this.timer !== null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle();
    // What it has not started is anyone's as soon as its grace period is over.
    if (started) {
      await this.opts.db
        .execute(sql`delete from intake_holders where worker_id = ${this.opts.workerId}`)
        .catch((error: unknown) => this.opts.logger.error({ err: error }, 'intake holder could not be removed'));
    }
  }

  private async attempt(row: IntakeRow, work?: () => Promise<void>): Promise<void> {
    const { db, workerId, logger } = this.opts;
    try {
      if (work) await work();
      else await this.handlerOf(row.source)(row);
    } catch (error) {
      const failed = row.attempts >= (this.opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
      logger.error({ err: error, intake: row.id, source: row.source, attempts: row.attempts, failed }, 'request from the platform failed');
      // Handed back, held by nobody, until the backoff is over: then any instance takes it over.
      await db
        .execute(
          sql`
          update intake set status = ${failed ? 'failed' : 'running'}, last_error = ${errorText(error)},
            locked_until = ${failed ? null : secondsFromNow(backoffMs(row.attempts) / 1000)},
            done_at = ${failed ? sql`now()` : null}
            ${failed ? sql`` : sql`, locked_by = null`}
          where id = ${row.id} and locked_by = ${workerId}`,
        )
        .catch((e: unknown) => logger.error({ err: e, intake: row.id }, 'request from the platform could not be handed back'));
      this.held.delete(row.id);
      return;
    }
    this.finish(row.id);
  }

  /**
   * Marks a row done. Rows finishing together are marked by one statement: nobody waits for it, and a row stays held
   * until it is written. Should the write fail, the row is run again once this instance stops, to no further effect:
   * its command's reply is stored.
   */
  private finish(id: number): void {
    this.finished.push(id);
    this.finishing ??= this.markFinished();
  }

  private async markFinished(): Promise<void> {
    const { db, workerId, logger } = this.opts;
    await new Promise((resolve) => setImmediate(resolve));
    while (this.finished.length) {
      const ids = this.finished.splice(0, 1000);
      try {
        await db.execute(sql`
          update intake set status = 'done', done_at = now(), locked_until = null
          where ${anyOf(intakeTable.id, ids)} and locked_by = ${workerId} and status = 'running'`);
      } catch (error) {
        logger.error({ err: error, rows: ids.length }, 'requests from the platform could not be marked done');
      } finally {
        for (const id of ids) this.held.delete(id);
      }
    }
    this.finishing = null;
  }

  private handlerOf(source: IntakeSource): IntakeHandler {
    const handler = this.handlers.get(source);
    if (!handler) throw new Error(`no handler for ${source} requests`);
    return handler;
  }

  private async sweepNow(orphans: boolean): Promise<void> {
    const { db, workerId, leaseSeconds, logger } = this.opts;
    try {
      // One row for this process, however many requests it holds.
      await db.execute(sql`
        insert into intake_holders (worker_id, alive_until) values (${workerId}, ${secondsFromNow(leaseSeconds)})
        on conflict (worker_id) do update set alive_until = excluded.alive_until`);
      if (this.stopped || this.handlers.size === 0) return;
      const sources = `{${[...this.handlers.keys()].join(',')}}`;
      // Left over: past its grace period or backoff, and held by nobody or by a process that stopped renewing.
      const leftOver = orphans
        ? sql`not ${anyOf(intakeTable.id, [...this.held])}`
        : sql`locked_until < now() and not exists (select 1 from intake_holders h where h.worker_id = intake.locked_by and h.alive_until > now())`;
      const taken = rowsOf<Record<string, unknown>>(
        await db.execute(sql`
          update intake set locked_by = ${workerId}, locked_until = ${secondsFromNow(leaseSeconds)}, attempts = attempts + 1
          where id in (
            select id from intake
            where status = 'running' and source = any(${sources}::text[]) and ${leftOver}
            order by locked_until, id limit ${this.opts.batchSize ?? 100}
            for update skip locked
          )
          returning id, source, request_key, member_key, payload, attempts, received_at`),
      ).map(rowOf);
      if (!taken.length) return;
      logger.info({ rows: taken.length }, 'taking over requests left unfinished');
      // In arrival order, so that each member's requests keep their order.
      taken.sort((a, b) => a.id - b.id);
      for (const row of taken) this.held.add(row.id);
      for (const row of taken) void this.run(row);
    } catch (error) {
      logger.error({ err: error }, 'intake sweep failed');
    }
  }
}
