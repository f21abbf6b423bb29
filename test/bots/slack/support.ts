// Stands in for Slack on both sides: msw answers the Web API and response URLs, and signed requests hit the app the way Slack sends them.
import { createHmac } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { listenNotingUnhandled } from '../../support/msw.js';
import type { Installation } from '@slack/bolt';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { advanceThroughJobs, ManualClock } from '../../../src/core/clock.js';
import { loadSlackConfig, SlackMessenger, startSlack, type SlackBot, type SlackConfig } from '../../../src/bots/slack/index.js';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { blockKitProblems } from './limits.js';
import { useTestDatabase, type TestDatabase } from '../../support/db.js';

export const SIGNING_SECRET = '8f742231b10e8888abcd99eee85a5eee';
export const BOT_TOKEN = 'xoxb-test-token';
export const TEAM = { id: 'T0CONCORD', domain: 'concord-test' };
export const RESPONSE_HOST = 'https://hooks.slack.com';
/** Where files.getUploadURLExternal sends uploads by default; a test may give another. */
export const UPLOAD_HOST = 'https://files.slack.com';

/** Many-workspace mode (OAuth), against the Web API at `apiUrl`. */
export const oauthEnv = (apiUrl: string): Record<string, string> => ({
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'a-long-random-state-secret',
  SLACK_API_URL: apiUrl,
});

/** What Bolt keeps of an installation through OAuth: the bot's token for one workspace, or for every workspace of an Enterprise Grid org. */
export function installationFor(token: string, team: Team): Installation<'v2', false>;
export function installationFor(token: string, team: undefined, org: { id: string; name: string }): Installation<'v2', true>;
export function installationFor(token: string, team: Team | undefined, org?: { id: string; name: string }): Installation<'v2', boolean> {
  return {
    team: team && { id: team.id, name: team.domain },
    enterprise: org,
    isEnterpriseInstall: !!org,
    bot: { token, userId: 'UBOT', id: 'BBOT', scopes: ['commands', 'chat:write'] },
    user: { id: 'U00000001', token: undefined, scopes: undefined },
    tokenType: 'bot',
    authVersion: 'v2',
    appId: 'A0CONCORD',
  };
}

export interface ApiCall {
  method: string;
  /** Form fields with JSON values (blocks, view) parsed. */
  params: Record<string, unknown>;
  /** The bearer token the call was made with. */
  token: string | null;
  /** What the fake answered, when it answered with JSON of its own. */
  response?: Record<string, unknown>;
}

/** Bytes posted to an upload URL that files.getUploadURLExternal handed out. */
export interface UploadCall {
  url: string;
  bytes: Uint8Array;
}

export interface HookCall {
  url: string;
  body: Record<string, unknown>;
}

type Responder = (params: Record<string, unknown>, call: ApiCall) => Response | Record<string, unknown> | undefined;

/** What Slack's Web API answers by default: enough for Concord to proceed. */
export class FakeSlack {
  readonly server: ReturnType<typeof setupServer>;
  calls: ApiCall[] = [];
  hooks: HookCall[] = [];
  uploads: UploadCall[] = [];
  unhandled: string[] = [];
  /** Block Kit limits broken by anything Concord sent. */
  problems: string[] = [];
  private responders = new Map<string, Responder>();
  private ts = 1_765_000_000;
  private views = 0;

  private files = 0;

