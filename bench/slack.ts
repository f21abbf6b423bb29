// Requests/s and latency to Slack's acknowledgement: a bare Bolt app next to Concord's adapter, both driven over HTTP
// with signed slash commands and button clicks from a load generator in this process.
//
// Standalone: `npx tsx bench/slack.ts`. Settings (environment): BENCH_DATABASE_URL (Postgres instead of in-memory
// PGlite), BENCH_SLACK_DURATION (ms per measurement, default 5000), BENCH_SLACK_CONNECTIONS ("10,100"),
// BENCH_SLACK_MEMBERS (members seeded into the voting group, default 30000).
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { App as BoltApp, HTTPReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { sql } from 'drizzle-orm';
import { Pool } from 'undici';
import { createApp, type App } from '../src/app.js';
import { loadSlackConfig, SlackMessenger, startSlack } from '../src/bots/slack/index.js';
import { ACTION_IDS } from '../src/bots/slack/render.js';
import { loadConfig } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import type { CommandContext } from '../src/core/context.js';
import { openPglite, type Database } from '../src/db/client.js';
import { BenchDatabase, CpuMeter, log, proposalNumber, run, scalar, START } from './support.js';

export type SlackBenchKind = 'slash' | 'button';

export interface SlackBenchRow {
  target: 'bare bolt' | 'concord';
  kind: SlackBenchKind;
  connections: number;
  /** Acknowledgements received per second during the measured window. */
  rps: number;
  /** Latency to the HTTP acknowledgement, ms. */
  p50: number;
  p99: number;
  /** 200 responses in the measured window. */
  ok: number;
  /** Non-200 responses and transport failures in the measured window. */
  errors: number;
  /** Share of all cores other processes kept busy during the measurement (Linux only). */
  other?: number | null;
  /** Concord only: ballots stored for this measurement's proposal (warm-up included) once all work finished. */
  ballots?: number;
  /** Concord only: acknowledged requests (warm-up included) that should each have stored one ballot. */
  expected?: number;
  /** Concord only: latency from the request to the member's answer arriving at its response_url, ms. */
  answeredP50?: number;
  answeredP99?: number;
  /** Concord only: how long the acknowledged work took to finish after the last acknowledgement, ms. */
  drainMs?: number;
  /** Concord only: ballots stored per second, counting the drain. */
  ballotsPerSec?: number;
  /** Concord only: warnings and errors the adapter and core logged. */
  logged?: number;
}

const SIGNING_SECRET = '5f2b0c9a7e41d3686b1fa2c0de9a7b33';
const BOT_TOKEN = 'xoxb-bench-token';
const TEAM = { id: 'T0BENCH', domain: 'concord-bench' };
const CHANNEL = { id: 'C0ASSEMBLY', name: 'assembly' };
const CONVENER = 'U0CHAIR00';
const BARE_TARGET_RPS = 5900;
const P99_TARGET_MS = 100;
const SHARE_TARGET = 0.4;

const memberId = (n: number) => `U${String(n).padStart(8, '0')}`;

function sign(body: string, timestamp: number): string {
  return `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// ---- the Web API and response URLs, answered locally ----

/** Answers every Web API method with `{ ok: true }` and the fields Concord reads; records when answers reach response URLs. */
class StubSlack {
  private server: Server | null = null;
  port = 0;
  /** Arrival time (performance.now) of each response_url post, by request sequence number. */
  readonly answered = new Map<number, number>();
  readonly methods = new Map<string, number>();
  private ts = 1_765_000_000;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    this.server.keepAliveTimeout = 60_000;
    this.port = await listen(this.server);
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(seq: number): string {
    return `http://127.0.0.1:${this.port}/respond/${seq}`;
  }

  private handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const path = (req.url ?? '').split('?')[0]!;
    if (path.startsWith('/respond/')) {
      this.answered.set(Number(path.slice('/respond/'.length)), performance.now());
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : path;
    this.methods.set(method, (this.methods.get(method) ?? 0) + 1);
    const params = (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(body || '{}') as Record<string, string>) : Object.fromEntries(new URLSearchParams(body));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ ok: true, ...this.answer(method, params) }));
  }

  private answer(method: string, p: Record<string, string>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { user_id: 'UBOT', bot_id: 'BBOT', team_id: TEAM.id, team: TEAM.domain, url: `https://${TEAM.domain}.slack.com/` };
      case 'users.info': {
        const id = String(p.user);
        return { user: { id, name: id.toLowerCase(), real_name: `Member ${id}`, tz: 'Europe/Berlin', locale: 'en-US', is_admin: false, profile: { display_name: id.toLowerCase(), real_name: `Member ${id}` } } };
      }
      case 'chat.postMessage':
        return { channel: p.channel, ts: `${++this.ts}.000100`, message: { text: p.text } };
      case 'chat.update':
        return { channel: p.channel, ts: p.ts };
      case 'chat.postEphemeral':
        return { message_ts: `${++this.ts}.000200` };
      case 'conversations.open':
        return { channel: { id: `D${String(p.users)}` } };
      case 'conversations.create':
        return { channel: { id: `G${++this.ts}`, name: p.name } };
      case 'conversations.info':
        return { channel: { id: p.channel, name: CHANNEL.name, is_private: false } };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
      case 'views.push':
        return { view: { id: `V${++this.ts}`, hash: `hash-${this.ts}` } };
      default:
        return {};
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

// ---- the requests, as Slack sends them ----

interface Target {
  port: number;
  /** Builds the form body of request `seq`, voting as member `voter`. */
  body(seq: number, voter: number): string;
}

function slashBody(stub: StubSlack, proposal: number) {
  return (seq: number, voter: number): string => {
    const id = memberId(voter);
    return new URLSearchParams({
      token: 'deprecated-verification-token',
      team_id: TEAM.id,
      team_domain: TEAM.domain,
      channel_id: CHANNEL.id,
      channel_name: CHANNEL.name,
      user_id: id,
      user_name: id.toLowerCase(),
      command: '/concord',
      text: `vote ${proposal} yes`,
      api_app_id: 'A0CONCORD',
      is_enterprise_install: 'false',
      response_url: stub.responseUrl(seq),
      trigger_id: `${seq}.${Date.now()}.${voter.toString(16)}`,
    }).toString();
  };
}

function buttonBody(stub: StubSlack, proposal: number) {
  return (seq: number, voter: number): string => {
    const id = memberId(voter);
    const trigger = `${seq}.${Date.now()}.${voter.toString(16)}`;
    const payload = {
      type: 'block_actions',
      user: { id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM.id },
      api_app_id: 'A0CONCORD',
      token: 'deprecated-verification-token',
      container: { type: 'message', message_ts: '1765000001.000100', channel_id: CHANNEL.id, is_ephemeral: false },
      trigger_id: trigger,
      team: { id: TEAM.id, domain: TEAM.domain },
      enterprise: null,
      is_enterprise_install: false,
      channel: CHANNEL,
      message: { type: 'message', ts: '1765000001.000100', user: 'UBOT', text: 'card' },
      state: { values: {} },
      response_url: stub.responseUrl(seq),
      actions: [
        {
          action_id: `${ACTION_IDS.run}:1`,
          block_id: 'b1',
          text: { type: 'plain_text', text: 'No', emoji: true },
          value: `vote ${proposal} no`,
          type: 'button',
          action_ts: '1765000002.000300',
        },
      ],
    };
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  };
}

// ---- the load generator ----

interface LoadResult {
  ok: number;
  errors: number;
  rps: number;
  latencies: number[];
  /** Send time (performance.now) of every request answered 200, warm-up included, by sequence number. */
  sent: Map<number, number>;
  /** Requests answered 200, warm-up included. */
  acknowledged: number;
  exhausted: boolean;
  other: number | null;
}

/** Keeps `connections` signed requests in flight: `warmupMs` unmeasured, then `durationMs` measured. */
async function drive(target: Target, opts: { connections: number; warmupMs: number; durationMs: number; firstSeq: number; voters: { next: number; end: number } }): Promise<LoadResult> {
  const pool = new Pool(`http://127.0.0.1:${target.port}`, { connections: opts.connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const sent = new Map<number, number>();
  const latencies: number[] = [];
  let seq = opts.firstSeq;
  let ok = 0;
  let errors = 0;
  let acknowledged = 0;
  let exhausted = false;
  let measuring = false;
  let stopped = false;
  let exhaustedAt: number | null = null;
  const firstError: string[] = [];

  const worker = async () => {
    while (!stopped) {
      if (opts.voters.next >= opts.voters.end) {
        if (!exhausted && measuring) exhaustedAt = performance.now();
        exhausted = true;
        return;
      }
      const voter = opts.voters.next++;
      const n = seq++;
      const body = target.body(n, voter);
      const timestamp = Math.floor(Date.now() / 1000);
      const counted = measuring;
      const start = performance.now();
      try {
        const response = await pool.request({
          path: '/slack/events',
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp) },
          body,
        });
        await response.body.dump();
        const elapsed = performance.now() - start;
        const good = response.statusCode === 200;
        if (good) {
          acknowledged++;
          sent.set(n, start);
        } else if (firstError.length < 3) firstError.push(`HTTP ${response.statusCode}`);
        // Only requests both sent and answered inside the window count towards its figures.
        if (counted && measuring) {
          if (good) {
            ok++;
            latencies.push(elapsed);
          } else errors++;
        }
      } catch (error) {
        if (firstError.length < 3) firstError.push((error as Error).message);
        if (counted && measuring) errors++;
      }
    }
  };

  const workers = Array.from({ length: opts.connections }, () => worker());

  await new Promise((resolve) => setTimeout(resolve, opts.warmupMs));
  measuring = true;
  const meter = new CpuMeter();
  const windowStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, opts.durationMs));
  measuring = false;
  const other = meter.otherShare();
  // Out of voters early, the window ends when the first worker found none left.
  const windowMs = (exhaustedAt ?? performance.now()) - windowStart;
  stopped = true;
  await Promise.all(workers);
  await pool.close();
  if (firstError.length) log(`    first failures: ${firstError.join('; ')}`);
  latencies.sort((a, b) => a - b);
  return { ok, errors, rps: (ok / windowMs) * 1000, latencies, sent, acknowledged, exhausted, other };
}

