// Multi-workspace: the OAuth install stores the team's token in Postgres, requests from that team use it, uninstalling forgets it.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/db/client.js';
import { BOT_SCOPES, DrizzleInstallationStore } from '../../../src/bots/slack/index.js';
import { TokenSeal } from '../../../src/bots/slack/token-seal.js';
import { deliver, member, oauthEnv, RESPONSE_HOST, slashCommand, TEAM, useSlack } from './support.js';

const API_URL = 'https://slack.oauth.test/api/';
const INSTALLED_TOKEN = 'xoxb-installed-token';

const TOKEN_KEY = 'a-token-sealing-key-of-32-characters-or-more';

const variants: Array<{ sealing: string; env: Record<string, string> }> = [
  { sealing: 'tokens as Slack gave them', env: {} },
  { sealing: 'tokens sealed under SLACK_TOKEN_KEY', env: { SLACK_TOKEN_KEY: TOKEN_KEY } },
];

describe.each(variants)('$sealing', ({ env }) => {
  const t = useSlack({
    apiUrl: API_URL,
    env: {
      ...oauthEnv(API_URL),
      ...env,
    },
  });

  const base = () => `http://127.0.0.1:${t.h.bot.port}`;
  const store = () => new DrizzleInstallationStore(t.database.db, { seal: env.SLACK_TOKEN_KEY ? new TokenSeal([env.SLACK_TOKEN_KEY]) : null });

  it('installs through OAuth, then serves that team with its own token', async () => {
    t.slack.on('oauth.v2.access', (p) => {
      expect(p).toMatchObject({ code: 'the-code', client_id: '1111.2222', client_secret: 'client-secret' });
      return {
        app_id: 'A0CONCORD',
        authed_user: { id: 'U00000001' },
        scope: BOT_SCOPES.join(','),
        token_type: 'bot',
        access_token: INSTALLED_TOKEN,
        bot_user_id: 'UBOT',
        team: { id: TEAM.id, name: 'Concord Test' },
        enterprise: null,
        is_enterprise_install: false,
      };
    });

    // "Add to Slack" sends the browser to Slack with Concord's scopes and a signed state.
    const install = await fetch(`${base()}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const authorize = new URL(install.headers.get('location')!);
    expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorize.searchParams.get('scope')).toBe(BOT_SCOPES.join(','));
    expect(authorize.searchParams.get('client_id')).toBe('1111.2222');
    const state = authorize.searchParams.get('state')!;
    const cookie = install.headers.get('set-cookie')!.split(';')[0]!;

    // Slack sends the browser back with a code, which Concord exchanges for the team's token.
    const callback = await fetch(`${base()}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
    expect(callback.status).toBe(200);
    const rows = rowsOf<{ id: string; team_id: string; bot_token: string }>(await t.database.db.execute(sql`select id, team_id, bot_token from slack_installations`));
    expect(rows).toEqual([{ id: `T:${TEAM.id}`, team_id: TEAM.id, bot_token: env.SLACK_TOKEN_KEY ? expect.stringMatching(/^sealed:v1:/) : INSTALLED_TOKEN }]);
    expect(await store().botToken(TEAM.id)).toBe(INSTALLED_TOKEN);

    // The same redirect again (from history or a log, with a fresh code) installs nothing: a state is spent once.
    const replay = await fetch(`${base()}/slack/oauth_redirect?code=another-code&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(t.slack.of('oauth.v2.access')).toHaveLength(1);
    // A forged state is refused as well.
    const forged = await fetch(`${base()}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(`${state.split('.')[0]}.AAAA`)}`, { headers: { cookie }, redirect: 'manual' });
    expect(forged.status).toBe(400);
    t.slack.take();

    // Requests from that team are answered with its token, and the outbox posts with it too.
    const alice = member(1);
    await t.h.send(slashCommand(alice, 'group create "Budget"'));
    await t.h.send(slashCommand(alice, 'propose "Adopt" --rule consent'));
    expect(t.slack.hooks.map((x) => x.url.startsWith(RESPONSE_HOST))).toEqual([true, true]);
    const post = t.slack.of('chat.postMessage')[0]!;
    expect(post.token).toBe(INSTALLED_TOKEN);
    expect(t.slack.calls.every((c) => c.token === INSTALLED_TOKEN)).toBe(true);
  });

  it('warns at start when bot tokens are stored in plain text', () => {
    const warned = t.h.logged.filter((l) => l.level === 'warn' && l.msg?.includes('SLACK_TOKEN_KEY is not set'));
    expect(warned).toHaveLength(env.SLACK_TOKEN_KEY ? 0 : 1);
  });

  it('serves only the install pages from Bolt’s receiver, and only to GET', async () => {
    const posted = await fetch(`${base()}/slack/install`, { method: 'POST', body: 'x' });
    const other = await fetch(`${base()}/slack/anything`);
    expect([posted.status, other.status]).toEqual([404, 404]);
  });

  it('refuses requests from a team that never installed Concord', async () => {
    t.slack.take();
    const stranger = slashCommand(member(5), 'group create "Intruders"');
    const response = await deliver(t.h.bot.port!, { ...stranger, body: stranger.body.replace(TEAM.id, 'T0STRANGER') });
    await t.h.bot.idle();
    // Bolt acknowledges so Slack stops retrying, and runs no listener.
    expect(response.status).toBe(200);
    expect(t.slack.hooks).toEqual([]);
    expect(t.slack.of()).toEqual([]);
  });

  it('forgets the team’s token when Concord is uninstalled', async () => {
    const body = JSON.stringify({
      token: 'x',
      team_id: TEAM.id,
      api_app_id: 'A0CONCORD',
      event: { type: 'app_uninstalled', event_ts: '1765000009.000100' },
      type: 'event_callback',
      event_id: 'Ev0UNINSTALL',
      event_time: 1765000009,
    });
    const response = await t.h.send({ body, contentType: 'application/json' });
    expect(response.status).toBe(200);
    expect(await store().botToken(TEAM.id)).toBeNull();
  });
});
