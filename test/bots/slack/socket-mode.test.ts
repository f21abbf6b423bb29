// Socket Mode on Node 20: Concord opens the connection with the app token, acknowledges envelopes and answers as over HTTP.
import { App as BoltApp, LogLevel } from '@slack/bolt';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { ManualClock } from '../../../src/core/clock.js';
import { loadSlackConfig, SlackMessenger, startSlack, type SlackBot } from '../../../src/bots/slack/index.js';
import { rowsOf } from '../../../src/db/client.js';
import { useTestDatabase } from '../../support/db.js';
import { silentLogger } from '../../support/harness.js';
import { BOT_TOKEN, FakeSlack, homeOpened, member, slashCommand, viewSubmission, type Delivery } from './support.js';
import { FakeSocketMode } from './socket-server.js';
import { slackIntakeRequest } from '../../../src/bots/slack/intake.js';
import { SlackSocketReceiver } from '../../../src/bots/slack/socket-receiver.js';

const API_URL = 'https://slack.socket.test/api/';
const APP_TOKEN = 'xapp-1-A0CONCORD-socket';

const t = useTestDatabase();
let slack: FakeSlack;
let socket: FakeSocketMode;
let app: App;
let bot: SlackBot;

beforeAll(async () => {
  slack = new FakeSlack(API_URL);
  slack.listen();
  socket = new FakeSocketMode();
  const url = await socket.start();
  slack.on('apps.connections.open', () => ({ url }));
  const config = loadSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: API_URL })!;
  const messenger = new SlackMessenger(config);
  // A short lease: rows left by a dead process are looked for every third of a second.
  app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent', INTAKE_LEASE_SECONDS: '1' }), clock: new ManualClock(new Date('2026-12-01T09:00:00Z')), messengers: { slack: messenger }, database: t.database, logger: silentLogger });
  bot = await startSlack({ core: app.core, config, logger: silentLogger, database: t.database, messenger, intake: app.intake, tick: () => app.scheduler.tick() });
});
afterAll(async () => {
  await bot?.stop();
  await app?.close();
  await socket?.stop();
  slack?.close();
});

it('connects with the app token and handles a slash command envelope', async () => {
  await socket.connected();
  expect(slack.of('apps.connections.open').map((c) => c.token)).toEqual([APP_TOKEN]);
  const form = Object.fromEntries(new URLSearchParams(slashCommand(member(1), 'group create "Budget"').body));
  socket.send({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload: form });
  expect(await socket.ackFor('env-1')).toMatchObject({ envelope_id: 'env-1' });
  await bot.idle();
  expect(slack.hooks.map((x) => x.body.text)).toEqual([expect.stringContaining('Created the working group "Budget"')]);
  expect(slack.unhandled).toEqual([]);
});

/** A slash command's fields, as the Socket Mode envelope carries them. */
const formOf = (d: Delivery): Record<string, string> => Object.fromEntries(new URLSearchParams(d.body));
/** An interaction's payload, as the Socket Mode envelope carries it. */
const interactionOf = (d: Delivery): Record<string, unknown> => JSON.parse(new URLSearchParams(d.body).get('payload')!) as Record<string, unknown>;

