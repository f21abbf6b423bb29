// Drives Concord like an adapter would: members type command lines, a manual clock moves, messages are recorded.
import { randomUUID } from 'node:crypto';
import { beforeEach, expect } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { advanceThroughJobs, ManualClock } from '../../src/core/clock.js';
import type { Delivery, MessageRef, Messenger } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/service.js';
import type { View } from '../../src/core/views/types.js';
import { renderText } from '../../src/bots/console/render.js';
import { useTestDatabase, type TestDatabase } from './db.js';

export interface Sent {
  kind: 'post' | 'update' | 'dm' | 'private';
  to: string;
  view: View;
  text: string;
}

export class RecordingMessenger implements Messenger {
  sent: Sent[] = [];
  private n = 0;
  /** Set to make the next deliveries fail, as a platform outage would. */
  failing = 0;

  private check() {
    if (this.failing > 0) {
      this.failing--;
      throw new Error('platform unavailable');
    }
  }

  /** What each delivery key produced, as a platform with idempotent sends would remember it. */
  private readonly delivered = new Map<string, MessageRef>();
  /** Every call, duplicates included, to check that a retry does not reach members twice. */
  calls = 0;

  async post(_w: unknown, channelId: string, view: View, delivery?: Delivery): Promise<MessageRef> {
    this.calls++;
    this.check();
    const seen = delivery && this.delivered.get(delivery.key);
    if (seen) return seen;
    this.sent.push({ kind: 'post', to: channelId, view, text: renderText(view) });
    const ref = { channelId, messageId: `m${++this.n}` };
    if (delivery) this.delivered.set(delivery.key, ref);
    return ref;
  }

  async update(_w: unknown, message: MessageRef, view: View): Promise<void> {
    this.check();
    this.sent.push({ kind: 'update', to: message.channelId, view, text: renderText(view) });
  }

  /** Set to make opening private spaces fail, as a missing permission would. */
  privateSpaceError: string | null = null;
  spaces = new Map<string, string>();

  async openPrivateSpace(_w: unknown, request: { key: string; title: string; memberExternalIds: string[] }): Promise<{ channelId: string }> {
    if (this.privateSpaceError) throw new Error(this.privateSpaceError);
    const existing = this.spaces.get(request.key);
    if (existing) return { channelId: existing };
    this.spaces.set(request.key, request.title);
    this.sent.push({ kind: 'private', to: request.title, view: { type: 'text', text: request.memberExternalIds.join(',') }, text: request.memberExternalIds.join(',') });
    return { channelId: request.title };
  }

  async dm(_w: unknown, member: string, view: View, delivery?: Delivery): Promise<MessageRef> {
    this.calls++;
    this.check();
    const seen = delivery && this.delivered.get(delivery.key);
    if (seen) return seen;
    this.sent.push({ kind: 'dm', to: member, view, text: renderText(view) });
    const ref = { channelId: `dm-${member}`, messageId: `m${++this.n}` };
    if (delivery) this.delivered.set(delivery.key, ref);
    return ref;
  }

  take(): Sent[] {
    const out = this.sent;
    this.sent = [];
    return out;
  }
}

export const silentLogger = { info() {}, warn() {}, error() {} };

export interface Harness {
  app: App;
  clock: ManualClock;
  messenger: RecordingMessenger;
  /** Runs a command as `member` in `channel` (default general) and then the scheduler. */
  run(member: string, text: string, opts?: { channel?: string; key?: string; locale?: 'en' | 'vi'; admin?: boolean; guest?: boolean }): Promise<Reply & { text: string }>;
  /** Runs a command without ticking the scheduler afterwards. */
  exec(member: string, text: string, opts?: { channel?: string; key?: string; locale?: 'en' | 'vi'; admin?: boolean; guest?: boolean }): Promise<Reply & { text: string }>;
  advance(ms: number): Promise<void>;
  tick(): Promise<unknown>;
  /** The first member creates a group in `channel` and the others join it by name; what was sent so far is forgotten. */
  group(members: string[], name?: string, channel?: string): Promise<void>;
}

