// Registers Concord's slash commands with Discord: `npm run discord:register` (guild-scoped when DISCORD_GUILD_ID is set).
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../src/config.js';
import { loadDiscordConfig, registerCommands } from '../src/bots/discord/index.js';

export async function registerFromEnv(env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  let config;
  try {
    config = loadDiscordConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      out(error.message);
      return 1;
    }
    throw error;
  }
  if (!config) {
    out('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (and DISCORD_GUILD_ID to register in one server at once).');
    return 1;
  }
  const { route, count } = await registerCommands(config);
  out(`Registered ${count} commands ${config.guildId ? `in server ${config.guildId}` : 'globally (they can take up to an hour to appear)'}: PUT ${route}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  registerFromEnv().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`Registration failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
