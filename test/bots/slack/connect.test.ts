// Slack Connect: a channel shared by two organisations that each installed Concord. A member of the other
// organisation acts on the card of the workspace that posted it, never on their own workspace's proposal
// with the same number.
import { expect, it } from 'vitest';
import { DrizzleInstallationStore } from '../../../src/bots/slack/index.js';
import { buttonClick, buttonsOf, installationFor, member, oauthEnv, slashCommand, TEAM, textOf, useSlack, viewSubmission, type Team } from './support.js';

const API_URL = 'https://slack.connect.test/api/';
const PARTNER: Team = { id: 'T0PARTNER', domain: 'partner-org' };
const SHARED = { id: 'C0SHARED', name: 'joint-budget' };
const TOKENS = { [TEAM.id]: 'xoxb-home-token', [PARTNER.id]: 'xoxb-partner-token' };

const t = useSlack({
  apiUrl: API_URL,
  env: oauthEnv(API_URL),
  async prepare(database) {
    const store = new DrizzleInstallationStore(database.db);
    await store.storeInstallation(installationFor(TOKENS[TEAM.id]!, TEAM));
    await store.storeInstallation(installationFor(TOKENS[PARTNER.id]!, PARTNER));
  },
});

const alice = member(1);
/** A member of the partner organisation, in the shared channel. */
const pat = member(7);

/** The proposal card each workspace shows for `proposal 1`, as its own member sees it. */
async function cardOf(team: Team, who: typeof alice, channel: { id: string; name: string }): Promise<string> {
  t.slack.take();
  await t.h.send(slashCommand(who, 'proposal 1', { team, channel }));
  return textOf(t.slack.hooks.at(-1)?.body.blocks);
}

it('records an objection submitted from another organisation on the card’s own workspace', async () => {
  const partnerChannel = { id: 'C0PARTNER', name: 'partner-budget' };
  await t.h.send(slashCommand(pat, 'group create "Partner budget"', { team: PARTNER, channel: partnerChannel }));
  await t.h.send(slashCommand(pat, 'propose "Partner idea" --rule consent', { team: PARTNER, channel: partnerChannel }));
  await t.h.send(slashCommand(alice, 'group create "Joint budget"', { channel: SHARED }));
  await t.h.send(slashCommand(alice, `group add <@${pat.id}>`, { channel: SHARED }));
  t.slack.take();
  await t.h.send(slashCommand(alice, 'propose "Adopt the joint budget" --rule consent', { channel: SHARED }));
  const card = t.slack.of('chat.postMessage').find((c) => c.params.channel === SHARED.id)!;
  expect(card.token).toBe(TOKENS[TEAM.id]);
  const object = buttonsOf(card.params.blocks).find((b) => b.action_id.startsWith('concord:reason'))!;
  t.slack.take();

  // Slack's block_actions from a Slack Connect channel: `team` is the card's workspace, `user.team_id` the member's own.
  await t.h.send(buttonClick(pat, object, { channel: SHARED, userTeam: PARTNER }));
  const opened = t.slack.of('views.open')[0]!;
  expect(opened.token).toBe(TOKENS[TEAM.id]);
  t.slack.take();
  // Its view_submission: `team`, `user.team_id` and `view.team_id` are the member's own, `view.app_installed_team_id` the card's.
  await t.h.send(viewSubmission(pat, opened.params.view as Record<string, unknown>, { reason: { value: { type: 'plain_text_input', value: 'Our legal team needs a week' } } }, { userTeam: PARTNER }));
  expect(t.h.logged.filter((l) => l.level === 'error')).toEqual([]);
  const updated = t.slack.of('chat.update').at(-1)!;
  expect(updated.params.channel).toBe(SHARED.id);
  expect(textOf(updated.params.blocks)).toContain('Our legal team needs a week');

  expect(await cardOf(TEAM, alice, SHARED)).toContain('Our legal team needs a week');
  const partnerCard = await cardOf(PARTNER, pat, partnerChannel);
  expect(partnerCard).toContain('Partner idea');
  expect(partnerCard).not.toContain('Our legal team needs a week');
});

it('shows App Home for the installed workspace when the event names the member’s own team', async () => {
  t.slack.take();
  // Slack's event_callback: the outer team_id is the member's organisation, authorizations[0] the installation it is delivered for.
  await t.h.send({
    contentType: 'application/json',
    body: JSON.stringify({
      token: 'deprecated-verification-token',
      team_id: PARTNER.id,
      context_team_id: TEAM.id,
      context_enterprise_id: null,
      api_app_id: 'A0CONCORD',
      event: { type: 'app_home_opened', user: pat.id, channel: `D${pat.id}`, tab: 'home', event_ts: '1765000004.000500' },
      type: 'event_callback',
      event_id: 'Ev0CONNECTHOME',
      event_time: 1765000004,
      authorizations: [{ enterprise_id: null, team_id: TEAM.id, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: true,
    }),
  });
  const [publish] = t.slack.of('views.publish');
  expect(publish?.token).toBe(TOKENS[TEAM.id]);
  const home = textOf((publish?.params.view as { blocks: unknown }).blocks);
  expect(home).toContain('Adopt the joint budget');
  expect(home).not.toContain('Partner idea');
});
