// Jobs a command schedules, in drizzle: rows the runtime claims when they are due.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { JobRepo, NewJob } from '../../core/jobs/ports.js';
import * as t from '../schema.js';
import type { Conn } from './rows.js';

export class DrizzleJobs implements JobRepo {
  constructor(private readonly db: Conn) {}

  async schedule(job: NewJob, mode: 'replace' | 'keep'): Promise<void> {
    const insert = this.db.insert(t.jobs).values({ kind: job.kind, key: job.key, runAt: job.runAt, payload: job.payload, workspaceId: jobWorkspace(job.payload) });
    if (mode === 'keep') {
      await insert.onConflictDoNothing({ target: t.jobs.key, where: sql`status = 'pending'` });
    } else {
      await insert.onConflictDoUpdate({ target: t.jobs.key, targetWhere: sql`status = 'pending'`, set: { runAt: job.runAt, payload: job.payload, kind: job.kind, workspaceId: jobWorkspace(job.payload) } });
    }
  }

  async cancel(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.update(t.jobs).set({ status: 'cancelled' }).where(and(inArray(t.jobs.key, keys), eq(t.jobs.status, 'pending')));
  }
}

/**
 * The workspace a job works for, from the subject its payload names, so that the runner can share
 * each batch fairly between workspaces. Upkeep that names no subject belongs to none.
 */
function jobWorkspace(payload: Record<string, unknown>): SQL | null {
  const id = (key: string): number | null => (typeof payload[key] === 'number' ? (payload[key] as number) : null);
  const proposal = id('proposalId');
  if (proposal !== null) return sql`(select workspace_id from proposals where id = ${proposal})`;
  const commitment = id('commitmentId');
  if (commitment !== null) return sql`(select workspace_id from commitments where id = ${commitment})`;
  const dispute = id('disputeId');
  if (dispute !== null) return sql`(select workspace_id from disputes where id = ${dispute})`;
  const retro = id('retroId');
  if (retro !== null) return sql`(select workspace_id from retros where id = ${retro})`;
  const goal = id('goalId');
  if (goal !== null) return sql`(select workspace_id from goals where id = ${goal})`;
  const indicator = id('indicatorId');
  if (indicator !== null) return sql`(select workspace_id from indicators where id = ${indicator})`;
  const pool = id('poolId');
  if (pool !== null) return sql`(select workspace_id from pools where id = ${pool})`;
  const group = id('groupId');
  if (group !== null) return sql`(select workspace_id from groups where id = ${group})`;
  const workspace = id('workspaceId');
  if (workspace !== null) return sql`${workspace}`;
  return null;
}
