// What every benchmark shares: timing and summaries, the bench databases, an app that never ticks, bulk setup helpers.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import type { CommandContext } from '../src/core/context.js';
import type { MessageRef, Messenger } from '../src/core/ports.js';
import type { Reply } from '../src/core/service.js';
import { openPglite, rowsOf, type Database } from '../src/db/client.js';

export type Backend = 'postgres' | 'pglite';

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export const log = (line: string) => process.stderr.write(`${line}\n`);

export const START = new Date('2027-01-04T09:00:00Z');

/** Accepts every message: the outbox is never dispatched during a run, but createApp wants a messenger. */
const nullMessenger: Messenger = {
  async post(_w, channelId): Promise<MessageRef> {
    return { channelId, messageId: 'x' };
  },
  async update() {},
  async dm(_w, member): Promise<MessageRef> {
    return { channelId: member, messageId: 'x' };
  },
};

const silent = { info() {}, warn() {}, error() {} };

const benchDatabaseName = (purpose: string) => `concord_bench${purpose ? `_${purpose}` : ''}_${process.pid}`;

/** The bench's own Postgres database, created fresh and dropped at the end. */
export class BenchDatabase {
  readonly url: string;
  private constructor(
    private readonly adminUrl: string,
    readonly name: string,
  ) {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    this.url = url.toString();
  }