  constructor(
    readonly apiUrl = 'https://slack.com/api/',
    readonly uploadHost = UPLOAD_HOST,
  ) {
    this.server = setupServer(
      http.post(`${uploadHost}/upload/*`, async ({ request }) => {
        // The Web API client posts the file as a multipart form; its bytes are the form's one file.
        let bytes: Uint8Array;
        if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
          const file = [...(await request.formData()).values()].find((v): v is File => typeof v !== 'string');
          bytes = new Uint8Array(file ? await file.arrayBuffer() : new ArrayBuffer(0));
        } else bytes = new Uint8Array(await request.arrayBuffer());
        this.uploads.push({ url: request.url, bytes });
        return new HttpResponse('OK - 1');
      }),
      http.post(`${apiUrl}:method`, async ({ request, params }) => {
        const method = String(params.method);
        const form = new URLSearchParams(await request.text());
        const parsed: Record<string, unknown> = {};
        for (const [key, value] of form) parsed[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
        const auth = request.headers.get('authorization');
        const call: ApiCall = { method, params: parsed, token: auth?.replace(/^Bearer /, '') ?? (typeof parsed.token === 'string' ? parsed.token : null) };
        this.calls.push(call);
        this.check(method, parsed);
        const custom = this.responders.get(method)?.(parsed, call);
        if (custom instanceof Response) return custom;
        call.response = { ok: true, ...(custom ?? this.defaultAnswer(method, parsed)) };
        return HttpResponse.json(call.response);
      }),
      http.post(`${RESPONSE_HOST}/*`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        this.hooks.push({ url: request.url, body });
        this.check('response_url', body);
        return new HttpResponse('ok');
      }),
    );
  }

  listen(): void {
    listenNotingUnhandled(this.server, (request) => this.unhandled.push(request));
  }

  close(): void {
    this.server.close();
  }

  reset(): void {
    this.calls = [];
    this.hooks = [];
    this.uploads = [];
    this.unhandled = [];
    this.problems = [];
    this.responders.clear();
  }

  private check(method: string, params: Record<string, unknown>): void {
    const surface = ['views.open', 'views.update', 'views.push'].includes(method) ? 'modal' : method === 'views.publish' ? 'home' : ['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url'].includes(method) ? 'message' : null;
    if (!surface) return;
    for (const problem of blockKitProblems(params, surface)) this.problems.push(`${method} ${problem}`);
  }

  /** Overrides the answer to one method; return undefined to fall back to the default. */
  on(method: string, responder: Responder): void {
    this.responders.set(method, responder);
  }

  /** Calls of one method, or every call except the bookkeeping ones (auth.test, users.info). */
  of(method?: string): ApiCall[] {
    return method ? this.calls.filter((c) => c.method === method) : this.calls.filter((c) => !['auth.test', 'users.info'].includes(c.method));
  }

  take(): { calls: ApiCall[]; hooks: HookCall[] } {
    const out = { calls: this.of(), hooks: this.hooks };
    this.calls = [];
    this.hooks = [];
    return out;
  }

  private defaultAnswer(method: string, p: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { user_id: 'UBOT', bot_id: 'BBOT', team_id: TEAM.id, team: TEAM.domain, url: `https://${TEAM.domain}.slack.com/` };
      case 'users.info': {
        const id = String(p.user);
        return { user: { id, name: id.toLowerCase(), real_name: `Member ${id}`, tz: 'Asia/Ho_Chi_Minh', locale: 'en-US', is_admin: false, profile: { display_name: id.toLowerCase(), real_name: `Member ${id}` } } };
      }
      case 'chat.postMessage':
        return { channel: p.channel, ts: `${++this.ts}.000100`, message: { text: p.text } };
      case 'chat.update':
        return { channel: p.channel, ts: p.ts };
      case 'chat.postEphemeral':
        return { message_ts: `${++this.ts}.000200` };
      case 'conversations.open':
        return { channel: { id: `D${String(p.users)}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${++this.files}`;
        return { file_id: id, upload_url: `${this.uploadHost}/upload/${id}` };
      }
      case 'files.completeUploadExternal':
        return { files: (p.files as Array<{ id: string; title?: string }>).map((f) => ({ id: f.id, title: f.title })) };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        this.views++;
        return { view: { id: `V${this.views}`, hash: `hash-${this.views}`, ...(p.view as object) } };
      default:
        return {};
    }
  }
}

// ---- signed requests ----

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface Delivery {
  body: string;
  contentType: string;
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

/** A request as Slack sends it: form-encoded for commands and interactions, JSON for events. */
export async function deliver(port: number, d: Delivery): Promise<Response> {
  const timestamp = d.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': d.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': d.signature ?? sign(d.body, timestamp),
      ...d.headers,
    },
    body: d.body,
  });
}

let triggers = 0;
export const nextTrigger = () => `${++triggers}.1234567890.abcdef${triggers}`;

export interface Member {
  id: string;
  name: string;
}

export const member = (n: number): Member => ({ id: `U${String(n).padStart(8, '0')}`, name: `member${n}` });

/** A workspace as payloads name it. */
export interface Team {
  id: string;
  domain: string;
}

