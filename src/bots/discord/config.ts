// The Discord adapter's environment, parsed once with zod: the bot's token and application, an optional test server, where the API lives, and which gateway shards this process holds.
import { z } from 'zod';
import { ConfigError } from '../../config.js';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const snowflake = (what: string) => optional.pipe(z.string().regex(/^\d{17,20}$/, `must be ${what}: 17 to 20 digits`).optional());

/**
 * `1,3/4` → shards 1 and 3 of 4. Each guild's events, its interactions among them, go to one shard
 * only, so processes that split the shards between them never receive the same guild.
 */
const shards = optional.pipe(
  z
    .string()
    .transform((v, ctx): { ids: number[]; count: number } => {
      const match = /^(\d+(?:\s*,\s*\d+)*)\s*\/\s*(\d+)$/.exec(v);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: 'must be the shard ids this process holds, a slash and the total shard count, such as 0/2 or 1,3/4' });
        return z.NEVER;
      }
      const ids = (match[1] ?? '').split(',').map((id) => Number(id.trim()));
      const count = Number(match[2]);
      if (count < 1) {
        ctx.addIssue({ code: 'custom', message: 'must give a shard count of 1 or more after the slash' });
        return z.NEVER;
      }
      for (const id of new Set(ids.filter((id) => id >= count))) {
        ctx.addIssue({ code: 'custom', message: `shard ${id} is out of range: ${count === 1 ? 'with 1 shard the only id is 0' : `with ${count} shards the ids run from 0 to ${count - 1}`}` });
      }
      for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) {
        ctx.addIssue({ code: 'custom', message: `lists shard ${id} more than once` });
      }
      return { ids, count };
    })
    .optional(),
);

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
  DISCORD_SHARDS: shards,
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Commands are registered in this server only (they appear at once), and DMs act in it. */
  guildId?: string;
  /** REST base without the version, as discord.js wants it: https://discord.com/api. */
  api: string;
  version: string;
  /** The gateway shards this process holds, of `count` in all. Unset: every shard, in this process. */
  shards?: { ids: number[]; count: number };
}

const DISCORD_KEYS = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'DISCORD_SHARDS'] as const;

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
    ...(e.DISCORD_SHARDS ? { shards: e.DISCORD_SHARDS } : {}),
  };
}