// ---- the two apps ----

const quietBolt: BoltLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

/** Bolt as its documentation starts it: the same receiver, handlers that only acknowledge. */
async function startBareBolt(stub: StubSlack): Promise<{ port: number; stop(): Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', logger: quietBolt });
  const app = new BoltApp({ token: BOT_TOKEN, receiver, logger: quietBolt, botId: 'BBOT', botUserId: 'UBOT', clientOptions: { slackApiUrl: stub.apiUrl } });
  app.command('/concord', async ({ ack }) => {
    await ack();
  });
  app.action({ type: 'block_actions' }, async ({ ack }) => {
    await ack();
  });
  const server = createServer(receiver.requestListener);
  server.keepAliveTimeout = 60_000;
  const port = await listen(server);
  return {
    port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

interface ConcordHost {
  app: App;
  database: Database;
  workspaceId: number;
  close(): Promise<void>;
}

/**
 * The app as src/main.ts wires it for Slack: a SlackMessenger for the outbox (pointed at the stub), never a
 * scheduler of its own; the adapter ticks after each command. Otherwise as bench/support.ts's openApp.
 */
async function openConcord(stub: StubSlack, members: number): Promise<ConcordHost> {
  const url = process.env.BENCH_DATABASE_URL?.trim();
  const bench = url ? await BenchDatabase.create(url, 'slack') : null;
  const pglite = bench ? undefined : await openPglite();
  const slackConfig = loadSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: stub.apiUrl })!;
  const app = await createApp({
    config: loadConfig({ LOG_LEVEL: 'silent', ...(bench ? { DATABASE_URL: bench.url } : {}) }),
    clock: new ManualClock(START),
    messengers: { slack: new SlackMessenger(slackConfig) },
    logger: { info() {}, warn() {}, error: (obj: object, msg?: string) => log(`core: ${msg ?? ''} ${String((obj as { err?: Error }).err?.message ?? '').slice(0, 200)}`) },
    ...(pglite ? { database: pglite } : {}),
    poolSize: 16,
  });
  const database = app.database;
  await run(app, slackContext(CONVENER, 'seed:group'), 'group create "Assembly"');
  const workspaceId = Number(await scalar(database, sql`select id from workspaces where platform = 'slack' and external_id = ${TEAM.id}`));
  const groupId = Number(await scalar(database, sql`select id from groups where workspace_id = ${workspaceId} and name = 'Assembly'`));
  const at = START.toISOString();
  await database.db.execute(sql`
    insert into members (workspace_id, external_id, display_name, created_at)
    select ${workspaceId}, 'U' || lpad(g::text, 8, '0'), 'u' || lpad(g::text, 8, '0'), ${at}::timestamptz
    from generate_series(1, ${members}) g
    on conflict do nothing`);
  await database.db.execute(sql`
    insert into group_members (group_id, member_id, role, joined_at)
    select ${groupId}, id, 'member', ${at}::timestamptz from members
    where workspace_id = ${workspaceId} and external_id like 'U0%'
    on conflict do nothing`);
  return {
    app,
    database,
    workspaceId,
    async close() {
      await app.close();
      await pglite?.close();
      await bench?.drop();
    },
  };
}

