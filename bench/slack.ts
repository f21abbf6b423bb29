// Requests/s and latency to Slack's acknowledgement: a bare Bolt app next to Concord's adapter, both driven over HTTP
// with signed slash commands and button clicks from a load generator in a worker thread (bench/slack-load.ts).
//
// Standalone: `npx tsx bench/slack.ts`. Settings (environment): BENCH_DATABASE_URL (Postgres instead of in-memory
// PGlite), BENCH_SLACK_DURATION (ms per measurement, default 5000), BENCH_SLACK_CONNECTIONS ("10,100"),
// BENCH_SLACK_MEMBERS (members seeded into the voting group, default 50000).
import { createServer } from 'node:http';
import { App as BoltApp, HTTPReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { sql } from 'drizzle-orm';
import { createApp, type App } from '../src/app.js';
import { loadSlackConfig, SlackMessenger, startSlack } from '../src/bots/slack/index.js';
import { loadConfig } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import type { CommandContext } from '../src/core/context.js';
import { openPglite, type Database } from '../src/db/client.js';
import { CHANNEL, listen, percentile, SIGNING_SECRET, SlackLoad, TEAM, type LoadResult, type SlackBenchKind } from './slack-load.js';
import { BenchDatabase, CpuMeter, log, proposalNumber, run, runIfMain, scalar, START } from './support.js';

export type { SlackBenchKind } from './slack-load.js';

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

const BOT_TOKEN = 'xoxb-bench-token';
const CONVENER = 'U0CHAIR00';
const BARE_TARGET_RPS = 5900;
const P99_TARGET_MS = 100;
const SHARE_TARGET = 0.4;

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
async function startBareBolt(apiUrl: string): Promise<{ port: number; stop(): Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', logger: quietBolt });
  const app = new BoltApp({ token: BOT_TOKEN, receiver, logger: quietBolt, botId: 'BBOT', botUserId: 'UBOT', clientOptions: { slackApiUrl: apiUrl } });
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
async function openConcord(apiUrl: string, members: number, url: string | undefined): Promise<ConcordHost> {
  const bench = url ? await BenchDatabase.create(url, 'slack') : null;
  const pglite = bench ? undefined : await openPglite();
  const slackConfig = loadSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl })!;
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

/** `databaseUrl`: a Postgres server to measure Concord on (a scratch database is made on it); PGlite without. */
export async function benchSlack(opts: { durationMs: number; connections: number[]; databaseUrl?: string }): Promise<SlackBenchRow[]> {
  const durationMs = opts.durationMs;
  const warmupMs = Math.min(1000, Math.max(200, Math.round(durationMs / 5)));
  // Every ballot of one measurement needs its own member; core snapshots the electorate in one insert, which
  // Postgres caps at 65,535 parameters, so a proposal cannot open in a group much above 32,000 members.
  const members = Number(process.env.BENCH_SLACK_MEMBERS?.trim() || 50_000);
  const kinds: SlackBenchKind[] = ['slash', 'button'];
  const rows: SlackBenchRow[] = [];
  const load = await SlackLoad.start();
  let seq = 1;
  try {
    const bare = await startBareBolt(load.apiUrl);
    try {
      for (const kind of kinds) {
        for (const connections of opts.connections) {
          log(`bare bolt: ${kind}, ${connections} connections`);
          // The bare app stores nothing, so voters may repeat; ids still differ per request.
          const result = await load.drive({ port: bare.port, kind, proposal: 1, connections, warmupMs, durationMs, firstSeq: seq, voters: { next: 1, end: Number.MAX_SAFE_INTEGER } });
          seq += result.sent.size + result.errors + 1_000;
          rows.push(row('bare bolt', kind, connections, result));
        }
      }
    } finally {
      await bare.stop();
    }

    log(`concord: seeding ${members} members (${opts.databaseUrl ? 'postgres' : 'pglite'})`);
    const host = await openConcord(load.apiUrl, members, opts.databaseUrl);
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
          const config = loadSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: load.apiUrl })!;
          const messenger = new SlackMessenger(config);
          // A fresh adapter per measurement: its users.info cache starts empty, as it would for new voters.
          const bot = await startSlack({ core: host.app.core, config, logger, database: host.database, messenger, intake: host.app.intake, tick: () => host.app.scheduler.nudge(), port: 0 });
          try {
            log(`concord: ${kind}, ${connections} connections, proposal #${proposal}`);
            await load.clear();
            const started = performance.now();
            const result = await load.drive({ port: bot.port!, kind, proposal, connections, warmupMs, durationMs, firstSeq: seq, voters: { next: 1, end: members + 1 } });
            const lastAck = performance.now();
            const drainMeter = new CpuMeter();
            const ballotsAtLastAck = Number(
              await scalar(host.database, sql`select count(*)::int from ballots b join proposals p on p.id = b.proposal_id where p.workspace_id = ${host.workspaceId} and p.number = ${proposal}`),
            );
            await bot.idle();
            const drainMs = performance.now() - lastAck;
            const drainCpu = drainMeter.spentMs();
            seq += result.votersNext + 1_000;
            if (result.exhausted) log(`    ran out of the ${members} seeded members; raise BENCH_SLACK_MEMBERS`);
            const ballots = Number(
              await scalar(host.database, sql`select count(*)::int from ballots b join proposals p on p.id = b.proposal_id where p.workspace_id = ${host.workspaceId} and p.number = ${proposal}`),
            );
            const stub = await load.answered();
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
    await load.stop();
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
  const databaseUrl = process.env.BENCH_DATABASE_URL?.trim();
  const rows = await benchSlack({ durationMs, connections, ...(databaseUrl ? { databaseUrl } : {}) });
  process.stdout.write(`## Slack acknowledgement throughput\n\n${slackTable(rows)}\n\n${slackRatios(rows)}\n\n${slackNotes(rows)}\n`);
}

runIfMain(import.meta.url, main);