async function intakeRows(key: string): Promise<Array<{ status: string; locked_by: string | null; attempts: number }>> {
  return rowsOf(await t.database.db.execute(sql`select status, locked_by, attempts from intake where source = 'slack' and request_key = ${key}`));
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const hookTexts = (): string[] => slack.hooks.map((x) => String(x.body.text));

it('acknowledges an envelope only once its request is stored', async () => {
  await socket.connected();
  const d = slashCommand(member(2), 'group create "Ops"', { channel: { id: 'C0OPS', name: 'ops' } });
  const key = `trigger:${formOf(d).trigger_id}`;
  // Storing is slow: an acknowledgement sent before it would reach Slack while the row is still missing.
  const admit = app.intake.admit.bind(app.intake);
  const slow = vi.spyOn(app.intake, 'admit').mockImplementation(async (request) => {
    await new Promise((r) => setTimeout(r, 200));
    return admit(request);
  });
  let atAck: ReturnType<typeof intakeRows> | null = null;
  socket.onMessage = (message) => {
    if (message.envelope_id === 'env-stored') atAck = intakeRows(key);
  };
  try {
    socket.send({ envelope_id: 'env-stored', type: 'slash_commands', accepts_response_payload: true, payload: formOf(d) });
    await socket.ackFor('env-stored');
  } finally {
    socket.onMessage = null;
    slow.mockRestore();
  }
  expect(await atAck!).toHaveLength(1);
  await bot.idle();
  expect(hookTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Created the working group "Ops"')]));
  expect(await intakeRows(key)).toEqual([expect.objectContaining({ status: 'done' })]);
});

it('does not acknowledge an envelope it could not store, and runs nothing', async () => {
  const failing = vi.spyOn(app.intake, 'admit').mockRejectedValueOnce(new Error('the database is down'));
  const before = slack.hooks.length;
  try {
    socket.send({ envelope_id: 'env-unstored', type: 'slash_commands', accepts_response_payload: true, payload: formOf(slashCommand(member(2), 'group create "Lost"')) });
    await until(() => failing.mock.calls.length === 1);
    await bot.idle();
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    failing.mockRestore();
  }
  expect(socket.received.some((m) => m.envelope_id === 'env-unstored')).toBe(false);
  expect(slack.hooks.length).toBe(before);
});

it('runs an event sent again in another envelope once, and acknowledges both', async () => {
  const body = JSON.parse(homeOpened(member(1), 'Ev0SOCKET1').body) as Record<string, unknown>;
  const processed = vi.spyOn(bot.app, 'processEvent');
  try {
    socket.send({ envelope_id: 'env-event-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: body });
    await socket.ackFor('env-event-1');
    // Slack did not see that acknowledgement (a reconnect) and sends the event again.
    socket.send({ envelope_id: 'env-event-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload: body });
    await socket.ackFor('env-event-2');
    await bot.idle();
    expect(processed.mock.calls.filter(([event]) => event.body.event_id === 'Ev0SOCKET1')).toHaveLength(1);
  } finally {
    processed.mockRestore();
  }
  expect(slack.of('views.publish')).toHaveLength(1);
  expect(await intakeRows('event:Ev0SOCKET1')).toEqual([expect.objectContaining({ status: 'done' })]);
});

it("answers a modal's submission with its field errors in the envelope's acknowledgement", async () => {
  const alice = member(1);
  socket.send({ envelope_id: 'env-propose', type: 'slash_commands', accepts_response_payload: true, payload: formOf(slashCommand(alice, 'propose')) });
  await socket.ackFor('env-propose');
  await until(() => slack.of('views.open').length > 0);
  const view = slack.of('views.open')[0]!.params.view as Record<string, unknown>;
  const submission = interactionOf(
    viewSubmission(alice, view, {
      title: { value: { type: 'plain_text_input', value: 'Pick' } },
      rule: { 'concord:propose:rule': { type: 'static_select', selected_option: { value: 'poll' } } },
      options: { value: { type: 'plain_text_input', value: 'Only one' } },
    }),
  );
  socket.send({ envelope_id: 'env-submit', type: 'interactive', accepts_response_payload: true, payload: submission });
  expect(await socket.ackFor('env-submit')).toEqual({
    envelope_id: 'env-submit',
    payload: { response_action: 'errors', errors: { options: 'Give from 2 to 20 options, one per line.' } },
  });
  await bot.idle();
  expect(slack.of('chat.postMessage')).toEqual([]);
  expect(await intakeRows(`trigger:${String(submission.trigger_id)}`)).toEqual([expect.objectContaining({ status: 'done' })]);
});

it('takes over and answers a request left running by a process that died', async () => {
  const form = formOf(slashCommand(member(3), 'group create "Left behind"', { channel: { id: 'C0LEFT', name: 'left' } }));
  const key = `trigger:${form.trigger_id}`;
  // Acknowledged and stored by a process that died before finishing it: its lease is over and it renews nothing.
  await t.database.db.execute(sql`
    insert into intake (source, request_key, member_key, payload, status, attempts, locked_by, locked_until)
    values ('slack', ${key}, ${`T0CONCORD:${member(3).id}`}, ${JSON.stringify({ body: form })}::jsonb, 'running', 1, 'worker-dead', now() - interval '1 minute')`);
  await until(() => hookTexts().some((text) => text.includes('Created the working group "Left behind"')));
  await bot.idle();
  const [row] = await intakeRows(key);
  expect(row).toMatchObject({ status: 'done', attempts: 2 });
  expect(row!.locked_by).not.toBe('worker-dead');
});

it('gives Bolt the install provider it authorizes with in multi-workspace mode', () => {
  const installationStore = { storeInstallation: async () => {}, fetchInstallation: async () => Promise.reject(new Error('not installed')) };
  const receiver = new SlackSocketReceiver({
    socket: { appToken: APP_TOKEN, clientId: '1.2', clientSecret: 'secret', stateSecret: 'a-long-random-state-secret', installationStore, installerOptions: { port: 0 }, logLevel: LogLevel.ERROR },
    commands: [],
    logger: silentLogger,
    intake: app.intake,
  });
  expect(receiver.installer?.authorize).toBeTypeOf('function');
  // Bolt refuses an app with neither a token nor an authorize function; it takes the latter from the receiver's installer.
  expect(() => new BoltApp({ receiver, logLevel: LogLevel.ERROR })).not.toThrow();
});

it('stores each request with neither a trigger nor an event id as a request of its own', async () => {
  const count = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from intake where request_key like 'envelope:%'`))[0]!.n;
  const before = await count();
  // Nothing signs a Socket Mode request: two alike are two requests, not a retry of one.
  const suggestion = { type: 'block_suggestion', team: { id: 'T0CONCORD' }, user: { id: member(1).id }, action_id: 'pick', block_id: 'b', value: 'bu' };
  socket.send({ envelope_id: 'env-suggest-1', type: 'interactive', accepts_response_payload: true, payload: suggestion });
  socket.send({ envelope_id: 'env-suggest-2', type: 'interactive', accepts_response_payload: true, payload: suggestion });
  const end = Date.now() + 2000;
  while ((await count()) < before + 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  await bot.idle();
  expect(await count()).toBe(before + 2);
});

it('keys a request by its trigger or event id; without them by the fallback given, else by its signature', () => {
  expect(slackIntakeRequest({ body: { trigger_id: '1.2' } }, null, 'envelope:e').key).toBe('trigger:1.2');
  expect(slackIntakeRequest({ body: { event_id: 'Ev1' } }, 'sig', 'envelope:e').key).toBe('event:Ev1');
  expect(slackIntakeRequest({ body: { type: 'block_suggestion' } }, null, 'envelope:e').key).toBe('envelope:e');
  expect(slackIntakeRequest({ body: { type: 'block_suggestion' } }, 'sig').key).toBe('signature:sig');
});
