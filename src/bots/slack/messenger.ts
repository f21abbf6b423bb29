// The Messenger port on Slack's Web API. The outbox owns retries, so this makes one attempt and says how long to wait when rate limited.
import { randomBytes } from 'node:crypto';
import { ErrorCode, WebClient, type WebClientOptions } from '@slack/web-api';
import { slackFetch } from './respond.js';
import type { Delivery, MessageRef, Messenger, PrivateSpaceRequest } from '../../core/ports.js';
import type { ChartView, View } from '../../core/views/types.js';
import { chartFile, chartPng, SLACK_MAX_BYTES } from '../../charts/render.js';
import { cutPlain } from './mrkdwn.js';
import type { SlackConfig } from './config.js';
import { slackText, type SlackTranslator } from './messages.js';
import { renderMessage } from './render.js';
import { mentionedUsers, withoutPings } from './mentions.js';

/** Thrown when Slack did not take the message. `retryAfterMs` is what the outbox waits before trying again. */
export class SlackDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SlackDeliveryError';
  }
}

/** A team's bot token; null when Concord is not installed there (any more). */
export type TokenSource = (teamId: string) => Promise<string | null>;

/** Slack's limit on a file's alt text. */
export const CHART_ALT_MAX = 1000;

const silent = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} };

export class SlackMessenger implements Messenger {
  private tokens: TokenSource;
  private readonly clients = new Map<string, WebClient>();
  private readonly dmChannels = new Map<string, string>();
  private readonly botUsers = new Map<string, string>();
  /** Display names by team and member, for mentions shown without paging; the same few members recur on every card. */
  private readonly names = new Map<string, string>();
  private readonly apiUrl: string;

  constructor(
    config: Pick<SlackConfig, 'auth' | 'apiUrl'>,
    private readonly opts: { timeoutMs?: number; logger?: { warn(obj: object, msg: string): void } } = {},
  ) {
    this.apiUrl = config.apiUrl;
    const auth = config.auth;
    this.tokens = auth.kind === 'single' ? async () => auth.botToken : async () => null;
  }

  /** Multi-workspace installs: tokens come from the installation store, which exists once startSlack has run. */
  useTokens(source: TokenSource): void {
    this.tokens = source;
    this.clients.clear();
  }

