// The Messenger port on Slack's Web API. The outbox owns retries, so this makes one attempt and says how long to wait when rate limited.
import { ErrorCode, WebClient, type WebClientOptions } from '@slack/web-api';
import type { MessageRef, Messenger } from '../../core/ports.js';
import type { View } from '../../core/views/types.js';
import type { SlackConfig } from './config.js';
import { renderMessage } from './render.js';

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

const silent = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} };

export class SlackMessenger implements Messenger {
  private tokens: TokenSource;
  private readonly clients = new Map<string, WebClient>();
  private readonly dmChannels = new Map<string, string>();
  private readonly apiUrl: string;

  constructor(
    config: Pick<SlackConfig, 'auth' | 'apiUrl'>,
    private readonly opts: { timeoutMs?: number } = {},
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

  async post(workspace: { externalId: string }, channelId: string, view: View): Promise<MessageRef> {
    const client = await this.client(workspace.externalId);
    const message = renderMessage([view]);
    const result = await call('chat.postMessage', () =>
      client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false }),
    );
    if (!result.ts) throw new SlackDeliveryError('chat.postMessage returned no ts');
    return { channelId: result.channel ?? channelId, messageId: result.ts };
  }

  async update(workspace: { externalId: string }, message: MessageRef, view: View): Promise<void> {
    const client = await this.client(workspace.externalId);
    const rendered = renderMessage([view]);
    await call('chat.update', () => client.chat.update({ channel: message.channelId, ts: message.messageId, text: rendered.text, blocks: rendered.blocks }));
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
