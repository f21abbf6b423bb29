// The local console: type `alice: /concord ...` to act as alice; `@advance 3d` moves the simulated clock.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartFile, chartPng } from '../../charts/render.js';
import { advanceThroughJobs, type MovableClock } from '../../core/clock.js';
import type { MessageRef, Messenger, TickOutcome } from '../../core/ports.js';
import type { Concord } from '../../core/service.js';
import { parseDuration } from '../../core/time.js';
import { notice, type ChartView, type View } from '../../core/views/types.js';
import { ConsoleLanguage } from './messages.js';
import { renderText } from './render.js';

/** The console's one workspace, named in the language the console starts in (the workspace keeps its first name). */
export const consoleWorkspace = (language: ConsoleLanguage) => ({ externalId: 'local', name: language.text('console.workspace') });

export type Output = (text: string) => void;

/** Prints what Concord would post, saying where each message went. */
export class ConsoleMessenger implements Messenger {
  private counter = 0;
  /** Private spaces by their key, so a retried request finds the room instead of making another. */
  private readonly spaces = new Map<string, string>();
  private readonly privateChannels = new Set<string>();

  constructor(
    private readonly out: Output,
    private readonly language: ConsoleLanguage = new ConsoleLanguage(),
  ) {}

  private label(channelId: string): string {
    return this.privateChannels.has(channelId) ? this.language.text('console.private', { channel: channelId }) : `[#${channelId}]`;
  }

  async post(_workspace: unknown, channelId: string, view: View): Promise<MessageRef> {
    // One process prints and records in one go, so a delivery key never needs looking up here.
    const messageId = `m${++this.counter}`;
    this.out(`${this.label(channelId)}\n${renderText(view)}`);
    return { channelId, messageId };
  }

  async update(_workspace: unknown, message: MessageRef, view: View): Promise<void> {
    this.out(`${this.language.text('console.cardUpdated', { label: this.label(message.channelId) })}\n${renderText(view)}`);
  }

  async openPrivateSpace(_workspace: unknown, request: { key: string; title: string; memberExternalIds: string[] }): Promise<{ channelId: string }> {
    const existing = this.spaces.get(request.key);
    if (existing) return { channelId: existing };
    const channelId = request.title;
    this.spaces.set(request.key, channelId);
    this.privateChannels.add(channelId);
    this.out(this.language.text('console.spaceOpened', { label: this.label(channelId), members: request.memberExternalIds.map((m) => `@${m}`).join(', ') }));
    return { channelId };
  }

  async dm(_workspace: unknown, member: string, view: View): Promise<MessageRef> {
    this.out(`${this.language.text('console.dm', { member })}\n${renderText(view)}`);
    return { channelId: `dm-${member}`, messageId: `m${++this.counter}` };
  }
}

export interface ConsoleDeps {
  core: Concord;
  clock: MovableClock;
  /** Runs due jobs and delivers owed messages at the clock's current time; a failure is told to the member. */
  tick: () => Promise<TickOutcome | void>;
  /** When the next pending job falls due, if any. */
  nextDueAt: () => Promise<Date | null>;
  out: Output;
  /** Shared with the ConsoleMessenger; follows the language of each reply. */
  language?: ConsoleLanguage;
  /** Members who are workspace admins; when empty, the session's first member is. */
  admins?: readonly string[];
  /** Where charts are written as PNG files; a folder of the system's temporary directory unless given. */
  chartDir?: string;
}

const LINE = /^@?([\p{L}\p{N}_.-]+)(?:\s+in\s+#?([\p{L}\p{N}_.-]+))?\s*:\s*(.*)$/u;

export class ConsoleSession {
  readonly language: ConsoleLanguage;
  private readonly workspace: { externalId: string; name: string };
  private readonly admins: Set<string>;

  constructor(private readonly deps: ConsoleDeps) {
    this.language = deps.language ?? new ConsoleLanguage();
    this.workspace = consoleWorkspace(this.language);
    this.admins = new Set((deps.admins ?? []).map((name) => name.toLowerCase()));
  }

  /** The console has no platform admins of its own: the configured names, else whoever speaks first. */
  private isAdmin(member: string): boolean {
    if (this.admins.size === 0) this.admins.add(member);
    return this.admins.has(member);
  }

  /** Handles one input line. Returns false when the user asked to quit. */
  async handle(raw: string): Promise<boolean> {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return true;
    const { out } = this.deps;
    if (line === '@quit' || line === '@exit') return false;
    const say = this.language.text.bind(this.language);
    if (line === '@clock') {
      out(say('console.clock', { time: this.deps.clock.now().toISOString() }));
      return true;
    }
    if (line.startsWith('@advance')) {
      const text = line.slice('@advance'.length).trim();
      const ms = parseDuration(text);
      if (ms === null || ms <= 0) {
        out(say('console.badDuration', { text }));
        return true;
      }
      await this.advance(ms);
      out(say('console.clock', { time: this.deps.clock.now().toISOString() }));
      return true;
    }
    const match = LINE.exec(line);
    if (!match) {
      out(say('console.lineFormat'));
      return true;
    }
    const [, name, channel, command] = match as unknown as [string, string, string | undefined, string];
    const member = name.toLowerCase();
    const channelName = (channel ?? 'general').toLowerCase();
    const reply = await this.deps.core.execute(
      {
        platform: 'console',
        workspace: this.workspace,
        actor: { externalId: member, displayName: member, isAdmin: this.isAdmin(member) },
        channel: { id: channelName, name: channelName },
        idempotencyKey: randomUUID(),
      },
      command.replace(/^\/concord\b\s*/i, ''),
    );
    this.language.locale = reply.locale;
    for (const view of reply.views) {
      out(`${say('console.only', { member })}\n${renderText(view)}`);
      if (view.type === 'chart') out(await this.saveChart(view));
    }
    const outcome = await this.deps.tick();
    // Saved but not sent: the member must not believe it was posted.
    if (reply.ok && !reply.replayed && outcome && !outcome.ok) {
      const warning = notice('warning', this.deps.core.translate(reply.locale, { key: 'error.notDelivered', params: { id: outcome.errorId } }));
      out(`${say('console.only', { member })}\n${renderText(warning)}`);
    }
    return true;
  }

  /** A terminal shows no pictures: the chart goes to a file of its own and the member is told where. */
  private async saveChart(view: ChartView): Promise<string> {
    const say = this.language.text.bind(this.language);
    try {
      const dir = this.deps.chartDir ?? join(tmpdir(), 'concord-charts');
      await mkdir(dir, { recursive: true });
      const path = join(dir, chartFile(view.chart).replace(/\.png$/, `-${randomUUID().slice(0, 8)}.png`));
      await writeFile(path, await chartPng(view.title, view.chart));
      return say('console.chartSaved', { path });
    } catch (error) {
      return say('console.chartFailed', { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  advance(ms: number): Promise<void> {
    return advanceThroughJobs(this.deps.clock, ms, this.deps);
  }
}
