// Enterprise Grid: an org-wide install serves every workspace of the org, the outbox finds the org's token for each,
// and uninstalling forgets the org.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../../src/db/client.js';
import { DrizzleInstallationStore } from '../../../src/bots/slack/index.js';
import { installationFor, member, oauthEnv, slashCommand, TEAM, useSlack, type Delivery } from './support.js';

const API_URL = 'https://slack.grid.test/api/';
const ORG = 'E0GRIDORG';
const ORG_TOKEN = 'xoxb-org-wide-token';

const t = useSlack({
  apiUrl: API_URL,
  env: oauthEnv(API_URL),
  prepare: (database) => new DrizzleInstallationStore(database.db).storeInstallation(installationFor(ORG_TOKEN, undefined, { id: ORG, name: 'Grid Org' })),
});

/** A request from a workspace of the org, as Slack sends it to an app installed org-wide. */
const fromOrg = (d: Delivery): Delivery => {
  const form = new URLSearchParams(d.body);
  form.set('enterprise_id', ORG);
  form.set('enterprise_name', 'Grid Org');
  form.set('is_enterprise_install', 'true');
  return { ...d, body: form.toString() };
};

it('serves a workspace of an org that installed Concord org-wide, and posts there with the org’s token', async () => {
  const alice = member(1);
  await t.h.send(fromOrg(slashCommand(alice, 'group create "Budget"')));
  await t.h.send(fromOrg(slashCommand(alice, 'propose "Adopt" --rule consent')));
  // Tokens are kept as Slack gave them in this file: the start-up warning says so, and nothing else is logged.
  expect(t.h.logged.filter((l) => !l.msg?.startsWith('SLACK_TOKEN_KEY is not set'))).toEqual([]);
  const [post] = t.slack.of('chat.postMessage');
  expect(post?.token).toBe(ORG_TOKEN);
  expect(post?.params.channel).toBe('C0BUDGET');
  const links = rowsOf<{ team_id: string; enterprise_id: string }>(await t.database.db.execute(sql`select team_id, enterprise_id from slack_enterprise_teams`));
  expect(links).toEqual([{ team_id: TEAM.id, enterprise_id: ORG }]);
});

const orgEvent = (event: Record<string, unknown>, eventId: string): Delivery => ({
  contentType: 'application/json',
  body: JSON.stringify({
    token: 'x',
    team_id: TEAM.id,
    enterprise_id: ORG,
    api_app_id: 'A0CONCORD',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1765000019,
    is_ext_shared_channel: false,
    authorizations: [{ enterprise_id: ORG, team_id: null, user_id: 'UBOT', is_bot: true, is_enterprise_install: true }],
  }),
});

it('stops speaking for a workspace the org takes out of the install, and links it again when it comes back', async () => {
  const store = new DrizzleInstallationStore(t.database.db);
  await t.h.send(orgEvent({ type: 'team_access_revoked', team_ids: [TEAM.id], event_ts: '1765000018.000100' }, 'Ev0REVOKED'));
  expect(await store.botToken(TEAM.id)).toBeNull();
  await t.h.send(fromOrg(slashCommand(member(1), 'group list')));
  expect(await store.botToken(TEAM.id)).toBe(ORG_TOKEN);
});

it('forgets the org and its workspaces when the org uninstalls Concord', async () => {
  const response = await t.h.send(orgEvent({ type: 'app_uninstalled', event_ts: '1765000019.000100' }, 'Ev0ORGUNINSTALL'));
  expect(response.status).toBe(200);
  const store = new DrizzleInstallationStore(t.database.db);
  expect(await store.botToken(TEAM.id)).toBeNull();
  const left = rowsOf<{ n: number }>(await t.database.db.execute(sql`select (select count(*) from slack_installations) + (select count(*) from slack_enterprise_teams) as n`));
  expect(Number(left[0]!.n)).toBe(0);
});
