// Round-robin over workspaces with work due, shared by the outbox and the jobs runner: one
// workspace's backlog takes its share of each batch and never holds another workspace's first item.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';

/** The queue being walked: a table with a workspace column and a pending-and-due condition. */
export interface FairQueue {
  /** Table name; a constant of this module's callers, never user input. */
  table: 'outbox' | 'jobs';
  /** The column holding the time an item becomes due. */
  dueColumn: 'next_attempt_at' | 'run_at';
}

/**
 * Up to `limit` workspaces with items due, in id order after `cursor` and then from the start.
 * Each step is one probe of the (workspace, due time) index, so the walk costs a few index lookups
 * per workspace however long one workspace's backlog is.
 */
export async function workspacesDue(db: Db, queue: FairQueue, now: Date, cursor: number, limit: number): Promise<number[]> {
  const table = sql.raw(queue.table);
  const due = sql.raw(queue.dueColumn);
  const at = now.toISOString();
  const walk = async (after: number, below: number | null, count: number): Promise<number[]> => {
    if (count <= 0) return [];
    const rows = rowsOf<{ id: string | number | null }>(
      await db.execute(sql`
        with recursive walk(id, n) as (
          (select workspace_id, 1 from ${table}
            where status = 'pending' and ${due} <= ${at}::timestamptz and workspace_id > ${after}
            order by workspace_id limit 1)
          union all
          select (select q.workspace_id from ${table} q
                   where q.status = 'pending' and q.${due} <= ${at}::timestamptz and q.workspace_id > walk.id
                   order by q.workspace_id limit 1), n + 1
          from walk where walk.id is not null and n < ${count}
        )
        select id from walk where id is not null`),
    );
    const ids = rows.map((r) => Number(r.id));
    return below === null ? ids : ids.filter((id) => id < below);
  };
  const after = await walk(cursor, null, limit);
  if (after.length >= limit || cursor === 0) return after;
  const before = await walk(0, cursor + 1, limit - after.length);
  return [...after, ...before];
}

/** The share of a batch each of `workspaces` may take: equal, and at least one. */
export function shareOf(limit: number, workspaces: number): number {
  return workspaces === 0 ? 0 : Math.max(1, Math.floor(limit / workspaces));
}

/** Items of each workspace in turn, each workspace's in their own order: none waits for another's whole share. */
export function interleave<T extends { workspaceId: number | null }>(items: T[]): T[] {
  const queues = new Map<number | null, T[]>();
  for (const item of items) {
    const queue = queues.get(item.workspaceId);
    if (queue) queue.push(item);
    else queues.set(item.workspaceId, [item]);
  }
  const out: T[] = [];
  for (let turn = 0; out.length < items.length; turn++) {
    for (const queue of queues.values()) if (turn < queue.length) out.push(queue[turn]!);
  }
  return out;
}
