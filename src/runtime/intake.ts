// Durable intake: a platform request is stored before it is acknowledged, and its work is done from the stored row,
// so that a process that dies after acknowledging loses nothing. Admissions arriving together are written in one
// statement (group commit); each member's requests run in the order they arrived; a row whose instance died is
// taken over once its lease runs out. Leases are measured by the database's clock, shared by every instance.
import { sql } from 'drizzle-orm';
import { Gates } from '../core/gates.js';
import type { Logger } from '../core/service.js';
import { rowsOf, type Db } from '../db/client.js';
import { errorText } from '../log.js';
import { GroupCommit, rowOf, type Admission, type Holder, type IntakeRequest, type IntakeRow, type IntakeSource } from './intake-store.js';
import { backoffMs } from './lease.js';

export type { Admission, IntakeRequest, IntakeRow, IntakeSource } from './intake-store.js';

/** Does a stored request's work. Throwing hands the row back for another attempt after a backoff. */
export type IntakeHandler = (row: IntakeRow) => Promise<void>;

export interface IntakeOptions {
  db: Db;
  logger: Logger;
  workerId: string;
  /** How long a row stays with its instance without a renewal; an instance renews every third of it. */
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
  /** Rows this instance holds (received or taken over) and has not finished. */
  private readonly held = new Set<number>();
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

  /** A row admitted for this instance by another thread (the Slack front door's): held, and renewed, from now on. */
  adopt(row: IntakeRow): void {
    this.held.add(row.id);
  }

  /** Starts renewing this instance's leases and taking over rows whose instance died, now and every third of a lease. */
  start(): void {
    if (this.timer || this.stopped) return;
    const every = Math.max(200, (this.opts.leaseSeconds * 1000) / 3);
    this.timer = setInterval(() => void this.sweep(), every);
    this.timer.unref();
    void this.sweep(this.opts.soleInstance === true);
  }

  /**
   * One round: renew the leases held here, then take over and run rows left by an instance that stopped. `orphans`:
   * every row not held here is left over, whatever its lease says (see `soleInstance`).
   */
  sweep(orphans = false): Promise<void> {
    this.sweeping ??= this.sweepNow(orphans).finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  /** Resolves once every admission asked for so far is written and every row run so far is finished. */
  async idle(): Promise<void> {
    await this.commits.settled();
    while (this.running.size || this.sweeping) await Promise.allSettled([this.sweeping, ...this.running]);
  }

  /** Stops sweeping and waits for the work under way. Rows not started stay stored for the next instance. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle();
  }

  private async attempt(row: IntakeRow, work?: () => Promise<void>): Promise<void> {
    const { db, workerId, logger } = this.opts;
    try {
      const handler = work ?? this.handlers.get(row.source);
      if (!handler) throw new Error(`no handler for ${row.source} requests`);
      await (work ? work() : handler(row));
      await db.execute(sql`
        update intake set status = 'done', done_at = now(), locked_until = null
        where id = ${row.id} and locked_by = ${workerId} and status = 'running'`);
    } catch (error) {
      const failed = row.attempts >= (this.opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
      logger.error({ err: error, intake: row.id, source: row.source, attempts: row.attempts, failed }, 'request from the platform failed');
      // Handed back with a lease that ends after the backoff: then any instance takes it over.
      await db
        .execute(
          sql`
          update intake set status = ${failed ? 'failed' : 'running'}, last_error = ${errorText(error)},
            locked_until = ${failed ? null : sql`now() + make_interval(secs => ${backoffMs(row.attempts) / 1000}::float8)`},
            done_at = ${failed ? sql`now()` : null}
          where id = ${row.id} and locked_by = ${workerId}`,
        )
        .catch((e: unknown) => logger.error({ err: e, intake: row.id }, 'request from the platform could not be handed back'));
    } finally {
      this.held.delete(row.id);
    }
  }

  private async sweepNow(orphans: boolean): Promise<void> {
    const { db, workerId, leaseSeconds, logger } = this.opts;
    try {
      if (this.held.size) {
        await db.execute(sql`
          update intake set locked_until = now() + make_interval(secs => ${leaseSeconds}::float8)
          where id = any(${`{${[...this.held].join(',')}}`}::int8[]) and locked_by = ${workerId} and status = 'running'`);
      }
      if (this.stopped || this.handlers.size === 0) return;
      const sources = `{${[...this.handlers.keys()].join(',')}}`;
      const taken = rowsOf<Record<string, unknown>>(
        await db.execute(sql`
          update intake set locked_by = ${workerId}, locked_until = now() + make_interval(secs => ${leaseSeconds}::float8), attempts = attempts + 1
          where id in (
            select id from intake
            where status = 'running' and source = any(${sources}::text[])
              and ${orphans ? sql`id <> all(${`{${[...this.held].join(',')}}`}::int8[])` : sql`locked_until < now()`}
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
