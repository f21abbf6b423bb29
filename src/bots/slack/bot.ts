// The Bolt app: receivers for HTTP and Socket Mode, and listeners that turn Slack's payloads into `/concord` lines for core.
import { randomUUID } from 'node:crypto';
import {
  App,
  HTTPReceiver,
  SocketModeReceiver,
  type AllMiddlewareArgs,
  type BlockAction,
  type Context,
  type ButtonAction,
  type InstallationStore,
  type Receiver,
  type SlackViewMiddlewareArgs,
  type ViewSubmitAction,
} from '@slack/bolt';
import type { HomeView, KnownBlock } from '@slack/types';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { CommandContext } from '../../core/context.js';
import type { Locale } from '../../core/i18n/types.js';
import { Gates } from '../../core/gates.js';
import type { Concord, Logger, Reply } from '../../core/service.js';
import type { ActionInput, ListView, View } from '../../core/views/types.js';
import type { Database } from '../../db/client.js';
import { decodeSlackText } from './command-line.js';
import type { SlackConfig } from './config.js';
import { SlackFrontDoor } from './front-door.js';
import { DrizzleInstallationStore } from './installations.js';
import { TokenSeal } from './token-seal.js';
import { SingleUseStateStore } from './oauth-state.js';
import { boltLogger } from './logger.js';
import { slackText } from './messages.js';
import type { SlackMessenger } from './messenger.js';
import {
  CALLBACK_IDS,
  ballotModal,
  decodeMeta,
  formModal,
  proposeModal,
  proposeModalForRule,
  readBallotSubmission,
  readFormSubmission,
  readProposeSubmission,
  readReasonSubmission,
  reasonModal,
  type GroupChoice,
  type ModalMeta,
  type StateValues,
  type Submission,
} from './modals.js';
import { LIMITS, cutMrkdwn, mrkdwn, slackDate } from './mrkdwn.js';
import { ACTION_IDS, blocksOf, decodeAction, renderMessage, renderReply, renderView } from './render.js';
import { postJson, slackFetch } from './respond.js';
import { SlackDirectory, type SlackProfile } from './users.js';
import type { TickOutcome } from '../../core/ports.js';

/** Everything Concord asks for; slack/manifest.yml lists the same. */
export const BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'im:write', 'users:read', 'groups:read', 'groups:write'] as const;

export const SLACK_PATHS = {
  events: '/slack/events',
  install: '/slack/install',
  oauthRedirect: '/slack/oauth_redirect',
  health: '/healthz',
} as const;

export const SLASH_COMMAND = '/concord';

export interface SlackStartOptions {
  core: Concord;
  config: SlackConfig;
  logger: Logger;
  /** Holds the installation store in multi-workspace mode. */
  database: Database;
  /** The messenger handed to createApp; in multi-workspace mode it is given the installation store's tokens. */
  messenger?: SlackMessenger;
  /**
   * Runs due jobs and owed messages; called after each command so cards change at once, not at the next
   * cron tick. Pass Scheduler.nudge, which merges a burst of calls into a few ticks a second.
   */
  tick?: () => Promise<TickOutcome | void>;
  /** HTTP mode: overrides config.port (0 picks a free port). */
  port?: number;
}