export function slashCommand(who: Member, text: string, opts: { channel?: { id: string; name: string }; trigger?: string; team?: Team } = {}): Delivery {
  const channel = opts.channel ?? { id: 'C0BUDGET', name: 'budget' };
  const trigger = opts.trigger ?? nextTrigger();
  const team = opts.team ?? TEAM;
  const form = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: team.id,
    team_domain: team.domain,
    channel_id: channel.id,
    channel_name: channel.name,
    user_id: who.id,
    user_name: who.name,
    command: '/concord',
    text,
    api_app_id: 'A0CONCORD',
    is_enterprise_install: 'false',
    response_url: `${RESPONSE_HOST}/commands/${team.id}/${trigger.split('.')[0]}/cmd`,
    trigger_id: trigger,
  });
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

export const interaction = (payload: Record<string, unknown>): Delivery => ({
  body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  contentType: 'application/x-www-form-urlencoded',
});

/**
 * A click on a button of a message in a channel, as block_actions. `userTeam`: the clicking member's own
 * workspace, another organisation's in a Slack Connect channel; `team` stays the card's workspace.
 */
export function buttonClick(
  who: Member,
  button: { action_id: string; value: string; text?: { text: string } },
  opts: { channel?: { id: string; name: string }; messageTs?: string; trigger?: string; userTeam?: Team } = {},
): Delivery {
  const channel = opts.channel ?? { id: 'C0BUDGET', name: 'budget' };
  const trigger = opts.trigger ?? nextTrigger();
  return interaction({
    type: 'block_actions',
    user: { id: who.id, username: who.name, name: who.name, team_id: (opts.userTeam ?? TEAM).id },
    api_app_id: 'A0CONCORD',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: opts.messageTs ?? '1765000001.000100', channel_id: channel.id, is_ephemeral: false },
    trigger_id: trigger,
    team: { id: TEAM.id, domain: TEAM.domain },
    enterprise: null,
    is_enterprise_install: false,
    channel,
    message: { type: 'message', ts: opts.messageTs ?? '1765000001.000100', user: 'UBOT', text: 'card' },
    state: { values: {} },
    response_url: `${RESPONSE_HOST}/actions/${TEAM.id}/${trigger.split('.')[0]}/act`,
    actions: [
      {
        action_id: button.action_id,
        block_id: 'b1',
        text: { type: 'plain_text', text: button.text?.text ?? 'button', emoji: true },
        value: button.value,
        type: 'button',
        action_ts: '1765000002.000300',
      },
    ],
  });
}

/**
 * A modal's submission; `opened` is the view as Concord sent it to views.open. `userTeam`: the submitting
 * member's own workspace, which Slack puts in `team` and `view.team_id` while `view.app_installed_team_id`
 * stays the installed one.
 */
export function viewSubmission(
  who: Member,
  opened: Record<string, unknown>,
  values: Record<string, Record<string, unknown>>,
  opts: { id?: string; hash?: string; userTeam?: Team } = {},
): Delivery {
  const team = opts.userTeam ?? TEAM;
  return interaction({
    type: 'view_submission',
    team: { id: team.id, domain: team.domain },
    user: { id: who.id, username: who.name, name: who.name, team_id: team.id },
    api_app_id: 'A0CONCORD',
    token: 'deprecated-verification-token',
    trigger_id: nextTrigger(),
    view: {
      id: opts.id ?? 'V0MODAL',
      team_id: team.id,
      type: 'modal',
      blocks: opened.blocks,
      private_metadata: opened.private_metadata,
      callback_id: opened.callback_id,
      state: { values },
      hash: opts.hash ?? '1765000003.abcd',
      title: opened.title,
      close: opened.close ?? null,
      submit: opened.submit ?? null,
      clear_on_close: false,
      notify_on_close: false,
      root_view_id: opts.id ?? 'V0MODAL',
      previous_view_id: null,
      app_id: 'A0CONCORD',
      external_id: '',
      app_installed_team_id: TEAM.id,
      bot_id: 'BBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  });
}

export function homeOpened(who: Member, eventId: string): Delivery {
  return {
    body: JSON.stringify({
      token: 'deprecated-verification-token',
      team_id: TEAM.id,
      api_app_id: 'A0CONCORD',
      event: { type: 'app_home_opened', user: who.id, channel: `D${who.id}`, tab: 'home', event_ts: '1765000004.000500' },
      type: 'event_callback',
      event_id: eventId,
      event_time: 1765000004,
      authorizations: [{ enterprise_id: null, team_id: TEAM.id, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    }),
    contentType: 'application/json',
  };
}

// ---- a Concord with the Slack adapter on a free port ----

export interface SlackHarness {
  /** Errors and warnings logged by the adapter and core. */
  logged: Array<{ level: 'warn' | 'error'; msg?: string; obj: object }>;
  app: App;
  bot: SlackBot;
  clock: ManualClock;
  config: SlackConfig;
  /** Sends a signed request and waits until everything it started has finished. */
  send(d: Delivery): Promise<Response>;
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(database: TestDatabase, env: Record<string, string> = {}): Promise<SlackHarness> {
  const clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
  const config = loadSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, ...env })!;
  const messenger = new SlackMessenger(config);
  const logged: SlackHarness['logged'] = [];
  const logger = {
    info() {},
    warn: (obj: object, msg?: string) => void logged.push({ level: 'warn', obj, ...(msg ? { msg } : {}) }),
    error: (obj: object, msg?: string) => void logged.push({ level: 'error', obj, ...(msg ? { msg } : {}) }),
  };
  const app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMITS: 'off' }), clock, messengers: { slack: messenger }, database, logger });
  const tick = () => app.scheduler.tick();
  const bot = await startSlack({ core: app.core, config, logger, database, messenger, intake: app.intake, tick, port: 0 });
  return {
    logged,
    app,
    bot,
    clock,
    config,
    async send(d) {
      const response = await deliver(bot.port!, d);
      await bot.idle();
      return response;
    },
    advance: (ms) => advanceThroughJobs(clock, ms, { nextDueAt: () => app.jobs.nextDueAt(), tick }),
    async close() {
      await bot.stop();
      await app.close();
    },
  };
}

