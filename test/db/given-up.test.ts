// When the outbox gives up on a message, the member whose command owed it is told, in their language.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import type { Delivery, MessageRef } from '../../src/core/ports.js';
import type { View } from '../../src/core/views/types.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { HOUR, RecordingMessenger, silentLogger } from '../support/harness.js';

/** A platform that refuses some channels and some members' DMs for good, as a removed bot or closed DMs would. */
class Refusing extends RecordingMessenger {
  channels = new Set<string>();
  members = new Set<string>();
  override async post(w: unknown, channelId: string, view: View, delivery?: Delivery): Promise<MessageRef> {
    if (this.channels.has(channelId)) throw new Error('channel_not_found');
    return super.post(w, channelId, view, delivery);
  }
  override async dm(w: unknown, member: string, view: View, delivery?: Delivery): Promise<MessageRef> {
    if (this.members.has(member)) throw new Error('cannot_dm_user');
    return super.dm(w, member, view, delivery);
  }
}

let database: TestDatabase;
let app: App;
let clock: ManualClock;
let messenger: Refusing;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.reset();
  clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
  messenger = new Refusing();
  app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), clock, messengers: { console: messenger }, database, logger: silentLogger });
});

async function run(member: string, text: string, channel = 'budget', locale?: 'en' | 'vi') {
  const reply = await app.core.execute(
    {
      platform: 'console',
      workspace: { externalId: 'test', name: 'Test' },
      actor: { externalId: member, displayName: member, ...(locale ? { locale } : {}) },
      channel: { id: channel, name: channel },
      idempotencyKey: randomUUID(),
    },
    text,
  );
  await app.scheduler.tick();
  return reply;
}

/** Lets every retry run out: ten attempts with backoff take well under a day. */
async function untilGivenUp() {
  for (let i = 0; i < 14; i++) {
    clock.set(new Date(clock.now().getTime() + 2 * HOUR));
    await app.scheduler.tick();
  }
}

describe('a message given up on', () => {
  it('is explained by DM to the member whose command owed it, in their language', async () => {
    await run('alice', 'group create "Budget"');
    await run('bob', 'group join');
    await run('bob', 'settings locale vi');
    messenger.channels.add('budget');
    messenger.take();
    await run('alice', 'propose "Adopt" --rule consent --closes "in 30 days"');
    await run('bob', 'propose "Thông qua" --rule consent --closes "in 30 days"');
    await untilGivenUp();
    const told = messenger.take().filter((s) => s.kind === 'dm');
    const alice = told.filter((s) => s.to === 'alice').map((s) => s.text);
    const bob = told.filter((s) => s.to === 'bob').map((s) => s.text);
    expect(alice).toEqual([
      '! Concord gave up posting a message from your command in #budget after 10 attempts (channel_not_found). Nothing was posted there: check that Concord is still in that channel and allowed to post, then do it again.',
    ]);
    expect(bob).toEqual([
      '! Concord đã ngừng đăng một tin nhắn từ lệnh của bạn vào #budget sau 10 lần thử (channel_not_found). Chưa có gì được đăng ở đó: hãy kiểm tra Concord vẫn còn trong kênh và được phép đăng, rồi làm lại.',
    ]);
  });

  it('tells the sender when a DM to someone else is given up, and never repeats the message itself', async () => {
    await run('alice', 'group create "Budget"');
    for (const m of ['bob', 'carol', 'dan']) await run(m, 'group join');
    await run('alice', 'group role @dan mediator');
    await run('bob', 'mediate @bob @carol --topic "Outreach"');
    await run('carol', 'mediation accept 1');
    messenger.members.add('carol');
    messenger.take();
    await run('dan', 'mediation caucus 1 @carol "What matters most to you?"', 'mediation-1');
    await untilGivenUp();
    const toDan = messenger.take().filter((s) => s.kind === 'dm' && s.to === 'dan');
    expect(toDan.map((s) => s.text)).toEqual([
      '! Concord gave up sending a direct message from your command to @carol after 10 attempts (cannot_dm_user). They have not received it: tell them another way.',
    ]);
    expect(toDan[0]!.text).not.toContain('What matters most');
  });

});
