// The Slack variables: which transport and auth they select, and one clear line per mistake.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config.js';
import { loadSlackConfig } from '../../../src/bots/slack/index.js';

const SECRET = '0123456789abcdef0123456789abcdef';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadSlackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadSlackConfig', () => {
  it('is off when no Slack variable is set, so the console runs alone', () => {
    expect(loadSlackConfig({})).toBeNull();
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: '', PORT: '8080' })).toBeNull();
  });

  it('uses Socket Mode with an app token and HTTP with a signing secret', () => {
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual({
      mode: 'socket',
      appToken: 'xapp-1',
      auth: { kind: 'single', botToken: 'xoxb-1' },
      apiUrl: 'https://slack.com/api/',
      port: 3000,
    });
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, PORT: '8080', SLACK_API_URL: 'http://localhost:9000/api' })).toEqual({
      mode: 'http',
      signingSecret: SECRET,
      auth: { kind: 'single', botToken: 'xoxb-1' },
      apiUrl: 'http://localhost:9000/api/',
      port: 8080,
    });
  });

  it('installs into many workspaces with the three OAuth variables', () => {
    expect(
      loadSlackConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'shh', SLACK_STATE_SECRET: 'a-long-random-state-secret', SLACK_REDIRECT_URI: 'https://c.example/slack/oauth_redirect' })?.auth,
    ).toEqual({ kind: 'oauth', clientId: '123.456', clientSecret: 'shh', stateSecret: 'a-long-random-state-secret', redirectUri: 'https://c.example/slack/oauth_redirect' });
  });

  it('seals installation tokens with SLACK_TOKEN_KEY, a comma-separated list whose first key seals', () => {
    const oauth = { SLACK_SIGNING_SECRET: SECRET, SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'shh', SLACK_STATE_SECRET: 'a-long-random-state-secret' };
    const newKey = 'n'.repeat(32);
    const oldKey = 'o'.repeat(40);
    expect(loadSlackConfig({ ...oauth, SLACK_TOKEN_KEY: ` ${newKey} , ${oldKey}` })?.auth).toMatchObject({ kind: 'oauth', tokenKeys: [newKey, oldKey] });
    expect(problems({ ...oauth, SLACK_TOKEN_KEY: `${newKey},short` })).toEqual([
      'SLACK_TOKEN_KEY.1: each key must be at least 32 characters of random text (keys are separated by commas, the first seals)',
    ]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, SLACK_TOKEN_KEY: newKey })).toEqual([
      'SLACK_TOKEN_KEY: only means something with SLACK_CLIENT_ID/SECRET/STATE_SECRET (a single workspace keeps its token in SLACK_BOT_TOKEN)',
    ]);
  });

  it('names each bad or missing variable on its own line', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_APP_TOKEN: 'xoxb-wrong', PORT: 'eighty', SLACK_API_URL: 'slack' })).toEqual([
      'SLACK_BOT_TOKEN: must be a bot token starting with xoxb-',
      'SLACK_APP_TOKEN: must be an app-level token starting with xapp-',
      'SLACK_API_URL: must be an http(s) URL such as https://slack.com/api/',
      'PORT: must be a port number from 1 to 65535',
    ]);
    expect(problems({ SLACK_CLIENT_ID: '123.456' })).toEqual([
      'SLACK_CLIENT_SECRET: is required when SLACK_CLIENT_ID is set (multi-workspace OAuth)',
      'SLACK_STATE_SECRET: is required when SLACK_CLIENT_ID is set (multi-workspace OAuth)',
      'SLACK_SIGNING_SECRET: is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    ]);
    expect(problems({ SLACK_SIGNING_SECRET: SECRET })).toEqual([
      'SLACK_BOT_TOKEN: is required (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install into many workspaces)',
    ]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'not hex', SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'short' })).toEqual([
      'SLACK_SIGNING_SECRET: must be the hex signing secret from Basic Information',
      'SLACK_STATE_SECRET: must be at least 16 characters of random text',
    ]);
  });

  it('refuses to start many-workspace mode in production without a key to seal bot tokens', () => {
    const oauth = { SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'a-long-random-state-secret', SLACK_SIGNING_SECRET: SECRET };
    expect(problems({ ...oauth, NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^SLACK_TOKEN_KEY: is required in production/)]);
    expect(problems({ ...oauth, NODE_ENV: 'production', SLACK_TOKEN_KEY: 'k'.repeat(32) })).toEqual([]);
    expect(problems({ ...oauth, NODE_ENV: 'development' })).toEqual([]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, NODE_ENV: 'production' })).toEqual([]);
  });
});
