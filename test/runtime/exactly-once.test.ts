// Reminders reach each owner exactly once, with two schedulers competing and one dying mid-delivery.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/runtime/jobs.js';
import { OutboxDispatcher } from '../../src/runtime/outbox.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { createHarness, DAY, RecordingMessenger, silentLogger, type Harness } from '../support/harness.js';
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
  await h.run('alice', 'group create "Ops"', { channel: 'ops' });
  for (let i = 0; i < 5; i++) await h.run(`m${i}`, 'group join', { channel: 'ops' });
  // 20 commitments, each with two owners and reminders 1 day and 2 hours before.
  for (let i = 0; i < 20; i++) {
    await h.run('alice', `commit "Task ${i}" --due "in 3 days" --owner @m${i % 5},@m${(i + 1) % 5} --remind "1d,2h"`, { channel: 'ops' });
    for (const owner of [i % 5, (i + 1) % 5]) await h.run(`m${owner}`, `commitment accept ${i + 1}`);
  }
  h.messenger.take();
});

function worker(id: string, messenger: RecordingMessenger, batchSize = 7) {
  const common = { db: database.db, clock: h.clock, logger: silentLogger, workerId: id, leaseSeconds: 30 };
  return {
    jobs: new JobRunner({ ...common, handler: coreJobs, batchSize }),
    outbox: new OutboxDispatcher({ ...common, deliveries: coreDeliveries, messengers: { console: messenger }, batchSize }),
  };
}

describe('reminders exactly once', () => {
  it('two schedulers claiming concurrently send every reminder once', async () => {
    const sharedPlatform = new RecordingMessenger();
    const a = worker('a', sharedPlatform);
    const b = worker('b', sharedPlatform);
    h.clock.set(new Date(h.clock.now().getTime() + 2 * DAY + 1000));
    await Promise.all([a.jobs.runDue(), b.jobs.runDue()]);
    await Promise.all([a.outbox.deliverDue(), b.outbox.deliverDue()]);
    const dms = sharedPlatform.take().filter((s) => s.kind === 'dm');
    expect(dms).toHaveLength(40);
    const perOwnerAndTask = new Set(dms.map((d) => `${d.to}|${d.text.split('\n')[0]}`));
    expect(perOwnerAndTask.size).toBe(40);
  });

  it('a worker that dies after the platform call: the other delivers after the lease, and members see it once', async () => {
    const platform = new RecordingMessenger();
    const dying = worker('dying', platform, 100);
    const survivor = worker('survivor', platform, 100);
    h.clock.set(new Date(h.clock.now().getTime() + 2 * DAY + 1000));
    await survivor.jobs.runDue();
    // The dying worker claims every owed message, reaches the platform with half of them, and is killed.
    const claimed = await dying.outbox.claim();
    expect(claimed.length).toBe(40);
    for (const message of claimed.slice(0, 20)) {
      if (message.target.kind !== 'dm') throw new Error('expected DMs');
      await platform.dm({}, message.target.memberExternalId, message.view, { key: `outbox:${message.id}`, retry: false });
    }
    // Before the lease ends nobody else touches them.
    expect(await survivor.outbox.deliverDue()).toBe(0);
    h.clock.set(new Date(h.clock.now().getTime() + 31_000));
    expect(await survivor.outbox.deliverDue()).toBe(40);
    const dms = platform.take().filter((s) => s.kind === 'dm');
    expect(dms).toHaveLength(40);
    expect(platform.calls).toBe(60);
  });
});
