// Socket Mode on Node 20: Concord opens the connection with the app token, acknowledges envelopes and answers as over HTTP.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { ManualClock } from '../../../src/core/clock.js';
import { loadSlackConfig, SlackMessenger, startSlack, type SlackBot } from '../../../src/bots/slack/index.js';
import { useTestDatabase } from '../../support/db.js';
import { silentLogger } from '../../support/harness.js';
import { BOT_TOKEN, FakeSlack, member, slashCommand } from './support.js';
import { FakeSocketMode } from './socket-server.js';

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
  app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), clock: new ManualClock(new Date('2026-12-01T09:00:00Z')), messengers: { slack: messenger }, database: t.database, logger: silentLogger });
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