function slackContext(user: string, key: string): CommandContext {
  return {
    platform: 'slack',
    workspace: { externalId: TEAM.id, name: TEAM.domain },
    actor: { externalId: user, displayName: user.toLowerCase() },
    channel: { id: CHANNEL.id, name: CHANNEL.name },
    idempotencyKey: key,
  };
}

// ---- the measurements ----

export async function benchSlack(opts: { durationMs: number; connections: number[] }): Promise<SlackBenchRow[]> {
  const durationMs = opts.durationMs;
  const warmupMs = Math.min(1000, Math.max(200, Math.round(durationMs / 5)));
  // Every ballot of one measurement needs its own member; core snapshots the electorate in one insert, which
  // Postgres caps at 65,535 parameters, so a proposal cannot open in a group much above 32,000 members.
  const members = Number(process.env.BENCH_SLACK_MEMBERS?.trim() || 30_000);
  const kinds: SlackBenchKind[] = ['slash', 'button'];
  const rows: SlackBenchRow[] = [];
  const stub = new StubSlack();
  await stub.start();
  let seq = 1;
  try {
    const bare = await startBareBolt(stub);
    try {
      for (const kind of kinds) {
        for (const connections of opts.connections) {
          log(`bare bolt: ${kind}, ${connections} connections`);
          const body = kind === 'slash' ? slashBody(stub, 1) : buttonBody(stub, 1);
          // The bare app stores nothing, so voters may repeat; ids still differ per request.
          const result = await drive({ port: bare.port, body }, { connections, warmupMs, durationMs, firstSeq: seq, voters: { next: 1, end: Number.MAX_SAFE_INTEGER } });
          seq += result.sent.size + result.errors + 1_000;
          rows.push(row('bare bolt', kind, connections, result));
        }
      }
    } finally {
      await bare.stop();
    }

    log(`concord: seeding ${members} members (${process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite'})`);
    const host = await openConcord(stub, members);
    try {
      for (const kind of kinds) {
        for (const connections of opts.connections) {
          const label = `${kind} c${connections}`;
          const proposal = proposalNumber(await run(host.app, slackContext(CONVENER, `seed:${label}`), `propose "Slack ${label}" --rule majority --closes "in 30 days"`));
          let logged = 0;
          const logger = {
            info() {},
            warn: () => void logged++,
            error: (obj: object, msg?: string) => {
              if (logged++ < 3) log(`    logged: ${msg ?? ''} ${String((obj as { err?: Error }).err?.message ?? '')}`);
            },
          };
          const config = loadSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: stub.apiUrl })!;
          const messenger = new SlackMessenger(config);
          // A fresh adapter per measurement: its users.info cache starts empty, as it would for new voters.
          const bot = await startSlack({ core: host.app.core, config, logger, database: host.database, messenger, tick: () => host.app.scheduler.nudge(), port: 0 });
          try {
            log(`concord: ${kind}, ${connections} connections, proposal #${proposal}`);
            stub.answered.clear();
            stub.methods.clear();
            const body = kind === 'slash' ? slashBody(stub, proposal) : buttonBody(stub, proposal);
            const voters = { next: 1, end: members + 1 };
            const started = performance.now();
            const result = await drive({ port: bot.port!, body }, { connections, warmupMs, durationMs, firstSeq: seq, voters });
            const lastAck = performance.now();
            const drainMeter = new CpuMeter();
            const ballotsAtLastAck = Number(
              await scalar(host.database, sql`select count(*)::int from ballots b join proposals p on p.id = b.proposal_id where p.workspace_id = ${host.workspaceId} and p.number = ${proposal}`),
            );
            await bot.idle();
            const drainMs = performance.now() - lastAck;
            const drainCpu = drainMeter.spentMs();
            seq += voters.next + 1_000;
            if (result.exhausted) log(`    ran out of the ${members} seeded members; raise BENCH_SLACK_MEMBERS`);
            const ballots = Number(
              await scalar(host.database, sql`select count(*)::int from ballots b join proposals p on p.id = b.proposal_id where p.workspace_id = ${host.workspaceId} and p.number = ${proposal}`),
            );
            const answered: number[] = [];
            for (const [n, at] of stub.answered) {
              const sentAt = result.sent.get(n);
              if (sentAt !== undefined) answered.push(at - sentAt);
            }
            answered.sort((a, b) => a - b);
            const r = row('concord', kind, connections, result);
            r.ballots = ballots;
            r.expected = result.acknowledged;
            r.answeredP50 = percentile(answered, 50);
            r.answeredP99 = percentile(answered, 99);
            r.drainMs = drainMs;
            if (drainCpu) log(`    drain: ${ballots - ballotsAtLastAck} ballots in ${drainMs.toFixed(0)} ms, CPU busy: node ${((drainCpu.node / drainMs) * 100).toFixed(0)}%, postgres ${((drainCpu.postgres / drainMs) * 100).toFixed(0)}%`);
            r.ballotsPerSec = (ballots / (performance.now() - started)) * 1000;
            r.logged = logged;
            rows.push(r);
            log(`    Web API calls: ${[...stub.methods].map(([m, n]) => `${m} ${n}`).join(', ') || 'none'}`);
            if (ballots !== result.acknowledged) log(`    MISMATCH: ${result.acknowledged} acknowledged, ${ballots} ballots stored`);
            if (answered.length !== result.acknowledged) log(`    ${answered.length} of ${result.acknowledged} acknowledged requests got an answer at their response_url`);
          } finally {
            await bot.stop();
          }
        }
      }
    } finally {
      await host.close();
    }
  } finally {
    await stub.stop();
  }
  return rows;
}

