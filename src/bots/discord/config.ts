// The Discord adapter's environment, parsed once with zod: the bot's token and application, an optional test server, and where the API lives.
import { z } from 'zod';
import { ConfigError } from '../../config.js';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const snowflake = (what: string) => optional.pipe(z.string().regex(/^\d{17,20}$/, `must be ${what}: 17 to 20 digits`).optional());

const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: optional.pipe(
    z
      .string({ error: 'is required: the bot token from the Developer Portal (Bot → Reset Token)' })
      .refine((v) => !/^bot\s/i.test(v), 'must be the token alone, without the "Bot " prefix')
      .refine((v) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(v), 'must be a bot token: three parts separated by dots'),
  ),
  DISCORD_APPLICATION_ID: snowflake('the application id from General Information').pipe(
    z.string({ error: 'is required: the application id from General Information (17 to 20 digits)' }),
  ),
  DISCORD_GUILD_ID: snowflake('a server id (enable Developer Mode, then right-click the server → Copy Server ID)'),
  DISCORD_API_URL: optional.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' }).optional()),
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Commands are registered in this server only (they appear at once), and DMs act in it. */
  guildId?: string;
  /** REST base without the version, as discord.js wants it: https://discord.com/api. */
  api: string;
  version: string;
}

const DISCORD_KEYS = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL'] as const;

/** `https://discord.com/api/v10/` → base `https://discord.com/api`, version `10`. */
function splitApiUrl(url: string): { api: string; version: string } {
  const trimmed = url.replace(/\/+$/, '');
  const match = /^(.*)\/v(\d+)$/.exec(trimmed);
  return match ? { api: match[1] ?? trimmed, version: match[2] ?? '10' } : { api: trimmed, version: '10' };
}

/**
 * Reads the Discord variables. Returns null when none of them is set, so the same build runs
 * without Discord. Throws ConfigError with one line per problem otherwise.
 */
export function loadDiscordConfig(env: NodeJS.ProcessEnv = process.env): DiscordConfig | null {
  if (!DISCORD_KEYS.some((key) => (env[key] ?? '').trim() !== '')) return null;
  const parsed = DiscordEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    ...splitApiUrl(e.DISCORD_API_URL ?? 'https://discord.com/api'),
  };
}
