// The jobs runner shares each batch between workspaces: one team's thousands of reminders never hold
// another team's proposal close behind them.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { JobRunner } from '../../src/runtime/jobs.js';
import { silentLogger, useHarness } from '../support/harness.js';
import { coreJobs } from '../../src/core/jobs/index.js';

const t = useHarness();

const ctx = (workspace: string, actor: string, channel = 'c') => ({
  platform: 'console',
  workspace: { externalId: workspace, name: workspace },
  actor: { externalId: actor, displayName: actor },
  channel: { id: channel },
  idempotencyKey: randomUUID(),
});

async function workspaceId(externalId: string): Promise<number> {
  const [row] = rowsOf<{ id: number }>(await t.database.db.execute(sql`select id from workspaces where external_id = ${externalId}`));
  return Number(row!.id);
}

/** Jobs as a backlog would leave them: due, in one workspace, scheduled before anything else. */
async function backlog(workspace: number, count: number, at: Date): Promise<void> {
  await t.database.db.execute(sql`
    insert into jobs (kind, key, run_at, payload, workspace_id)
    select 'test.noop', 'backlog:' || ${workspace} || ':' || n, ${at.toISOString()}::timestamptz, '{}'::jsonb, ${workspace}
    from generate_series(1, ${count}) as n`);
}

const runner = (batchSize: number) =>
  new JobRunner({ db: t.database.db, handler: coreJobs, clock: t.h.clock, logger: silentLogger, workerId: 'w', leaseSeconds: 60, batchSize });

describe('jobs fairness', () => {
  it('records the workspace of every job Concord schedules', async () => {
    await t.h.app.core.execute(ctx('acme', 'alice'), 'group create Ops');
    await t.h.app.core.execute(ctx('acme', 'alice'), 'propose "Lunch" --rule consent --closes "in 2 days"');
    await t.h.app.core.execute(ctx('acme', 'alice'), 'commit "Book a room" --due "in 3 days"');
    const rows = rowsOf<{ kind: string; workspace_id: number | null }>(await t.database.db.execute(sql`select kind, workspace_id from jobs where status = 'pending'`));
    const acme = await workspaceId('acme');
    expect(rows.map((r) => r.kind)).toEqual(expect.arrayContaining(['proposal.close', 'commitment.overdue', 'group.digest']));
    for (const row of rows) expect([row.kind, Number(row.workspace_id)]).toEqual([row.kind, acme]);
  });

  it('claims a quiet workspace’s close in the next batch although a busy one has hundreds of jobs due before it', async () => {
    await t.h.app.core.execute(ctx('busy', 'bob'), 'group list');
    await t.h.app.core.execute(ctx('quiet', 'quinn'), 'group create Ops');
    await t.h.app.core.execute(ctx('quiet', 'quinn'), 'propose "Lunch" --rule consent --closes "in 1 hour"');
    const busy = await workspaceId('busy');
    const quiet = await workspaceId('quiet');
    await backlog(busy, 400, t.h.clock.now());
    t.h.clock.advance(2 * 3_600_000);
    const batch = await runner(50).claim();
    expect(batch.length).toBeLessThanOrEqual(50);
    const close = batch.findIndex((j) => j.kind === 'proposal.close');
    expect(batch[close]?.workspaceId).toBe(quiet);
    // ... among the first, not after the busy workspace's share.
    expect(close).toBeLessThan(3);
    // The busy workspace's jobs keep their order.
    const busyIds = batch.filter((j) => j.workspaceId === busy).map((j) => j.id);
    expect(busyIds).toEqual([...busyIds].sort((a, b) => a - b));
  });

  it('serves every workspace in turn when more have jobs due than a batch has room for', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      await t.h.app.core.execute(ctx(`w${i}`, 'a'), 'group list');
      ids.push(await workspaceId(`w${i}`));
      await backlog(ids[i]!, 5, t.h.clock.now());
    }
    const jobs = runner(3);
    const served = new Set<number>();
    for (let round = 0; round < 4; round++) for (const j of await jobs.claim()) if (j.workspaceId !== null) served.add(j.workspaceId);
    expect([...served].sort((a, b) => a - b)).toEqual(ids);
  });
});
