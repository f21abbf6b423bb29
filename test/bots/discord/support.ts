// Stands in for Discord on both sides: msw answers the REST API, and interactions arrive as the raw payloads Discord documents.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { listenNotingUnhandled } from '../../support/msw.js';
import { Events, type Client } from 'discord.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { advanceThroughJobs, ManualClock } from '../../../src/core/clock.js';
import { createDiscordClient, DiscordMessenger, InteractionHandler } from '../../../src/bots/discord/index.js';
import type { Concord } from '../../../src/core/service.js';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { useTestDatabase, type TestDatabase } from '../../support/db.js';
import { silentLogger } from '../../support/harness.js';
import { messageProblems, modalProblems } from './limits.js';
import type { TickOutcome } from '../../../src/core/ports.js';

export const API = 'https://discord.com/api/v10';
export const APP_ID = '1100000000000000001';
export const GUILD = '1100000000000000002';
export const CHANNEL = '1100000000000000003';
export const BOT = APP_ID;
export const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GdGxxx.abcdefghijklmnopqrstuvwxyz0123456789';

let next = 1_200_000_000_000_000_000n;
/** Discord ids are 64-bit numbers written as strings; these never collide with the constants above. */
export const snowflake = () => String(next++);

export interface Call {
  method: string;
  /** Path after the API version, e.g. `/channels/123/messages`. */
  path: string;
  query: string;
  body: unknown;
  /** Files sent with the message (multipart), by form field. */
  files?: Array<{ field: string; name: string; bytes: Uint8Array }>;
}

type Answer = (call: Call) => Response | unknown | undefined | Promise<Response | unknown | undefined>;

interface Callback {
  type: number;
  data?: { flags?: number; embeds?: Array<Record<string, unknown>>; components?: Array<Record<string, unknown>>; custom_id?: string; title?: string; choices?: unknown[] };
}

/** Discord's REST API as msw: records every call, checks every payload against the limits, answers like Discord. */
export class FakeDiscord {
  readonly server;
  calls: Call[] = [];
  problems: string[] = [];
  unhandled: string[] = [];
  /** Messages by id, as last posted or edited. */
  messages = new Map<string, { id: string; channel_id: string; embeds: unknown[]; components: unknown[] }>();
  private answers: Array<{ method: string; path: RegExp; answer: Answer }> = [];