function row(target: SlackBenchRow['target'], kind: SlackBenchKind, connections: number, result: LoadResult): SlackBenchRow {
  return { target, kind, connections, rps: result.rps, p50: percentile(result.latencies, 50), p99: percentile(result.latencies, 99), ok: result.ok, errors: result.errors, other: result.other };
}

// ---- the report ----

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);
const perSec = (v: number | undefined) => (v === undefined ? '' : `${Math.round(v).toLocaleString('en-US')}/s`);

export function slackTable(rows: SlackBenchRow[]): string {
  const lines = [
    '| Target | Request | Connections | Acks/s | p50 ack | p99 ack | OK | Errors | Ballots stored | p50 answered | p99 answered | Drain | Ballots/s | Logged | Other load |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const stored = r.ballots === undefined ? '' : `${r.ballots} of ${r.expected}${r.ballots === r.expected ? '' : ' (MISMATCH)'}`;
    lines.push(
      `| ${r.target} | ${r.kind} | ${r.connections} | ${perSec(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.ok} | ${r.errors} | ${stored} | ${ms(r.answeredP50)} | ${ms(r.answeredP99)} | ${ms(r.drainMs)} | ${perSec(r.ballotsPerSec)} | ${r.logged ?? ''} | ${r.other === undefined || r.other === null ? '' : `${Math.round(r.other * 100)}%`} |`,
    );
  }
  return lines.join('\n');
}

