// Start-up of the Slack adapter: the Bolt app on its receiver (the HTTP front door or Socket Mode), its installation store and listeners.
import { App, type InstallationStore, type Receiver } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { TickOutcome } from '../../core/ports.js';
import type { Concord, Logger } from '../../core/service.js';
import type { Database } from '../../db/client.js';
import type { Intake } from '../../runtime/intake.js';
import { SlackAnswers } from './answers.js';
import type { SlackConfig } from './config.js';
import { DrizzleInstallationStore } from './installations.js';
import { SLASH_COMMAND, registerListeners } from './listeners/index.js';
import { boltLogger } from './logger.js';
import type { SlackMessenger } from './messenger.js';
import { SingleUseStateStore } from './oauth-state.js';
import { SlackHttpReceiver } from './receiver.js';
import { slackFetch } from './respond.js';
import { SlackSocketReceiver } from './socket-receiver.js';
import { TokenSeal } from './token-seal.js';

export { SLASH_COMMAND } from './listeners/index.js';
export { homeView } from './home.js';

/** Everything Concord asks for; slack/manifest.yml lists the same. */
export const BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'im:write', 'files:write', 'users:read', 'groups:read', 'groups:write'] as const;

export const SLACK_PATHS = {
  events: '/slack/events',
  install: '/slack/install',
  oauthRedirect: '/slack/oauth_redirect',
  health: '/healthz',
} as const;

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
  /** Where requests are stored before they are acknowledged (the app's, shared with the other adapters). */
  intake: Intake;
}

export interface SlackBot {
  app: App;
  /** HTTP mode: the port listened on. */
  port?: number;
  /** Resolves once all work started by requests received so far has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
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

  let receiver: Receiver;
  let http: SlackHttpReceiver | null = null;
  let socket: SlackSocketReceiver | null = null;
  if (config.mode === 'socket') {
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
      port: opts.port ?? config.port,
    };
    socket = new SlackSocketReceiver({
      socket: { appToken: config.appToken!, logger: log, ...oauth, installerOptions },
      commands: [SLASH_COMMAND],
      logger,
      intake: opts.intake,
    });
    receiver = socket;
  } else {
    http = new SlackHttpReceiver({
      intake: opts.intake,
      ...(opts.database.url ? { databaseUrl: opts.database.url } : {}),
      port: opts.port ?? config.port,
      signingSecret: config.signingSecret!,
      paths: { events: SLACK_PATHS.events, health: SLACK_PATHS.health },
      commands: [SLASH_COMMAND],
      logger,
      ...(config.auth.kind === 'oauth' && store
        ? {
            install: {
              provider: {
                clientId: config.auth.clientId,
                clientSecret: config.auth.clientSecret,
                stateSecret: config.auth.stateSecret,
                stateStore: new SingleUseStateStore(config.auth.stateSecret),
                installationStore: store as InstallationStore,
                directInstall: true,
                clientOptions,
                logger: log,
              },
              installPath: SLACK_PATHS.install,
              redirectPath: SLACK_PATHS.oauthRedirect,
              urlOptions: { scopes: [...BOT_SCOPES], ...(config.auth.redirectUri ? { redirectUri: config.auth.redirectUri } : {}) },
            },
          }
        : {}),
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
  const answers = new SlackAnswers(opts.core, logger, opts.tick, opts.messenger);
  registerListeners(app, answers, store);
  app.error(async (error) => {
    logger.error({ err: error }, 'slack listener failed');
  });

  if (http) {
    const door = http;
    await app.start();
    const port = door.port!;
    logger.info({ port, mode: 'http', auth: config.auth.kind }, 'slack adapter listening');
    return {
      app,
      port,
      idle: async () => {
        await door.settled();
        await answers.idle();
      },
      // Stop taking requests and let the acknowledged ones finish their work; what has not started stays stored.
      stop: async () => {
        await app.stop(async () => {
          await opts.intake.idle();
          await answers.idle();
        });
      },
    };
  }
  const link = socket!;
  await app.start();
  logger.info({ mode: 'socket', auth: config.auth.kind }, 'slack adapter connected');
  return {
    app,
    idle: async () => {
      await link.settled();
      await answers.idle();
    },
    // Stop taking envelopes and let the acknowledged ones finish their work; what has not started stays stored.
    stop: async () => {
      await app.stop(async () => {
        await opts.intake.idle();
        await answers.idle();
      });
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

