// Registers the slash commands: in one server when a server id is given (instant, for testing), else globally.
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from './commands.js';
import type { DiscordConfig } from './config.js';

/** A REST client whose requests go through global fetch, so tests and proxies see every call. */
export function createRest(config: Pick<DiscordConfig, 'api' | 'version'> & { token?: string }): REST {
  const rest = new REST({ api: config.api, version: config.version, makeRequest: (url, init) => fetch(url, init as RequestInit) as never });
  if (config.token) rest.setToken(config.token);
  return rest;
}

export async function registerCommands(config: DiscordConfig, rest: REST = createRest(config)): Promise<{ route: string; count: number }> {
  const route = config.guildId ? Routes.applicationGuildCommands(config.applicationId, config.guildId) : Routes.applicationCommands(config.applicationId);
  const body = commandDefinitions();
  const registered = (await rest.put(route, { body })) as unknown[];
  return { route, count: Array.isArray(registered) ? registered.length : body.length };
}
