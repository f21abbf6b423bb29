// When the message queue cannot be read, the member who acted is told so, visibly and in their language, on every platform.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { ConsoleMessenger, ConsoleSession } from '../../src/bots/console/console.js';
import { ConsoleLanguage } from '../../src/bots/console/messages.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import { useTestDatabase } from '../support/db.js';
import { HOUR, silentLogger } from '../support/harness.js';
import { HttpResponse } from 'msw';
import { APP_ID, CHANNEL, createDiscordHarness, dmChannelOf, FakeDiscord, member as discordMember, slash, type DiscordHarness } from './discord/support.js';
import { FakeSlack, member as slackMember, slashCommand, startHarness, textOf } from './slack/support.js';

const t = useTestDatabase({ fresh: true });

/** The outbox can still be written, in the command's transaction, but no longer read by the delivery worker. */
const breakDelivery = () => t.database.db.execute(sql`alter table outbox rename column locked_until to locked_until_away`);
const repairDelivery = () => t.database.db.execute(sql`alter table outbox rename column locked_until_away to locked_until`).catch(() => {});

const EN = /What you did is saved, but Concord cannot send its messages right now: its message queue could not be read or written \(error id [0-9a-f]{8}\)\. Nothing has been posted yet/;
const VI = /Thao tác của bạn đã được lưu, nhưng lúc này Concord không gửi được tin nhắn: không đọc hoặc ghi được hàng đợi tin nhắn \(mã lỗi [0-9a-f]{8}\)\. Chưa có gì được đăng/;

describe('console', () => {
  it('follows a "posted" reply with a warning when nothing could be posted, in English and Vietnamese', async () => {
    const output: string[] = [];
    const out = (text: string) => output.push(text);
    const clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
    const language = new ConsoleLanguage();
    const app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), clock, messengers: { console: new ConsoleMessenger(out, language) }, database: t.database, logger: silentLogger });
    const session = new ConsoleSession({ core: app.core, clock, tick: () => app.scheduler.tick(), nextDueAt: () => app.jobs.nextDueAt(), out, language });
    try {
      await session.handle('alice in #budget: group create "Budget"');
      await breakDelivery();
      output.length = 0;
      await session.handle('alice in #budget: propose "Adopt" --rule consent --closes "in 2 days"');
      const said = output.join('\n');
      expect(said).toContain('is open and posted in #budget');
      expect(said).not.toContain('[#budget]');
      expect(said).toMatch(EN);
      await session.handle('bob in #budget: group join');
      await session.handle('bob in #budget: settings locale vi');
      output.length = 0;
      await session.handle('bob in #budget: propose "Thông qua" --rule consent --closes "in 2 days"');
      expect(output.join('\n')).toMatch(VI);
      // A command that changed nothing has nothing to send: no warning.
      output.length = 0;
      await session.handle('carol in #budget: propose "Adopt" --rule consent --closes "in 2 days"');
      expect(output.join('\n')).toContain('Only members of "Budget" can propose');
      expect(output.join('\n')).not.toMatch(EN);
      await repairDelivery();
      output.length = 0;
      await session.handle('alice in #budget: propose "Again" --rule consent --closes "in 2 days"');
      expect(output.join('\n')).not.toMatch(EN);
      expect(output.join('\n')).toContain('[#budget]');
    } finally {
      await repairDelivery();
      await app.close();
    }
  });
});

