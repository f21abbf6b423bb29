// The outbox shares each batch between workspaces: one team's backlog never holds another team's first message.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { OutboxDispatcher } from '../../src/runtime/outbox.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { createHarness, silentLogger, type Harness } from '../support/harness.js';
import { coreDeliveries } from '../../src/core/delivery.js';

let database: TestDatabase;
let h: Harness;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.reset();
  h = await createHarness(database);
});

/** A workspace as Concord makes one: on its first command. */
async function workspace(externalId: string): Promise<number> {
  const ctx = { platform: 'console', workspace: { externalId, name: externalId }, actor: { externalId: 'a', displayName: 'a' }, channel: { id: 'c' }, idempotencyKey: randomUUID() };
  await h.app.core.execute(ctx, 'group list');
  const [row] = rowsOf<{ id: number }>(await database.db.execute(sql`select id from workspaces where external_id = ${externalId}`));
  return Number(row!.id);
}

async function queue(workspaceId: number, count: number, at: Date): Promise<void> {
  await database.db.execute(sql`
    insert into outbox (workspace_id, kind, target, view, next_attempt_at, created_at)
    select ${workspaceId}, 'dm', jsonb_build_object('kind', 'dm', 'memberExternalId', 'm' || n), '{"type":"text","text":"hi"}'::jsonb,
           ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
    from generate_series(1, ${count}) as n`);
}

const dispatcher = (batchSize: number) =>
  new OutboxDispatcher({ db: database.db, deliveries: coreDeliveries, messengers: {}, clock: h.clock, logger: silentLogger, workerId: 'w', leaseSeconds: 60, batchSize });

describe('outbox fairness', () => {
  it('puts a quiet workspace’s message in the next batch although a busy one queued hundreds before it', async () => {
    const busy = await workspace('busy');
    const quiet = await workspace('quiet');
    const earlier = new Date(h.clock.now().getTime() - 60_000);
    await queue(busy, 400, earlier);
    await queue(quiet, 1, h.clock.now());
    const batch = await dispatcher(50).claim();
    expect(batch.length).toBeLessThanOrEqual(50);
    expect(batch.filter((m) => m.workspaceId === quiet)).toHaveLength(1);
    // ... and is delivered among the first, not after the busy workspace's share.
    expect(batch.findIndex((m) => m.workspaceId === quiet)).toBeLessThan(2);
    // The busy workspace's messages still leave in the order they were queued.
    const busyIds = batch.filter((m) => m.workspaceId === busy).map((m) => m.id);
    expect(busyIds).toEqual([...busyIds].sort((a, b) => a - b));
  });

  it('serves every workspace in turn when more have messages due than a batch has room for', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(await workspace(`w${i}`));
      await queue(ids[i]!, 5, h.clock.now());
    }
    const outbox = dispatcher(3);
    const served = new Set<number>();
    for (let round = 0; round < 3; round++) for (const m of await outbox.claim()) served.add(m.workspaceId);
    expect([...served].sort((a, b) => a - b)).toEqual(ids);
  });
});
