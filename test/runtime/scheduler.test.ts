// The jobs table and the outbox: leases, crashed workers, retries with backoff, nothing done twice.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/runtime/jobs.js';
import { OutboxDispatcher } from '../../src/runtime/outbox.js';
import { rowsOf } from '../../src/db/client.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { createHarness, HOUR, silentLogger, type Harness } from '../support/harness.js';
import { coreJobs } from '../../src/core/jobs/index.js';
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

async function jobRows() {
  return rowsOf<{ kind: string; status: string; attempts: number; locked_by: string | null }>(
    await database.db.execute(sql`select kind, status, attempts, locked_by from jobs order by id`),
  );
}

describe('job runner', () => {
  it('lets another worker take over a job whose worker died after claiming it, and runs it once', async () => {
    await h.run('alice', 'group create "G"');
    await h.run('alice', 'propose "P" --rule consent --closes "in 1 hour"');
    h.clock.set(new Date(h.clock.now().getTime() + 2 * HOUR));
    const dead = new JobRunner({ db: database.db, handler: coreJobs, clock: h.clock, logger: silentLogger, workerId: 'dead', leaseSeconds: 60 });
    const claimed = await dead.claim();
    expect(claimed.map((j) => j.kind)).toContain('proposal.close');
    // The worker is gone. Before its lease ends nobody else may take the job...
    const other = new JobRunner({ db: database.db, handler: coreJobs, clock: h.clock, logger: silentLogger, workerId: 'other', leaseSeconds: 60 });
    expect(await other.claim()).toEqual([]);
    // ...after it, the job is claimed again and runs.
    h.clock.set(new Date(h.clock.now().getTime() + 61_000));
    expect(await other.runDue()).toBeGreaterThan(0);
    const closes = (await jobRows()).filter((j) => j.kind === 'proposal.close');
    expect(closes).toEqual([{ kind: 'proposal.close', status: 'done', attempts: 2, locked_by: 'other' }]);
    // The dead worker comes back and tries to finish: its transaction rolls back, nothing happens twice.
    for (const job of claimed) await dead.run(job);
    const audit = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from audit_log where action = 'proposal.closed'`));
    expect(audit[0]!.n).toBe(1);
  });

  it('claims each due job exactly once when two runners compete', async () => {
    await h.run('alice', 'group create "G"');
    for (let i = 0; i < 10; i++) await h.run('alice', `propose "P${i}" --rule consent --closes "in 1 hour"`);
    h.clock.set(new Date(h.clock.now().getTime() + 2 * HOUR));
    const a = new JobRunner({ db: database.db, handler: coreJobs, clock: h.clock, logger: silentLogger, workerId: 'a', leaseSeconds: 60, batchSize: 3 });
    const b = new JobRunner({ db: database.db, handler: coreJobs, clock: h.clock, logger: silentLogger, workerId: 'b', leaseSeconds: 60, batchSize: 3 });
    await Promise.all([a.runDue(), b.runDue()]);
    const audit = rowsOf<{ subject: string; n: number }>(
      await database.db.execute(sql`select subject, count(*)::int as n from audit_log where action = 'proposal.closed' group by subject`),
    );
    expect(audit).toHaveLength(10);
    expect(audit.every((r) => r.n === 1)).toBe(true);
  });
  it('with a backlog, runs batches in two lanes and every job once', async () => {
    await h.run('alice', 'group create "G"');
    for (let i = 0; i < 10; i++) await h.run('alice', `propose "P${i}" --rule consent --closes "in 1 hour"`);
    h.clock.set(new Date(h.clock.now().getTime() + 2 * HOUR));
    const doneBefore = (await jobRows()).filter((j) => j.status === 'done').length;
    const runner = new JobRunner({ db: database.db, handler: coreJobs, clock: h.clock, logger: silentLogger, workerId: 'lanes', leaseSeconds: 60, batchSize: 3, lanes: 2 });
    // Closing schedules further jobs, some due at once: they run on the next pass, and the count covers them.
    let ran = 0;
    for (let pass = await runner.runDue(); pass > 0; pass = await runner.runDue()) ran += pass;
    expect(ran).toBeGreaterThanOrEqual(10);
    expect((await jobRows()).filter((j) => j.status === 'done')).toHaveLength(doneBefore + ran);
    const left = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from jobs where status = 'running' or attempts > 1 or (status = 'pending' and run_at <= ${h.clock.now().toISOString()}::timestamptz)`),
    );
    expect(left[0]!.n).toBe(0);
    const audit = rowsOf<{ subject: string; n: number }>(
      await database.db.execute(sql`select subject, count(*)::int as n from audit_log where action = 'proposal.closed' group by subject`),
    );
    expect(audit).toHaveLength(10);
    expect(audit.every((r) => r.n === 1)).toBe(true);
  });
});

describe('outbox', () => {
  it('retries a message the platform refused, later, and delivers it once', async () => {
    await h.run('alice', 'group create "G"', { channel: 'g' });
    h.messenger.take();
    h.messenger.failing = 1;
    await h.run('alice', 'propose "Retry me" --rule consent', { channel: 'g' });
    expect(h.messenger.take()).toEqual([]);
    const [pending] = rowsOf<{ status: string; attempts: number; last_error: string }>(
      await database.db.execute(sql`select status, attempts, last_error from outbox`),
    );
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    expect(pending!.last_error).toMatch(/platform unavailable/);
    await h.tick();
    expect(h.messenger.take()).toEqual([]); // backoff: not yet
    await h.advance(10_000);
    const sent = h.messenger.take();
    expect(sent.filter((s) => s.kind === 'post')).toHaveLength(1);
    await h.advance(HOUR);
    expect(h.messenger.take().filter((s) => s.kind === 'post')).toHaveLength(0);
  });

  it('gives up after the last attempt and keeps the message marked failed', async () => {
    const outbox = new OutboxDispatcher({ db: database.db, deliveries: coreDeliveries, messengers: {}, clock: h.clock, logger: silentLogger, workerId: 'x', leaseSeconds: 60, maxAttempts: 2 });
    await h.exec('alice', 'group create "G"');
    await h.exec('alice', 'propose "Nowhere" --rule consent');
    // No messenger for the platform: every attempt fails.
    await outbox.deliverDue();
    h.clock.set(new Date(h.clock.now().getTime() + HOUR));
    await outbox.deliverDue();
    const [row] = rowsOf<{ status: string; attempts: number }>(await database.db.execute(sql`select status, attempts from outbox`));
    expect(row).toEqual({ status: 'failed', attempts: 2 });
  });
});