export interface SlackOptions {
  /** Where the fake Web API answers; Slack's own address unless said. */
  apiUrl?: string;
  /** Environment variables for the Slack adapter, on top of a single-workspace bot token. */
  env?: Record<string, string>;
  /** Runs on the open database before Concord starts on it, to store installations. */
  prepare?: (database: TestDatabase) => Promise<void>;
  /** Before each test: empty the database and forget what the fake saw. */
  fresh?: boolean;
  /** After each test: 'fake' expects the fake to have seen nothing broken or unanswered; 'fake and log' expects no error logged as well. */
  check?: 'fake' | 'fake and log';
}

export interface UsedSlack {
  readonly slack: FakeSlack;
  readonly h: SlackHarness;
  readonly database: TestDatabase;
}

/**
 * A fake Slack, one database and one Concord with the Slack adapter for the test file:
 * `const t = useSlack({ fresh: true });` then `t.h.send(...)` and `t.slack.of(...)` inside tests.
 */
export function useSlack(opts: SlackOptions = {}): UsedSlack {
  const used = useTestDatabase({ fresh: opts.fresh });
  let slack: FakeSlack | undefined;
  let harness: SlackHarness | undefined;
  beforeAll(async () => {
    slack = new FakeSlack(opts.apiUrl);
    slack.listen();
    await opts.prepare?.(used.database);
    harness = await startHarness(used.database, opts.env);
  });
  afterAll(async () => {
    await harness?.close();
    slack?.close();
  });
  if (opts.fresh) beforeEach(() => slack!.reset());
  if (opts.check) {
    afterEach(() => {
      if (opts.check === 'fake and log') {
        const errors = harness!.logged.filter((l) => l.level === 'error');
        harness!.logged.length = 0;
        expect(errors).toEqual([]);
      }
      expect(slack!.problems).toEqual([]);
      expect(slack!.unhandled).toEqual([]);
    });
  }
  return {
    get slack() {
      return slack!;
    },
    get h() {
      return harness!;
    },
    get database() {
      return used.database;
    },
  };
}

/** The buttons of a rendered message, by label. */
export function buttonsOf(blocks: unknown): Array<{ action_id: string; value: string; text: { text: string }; style?: string }> {
  const out: Array<{ action_id: string; value: string; text: { text: string }; style?: string }> = [];
  for (const block of (blocks ?? []) as Array<{ type: string; elements?: unknown[] }>) {
    if (block.type !== 'actions') continue;
    for (const e of block.elements ?? []) out.push(e as (typeof out)[number]);
  }
  return out;
}

/** All text of a message's blocks, for assertions that do not care about layout. */
export function textOf(blocks: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.text === 'string') parts.push(o.text);
      for (const [k, v] of Object.entries(o)) if (k !== 'text' || typeof v !== 'string') walk(v);
    }
  };
  walk(blocks);
  return parts.join('\n');
}
