// The Messenger port on Slack's Web API: exact calls, one attempt each, and Retry-After handed to the outbox.
import { randomUUID } from 'node:crypto';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { ManualClock } from '../../../src/core/clock.js';
import { rowsOf } from '../../../src/db/client.js';
import { loadSlackConfig, SlackDeliveryError, SlackMessenger, startSlack } from '../../../src/bots/slack/index.js';
import type { Concord } from '../../../src/core/service.js';
import type { ChartView } from '../../../src/core/views/types.js';
import type { Intake } from '../../../src/runtime/intake.js';
import type { Database } from '../../../src/db/client.js';
import { useTestDatabase } from '../../support/db.js';
import { silentLogger } from '../../support/harness.js';
import { BOT_TOKEN, FakeSlack } from './support.js';

// Every call in this file goes to SLACK_API_URL, not slack.com: msw only answers there.
const API_URL = 'https://slack.internal.test/api/';
const config = loadSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-test', SLACK_API_URL: API_URL })!;
const workspace = { platform: 'slack', externalId: 'T0CONCORD' };
const notice = { type: 'notice', tone: 'success', text: 'Done & dusted <3' } as const;

let slack: FakeSlack;
beforeAll(() => {
  slack = new FakeSlack(API_URL);
  slack.listen();
});
afterAll(() => slack.close());
beforeEach(() => slack.reset());
afterEach(() => {
  expect(slack.unhandled).toEqual([]);
  expect(slack.problems).toEqual([]);
});