  async post(workspace: { externalId: string }, channelId: string, view: View, _delivery?: Delivery, audience?: { onlyFor: string[] }): Promise<MessageRef> {
    const client = await this.client(workspace.externalId);
    if (audience) {
      const bot = await this.botUser(workspace.externalId, client);
      await this.removeStrangers(client, channelId, new Set([...audience.onlyFor, ...(bot ? [bot] : [])]), { name: channelId, t: slackText('en') });
    }
    const message = await this.unpinged(workspace.externalId, client, renderMessage([view]));
    const result = await call('chat.postMessage', () =>
      client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false }),
    );
    if (!result.ts) throw new SlackDeliveryError('chat.postMessage returned no ts');
    const ref = { channelId: result.channel ?? channelId, messageId: result.ts };
    if (view.type === 'chart') await this.attachChart(client, ref, view);
    return ref;
  }

  /**
   * The picture of a chart posted in a channel goes into the thread of its text, which already says the same: a
   * picture that cannot be drawn or uploaded (no files:write scope yet) leaves the post as it is, and is not
   * retried, so that a retry never posts the text twice.
   */
  private async attachChart(client: WebClient, ref: MessageRef, view: ChartView): Promise<void> {
    try {
      const png = await chartPng(view.title, view.chart, { maxBytes: SLACK_MAX_BYTES });
      await client.files.uploadV2({
        channel_id: ref.channelId,
        thread_ts: ref.messageId,
        file: Buffer.from(png),
        filename: chartFile(view.chart),
        title: view.title,
        alt_text: cutPlain(view.alt, CHART_ALT_MAX),
      });
    } catch (error) {
      this.opts.logger?.warn({ err: error, channel: ref.channelId }, 'slack could not attach a chart');
    }
  }

  async update(workspace: { externalId: string }, message: MessageRef, view: View): Promise<void> {
    const client = await this.client(workspace.externalId);
    const rendered = await this.unpinged(workspace.externalId, client, renderMessage([view]));
    await call('chat.update', () => client.chat.update({ channel: message.channelId, ts: message.messageId, text: rendered.text, blocks: rendered.blocks }));
  }

  private async unpinged<T extends ReturnType<typeof renderMessage>>(teamId: string, client: WebClient, message: T): Promise<T> {
    const ids = mentionedUsers(message);
    if (ids.length === 0) return message;
    const names = new Map<string, string>();
    for (const id of ids) {
      const key = `${teamId}:${id}`;
      let name = this.names.get(key);
      if (name === undefined) {
        // Without users:read, or for a member who left, the id is shown: still no page.
        const user = await client.users.info({ user: id }).then((r) => r.user, () => undefined);
        name = user?.profile?.display_name?.trim() || user?.real_name?.trim() || user?.name?.trim();
        if (name) {
          if (this.names.size > 10_000) this.names.clear();
          this.names.set(key, name);
        }
      }
      names.set(id, name ?? id);
    }
    return withoutPings(message, names);
  }

  async dm(workspace: { externalId: string }, memberExternalId: string, view: View): Promise<MessageRef> {
    const channel = await this.openDm(workspace.externalId, memberExternalId);
    return this.post(workspace, channel, view);
  }

  async openDm(teamId: string, userId: string): Promise<string> {
    const key = `${teamId}:${userId}`;
    const known = this.dmChannels.get(key);
    if (known) return known;
    const client = await this.client(teamId);
    const result = await call('conversations.open', () => client.conversations.open({ users: userId }));
    const id = result.channel?.id;
    if (!id) throw new SlackDeliveryError('conversations.open returned no channel');
    this.dmChannels.set(key, id);
    return id;
  }

  /**
   * A private channel for the members, named after the title, that Concord created itself. Names are
   * public and predictable, so a channel that already has the name may be anyone's: Concord never
   * takes it over, but makes its own under the name with a random suffix. A retry finds the channel
   * by the id the first attempt remembered. Whoever else is in it is removed before anything is posted.
   */
  async openPrivateSpace(workspace: { externalId: string }, request: PrivateSpaceRequest): Promise<{ channelId: string }> {
    const client = await this.client(workspace.externalId);
    const space: SpaceWords = { name: channelName(request.title), t: slackText(request.locale ?? 'en') };
    let channelId = request.channelId;
    if (!channelId) {
      channelId = await this.createPrivateChannel(client, space, workspace.externalId);
      await request.remember?.(channelId);
    }
    const bot = await this.botUser(workspace.externalId, client);
    // The bot created the channel, so it is in already; Slack refuses to invite it again.
    const members = [...new Set(request.memberExternalIds)].filter((id) => id !== bot);
    if (members.length > 0) await this.invite(client, channelId, members, space);
    await this.removeStrangers(client, channelId, new Set([...members, ...(bot ? [bot] : [])]), space);
    return { channelId };
  }

  private async createPrivateChannel(client: WebClient, { name, t }: SpaceWords, teamId: string): Promise<string> {
    let candidate = name;
    for (let attempt = 0; ; attempt++) {
      try {
        // team_id says which workspace of an org an org-wide token acts in; a workspace's own token names itself.
        const created = await client.conversations.create({ name: candidate, is_private: true, team_id: teamId });
        const id = created.channel?.id;
        if (!id) throw new SlackDeliveryError('conversations.create returned no channel');
        return id;
      } catch (error) {
        if (slackError(error) !== 'name_taken' || attempt >= 4) throw privateSpaceError('conversations.create', error, { name: candidate, t });
        candidate = withSuffix(name, randomBytes(3).toString('hex'));
      }
    }
  }

  /** Removes everyone in the channel who is not one of `allowed`; refuses the channel when someone cannot be removed. */
  private async removeStrangers(client: WebClient, channel: string, allowed: Set<string>, space: SpaceWords): Promise<void> {
    const strangers: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.conversations.members({ channel, limit: 200, ...(cursor ? { cursor } : {}) }).catch((error: unknown) => {
        throw privateSpaceError('conversations.members', error, space);
      });
      for (const user of page.members ?? []) if (!allowed.has(user)) strangers.push(user);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    for (const user of strangers) {
      try {
        await client.conversations.kick({ channel, user });
      } catch (error) {
        if (slackError(error) === 'not_in_channel') continue;
        throw new SlackDeliveryError(
          `${space.t('slack.space.stranger', { name: space.name })} (Slack: conversations.kick ${slackError(error) ?? 'error'})`,
          undefined,
          { cause: error },
        );
      }
    }
  }

  private async invite(client: WebClient, channel: string, users: string[], space: SpaceWords): Promise<void> {
    try {
      await client.conversations.invite({ channel, users: users.join(',') });
    } catch (error) {
      if (slackError(error) !== 'already_in_channel') throw privateSpaceError('conversations.invite', error, space);
      // A retry after a partial invite: Slack rejects the whole batch when any one member is in already.
      if (users.length === 1) return;
      for (const user of users) await this.invite(client, channel, [user], space);
    }
  }

  private async botUser(teamId: string, client: WebClient): Promise<string | undefined> {
    const known = this.botUsers.get(teamId);
    if (known) return known;
    const auth = await call('auth.test', () => client.auth.test());
    if (auth.user_id) this.botUsers.set(teamId, auth.user_id);
    return auth.user_id;
  }

  private async client(teamId: string): Promise<WebClient> {
    const token = await this.tokens(teamId);
    if (!token) throw new SlackDeliveryError(`Concord is not installed in Slack team ${teamId}`);
    let client = this.clients.get(token);
    if (!client) {
      const options: WebClientOptions = {
        slackApiUrl: this.apiUrl,
        // One attempt: a retry here would hold the outbox lease and hide the rate limit from it.
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: this.opts.timeoutMs ?? 15_000,
        logger: silent,
        fetch: slackFetch,
      };
      client = new WebClient(token, options);
      this.clients.set(token, client);
    }
    return client;
  }
}