describe('Slack', () => {
  let slack: FakeSlack;
  beforeAll(() => {
    slack = new FakeSlack();
    slack.listen();
  });
  afterAll(() => slack.close());

  it('answers the member with a warning they can see when nothing could be posted', async () => {
    const h = await startHarness(t.database);
    try {
      const alice = slackMember(1);
      await h.send(slashCommand(alice, 'group create "Budget"'));
      await breakDelivery();
      slack.reset();
      await h.send(slashCommand(alice, 'propose "Adopt" --rule consent --closes "in 2 days"'));
      const answers = slack.hooks.map((hook) => textOf(hook.body.blocks) || String(hook.body.text));
      expect(answers.some((text) => text.includes('is open and posted'))).toBe(true);
      expect(answers.some((text) => EN.test(text))).toBe(true);
      expect(slack.of('chat.postMessage')).toHaveLength(0);
    } finally {
      await repairDelivery();
      await h.close();
    }
  });

  it('tells the member by DM when Slack keeps refusing the channel and Concord gives up', async () => {
    const h = await startHarness(t.database);
    try {
      const alice = slackMember(1);
      await h.send(slashCommand(alice, 'group create "Budget"'));
      slack.on('chat.postMessage', (params) => (params.channel === 'C0BUDGET' ? HttpResponse.json({ ok: false, error: 'not_in_channel' }) : undefined));
      await h.send(slashCommand(alice, 'propose "Adopt" --rule consent --closes "in 30 days"'));
      for (let i = 0; i < 14; i++) await h.advance(2 * HOUR);
      const toChannel = slack.of('chat.postMessage').filter((c) => c.params.channel === 'C0BUDGET');
      expect(toChannel).toHaveLength(10);
      const dms = slack.of('chat.postMessage').filter((c) => c.params.channel !== 'C0BUDGET').map((c) => textOf(c.params.blocks) || String(c.params.text));
      expect(dms).toEqual([expect.stringContaining('Concord gave up posting a message from your command in #C0BUDGET after 10 attempts (chat.postMessage: not_in_channel).')]);
    } finally {
      await h.close();
    }
  });
});

describe('Discord', () => {
  let fake: FakeDiscord;
  let h: DiscordHarness;
  beforeAll(() => {
    fake = new FakeDiscord();
    fake.listen();
  });
  afterAll(() => fake.close());

  it('follows the answer with a warning only the member sees, in their language', async () => {
    h = await createDiscordHarness(t.database, { nudge: () => h.app.scheduler.tick() });
    try {
      const alice = discordMember('alice', { locale: 'vi' });
      await h.dispatch(slash(alice, 'group', [{ name: 'group', type: 3, value: 'Budget' }], 'create'));
      await breakDelivery();
      fake.reset();
      const raw = slash(alice, 'concord', [{ name: 'text', type: 3, value: 'propose "Thông qua" --rule consent --closes "in 2 days"' }]);
      await h.dispatch(raw);
      const answer = JSON.stringify(fake.callbacks(raw.id));
      expect(answer).toContain('Thông qua');
      const followUps = fake.calls.filter((c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${raw.token}`);
      expect(followUps).toHaveLength(1);
      const body = followUps[0]!.body as { flags: number; embeds: Array<{ description?: string }> };
      expect(body.flags & 64).toBe(64);
      expect(JSON.stringify(body.embeds)).toMatch(VI);
      expect(fake.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path))).toHaveLength(0);
    } finally {
      await repairDelivery();
      await h.close();
    }
  });

  it('tells the member by DM, in their language, when Discord keeps refusing the channel and Concord gives up', async () => {
    h = await createDiscordHarness(t.database, { nudge: () => h.app.scheduler.tick() });
    try {
      const alice = discordMember('alice', { locale: 'vi' });
      await h.dispatch(slash(alice, 'group', [{ name: 'group', type: 3, value: 'Budget' }], 'create'));
      // Her language is kept for what Concord tells her later, outside any interaction.
      await h.dispatch(slash(alice, 'concord', [{ name: 'text', type: 3, value: 'settings locale vi' }]));
      fake.reset();
      fake.on('POST', new RegExp(`^/channels/${CHANNEL}/messages$`), () => HttpResponse.json({ message: 'Missing Permissions', code: 50013 }, { status: 403 }));
      await h.dispatch(slash(alice, 'concord', [{ name: 'text', type: 3, value: 'propose "Thông qua" --rule consent --closes "in 30 days"' }]));
      for (let i = 0; i < 14; i++) await h.advance(2 * HOUR);
      expect(fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL}/messages`)).toHaveLength(10);
      const dms = fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${dmChannelOf(alice.id)}/messages`);
      expect(dms).toHaveLength(1);
      expect(JSON.stringify(dms[0]!.body)).toContain(`Concord đã ngừng đăng một tin nhắn từ lệnh của bạn vào #${CHANNEL} sau 10 lần thử (Missing Permissions).`);
    } finally {
      await h.close();
    }
  });
});
