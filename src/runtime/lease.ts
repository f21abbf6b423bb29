// Claim with lease, written once for every queue of due work (jobs, outbox): a fair batch taken with FOR UPDATE SKIP LOCKED
// and a lease, completion that holds only under the lease, and release with backoff for another attempt.
import { sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../core/ports.js';
import { rowsOf, type Db, type DbTx } from '../db/client.js';
import { errorText } from '../log.js';
import { interleave, shareOf, workspacesDue } from './fair-claim.js';

/** A table of due work, as the lease sees it. Every name here is a constant of this module's callers, never input. */
export interface LeasedTable {
  table: 'jobs' | 'outbox';
  /** The column holding the time an item becomes due (again). */
  dueColumn: 'run_at' | 'next_attempt_at';
  /** The status of an item out on lease, and of one done with. */
  leased: 'running' | 'sending';
  done: 'done' | 'sent';
  /**
   * Whether the worker holding the lease is written on the item (`locked_by`). Then completing and releasing
   * match only while this worker still holds it, so a job whose lease ran out and was taken over takes effect
   * once. Without it (messages), a delivery is recorded whoever holds the lease now, since the platform has
   * the message either way, and a failure is recorded only while the message is still out.
   */
  holder: boolean;
  /** Items that belong to no workspace (upkeep) exist, and take one share of each batch of their own. */
  unscoped: boolean;
  /** The columns a claim returns of each item. */
  returning: string;
  /** What a claim reads of the items it took, from `claimed` (the returned rows); all of them when omitted. */
  select?: string;
}

export interface LeaseOptions<T> {
  db: Db;
  clock: Clock;
  workerId: string;
  leaseSeconds: number;
  /** An item from a claimed row. */
  item: (row: Record<string, unknown>) => T;
  /** The order items of one workspace run in. */
  order: (a: T, b: T) => number;
}

/** What becomes of an item whose attempt failed: another attempt at `at`, or none (`failed`). */
export interface Retry {
  failed: boolean;
  at: Date;
}

/** Exponential backoff with jitter, capped at an hour: 2s, 4s, 8s ... */
export function backoffMs(attempts: number): number {
  const base = Math.min(3_600_000, 1000 * 2 ** Math.max(1, attempts));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** The retry of an attempt that failed: after a backoff and never before `notBeforeMs`, unless it was the last attempt allowed. */
export function retryOf(attempts: number, maxAttempts: number, now: Date, notBeforeMs = 0): Retry {
  return { failed: attempts >= maxAttempts, at: new Date(now.getTime() + Math.max(notBeforeMs, backoffMs(attempts))) };
}

export class LeasedQueue<T extends { id: number; workspaceId: number | null }> {
  /** The last workspace served by the previous claim: the next one starts after it, so none waits for ever. */
  private cursor = 0;

  constructor(
    private readonly table: LeasedTable,
    private readonly opts: LeaseOptions<T>,
  ) {}

  /**
   * Claims up to `limit` items due now, or whose worker's lease ran out, fairly across workspaces: an equal
   * share of the batch from each workspace with items due, walking workspaces round-robin from where the last
   * claim stopped. Index-ordered probes (each workspace's due items, unscoped due items, expired leases), each
   * stopping at its limit: a claim never reads more than a batch of rows, however many wait further ahead.
   * Items come back in their own order within a workspace, one workspace's after another's in turn; `more`
   * says more may be due (some workspace filled its share, or the batch is full).
   */
  async claim(limit: number): Promise<{ items: T[]; more: boolean }> {
    const { db, clock, workerId, leaseSeconds } = this.opts;
    const now = clock.now();
    const at = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
    const table = sql.raw(this.table.table);
    const due = sql.raw(this.table.dueColumn);
    const workspaces = await workspacesDue(db, { table: this.table.table, dueColumn: this.table.dueColumn }, now, this.cursor, limit);
    let upkeep = false;
    if (this.table.unscoped) {
      const [row] = rowsOf<{ due: boolean }>(
        await db.execute(sql`select exists (select 1 from ${table} where workspace_id is null and status = 'pending' and ${due} <= ${at}::timestamptz) as due`),
      );
      upkeep = row?.due ?? false;
    }
    const share = shareOf(limit, workspaces.length + (upkeep ? 1 : 0));
    const unscoped = this.table.unscoped
      ? sql`, unscoped as (
        select id from ${table} where workspace_id is null and status = 'pending' and ${due} <= ${at}::timestamptz
        order by ${due} limit ${share} for update skip locked
      )`
      : sql``;
    const holder = this.table.holder ? sql`, locked_by = ${workerId}` : sql``;
    const result = await db.execute(sql`
      with due as (
        select d.id from unnest(${`{${workspaces.join(',')}}`}::int8[]) as w(id)
        cross join lateral (
          select id from ${table} where workspace_id = w.id and status = 'pending' and ${due} <= ${at}::timestamptz
          order by ${due}, id limit ${share} for update skip locked
        ) d
      )${unscoped}, expired as (
        select id from ${table} where status = ${this.table.leased} and locked_until < ${at}::timestamptz
        order by locked_until limit ${limit} for update skip locked
      ), claimed as (
        update ${table} set status = ${this.table.leased}${holder}, locked_until = ${leaseUntil}::timestamptz, attempts = attempts + 1
        where id in (select id from due union all ${this.table.unscoped ? sql`select id from unscoped union all ` : sql``}select id from expired)
        returning ${sql.raw(this.table.returning)}
      )
      ${sql.raw(this.table.select ?? 'select * from claimed')}`);
    if (workspaces.length > 0) this.cursor = workspaces[workspaces.length - 1]!;
    const claimed = rowsOf<Record<string, unknown>>(result).map(this.opts.item).sort(this.opts.order);
    const perWorkspace = new Map<number | null, number>();
    for (const item of claimed) perWorkspace.set(item.workspaceId, (perWorkspace.get(item.workspaceId) ?? 0) + 1);
    const more = claimed.length >= limit || [...perWorkspace.values()].some((n) => n >= share);
    return { items: interleave(claimed), more };
  }

  /**
   * Marks items done (with `set`, further columns to write) in the caller's transaction; returns how many it
   * matched. With a recorded holder only items this worker still holds match: fewer than asked means a lease
   * was lost, and the caller rolls back so that the work is done once, by the new holder.
   */
  async complete(tx: Db | DbTx, ids: readonly number[], set: SQL = sql``): Promise<number> {
    const table = sql.raw(this.table.table);
    const held = this.table.holder ? sql` and locked_by = ${this.opts.workerId} and status = ${this.table.leased}` : sql``;
    const rows = rowsOf(
      await tx.execute(sql`
        update ${table} set status = ${this.table.done}, locked_until = null${set}
        where id = any(${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::int8[])${held}
        returning id`),
    );
    return rows.length;
  }

  /** Hands an item whose attempt failed back for its retry, or marks it failed; its error is kept. */
  async release(tx: Db | DbTx, id: number, retry: Retry, error: unknown): Promise<void> {
    const table = sql.raw(this.table.table);
    const held = this.table.holder ? sql`locked_by = ${this.opts.workerId}` : sql`status = ${this.table.leased}`;
    await tx.execute(sql`
      update ${table}
      set status = ${retry.failed ? 'failed' : 'pending'}, ${sql.raw(this.table.dueColumn)} = ${retry.at.toISOString()}::timestamptz, locked_until = null, last_error = ${errorText(error)}
      where id = ${id} and ${held}`);
  }
}