export async function createHarness(database: TestDatabase, start = new Date('2026-12-01T09:00:00Z'), env: Record<string, string> = {}): Promise<Harness> {
  const clock = new ManualClock(start);
  const messenger = new RecordingMessenger();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = await createApp({ config, clock, messengers: { console: messenger }, database, logger: silentLogger });
  const exec: Harness['exec'] = async (member, text, opts = {}) => {
    const channel = opts.channel ?? 'general';
    const reply = await app.core.execute(
      {
        platform: 'console',
        workspace: { externalId: 'test', name: 'Test' },
        actor: { externalId: member, displayName: member, ...(opts.locale ? { locale: opts.locale } : {}), ...(opts.admin ? { isAdmin: true } : {}), ...(opts.guest ? { isGuest: true } : {}) },
        channel: { id: channel, name: channel },
        idempotencyKey: opts.key ?? randomUUID(),
      },
      text,
    );
    return { ...reply, text: reply.views.map(renderText).join('\n') };
  };
  const tick = () => app.scheduler.tick();
  const run: Harness['run'] = async (member, text, opts) => {
    const reply = await exec(member, text, opts);
    await tick();
    return reply;
  };
  return {
    app,
    clock,
    messenger,
    exec,
    tick,
    run,
    async group(members, name = 'Budget', channel = 'budget') {
      const [convener, ...rest] = members;
      await run(convener!, `group create "${name}"`, { channel });
      for (const m of rest) await run(m, `group join "${name}"`, { channel });
      messenger.take();
    },
    advance: (ms) => advanceThroughJobs(clock, ms, { nextDueAt: () => app.jobs.nextDueAt(), tick }),
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface HarnessOptions {
  /** When the manual clock starts; Tuesday 1 December 2026, 09:00 UTC unless said. */
  start?: Date;
  /** Environment variables read into the configuration, on top of a silent log. */
  env?: Record<string, string>;
}

export interface UsedHarness {
  /** This test's harness. */
  readonly h: Harness;
  /** The file's database, emptied before each test. */
  readonly database: TestDatabase;
  /** Replaces this test's harness with a new one on the same database, without emptying it, as a restarted process would; `opts` go on top of the file's. */
  restart(opts?: HarnessOptions): Promise<Harness>;
}

/**
 * One database for the test file, emptied before each test, and a fresh harness on it:
 * `const t = useHarness();` then `t.h.run(...)` and `t.database.db` inside tests.
 * A file's own `beforeEach`, declared after this call, runs after the harness is ready.
 */
export function useHarness(opts: HarnessOptions = {}): UsedHarness {
  const used = useTestDatabase({ fresh: true });
  let harness: Harness | undefined;
  beforeEach(async () => {
    harness = await createHarness(used.database, opts.start, opts.env);
  });
  return {
    get h() {
      return harness!;
    },
    get database() {
      return used.database;
    },
    async restart(again = {}) {
      harness = await createHarness(used.database, again.start ?? opts.start, { ...opts.env, ...again.env });
      return harness;
    },
  };
}

/** How a test runs a member's command: in a channel, in a language, as a workspace admin. */
export type RunOptions = { locale?: 'en' | 'vi'; channel?: string; admin?: boolean };

/**
 * `ok` runs a command that must succeed and `refused` one that must be refused, each returning the reply's text
 * (and showing it when the expectation fails). `defaults` apply to every command, such as the channel.
 */
export function expectReplies(t: UsedHarness, defaults: RunOptions = {}) {
  const expecting = (succeeds: boolean) => async (member: string, line: string, opts: RunOptions = {}) => {
    const reply = await t.h.run(member, line, { ...defaults, ...opts });
    expect(reply.ok, `${line}\n${reply.text}`).toBe(succeeds);
    return reply.text;
  };
  return { ok: expecting(true), refused: expecting(false) };
}
