// The Slack adapter's environment, parsed once with zod: which transport, which tokens, where the Web API lives.
import { z } from 'zod';
import { ConfigError } from '../../config.js';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const prefixed = (prefix: string, what: string) =>
  optional.pipe(z.string().startsWith(prefix, `must be ${what} starting with ${prefix}`).optional());

const SlackEnvSchema = z.object({
  SLACK_BOT_TOKEN: prefixed('xoxb-', 'a bot token'),
  SLACK_APP_TOKEN: prefixed('xapp-', 'an app-level token'),
  SLACK_SIGNING_SECRET: optional.pipe(z.string().regex(/^[0-9a-f]{16,}$/i, 'must be the hex signing secret from Basic Information').optional()),
  SLACK_CLIENT_ID: optional.pipe(z.string().regex(/^\d+\.\d+$/, 'must look like 1234567890.1234567890').optional()),
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional.pipe(z.string().min(16, 'must be at least 16 characters of random text').optional()),
  SLACK_TOKEN_KEY: optional.pipe(
    z
      .string()
      .transform((v) => v.split(',').map((key) => key.trim()))
      .pipe(z.array(z.string().min(32, 'each key must be at least 32 characters of random text (keys are separated by commas, the first seals)')))
      .optional(),
  ),
  SLACK_REDIRECT_URI: optional.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL ending in /slack/oauth_redirect' }).optional()),
  SLACK_API_URL: optional.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' }).optional()),
  PORT: optional.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a port number from 1 to 65535')
      .transform(Number)
      .pipe(z.number().min(1, 'must be a port number from 1 to 65535').max(65535, 'must be a port number from 1 to 65535'))
      .optional(),
  ),
});

export type SlackAuth =
  | { kind: 'single'; botToken: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; stateSecret: string; redirectUri?: string; tokenKeys?: string[] };

export interface SlackConfig {
  /** Socket Mode when an app-level token is given (no public URL needed); otherwise HTTP on `port`. */
  mode: 'socket' | 'http';
  appToken?: string;
  signingSecret?: string;
  auth: SlackAuth;
  /** Web API base URL, always ending in `/`. */
  apiUrl: string;
  /** HTTP mode: the receiver. Socket Mode with OAuth: the install pages. */
  port: number;
}

const SLACK_KEYS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/**
 * Reads the Slack variables. Returns null when none of them is set, so the same build runs the
 * console alone. Throws ConfigError with one line per problem otherwise.
 */
export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig | null {
  if (!SLACK_KEYS.some((key) => (env[key] ?? '').trim() !== '')) return null;
  const parsed = SlackEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const oauthKeys = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const oauthGiven = oauthKeys.filter((key) => e[key] !== undefined);
  if (oauthGiven.length > 0 && oauthGiven.length < oauthKeys.length) {
    for (const key of oauthKeys) {
      if (e[key] === undefined) problems.push(`${key}: is required when ${oauthGiven.join(' and ')} ${oauthGiven.length === 1 ? 'is' : 'are'} set (multi-workspace OAuth)`);
    }
  }
  if (e.SLACK_BOT_TOKEN && oauthGiven.length > 0) {
    problems.push('SLACK_BOT_TOKEN: set it for a single workspace, or SLACK_CLIENT_ID/SECRET/STATE_SECRET for many, not both');
  }
  if (!e.SLACK_BOT_TOKEN && oauthGiven.length === 0) {
    problems.push('SLACK_BOT_TOKEN: is required (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install into many workspaces)');
  }
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (e.SLACK_REDIRECT_URI && oauthGiven.length === 0) {
    problems.push('SLACK_REDIRECT_URI: only means something with SLACK_CLIENT_ID/SECRET/STATE_SECRET');
  }
  if (e.SLACK_TOKEN_KEY && oauthGiven.length === 0) {
    problems.push('SLACK_TOKEN_KEY: only means something with SLACK_CLIENT_ID/SECRET/STATE_SECRET (a single workspace keeps its token in SLACK_BOT_TOKEN)');
  }
  if (oauthGiven.length === oauthKeys.length && !e.SLACK_TOKEN_KEY && env.NODE_ENV === 'production') {
    problems.push('SLACK_TOKEN_KEY: is required in production (NODE_ENV=production) with SLACK_CLIENT_ID/SECRET/STATE_SECRET, or every workspace’s bot token is stored in plain text');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const auth: SlackAuth = e.SLACK_BOT_TOKEN
    ? { kind: 'single', botToken: e.SLACK_BOT_TOKEN }
    : {
        kind: 'oauth',
        clientId: e.SLACK_CLIENT_ID!,
        clientSecret: e.SLACK_CLIENT_SECRET!,
        stateSecret: e.SLACK_STATE_SECRET!,
        ...(e.SLACK_REDIRECT_URI ? { redirectUri: e.SLACK_REDIRECT_URI } : {}),
        ...(e.SLACK_TOKEN_KEY ? { tokenKeys: e.SLACK_TOKEN_KEY } : {}),
      };
  const apiUrl = e.SLACK_API_URL ?? 'https://slack.com/api/';
  return {
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    auth,
    apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
    port: e.PORT ?? 3000,
  };
}