async function call<T>(method: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toDeliveryError(method, error);
  }
}

/** Slack's errors as what the outbox understands: a message, and for 429 how long to wait. */
export function toDeliveryError(method: string, error: unknown): SlackDeliveryError {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  if (e?.code === ErrorCode.RateLimitedError) {
    const seconds = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? e.retryAfter : 30;
    return new SlackDeliveryError(`${method}: rate limited by Slack, retry after ${seconds}s`, seconds * 1000, { cause: error });
  }
  if (e?.code === ErrorCode.PlatformError) return new SlackDeliveryError(`${method}: ${e.data?.error ?? 'error'}`, undefined, { cause: error });
  if (e?.code === ErrorCode.HTTPError) return new SlackDeliveryError(`${method}: HTTP ${e.statusCode ?? '?'}`, undefined, { cause: error });
  return new SlackDeliveryError(`${method}: ${e?.message ?? String(error)}`, undefined, { cause: error });
}

/** Slack's rules for channel names: lowercase letters, digits, hyphens and underscores, at most 80. */
export function channelName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'concord-private';
}

/** The name with a suffix, still within Slack's 80 characters. */
export function withSuffix(name: string, suffix: string): string {
  return `${name.slice(0, 80 - suffix.length - 1).replace(/-+$/, '')}-${suffix}`;
}

function slackError(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  return e?.code === ErrorCode.PlatformError ? e.data?.error : undefined;
}

const SCOPE_FOR: Record<string, string> = {
  'conversations.create': 'groups:write',
  'conversations.invite': 'groups:write',
  'conversations.members': 'groups:read',
  'conversations.kick': 'groups:write',
};

/**
 * A private channel as a failure to open it is explained: its name, and the words of the member who asked for it
 * (the requester reads the explanation inside a notice in their own language; English when nobody asked).
 */
interface SpaceWords {
  name: string;
  t: SlackTranslator;
}

/** What went wrong, worded for the workspace admin who has to fix it; the requester is shown this text. */
function privateSpaceError(method: string, error: unknown, { name, t }: SpaceWords): SlackDeliveryError {
  if (error instanceof SlackDeliveryError) return error;
  const code = slackError(error);
  const needed = (error as { data?: { needed?: string } })?.data?.needed ?? SCOPE_FOR[method];
  const explain = (text: string) => new SlackDeliveryError(`${text} (Slack: ${method} ${code})`, undefined, { cause: error });
  switch (code) {
    case 'missing_scope':
      return explain(t('slack.space.missingScope', { scope: String(needed) }));
    case 'restricted_action':
      return explain(t('slack.space.restricted'));
    case 'not_allowed_token_type':
    case 'invalid_auth':
    case 'account_inactive':
    case 'token_revoked':
      return explain(t('slack.space.tokenRefused'));
    case 'invalid_name':
    case 'invalid_name_specials':
    case 'invalid_name_required':
    case 'invalid_name_maxlength':
    case 'invalid_name_punctuation':
      return explain(t('slack.space.badName', { name }));
    case 'no_channel':
    case 'is_archived':
      return explain(t('slack.space.archived', { name }));
    case 'user_is_restricted':
    case 'cant_invite':
    case 'ura_max_channels':
      return explain(t('slack.space.cannotInvite', { name }));
    case 'user_not_found':
    case 'user_not_visible':
      return explain(t('slack.space.notVisible', { name }));
    case 'not_in_channel':
      return explain(t('slack.space.notMember', { name }));
    default:
      return toDeliveryError(method, error);
  }
}