export interface SlackBot {
  app: App;
  /** HTTP mode: the port listened on. */
  port?: number;
  /** Resolves once all work started by requests received so far has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Who did something, where, and how to answer them. */
interface Origin {
  teamId: string;
  teamName?: string;
  userId: string;
  userName?: string;
  /** Absent for App Home, where only a DM can answer. */
  channelId?: string;
  channelName?: string;
  responseUrl?: string;
}

export async function startSlack(opts: SlackStartOptions): Promise<SlackBot> {
  const { config, logger } = opts;
  const log = boltLogger(logger);
  const clientOptions: WebClientOptions = {
    slackApiUrl: config.apiUrl,
    // A member is waiting: fail fast on rate limits rather than sit out a Retry-After.
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logger: log,
    fetch: slackFetch,
  };

  let store: DrizzleInstallationStore | null = null;
  if (config.auth.kind === 'oauth') {
    if (!config.auth.tokenKeys) {
      logger.warn({}, 'SLACK_TOKEN_KEY is not set: Slack bot tokens are stored in the database in plain text. Set it to 32+ random characters to seal them (required when NODE_ENV=production)');
    }
    store = new DrizzleInstallationStore(opts.database.db, { seal: config.auth.tokenKeys ? new TokenSeal(config.auth.tokenKeys) : null });
    const { sealed } = await store.sealAll();
    if (sealed) logger.info({ sealed }, 'slack installations sealed under the current SLACK_TOKEN_KEY');
    const tokens = store;
    opts.messenger?.useTokens((teamId) => tokens.botToken(teamId));
  }
  const oauth =
    config.auth.kind === 'oauth' && store
      ? {
          clientId: config.auth.clientId,
          clientSecret: config.auth.clientSecret,
          stateSecret: config.auth.stateSecret,
          installationStore: store as InstallationStore,
          scopes: [...BOT_SCOPES],
          ...(config.auth.redirectUri ? { redirectUri: config.auth.redirectUri } : {}),
        }
      : {};
  const installerOptions = {
    ...(config.auth.kind === 'oauth' ? { stateStore: new SingleUseStateStore(config.auth.stateSecret) } : {}),
    installPath: SLACK_PATHS.install,
    redirectUriPath: SLACK_PATHS.oauthRedirect,
    directInstall: true,
    clientOptions,
  };

  let receiver: Receiver;
  let http: HTTPReceiver | null = null;
  if (config.mode === 'socket') {
    receiver = new SocketModeReceiver({ appToken: config.appToken!, logger: log, ...oauth, installerOptions: { ...installerOptions, port: opts.port ?? config.port } });
  } else {
    http = new HTTPReceiver({
      signingSecret: config.signingSecret!,
      endpoints: SLACK_PATHS.events,
      logger: log,
      // Ack first, work after: Slack gives three seconds and a transaction plus Web API calls can take longer.
      processBeforeResponse: false,
      ...oauth,
      installerOptions,
    });
    receiver = http;
  }
  const app = new App({
    receiver,
    logger: log,
    clientOptions,
    // Concord keeps its own state; Bolt's conversation store would cost a lookup on every request.
    convoStore: false,
    ...(config.auth.kind === 'single' ? { token: config.auth.botToken, ...(await botIdentity(config.auth.botToken, clientOptions)) } : {}),
  });

  if (store) {
    // A workspace of an org that installed Concord org-wide: remember whose token speaks for it in the outbox.
    const tokens = store;
    const linked = new Set<string>();
    app.use(async ({ context, next }) => {
      const { teamId, enterpriseId } = context;
      const key = `${enterpriseId}:${teamId}`;
      if (context.isEnterpriseInstall && teamId && enterpriseId && !linked.has(key)) {
        // The command still runs if this fails; the link is written again with the team's next request.
        await tokens.linkTeam(teamId, enterpriseId).then(
          () => linked.add(key),
          (error: unknown) => logger.error({ err: error, teamId, enterpriseId }, 'slack org workspace not linked'),
        );
      }
      await next();
    });
    // Links removed (an org uninstalled, or took a workspace out): each workspace is linked afresh when it comes back.
    store.onUnlinked = () => linked.clear();
  }
  const handlers = new SlackHandlers(opts.core, logger, opts.tick, opts.messenger);
  handlers.register(app, store);
  app.error(async (error) => {
    logger.error({ err: error }, 'slack listener failed');
  });

  if (http) {
    // Bolt's HTTPReceiver stays for its OAuth wiring and install pages; Slack's requests come in through the front door.
    const door = await SlackFrontDoor.start({
      port: opts.port ?? config.port,
      signingSecret: config.signingSecret!,
      paths: { events: SLACK_PATHS.events, health: SLACK_PATHS.health, pages: [SLACK_PATHS.install, SLACK_PATHS.oauthRedirect] },
      commands: [SLASH_COMMAND],
      app,
      logger,
      ...(store ? { fallback: http.requestListener } : {}),
    });
    logger.info({ port: door.port, mode: 'http', auth: config.auth.kind }, 'slack adapter listening');
    return {
      app,
      port: door.port,
      idle: async () => {
        await door.settled();
        await handlers.idle();
      },
      // Stop taking requests, let the acknowledged ones finish their work, then drop what is left.
      stop: () => door.stop(() => handlers.idle()),
    };
  }
  await app.start();
  logger.info({ mode: 'socket', auth: config.auth.kind }, 'slack adapter connected');
  return {
    app,
    idle: () => handlers.idle(),
    async stop() {
      await app.stop();
      await handlers.idle();
    },
  };
}

/**
 * Checks the bot token once at start-up. Given the ids, Bolt skips its own auth.test, whose failure
 * would otherwise surface later as an unhandled rejection instead of a clear reason not to start.
 */
async function botIdentity(token: string, clientOptions: WebClientOptions): Promise<{ botId?: string; botUserId?: string }> {
  let result;
  try {
    result = await new WebClient(token, clientOptions).auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    throw new Error(code ? `Slack refused SLACK_BOT_TOKEN (${code})` : `Slack's Web API at ${clientOptions.slackApiUrl} could not be reached: ${(error as Error).message}`, { cause: error });
  }
  return { ...(result.bot_id ? { botId: result.bot_id } : {}), ...(result.user_id ? { botUserId: result.user_id } : {}) };
}

type Client = WebClient;

/** See SlackHandlers.execute. */
const COMMANDS_IN_FLIGHT = 8;

class SlackHandlers {
  private readonly inflight = new Set<Promise<void>>();
  private readonly commands = new Gates(COMMANDS_IN_FLIGHT);
  private readonly directory: SlackDirectory;
  /** The language each member was last answered in, for modals opened without asking core first. */
  private readonly locales = new Map<string, Locale>();
  /** Slash commands and interactions carry the team's domain; events do not. */
  private readonly teamNames = new Map<string, string>();