  constructor(readonly api = API) {
    this.server = setupServer(
      http.all(`${api}/*`, async ({ request }) => {
        const url = new URL(request.url);
        const path = decodeURIComponent(url.pathname).slice(new URL(api).pathname.length);
        const call: Call = { method: request.method, path, query: url.search, body: undefined };
        if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
          // A message with files: its JSON travels as payload_json beside them.
          const form = await request.formData();
          const payload = form.get('payload_json');
          call.body = typeof payload === 'string' ? JSON.parse(payload) : undefined;
          call.files = [];
          for (const [field, value] of form.entries()) {
            if (typeof value !== 'string') call.files.push({ field, name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
          }
        } else {
          const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
          call.body = text ? JSON.parse(text) : undefined;
        }
        this.calls.push(call);
        this.check(call);
        for (const a of this.answers) {
          if (a.method === call.method && a.path.test(call.path)) {
            const custom = await a.answer(call);
            if (custom instanceof Response) return custom;
            if (custom !== undefined) return HttpResponse.json(custom as Record<string, unknown>);
          }
        }
        return this.defaultAnswer(call);
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
    this.problems = [];
    this.answers = [];
    this.messages.clear();
  }

  /** Answers matching calls with `answer` instead of the default, first match wins. */
  on(method: string, path: RegExp, answer: Answer): void {
    this.answers.unshift({ method, path, answer });
  }

  take(): Call[] {
    const out = this.calls;
    this.calls = [];
    return out;
  }

  callbacks(interactionId?: string): Callback[] {
    return this.calls
      .filter((c) => c.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(c.path) && (!interactionId || c.path.includes(`/${interactionId}/`)))
      .map((c) => c.body as Callback);
  }

  private check(call: Call): void {
    const body = call.body as Record<string, unknown> | undefined;
    if (!body) return;
    if (/\/callback$/.test(call.path)) {
      const cb = body as unknown as Callback;
      if (cb.type === 9 && cb.data) this.problems.push(...modalProblems(cb.data as never).map((p) => `${call.path}: ${p}`));
      else if (cb.data && (cb.type === 4 || cb.type === 7)) this.problems.push(...messageProblems(cb.data as never).map((p) => `${call.path}: ${p}`));
      return;
    }
    if (/\/messages(\/[^/]+)?$/.test(call.path) || /^\/webhooks\/\d+\/[^/]+$/.test(call.path)) {
      this.problems.push(...messageProblems(body as never).map((p) => `${call.method} ${call.path}: ${p}`));
    }
  }

  private defaultAnswer(call: Call): Response {
    const { method, path } = call;
    const body = (call.body ?? {}) as Record<string, unknown>;
    if (method === 'POST' && /\/callback$/.test(path)) return new HttpResponse(null, { status: 204 });
    let match = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && match) return HttpResponse.json(this.store(snowflake(), match[1] ?? '', body));
    match = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
    if (method === 'PATCH' && match) return HttpResponse.json(this.store(match[2] ?? '', match[1] ?? '', body));
    match = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/(@original|\d+))?$/.exec(path);
    if (match && (method === 'POST' || method === 'PATCH')) return HttpResponse.json(this.store(match[4] === '@original' ? snowflake() : snowflake(), CHANNEL, body));
    if (method === 'POST' && path === '/users/@me/channels') {
      return HttpResponse.json({ id: dmChannelOf(String(body.recipient_id)), type: 1, recipients: [{ id: body.recipient_id, username: 'u', discriminator: '0', global_name: null, avatar: null }] });
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return HttpResponse.json((call.body as Array<Record<string, unknown>>).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() })));
    }
    match = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path);
    if (method === 'GET' && match) {
      // Everyone is a member unless a test says otherwise with on().
      return HttpResponse.json({ user: { id: match[2], username: 'u', discriminator: '0', global_name: null, avatar: null }, roles: [], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 });
    }
    if (method === 'GET' && path === '/users/@me') return HttpResponse.json({ id: BOT, username: 'Concord', discriminator: '0', bot: true, global_name: null, avatar: null });
    return HttpResponse.json({ message: `Unknown route ${method} ${path}`, code: 0 }, { status: 404 });
  }

  private store(id: string, channelId: string, body: Record<string, unknown>) {
    const message = messageOf({ id, channel_id: channelId, embeds: (body.embeds as unknown[]) ?? [], components: (body.components as unknown[]) ?? [] });
    this.messages.set(id, message);
    return message;
  }
}

/** The DM channel Discord would open with a user: stable per user, as Discord's is. */
export const dmChannelOf = (userId: string) => String(BigInt(userId) + 5_000_000_000_000n);

// ---- interactions, as Discord sends them ----

export interface Member {
  id: string;
  name: string;
  /** Discord locale such as en-US or vi. */
  locale?: string;
  /** Permission bits as a decimal string. */
  permissions?: string;
  /** Not yet through the server's membership screening. */
  pending?: boolean;
}

export const member = (name: string, extra: Partial<Member> = {}): Member => ({ id: snowflake(), name, ...extra });

