// The Discord adapter's public face: configuration, the client, the messenger, the commands and start-up.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Concord, Logger } from '../../core/service.js';
import type { DiscordConfig } from './config.js';
import { InteractionHandler } from './interactions.js';
import { DiscordMessenger } from './messenger.js';
import type { TickOutcome } from '../../core/ports.js';
import type { Intake } from '../../runtime/intake.js';

export { loadDiscordConfig, type DiscordConfig } from './config.js';
export { DiscordMessenger, MissingPermissionsError } from './messenger.js';
export { InteractionHandler, type InteractionOptions } from './interactions.js';
export { commandDefinitions, nativeToLine } from './commands.js';
export { registerCommands, createRest } from './register.js';
export { renderView, renderViews, type DiscordMessage } from './render.js';
export { LIMITS } from './limits.js';

/**
 * A client whose REST calls go through global fetch (discord.js otherwise uses undici directly),
 * so a proxy or a test's request interceptor sees each one. With `shards` it connects only those
 * gateway shards, so that the other processes of the same application receive the other guilds.
 */
export function createDiscordClient(config: Pick<DiscordConfig, 'api' | 'version' | 'shards'> & { token?: string }): Client {
  // Interactions arrive whatever the intents; Guilds keeps server names and channels cached.
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(config.shards ? { shards: config.shards.ids, shardCount: config.shards.count } : {}),
    rest: { api: config.api, version: config.version, makeRequest: (url, init) => fetch(url, init as RequestInit) as never },
  });
  if (config.token) client.rest.setToken(config.token);
  return client;
}

export interface DiscordAdapter {
  client: Client;
  messenger: DiscordMessenger;
  handler: InteractionHandler;
  stop(): Promise<void>;
}

/**
 * Connects to Discord and answers interactions through `core`, each stored in `intake` before it is acknowledged.
 * Pass the client that the messenger given to createApp was built on, or let one be made here and add `messenger`
 * afterwards. Interactions a stopped process left unfinished are taken over once the client is connected.
 */
export async function startDiscord(opts: {
  core: Pick<Concord, 'execute'>;
  config: DiscordConfig;
  logger: Logger;
  intake: Intake;
  client?: Client;
  tick?: () => Promise<TickOutcome | void>;
}): Promise<DiscordAdapter> {
  const client = opts.client ?? createDiscordClient(opts.config);
  const handler = new InteractionHandler({ core: opts.core, logger: opts.logger, intake: opts.intake, ...(opts.config.guildId ? { guildId: opts.config.guildId } : {}), ...(opts.tick ? { tick: opts.tick } : {}) });
  handler.attach(client);
  client.on(Events.Error, (error) => opts.logger.error({ err: error }, 'discord client error'));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(opts.config.token);
  await ready;
  opts.logger.info(
    { user: client.user?.tag, guilds: client.guilds.cache.size, ...(opts.config.shards ? { shards: opts.config.shards.ids, shardCount: opts.config.shards.count } : {}) },
    'connected to Discord',
  );
  opts.intake.start();
  return {
    client,
    messenger: new DiscordMessenger(client),
    handler,
    async stop() {
      await handler.settled();
      await client.destroy();
    },
  };
}