  constructor(
    private readonly core: Concord,
    private readonly logger: Logger,
    private readonly tick: (() => Promise<TickOutcome | void>) | undefined,
    private readonly messenger: SlackMessenger | undefined,
  ) {
    this.directory = new SlackDirectory(logger);
  }

  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  register(app: App, store: DrizzleInstallationStore | null): void {
    app.command(SLASH_COMMAND, async ({ command, ack, client, context }) => {
      await ack();
      const origin: Origin = {
        teamId: installedTeam(context, command.team_id),
        ...(command.team_id === (context.teamId ?? command.team_id) ? { teamName: command.team_domain } : {}),
        userId: command.user_id,
        userName: command.user_name,
        channelId: command.channel_id,
        channelName: command.channel_name,
        responseUrl: command.response_url,
      };
      const text = decodeSlackText(command.text ?? '').trim();
      const key = `slack:command:${command.trigger_id}`;
      await this.run(client, origin, async () => {
        if (text === '' || /^propose$/i.test(text)) return this.openProposeModal(client, origin, command.trigger_id, key);
        await this.execute(client, origin, key, text);
      });
    });

    app.action<BlockAction<ButtonAction>>(new RegExp(`^(${ACTION_IDS.run}|${ACTION_IDS.reason}|${ACTION_IDS.ballot}|${ACTION_IDS.form}):`), async ({ ack, body, action, client, context }) => {
      await ack();
      const origin = originOfAction(body, context);
      const key = `slack:action:${body.trigger_id}`;
      const decoded = decodeAction(action.action_id, action.value ?? '');
      await this.run(client, origin, async () => {
        if (decoded.kind === 'run') return this.execute(client, origin, key, decoded.command);
        const input = decoded.input ?? (await this.inputFromCard(client, origin, key, decoded.command));
        if (!input) return;
        const locale = await this.localeOf(client, origin);
        const meta = metaFor(origin, locale, { command: decoded.command });
        const view =
          input.kind === 'reason'
            ? reasonModal({ locale, prompt: input.prompt, meta })
            : input.kind === 'form'
              ? formModal({ locale, input, meta, title: action.text?.text ?? '' })
              : ballotModal({ locale, input, meta });
        await client.views.open({ trigger_id: body.trigger_id, view });
      });
    });

    app.action<BlockAction<ButtonAction>>(ACTION_IDS.homePropose, async ({ ack, body, client, context }) => {
      await ack();
      const origin = originOfAction(body, context);
      await this.run(client, origin, () => this.openProposeModal(client, origin, body.trigger_id, `slack:action:${body.trigger_id}`));
    });

    app.action<BlockAction>(ACTION_IDS.proposeRule, async ({ ack, body, action, client }) => {
      await ack();
      const view = body.view;
      if (!view) return;
      const rule = 'selected_option' in action ? (action.selected_option?.value ?? undefined) : undefined;
      await this.track(async () => {
        try {
          await client.views.update({ view_id: view.id, hash: view.hash, view: proposeModalForRule(view, rule) });
        } catch (error) {
          // hash_conflict: the member changed the rule again before this update; the later one wins.
          this.logger.warn({ err: error }, 'slack propose modal update failed');
        }
      });
    });

    const submission =
      (read: (values: StateValues, meta: ModalMeta) => Submission, retryHint: boolean) =>
      async ({ ack, body, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
        const meta = decodeMeta(view.private_metadata);
        const result = read(view.state.values as StateValues, meta);
        if (!result.ok) {
          if (Object.keys(result.errors).length) return ack({ response_action: 'errors', errors: result.errors });
          // The modal lost what it was for (metadata cut to fit); closing it beats an error Slack cannot place.
          this.logger.warn({ callbackId: view.callback_id }, 'slack modal submitted without its command');
          return ack();
        }
        await ack();
        const origin = originOfView(body, meta, context);
        // The same view and hash submitted twice is one submission delivered twice.
        const key = `slack:view:${view.id}:${view.hash}`;
        await this.run(client, origin, () => this.execute(client, origin, key, result.command, retryHint ? result.command : undefined));
      };
    app.view<ViewSubmitAction>(CALLBACK_IDS.propose, submission(readProposeSubmission, true));
    app.view<ViewSubmitAction>(CALLBACK_IDS.reason, submission(readReasonSubmission, false));
    app.view<ViewSubmitAction>(CALLBACK_IDS.ballot, submission(readBallotSubmission, false));
    app.view<ViewSubmitAction>(CALLBACK_IDS.form, submission(readFormSubmission, false));

    app.event('app_home_opened', async ({ event, body, client, context }) => {
      if (event.tab !== 'home') return;
      const origin: Origin = { teamId: installedTeam(context, body.authorizations?.[0]?.team_id ?? body.team_id), userId: event.user, channelId: event.channel };
      const key = `slack:event:${body.event_id}`;
      await this.run(client, origin, () => this.publishHome(client, origin, key));
    });

    if (store) {
      // An org-wide install is uninstalled for the whole org at once.
      const installationOf = (context: Context, teamId: string) =>
        context.isEnterpriseInstall && context.enterpriseId
          ? { teamId: undefined, enterpriseId: context.enterpriseId, isEnterpriseInstall: true }
          : { teamId, enterpriseId: undefined, isEnterpriseInstall: false };
      app.event('app_uninstalled', ({ body, context }) =>
        this.track(async () => {
          await store.deleteInstallation(installationOf(context, body.team_id));
          this.logger.info({ teamId: body.team_id, enterpriseId: context.enterpriseId }, 'slack app uninstalled');
        }),
      );
      app.event('team_access_revoked', ({ event }) => this.track(() => store.unlinkTeams(event.team_ids)));
      app.event('tokens_revoked', ({ event, body, context }) =>
        this.track(async () => {
          if (event.tokens.bot?.length) await store.deleteInstallation(installationOf(context, body.team_id));
        }),
      );
    }
  }

  // ---- running commands ----

  private track(work: () => Promise<void>): Promise<void> {
    const promise = work().finally(() => this.inflight.delete(promise));
    this.inflight.add(promise);
    return promise;
  }

  /** Runs the work and, when it fails unexpectedly, tells the member with an error id instead of leaving them waiting. */
  private run(client: Client, origin: Origin, work: () => Promise<void>): Promise<void> {
    return this.track(async () => {
      try {
        await work();
      } catch (error) {
        const errorId = randomUUID().slice(0, 8);
        this.logger.error({ err: error, errorId, team: origin.teamId, user: origin.userId }, 'slack request failed');
        const locale = this.locales.get(`${origin.teamId}:${origin.userId}`) ?? 'en';
        const text = this.core.translate(locale, { key: 'error.unexpected', params: { id: errorId } });
        await this.answer(client, origin, renderMessage([{ type: 'notice', tone: 'danger', text }])).catch((e: unknown) =>
          this.logger.error({ err: e, errorId }, 'slack apology failed'),
        );
      }
    });
  }

  private async context(client: Client, origin: Origin, key: string): Promise<{ ctx: CommandContext; profile: SlackProfile | null }> {
    if (origin.teamName) this.teamNames.set(origin.teamId, origin.teamName);
    const profile = await this.directory.profile(client, origin.teamId, origin.userId);
    const ctx: CommandContext = {
      platform: 'slack',
      workspace: { externalId: origin.teamId, name: this.teamNames.get(origin.teamId) ?? origin.teamId },
      actor: {
        externalId: origin.userId,
        displayName: profile?.displayName ?? origin.userName ?? origin.userId,
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
   * spreading it over hundreds of half-done commands. Modals are opened outside this queue: their
   * trigger ids expire after three seconds.
   */
  private async execute(client: Client, origin: Origin, key: string, text: string, retryCommand?: string): Promise<void> {
    const ok = await this.commands.run(origin.teamId, () => this.executeNow(client, origin, key, text, retryCommand));
    // Outside the queue: a nudged tick may wait a moment to merge with others, and must not hold a place.
    const outcome = ok ? await this.tick?.() : undefined;
    // Saved but not sent: the member must not believe it was posted.
    if (outcome && !outcome.ok) {
      const locale = this.locales.get(`${origin.teamId}:${origin.userId}`) ?? 'en';
      const text = this.core.translate(locale, { key: 'error.notDelivered', params: { id: outcome.errorId } });
      await this.answer(client, origin, renderMessage([{ type: 'notice', tone: 'warning', text }])).catch((error: unknown) =>
        this.logger.error({ err: error, errorId: outcome.errorId }, 'slack could not tell the member their messages are not sent'),
      );
    }
  }

  /** Runs the command and answers the member; true when it succeeded. */
  private async executeNow(client: Client, origin: Origin, key: string, text: string, retryCommand?: string): Promise<boolean> {
    const { ctx } = await this.context(client, origin, key);
    const reply = await this.core.execute(ctx, text);
    this.locales.set(`${origin.teamId}:${origin.userId}`, reply.locale);
    // A retried delivery replays the first reply, which the first delivery already sent.
    if (!reply.replayed) {
      const [message, ...rest] = renderReply(reply.views, LIMITS.messageBlocks - (retryCommand ? 1 : 0));
      if (!reply.ok && retryCommand) {
        const hint = slackText(reply.locale)('slack.retry', { command: `\`/concord ${retryCommand}\`` });
        message!.blocks.push(blocksOf.context(cutMrkdwn(mrkdwn(hint), LIMITS.text)));
      }
      await this.answer(client, origin, message!);
      for (const more of rest) await this.answer(client, origin, more);
    }
    return reply.ok;
  }

  /** Ephemeral where possible: through the response URL, else chat.postEphemeral, else a DM. */
  private async answer(client: Client, origin: Origin, message: { text: string; blocks: KnownBlock[] }): Promise<void> {
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

  private async localeOf(client: Client, origin: Origin): Promise<Locale> {
    const known = this.locales.get(`${origin.teamId}:${origin.userId}`);
    if (known) return known;
    return (await this.directory.profile(client, origin.teamId, origin.userId))?.locale ?? 'en';
  }

  // ---- modals ----

  private async openProposeModal(client: Client, origin: Origin, triggerId: string, key: string): Promise<void> {
    const { ctx, profile } = await this.context(client, origin, key);
    const groups = await this.core.execute({ ...ctx, idempotencyKey: `${key}:groups` }, 'group list');
    this.locales.set(`${origin.teamId}:${origin.userId}`, groups.locale);
    const meta = metaFor(origin, groups.locale, profile?.tz ? { tz: profile.tz } : {});
    const view = proposeModal({ locale: groups.locale, groups: groupChoices(groups, origin), meta });
    try {
      await client.views.open({ trigger_id: triggerId, view });
    } catch (error) {
      // The trigger lasts three seconds; past it, explain the typed form instead.
      this.logger.warn({ err: error }, 'slack views.open failed for the propose modal');
      const usage = await this.core.execute({ ...ctx, idempotencyKey: `${key}:usage` }, 'propose');
      await this.answer(client, origin, renderMessage(usage.views));
    }
  }

  /** The button's spec did not fit in its value: ask core for the proposal and take the spec from its card. */
  private async inputFromCard(client: Client, origin: Origin, key: string, command: string): Promise<ActionInput | null> {
    const number = /^vote\s+#?(\d+)/i.exec(command)?.[1];
    if (!number) return null;
    const { ctx } = await this.context(client, origin, `${key}:show`);
    const reply = await this.core.execute(ctx, `proposal ${number}`);
    for (const view of reply.views) {
      if (view.type !== 'card') continue;
      const action = view.actions.find((a) => a.command === command && a.input);
      if (action?.input) return action.input;
    }
    // Closed or withdrawn since the card was drawn: the fresh card says so.
    await this.answer(client, origin, renderMessage(reply.views));
    return null;
  }

  // ---- App Home ----

  private async publishHome(client: Client, origin: Origin, key: string): Promise<void> {
    const { ctx } = await this.context(client, origin, key);
    const replies: Reply[] = [];
    for (const command of ['proposals', 'decisions', 'group list']) {
      replies.push(await this.core.execute({ ...ctx, idempotencyKey: `${key}:${command}` }, command));
    }
    const locale = replies[0]?.locale ?? 'en';
    this.locales.set(`${origin.teamId}:${origin.userId}`, locale);
    await client.views.publish({ user_id: origin.userId, view: homeView(locale, replies.map((r) => r.views)) });
  }
}

/** App Home: a button to propose, then open proposals, the decision register and the groups, each within its share of 100 blocks. */
export function homeView(locale: Locale, sections: View[][], now: Date = new Date()): HomeView {
  const t = slackText(locale);
  const blocks: KnownBlock[] = [
    blocksOf.header(t('slack.home.title')),
    {
      type: 'section',
      text: { type: 'mrkdwn', text: cutMrkdwn(mrkdwn(t('slack.home.intro')), LIMITS.text) },
      accessory: { type: 'button', action_id: ACTION_IDS.homePropose, style: 'primary', text: { type: 'plain_text', text: t('slack.home.newProposal').slice(0, LIMITS.buttonText), emoji: true }, value: 'propose' },
    },
  ];
  const footer = blocksOf.context(t('slack.home.updated', { date: slackDate(now.toISOString(), now.toISOString().slice(0, 16).replace('T', ' ')) ?? '' }));
  const share = Math.floor((LIMITS.surfaceBlocks - blocks.length - 1) / Math.max(1, sections.length));
  for (const views of sections) {
    const room = share - 1;
    const part: KnownBlock[] = [];
    for (const view of views) {
      if (room - part.length < 2) break;
      part.push(...renderView(view, room - part.length));
    }
    blocks.push(blocksOf.divider(), ...part);
  }
  blocks.push(footer);
  return { type: 'home', blocks: blocks.slice(0, LIMITS.surfaceBlocks) };
}

/** Group names from `group list`, marking the group of the channel the modal was opened in. */
function groupChoices(reply: Reply, origin: Origin): GroupChoice[] {
  if (!reply.ok) return [];
  const list = reply.views.find((v): v is ListView => v.type === 'list');
  if (!list) return [];
  return list.items.map((item) => {
    // Items read "Name (kind)"; the kind is the last parenthesis, so names may hold their own.
    const name = item.text.replace(/ \([^()]*\)$/, '');
    const detail = item.detail ?? '';
    const current = Boolean(
      (origin.channelName && detail.endsWith(`#${origin.channelName}`)) || (origin.channelId && detail.endsWith(origin.channelId)),
    );
    return { name, current };
  });
}

function metaFor(origin: Origin, locale: Locale, extra: Partial<ModalMeta>): ModalMeta {
  return {
    locale,
    ...(origin.channelId ? { channel: origin.channelId } : {}),
    ...(origin.channelName ? { channelName: origin.channelName } : {}),
    ...(origin.responseUrl ? { responseUrl: origin.responseUrl } : {}),
    ...extra,
  };
}

/**
 * The workspace whose Concord a payload is for: the one the app is installed in, which holds the
 * proposals, groups and numbers the member acts on. In a Slack Connect channel a member of another
 * organisation carries their own team: in a modal's `team.id`, `user.team_id` and `view.team_id`, in an
 * event's outer `team_id`. Bolt reads the installed team to pick the token (`view.app_installed_team_id`,
 * `authorizations[0].team_id`, a button's `team.id`) and keeps it in context.teamId; the payload's own
 * field is only the fallback for a context without one.
 */
function installedTeam(context: Context, fallback: string | undefined): string {
  return context.teamId ?? fallback ?? '';
}

function originOfAction(body: BlockAction, context: Context): Origin {
  // A button's `team` is the workspace that posted the card; `user.team_id` is the clicking member's own.
  const teamId = installedTeam(context, body.view?.app_installed_team_id ?? body.team?.id ?? body.user.team_id);
  const fromHome = body.view?.type === 'home';
  return {
    teamId,
    ...(body.team?.domain && body.team.id === teamId ? { teamName: body.team.domain } : {}),
    userId: body.user.id,
    userName: body.user.username ?? body.user.name,
    ...(!fromHome && body.channel ? { channelId: body.channel.id, channelName: body.channel.name } : {}),
    ...(!fromHome && body.response_url ? { responseUrl: body.response_url } : {}),
  };
}

function originOfView(body: ViewSubmitAction, meta: ModalMeta, context: Context): Origin {
  const teamId = installedTeam(context, body.view.app_installed_team_id ?? body.team?.id ?? body.user.team_id ?? body.view.team_id);
  return {
    teamId,
    // A member of another organisation submits from their own team, whose domain is not the installed one's.
    ...(body.team?.domain && body.team.id === teamId ? { teamName: body.team.domain } : {}),
    userId: body.user.id,
    userName: body.user.name,
    ...(meta.channel ? { channelId: meta.channel } : {}),
    ...(meta.channelName ? { channelName: meta.channelName } : {}),
    ...(meta.responseUrl ? { responseUrl: meta.responseUrl } : {}),
  };
}
