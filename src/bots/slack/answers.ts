// Running a member's command through core and answering them: ephemeral where Slack allows, by DM otherwise, with an error id when it fails.
import { randomUUID } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { parseCommand } from '../../core/commands/index.js';
import type { CommandContext } from '../../core/context.js';
import { Gates } from '../../core/gates.js';
import type { Locale } from '../../core/i18n/types.js';
import type { TickOutcome } from '../../core/ports.js';
import type { Concord, Logger } from '../../core/service.js';
import type { ChartView } from '../../core/views/types.js';
import { chartFile, SLACK_MAX_BYTES, chartPng } from '../../charts/render.js';
import { slackText } from './messages.js';
import { CHART_ALT_MAX, type SlackMessenger } from './messenger.js';
import { LIMITS, cutMrkdwn, cutPlain, mrkdwn } from './mrkdwn.js';
import { blocksOf, renderMessage, renderReply } from './render.js';
import { postJson } from './respond.js';
import { SlackDirectory, type SlackProfile } from './users.js';

export type Client = WebClient;

/** Who did something, where, and how to answer them. */
export interface Origin {
  teamId: string;
  teamName?: string;
  userId: string;
  userName?: string;
  /** Absent for App Home, where only a DM can answer. */
  channelId?: string;
  channelName?: string;
  responseUrl?: string;
  /** Taken over after the process that received it stopped: it is answered even if its reply was stored before. */
  resumed?: boolean;
}

/** See SlackAnswers.execute. */
const COMMANDS_IN_FLIGHT = 8;

/** Votes in flight per team: core stores the votes on one proposal that wait together in one transaction, so more waiting makes bigger batches. */
const VOTES_IN_FLIGHT = 256;

export class SlackAnswers {
  private readonly inflight = new Set<Promise<void>>();
  private readonly commands = new Gates(COMMANDS_IN_FLIGHT);
  private readonly votes = new Gates(VOTES_IN_FLIGHT);
  private readonly directory: SlackDirectory;
  /** The language each member was last answered in, for modals opened without asking core first. */
  private readonly locales = new Map<string, Locale>();
  /** Slash commands and interactions carry the team's domain; events do not. */
  private readonly teamNames = new Map<string, string>();

  constructor(
    readonly core: Concord,
    readonly logger: Logger,
    private readonly tick: (() => Promise<TickOutcome | void>) | undefined,
    private readonly messenger: SlackMessenger | undefined,
  ) {
    this.directory = new SlackDirectory(logger);
  }

  /** Resolves once all work started so far has finished. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  track(work: () => Promise<void>): Promise<void> {
    const promise = work().finally(() => this.inflight.delete(promise));
    this.inflight.add(promise);
    return promise;
  }

  /** Runs the work and, when it fails unexpectedly, tells the member with an error id instead of leaving them waiting. */
  run(client: Client, origin: Origin, work: () => Promise<void>): Promise<void> {
    return this.track(async () => {
      try {
        await work();
      } catch (error) {
        const errorId = randomUUID().slice(0, 8);
        this.logger.error({ err: error, errorId, team: origin.teamId, user: origin.userId }, 'slack request failed');
        const text = this.core.translate(this.lastLocale(origin), { key: 'error.unexpected', params: { id: errorId } });
        await this.answer(client, origin, renderMessage([{ type: 'notice', tone: 'danger', text }])).catch((e: unknown) =>
          this.logger.error({ err: e, errorId }, 'slack apology failed'),
        );
      }
    });
  }

  /**
   * The command's context. `waitForProfile: false` (a vote) does not wait for users.info: the name comes
   * from the payload and the language from what Concord remembered of the member, while the profile is
   * fetched in the background for the next request. A vote needs neither admin rights nor guest status.
   */
  async context(client: Client, origin: Origin, key: string, { waitForProfile = true } = {}): Promise<{ ctx: CommandContext; profile: SlackProfile | null }> {
    if (origin.teamName) this.teamNames.set(origin.teamId, origin.teamName);
    const profile = waitForProfile
      ? await this.directory.profile(client, origin.teamId, origin.userId)
      : (this.directory.known(client, origin.teamId, origin.userId) ?? null);
    const ctx: CommandContext = {
      platform: 'slack',
      workspace: { externalId: origin.teamId, name: this.teamNames.get(origin.teamId) ?? origin.teamId },
      actor: {
        externalId: origin.userId,
        displayName: profile?.displayName ?? origin.userName ?? origin.userId,
        ...(!profile && !waitForProfile ? { profileSkipped: true } : {}),
        ...(profile?.locale ? { locale: profile.locale } : {}),
        isAdmin: profile?.isAdmin ?? false,
        isGuest: profile?.isGuest ?? false,
      },
      channel: { id: origin.channelId ?? 'app_home', ...(origin.channelName ? { name: origin.channelName } : {}) },
      idempotencyKey: key,
    };
    return { ctx, profile };
  }