export function slackRatios(rows: SlackBenchRow[]): string {
  const parts: string[] = [];
  for (const c of rows.filter((r) => r.target === 'concord')) {
    const bare = rows.find((r) => r.target === 'bare bolt' && r.kind === c.kind && r.connections === c.connections);
    if (!bare || bare.rps === 0) continue;
    const share = c.rps / bare.rps;
    parts.push(`${c.kind} c${c.connections} ${share.toFixed(2)}${share >= SHARE_TARGET ? '' : ' (below target)'}`);
  }
  return `Ratio concord/bare (acks/s): ${parts.join(', ')}`;
}

export function slackNotes(rows: SlackBenchRow[]): string {
  const at100 = rows.filter((r) => r.target === 'concord' && r.connections === 100);
  const p99 = at100.map((r) => `${r.kind} ${ms(r.p99)} ${r.p99 < P99_TARGET_MS ? '(met)' : '(missed)'}`).join(', ');
  const bare = rows.filter((r) => r.target === 'bare bolt').map((r) => r.rps);
  return [
    `Targets: the bare app serves about ${BARE_TARGET_RPS.toLocaleString('en-US')} requests/s on the reference machine (here: ${bare.length ? `${Math.round(Math.min(...bare))}–${Math.round(Math.max(...bare))}/s` : 'not measured'}); ` +
      `Concord should acknowledge with p99 < ${P99_TARGET_MS} ms at 100 connections (${p99 || 'not measured'}) and at ≥ ${SHARE_TARGET * 100}% of the bare app's throughput.`,
    "The adapter acknowledges before it runs the command (processBeforeResponse: false, ack() first): the ack latency does not include recording the vote. " +
      "'Answered' is the time until the member's reply reached its response_url, i.e. after the ballot was stored; 'Drain' is how long queued work ran on after the last acknowledgement; 'Ballots/s' counts ballots stored over warm-up, window and drain.",
  ].join('\n');
}

async function main(): Promise<void> {
  const durationMs = Number(process.env.BENCH_SLACK_DURATION?.trim() || 5000);
  const connections = (process.env.BENCH_SLACK_CONNECTIONS?.trim() || '10,100').split(',').map(Number);
  const rows = await benchSlack({ durationMs, connections });
  process.stdout.write(`## Slack acknowledgement throughput\n\n${slackTable(rows)}\n\n${slackRatios(rows)}\n\n${slackNotes(rows)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      log(String(error instanceof Error ? (error.stack ?? error.message) : error));
      process.exit(1);
    },
  );
}