function base(type: number, who: Member, extra: Record<string, unknown> = {}, opts: { guild?: boolean; channelId?: string } = {}) {
  const id = snowflake();
  const user = { id: who.id, username: who.name, global_name: who.name[0]?.toUpperCase() + who.name.slice(1), discriminator: '0', avatar: null };
  const channelId = opts.channelId ?? CHANNEL;
  const inGuild = opts.guild !== false;
  return {
    id,
    application_id: APP_ID,
    type,
    token: `token-${id}`,
    version: 1,
    locale: who.locale ?? 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    authorizing_integration_owners: { 0: GUILD },
    context: inGuild ? 0 : 1,
    attachment_size_limit: 10_485_760,
    channel_id: inGuild ? channelId : dmChannelOf(who.id),
    channel: inGuild ? { id: channelId, type: 0, name: 'budget', guild_id: GUILD } : { id: dmChannelOf(who.id), type: 1, recipients: [user] },
    ...(inGuild
      ? {
          guild_id: GUILD,
          guild_locale: 'en-US',
          guild: { id: GUILD, locale: 'en-US', features: [] },
          member: { user, roles: [], permissions: who.permissions ?? '2248473465835073', nick: null, avatar: null, joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, pending: who.pending ?? false },
        }
      : { user }),
    ...extra,
  };
}

export interface Option {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: Option[];
}

/** Type 2: a slash command. `sub` puts the options under a subcommand. */
export function slash(who: Member, name: string, options: Option[] = [], sub?: string, opts: { guild?: boolean; channelId?: string } = {}) {
  const data = { id: snowflake(), name, type: 1, guild_id: GUILD, options: sub ? [{ name: sub, type: 1, options }] : options };
  return base(2, who, { data }, opts);
}

/** Type 4: autocomplete while `focused` is being typed. */
export function autocomplete(who: Member, name: string, options: Option[], sub?: string) {
  const data = { id: snowflake(), name, type: 1, guild_id: GUILD, options: sub ? [{ name: sub, type: 1, options }] : options };
  return base(4, who, { data });
}

export interface PostedMessage {
  id: string;
  channel_id: string;
  embeds: unknown[];
  components: unknown[];
  flags?: number;
}

function messageOf(m: PostedMessage) {
  return {
    type: 0,
    content: '',
    author: { id: BOT, username: 'Concord', discriminator: '0', bot: true, global_name: null, avatar: null },
    attachments: [],
    mentions: [],
    mention_roles: [],
    pinned: false,
    mention_everyone: false,
    tts: false,
    timestamp: '2026-12-01T09:00:00.000Z',
    edited_timestamp: null,
    flags: 0,
    ...m,
  };
}

/** Type 3: a button click on `message`. */
export function click(who: Member, message: PostedMessage, customId: string, opts: { guild?: boolean } = {}) {
  return base(3, who, { data: { custom_id: customId, component_type: 2 }, message: messageOf(message) }, { ...opts, channelId: message.channel_id });
}

/** Type 3: values chosen in a select menu on `message`. */
export function choose(who: Member, message: PostedMessage, customId: string, values: string[], opts: { guild?: boolean } = {}) {
  return base(3, who, { data: { custom_id: customId, component_type: 3, values }, message: messageOf(message) }, { ...opts, channelId: message.channel_id });
}

/** Type 5: a submitted modal; fields by their custom ids, each in a label as Discord now sends them. */
export function submit(who: Member, customId: string, fields: Record<string, string>, message?: PostedMessage, opts: { guild?: boolean } = {}) {
  let n = 1;
  const components = Object.entries(fields).map(([id, value]) => ({ type: 18, id: n++, component: { type: 4, id: n++, custom_id: id, value } }));
  return base(5, who, { data: { custom_id: customId, components }, ...(message ? { message: messageOf(message) } : {}) }, opts);
}

// ---- the app, wired to the fake ----