  /**
   * Commands run at most COMMANDS_IN_FLIGHT at a time per team, after their acknowledgement; the rest
   * wait their turn in arrival order. In a burst (a whole channel clicking a card's buttons) the event
   * loop then keeps time for acknowledging new requests within Slack's three seconds, instead of
   * spreading it over hundreds of half-done commands. Votes have a queue of their own, VOTES_IN_FLIGHT
   * wide: the core stores a proposal's waiting votes together. Modals are opened outside these queues:
   * their trigger ids expire after three seconds.
   */
  async execute(client: Client, origin: Origin, key: string, text: string, retryCommand?: string): Promise<void> {
    const parsed = parseCommand(text);
    const vote = parsed.ok && parsed.command.name === 'vote';
    const ok = await (vote ? this.votes : this.commands).run(origin.teamId, () => this.executeNow(client, origin, key, text, parsed, vote, retryCommand));
    // Outside the queue: a nudged tick may wait a moment to merge with others, and must not hold a place.
    const outcome = ok ? await this.tick?.() : undefined;
    // Saved but not sent: the member must not believe it was posted.
    if (outcome && !outcome.ok) {
      const text = this.core.translate(this.lastLocale(origin), { key: 'error.notDelivered', params: { id: outcome.errorId } });
      await this.answer(client, origin, renderMessage([{ type: 'notice', tone: 'warning', text }])).catch((error: unknown) =>
        this.logger.error({ err: error, errorId: outcome.errorId }, 'slack could not tell the member their messages are not sent'),
      );
    }
  }

  /** Runs the command and answers the member; true when it succeeded. */
  private async executeNow(client: Client, origin: Origin, key: string, text: string, parsed: ReturnType<typeof parseCommand>, vote: boolean, retryCommand?: string): Promise<boolean> {
    const { ctx } = await this.context(client, origin, key, { waitForProfile: !vote });
    const reply = await this.core.execute(ctx, text, parsed);
    this.rememberLocale(origin, reply.locale);
    // A retried delivery replays the first reply, which the first delivery already sent; unless that delivery's
    // process stopped, maybe before it answered.
    if (!reply.replayed || origin.resumed) {
      const charts = reply.views.filter((v): v is ChartView => v.type === 'chart');
      const [message, ...rest] = renderReply(reply.views, LIMITS.messageBlocks - (retryCommand ? 1 : 0) - charts.length);
      for (const chart of charts) message!.blocks.push(blocksOf.context(await this.sendChart(client, origin, reply.locale, chart)));
      if (!reply.ok && retryCommand) {
        const hint = slackText(reply.locale)('slack.retry', { command: `\`/concord ${retryCommand}\`` });
        message!.blocks.push(blocksOf.context(cutMrkdwn(mrkdwn(hint), LIMITS.text)));
      }
      await this.answer(client, origin, message!);
      for (const more of rest) await this.answer(client, origin, more);
    }
    return reply.ok;
  }

  /**
   * A file cannot be ephemeral in Slack, and a chart of the register must not be posted where others read it:
   * the picture goes to the member's direct messages with Concord (files.uploadV2: an upload URL, the bytes, then
   * completing the upload into the DM). Returns the line the ephemeral reply adds: where the picture went, or
   * that it could not be sent (the grid in the reply shows the same).
   */
  private async sendChart(client: Client, origin: Origin, locale: Locale, view: ChartView): Promise<string> {
    const t = slackText(locale);
    try {
      const png = await chartPng(view.title, view.chart, { maxBytes: SLACK_MAX_BYTES });
      const channel = this.messenger
        ? await this.messenger.openDm(origin.teamId, origin.userId)
        : (await client.conversations.open({ users: origin.userId })).channel?.id;
      if (!channel) throw new Error('conversations.open returned no channel');
      await client.files.uploadV2({ channel_id: channel, file: Buffer.from(png), filename: chartFile(view.chart), title: view.title, alt_text: cutPlain(view.alt, CHART_ALT_MAX) });
      return mrkdwn(t('slack.chart.sent'));
    } catch (error) {
      this.logger.warn({ err: error, team: origin.teamId, user: origin.userId }, 'slack could not send a chart');
      return mrkdwn(t('slack.chart.failed'));
    }
  }

  /** Ephemeral where possible: through the response URL, else chat.postEphemeral, else a DM. */
  async answer(client: Client, origin: Origin, message: { text: string; blocks: KnownBlock[] }): Promise<void> {
    if (origin.responseUrl) {
      try {
        const status = await postJson(origin.responseUrl, { response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
        if (status >= 200 && status < 300) return;
        this.logger.warn({ status }, 'slack response_url refused the answer');
      } catch (error) {
        this.logger.warn({ err: error }, 'slack response_url unreachable');
      }
    }
    if (origin.channelId) {
      try {
        await client.chat.postEphemeral({ channel: origin.channelId, user: origin.userId, text: message.text, blocks: message.blocks });
        return;
      } catch (error) {
        // Private channels without the bot refuse ephemerals; the member still hears back by DM.
        this.logger.warn({ err: error }, 'slack chat.postEphemeral failed');
      }
    }
    const channel = this.messenger
      ? await this.messenger.openDm(origin.teamId, origin.userId)
      : ((await client.conversations.open({ users: origin.userId })).channel?.id ?? origin.userId);
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  }

  /** The member's language: the one they were last answered in, else their Slack profile's. */
  async localeOf(client: Client, origin: Origin): Promise<Locale> {
    const known = this.locales.get(`${origin.teamId}:${origin.userId}`);
    if (known) return known;
    return (await this.directory.profile(client, origin.teamId, origin.userId))?.locale ?? 'en';
  }

  rememberLocale(origin: Origin, locale: Locale): void {
    this.locales.set(`${origin.teamId}:${origin.userId}`, locale);
  }

  private lastLocale(origin: Origin): Locale {
    return this.locales.get(`${origin.teamId}:${origin.userId}`) ?? 'en';
  }
}