const chart: ChartView = {
  type: 'chart',
  title: 'G-1 Cut waste: progress',
  alt: 'Lines of progress.',
  text: 'I-1 Waste  ▁▅  50%',
  chart: {
    kind: 'indicator-progress',
    axes: { time: 'Date', progress: 'Progress' },
    series: [{ label: 'I-1 Waste', points: [{ at: '2027-01-08T00:00:00Z', progress: 0 }, { at: '2027-01-15T00:00:00Z', progress: 0.5 }] }],
    span: { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' },
    locale: 'en',
  },
};

describe('SlackMessenger', () => {
  it('posts a chart as its text, with the picture in the thread of that post', async () => {
    const ref = await new SlackMessenger(config).post(workspace, 'C0BUDGET', chart);
    const [post] = slack.of('chat.postMessage');
    expect(JSON.stringify(post?.params.blocks)).toContain('I-1 Waste');
    const [completed] = slack.of('files.completeUploadExternal');
    expect(completed?.params).toMatchObject({ channel_id: 'C0BUDGET', thread_ts: ref.messageId });
    expect(slack.uploads).toHaveLength(1);
    expect([...slack.uploads[0]!.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('keeps the post when the picture cannot be uploaded, and does not fail the delivery', async () => {
    slack.on('files.getUploadURLExternal', () => ({ ok: false, error: 'missing_scope' }) as never);
    const warned: string[] = [];
    const ref = await new SlackMessenger(config, { logger: { warn: (_o, msg) => warned.push(msg) } }).post(workspace, 'C0BUDGET', chart);
    expect(ref.messageId).toBeTruthy();
    expect(slack.of('chat.postMessage')).toHaveLength(1);
    expect(warned).toEqual(['slack could not attach a chart']);
  });

  it('posts Block Kit with a plain-text fallback, with the bot token, and returns the message ts', async () => {
    const ref = await new SlackMessenger(config).post(workspace, 'C0BUDGET', notice);
    expect(slack.calls).toEqual([
      {
        method: 'chat.postMessage',
        token: BOT_TOKEN,
        params: {
          channel: 'C0BUDGET',
          text: 'Done &amp; dusted &lt;3',
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ':white_check_mark: Done &amp; dusted &lt;3' } }],
          unfurl_links: 'false',
          unfurl_media: 'false',
        },
        response: expect.objectContaining({ ok: true }),
      },
    ]);
    expect(ref).toEqual({ channelId: 'C0BUDGET', messageId: slack.calls[0]!.response!.ts });
  });

  it('shows members a post mentions by name, so posting it pages nobody, and shows where a labelled link goes', async () => {
    const card = {
      type: 'card',
      title: '#4 Ask <@U0ALICE01> first',
      body: 'Ping <@U0BAO0001|bao> and <!everyone>; details at <https://evil.example/sso|Official ballot (SSO)>',
      fields: [{ label: 'Proposer', value: '@U0CHI0001' }],
      actions: [],
    } as const;
    const messenger = new SlackMessenger(config);
    await messenger.post(workspace, 'C0BUDGET', { ...card, fields: [...card.fields], actions: [] });
    await messenger.update(workspace, { channelId: 'C0BUDGET', messageId: '1765000001.000100' }, { ...card, fields: [...card.fields], actions: [] });
    const sent = slack.of().filter((c) => c.method.startsWith('chat.'));
    expect(sent.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update']);
    for (const call of sent) {
      const all = JSON.stringify([call.params.text, call.params.blocks]);
      expect(all).not.toMatch(/<@|<!everyone>/);
      expect(all).toContain('Ask @u0alice01 first');
      expect(all).toContain('Ping @u0bao0001 and &lt;!everyone&gt;');
      expect(all).toContain('@u0chi0001');
      expect(all).toContain('Official ballot (SSO) (<https://evil.example/sso>)');
    }
    // Each member is looked up once.
    expect(slack.calls.filter((c) => c.method === 'users.info').map((c) => c.params.user).sort()).toEqual(['U0ALICE01', 'U0BAO0001', 'U0CHI0001']);
  });

  it('updates a card in place with chat.update', async () => {
    await new SlackMessenger(config).update(workspace, { channelId: 'C0BUDGET', messageId: '1765000001.000100' }, notice);
    expect(slack.calls.map((c) => [c.method, c.params.channel, c.params.ts])).toEqual([['chat.update', 'C0BUDGET', '1765000001.000100']]);
  });

  it('opens a DM once per member and posts into it', async () => {
    const messenger = new SlackMessenger(config);
    const first = await messenger.dm(workspace, 'U1', notice);
    await messenger.dm(workspace, 'U1', notice);
    expect(slack.calls.map((c) => [c.method, c.params.users ?? c.params.channel])).toEqual([
      ['conversations.open', 'U1'],
      ['chat.postMessage', 'DU1'],
      ['chat.postMessage', 'DU1'],
    ]);
    expect(first.channelId).toBe('DU1');
  });

  it('makes one attempt on 429 and says how long Slack asked to wait', async () => {
    slack.on('chat.postMessage', () => new HttpResponse(JSON.stringify({ ok: false, error: 'ratelimited' }), { status: 429, headers: { 'retry-after': '42', 'content-type': 'application/json' } }));
    const error = await new SlackMessenger(config).post(workspace, 'C1', notice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackDeliveryError);
    expect((error as SlackDeliveryError).retryAfterMs).toBe(42_000);
    expect(slack.calls).toHaveLength(1);
  });

  it('reports Slack’s error code and lets the outbox decide about retrying', async () => {
    slack.on('chat.postMessage', () => HttpResponse.json({ ok: false, error: 'channel_not_found' }));
    slack.on('chat.update', () => new HttpResponse('upstream down', { status: 503 }));
    const messenger = new SlackMessenger(config);
    await expect(messenger.post(workspace, 'C404', notice)).rejects.toThrow('chat.postMessage: channel_not_found');
    await expect(messenger.update(workspace, { channelId: 'C1', messageId: '1.2' }, notice)).rejects.toThrow('chat.update: HTTP 503');
    expect(slack.calls).toHaveLength(2);
  });

  it('takes each team’s token from the installation store in multi-workspace mode', async () => {
    const oauth = loadSlackConfig({ SLACK_APP_TOKEN: 'xapp-1', SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'a-long-random-state-secret', SLACK_API_URL: API_URL })!;
    const messenger = new SlackMessenger(oauth);
    await expect(messenger.post(workspace, 'C1', notice)).rejects.toThrow(/not installed/);
    messenger.useTokens(async (team) => (team === 'T0CONCORD' ? 'xoxb-team-token' : null));
    await messenger.post(workspace, 'C1', notice);
    expect(slack.calls.map((c) => c.token)).toEqual(['xoxb-team-token']);
  });
});

describe('start-up', () => {
  it('refuses to start with a bot token Slack does not accept, saying so', async () => {
    slack.on('auth.test', () => HttpResponse.json({ ok: false, error: 'invalid_auth' }));
    const http = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef', SLACK_API_URL: API_URL })!;
    await expect(startSlack({ core: {} as Concord, config: http, logger: silentLogger, database: {} as Database, intake: {} as Intake, port: 0 })).rejects.toThrow('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
  });
});

describe('the outbox on Slack', () => {
  const t = useTestDatabase();
  let app: App;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
    app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), clock, messengers: { slack: new SlackMessenger(config) }, database: t.database, logger: silentLogger });
  });
  afterAll(async () => {
    await app.close();
  });

  const run = (who: string, text: string) =>
    app.core.execute(
      { platform: 'slack', workspace: { externalId: 'T0CONCORD', name: 'concord' }, actor: { externalId: who, displayName: who }, channel: { id: 'C0BUDGET', name: 'budget' }, idempotencyKey: randomUUID() },
      text,
    );

  it('waits as long as Slack’s Retry-After before posting the card again', async () => {
    await run('U1', 'group create "Budget"');
    await run('U1', 'propose "Adopt" --rule consent');
    let limited = 1;
    slack.on('chat.postMessage', () =>
      limited-- > 0 ? new HttpResponse('{"ok":false,"error":"ratelimited"}', { status: 429, headers: { 'retry-after': '120', 'content-type': 'application/json' } }) : undefined,
    );
    await app.scheduler.tick();
    expect(slack.of('chat.postMessage')).toHaveLength(1);
    const [row] = rowsOf<{ status: string; next_attempt_at: string | Date; last_error: string }>(await t.database.db.execute(sql`select status, next_attempt_at, last_error from outbox`));
    expect(row?.status).toBe('pending');
    expect(new Date(row!.next_attempt_at).getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(120_000);
    expect(row?.last_error).toMatch(/retry after 120s/);

    clock.advance(119_000);
    await app.scheduler.tick();
    expect(slack.of('chat.postMessage')).toHaveLength(1);
    clock.advance(2_000);
    await app.scheduler.tick();
    expect(slack.of('chat.postMessage')).toHaveLength(2);
    // Once posted, the card is brought up to date in place.
    expect(slack.of('chat.update').every((u) => u.params.ts === slack.of('chat.postMessage')[1]!.response!.ts)).toBe(true);
  });
});