  /**
   * A database named after its purpose and this process (`concord_bench_sweep_1234`), so that two bench runs
   * on one server never drop each other's. `synchronousCommit: 'off'` shows what the vote path does when a
   * commit no longer waits for its WAL flush.
   */
  static async create(adminUrl: string, purpose = '', opts: { synchronousCommit?: 'on' | 'off' } = {}): Promise<BenchDatabase> {
    const name = benchDatabaseName(purpose);
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.unsafe(`create database ${name}`);
      if (opts.synchronousCommit) await admin.unsafe(`alter database ${name} set synchronous_commit = ${opts.synchronousCommit}`);
    } finally {
      await admin.end();
    }
    return new BenchDatabase(adminUrl, name);
  }

  async drop(): Promise<void> {
    const admin = postgres(this.adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists ${this.name} with (force)`);
    } finally {
      await admin.end();
    }
  }
}

export interface BenchApp {
  app: App;
  clock: ManualClock;
  database: Database;
  close(): Promise<void>;
}

/** An app on Postgres (its own pool) or on a shared in-memory PGlite; the scheduler is never started. */
export async function openApp(backend: Backend, opts: { url?: string; poolSize?: number; pglite?: Database }): Promise<BenchApp> {
  const clock = new ManualClock(START);
  const config = loadConfig({ LOG_LEVEL: 'silent', ...(backend === 'postgres' ? { DATABASE_URL: opts.url } : {}) });
  const database = backend === 'pglite' ? (opts.pglite ?? (await openPglite())) : undefined;
  const app = await createApp({
    config,
    clock,
    messengers: { console: nullMessenger },
    logger: silent,
    ...(database ? { database } : {}),
    ...(opts.poolSize ? { poolSize: opts.poolSize } : {}),
  });
  return {
    app,
    clock,
    database: app.database,
    async close() {
      await app.close();
      if (database && !opts.pglite) await database.close();
    },
  };
}

export function contextFor(workspace: string, member: string, channel: string, platform = 'console'): CommandContext {
  return {
    platform,
    workspace: { externalId: workspace, name: workspace },
    actor: { externalId: member, displayName: member },
    channel: { id: channel, name: channel },
    idempotencyKey: randomUUID(),
  };
}

export async function run(app: App, ctx: CommandContext, text: string): Promise<Reply> {
  const reply = await app.core.execute(ctx, text);
  if (!reply.ok) throw new Error(`"${text}" as ${ctx.actor.externalId} failed: ${JSON.stringify(reply.views)}`);
  return reply;
}

export const replyText = (reply: Reply) => reply.views.map((v) => ('text' in v ? v.text : '')).join('\n');

export async function scalar<T>(database: Database, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = rowsOf<Record<string, T>>(await database.db.execute(query));
  if (!row) throw new Error('no row');
  return Object.values(row)[0]!;
}

export const memberName = (prefix: string, i: number) => `${prefix}${String(i).padStart(5, '0')}`;

/**
 * Creates a workspace and a group through the service, then adds `count` members straight in SQL:
 * going through `group add` would cost several statements per member and only slow the setup down.
 */
export async function seedGroup(
  app: App,
  database: Database,
  opts: { workspace: string; channel: string; group: string; convener: string; prefix: string; count: number; platform?: string },
): Promise<{ workspaceId: number; groupId: number; members: string[] }> {
  const platform = opts.platform ?? 'console';
  await run(app, contextFor(opts.workspace, opts.convener, opts.channel, platform), `group create "${opts.group}"`);
  const workspaceId = Number(await scalar(database, sql`select id from workspaces where platform = ${platform} and external_id = ${opts.workspace}`));
  const groupId = Number(await scalar(database, sql`select id from groups where workspace_id = ${workspaceId} and name = ${opts.group}`));
  const at = START.toISOString();
  await database.db.execute(sql`
    insert into members (workspace_id, external_id, display_name, created_at)
    select ${workspaceId}, ${opts.prefix} || lpad(g::text, 5, '0'), ${opts.prefix} || lpad(g::text, 5, '0'), ${at}::timestamptz
    from generate_series(1, ${opts.count}) g
    on conflict do nothing`);
  await database.db.execute(sql`
    insert into group_members (group_id, member_id, role, joined_at)
    select ${groupId}, id, 'member', ${at}::timestamptz from members
    where workspace_id = ${workspaceId} and external_id like ${`${opts.prefix}%`}
    on conflict do nothing`);
  const members = Array.from({ length: opts.count }, (_, i) => memberName(opts.prefix, i + 1));
  return { workspaceId, groupId, members };
}

/**
 * Planner statistics as autovacuum keeps them on a Postgres server that has been running (even if it
 * is off on this one): without them the planner may scan a whole table for one proposal's rows.
 * PGlite runs no autovacuum, so it is measured without, as it runs in practice.
 */
export async function gatherStatistics(database: Database): Promise<void> {
  if (database.driver === 'postgres') await database.db.execute(sql`analyze`);
}

/** The proposal number a `propose` reply announced. */
export function proposalNumber(reply: Reply): number {
  const match = /#(\d+)/.exec(replyText(reply));
  if (!match) throw new Error(`no proposal number in ${replyText(reply)}`);
  return Number(match[1]);
}

/** A small deterministic PRNG, so every run and both backends see the same ballots. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How much of the machine other work took while a measurement ran: the bench shares its cores with
 * whatever else runs there, and a busy neighbour explains a slow or scattered figure. Linux only.
 */
export class CpuMeter {
  private start = CpuMeter.sample();

  /** Share of all cores (0..1) busy with something other than this process and the bench's Postgres backends. */
  otherShare(): number | null {
    const end = CpuMeter.sample();
    if (!this.start || !end) return null;
    const total = end.total - this.start.total;
    if (total <= 0) return null;
    const busy = end.busy - this.start.busy;
    const ours = end.self + end.postgres - this.start.self - this.start.postgres;
    return Math.max(0, Math.min(1, (busy - ours) / total));
  }

  /** CPU time spent since the start by this process and by the bench's Postgres processes (still running), in ms. */
  spentMs(): { node: number; postgres: number } | null {
    const end = CpuMeter.sample();
    if (!this.start || !end) return null;
    // /proc counts in clock ticks, 100 a second on Linux.
    return { node: (end.self - this.start.self) * 10, postgres: (end.postgres - this.start.postgres) * 10 };
  }

  private static sample(): { total: number; busy: number; self: number; postgres: number } | null {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      const total = fields.reduce((a, b) => a + b, 0);
      const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
      const self = CpuMeter.jiffies('self');
      let postgres = 0;
      const mine = new RegExp(`^postgres: .*(concord_bench[a-z_]*_${process.pid}\\b|walwriter|checkpointer|background writer)`);
      for (const pid of readdirSync('/proc')) {
        if (!/^\d+$/.test(pid)) continue;
        try {
          const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          // The bench's own backends, and the server processes that write and flush the WAL for them.
          if (mine.test(cmdline)) postgres += CpuMeter.jiffies(pid);
        } catch {
          // The process ended while we looked.
        }
      }
      return { total, busy: total - idle, self, postgres };
    } catch {
      return null;
    }
  }

  private static jiffies(pid: string): number {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name.
    return Number(fields[11]) + Number(fields[12]);
  }
}

/** Runs `main` when the module at `moduleUrl` is the script node was started with, and exits with its outcome. */
export function runIfMain(moduleUrl: string, main: () => Promise<void>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      log(String(error instanceof Error ? (error.stack ?? error.message) : error));
      process.exit(1);
    },
  );
}