export interface DiscordHarness {
  app: App;
  clock: ManualClock;
  client: Client;
  handler: InteractionHandler;
  /** Hands a raw interaction to discord.js as the gateway would and waits until Concord has answered it. */
  dispatch(raw: { id: string }): Promise<void>;
  tick(): Promise<unknown>;
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export function discordClient(api = API): Client {
  const { api: base, version } = { api: api.replace(/\/v\d+$/, ''), version: /\/v(\d+)$/.exec(api)?.[1] ?? '10' };
  const client = createDiscordClient({ api: base, version, token: TOKEN });
  return client;
}

export async function createDiscordHarness(
  database: TestDatabase,
  opts: { start?: Date; ackAfterMs?: number; core?: Pick<Concord, 'execute'>; guildId?: string; nudge?: () => Promise<TickOutcome | void> } = {},
): Promise<DiscordHarness> {
  const clock = new ManualClock(opts.start ?? new Date('2026-12-01T09:00:00Z'));
  const client = discordClient();
  const app = await createApp({
    config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMITS: 'off' }),
    clock,
    messengers: { discord: new DiscordMessenger(client) },
    database,
    logger: silentLogger,
  });
  const handler = new InteractionHandler({ core: opts.core ?? app.core, logger: silentLogger, intake: app.intake, ackAfterMs: opts.ackAfterMs ?? 20_000, ...(opts.guildId ? { guildId: opts.guildId } : {}), ...(opts.nudge ? { tick: opts.nudge } : {}) });
  handler.attach(client);
  app.intake.start();
  const tick = () => app.scheduler.tick();
  return {
    app,
    clock,
    client,
    handler,
    async dispatch(raw) {
      // As the gateway does: the raw packet first, then discord.js's interaction made from it.
      client.emit(Events.Raw, { op: 0, t: 'INTERACTION_CREATE', s: 1, d: raw }, 0);
      (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions.InteractionCreate.handle(raw);
      await handler.settled();
    },
    tick,
    advance: (ms) => advanceThroughJobs(clock, ms, { nextDueAt: () => app.jobs.nextDueAt(), tick }),
    async close() {
      await app.close();
      await client.destroy();
    },
  };
}

export type DiscordHarnessOptions = Parameters<typeof createDiscordHarness>[1];

export interface UsedDiscord {
  readonly fake: FakeDiscord;
  readonly h: DiscordHarness;
  readonly database: TestDatabase;
  /** Closes this test's harness and starts another on the same database with `opts`. */
  restart(opts?: DiscordHarnessOptions): Promise<DiscordHarness>;
}

/**
 * A fake Discord, one database and a Concord with the Discord adapter for the test file, checked after
 * each test for payloads over Discord's limits and requests the fake could not answer.
 * `each`: an empty database, a forgotten fake and a new harness for every test; otherwise one harness for the file.
 */
export function useDiscord(opts: { each?: boolean } = {}): UsedDiscord {
  const used = useTestDatabase({ fresh: opts.each });
  let fake: FakeDiscord | undefined;
  let harness: DiscordHarness | undefined;
  beforeAll(async () => {
    fake = new FakeDiscord();
    fake.listen();
    if (!opts.each) harness = await createDiscordHarness(used.database);
  });
  afterAll(async () => {
    if (!opts.each) await harness?.close();
    fake?.close();
  });
  if (opts.each) {
    beforeEach(async () => {
      fake!.reset();
      harness = await createDiscordHarness(used.database);
    });
  }
  afterEach(async () => {
    if (opts.each) await harness!.close();
    expect(fake!.problems).toEqual([]);
    expect(fake!.unhandled).toEqual([]);
  });
  return {
    get fake() {
      return fake!;
    },
    get h() {
      return harness!;
    },
    get database() {
      return used.database;
    },
    async restart(again) {
      await harness!.close();
      harness = await createDiscordHarness(used.database, again);
      return harness;
    },
  };
}

/** The custom ids of every component in a message, in order. */
export function customIds(message: { components: unknown[] }): string[] {
  const ids: string[] = [];
  for (const row of message.components as Array<{ components: Array<{ custom_id?: string }> }>) {
    for (const c of row.components) if (c.custom_id) ids.push(c.custom_id);
  }
  return ids;
}

export function buttons(message: { components: unknown[] }): Array<{ label: string; custom_id: string; style: number }> {
  return (message.components as Array<{ components: Array<{ type: number; label: string; custom_id: string; style: number }> }>).flatMap((r) => r.components.filter((c) => c.type === 2));
}
