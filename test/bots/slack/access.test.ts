// Who Slack says a member is: admins and owners change workspace settings, guests watch unless a convener adds them.
import { beforeEach, expect, it } from 'vitest';
import { buttonClick, buttonsOf, member, slashCommand, textOf, useSlack } from './support.js';

const t = useSlack();

const convener = member(21);
const owner = member(22);
const guest = member(23);
const multiGuest = member(24);
const flags: Record<string, Record<string, boolean>> = {
  [owner.id]: { is_owner: true },
  [guest.id]: { is_restricted: true, is_ultra_restricted: true },
  [multiGuest.id]: { is_restricted: true },
};

beforeEach(() => {
  t.slack.reset();
  t.slack.on('users.info', (p) => {
    const id = String(p.user);
    return { user: { id, name: id.toLowerCase(), tz: 'UTC', locale: 'en-US', is_admin: false, is_owner: false, ...flags[id], profile: { display_name: id.toLowerCase() } } };
  });
});

const replies = () => t.slack.hooks.map((x) => JSON.stringify(x.body)).join('\n');

it('lets the workspace owner, not a convener, change workspace settings', async () => {
  await t.h.send(slashCommand(convener, 'group create "Budget"'));
  t.slack.hooks = [];
  await t.h.send(slashCommand(convener, 'settings timezone Asia/Ho_Chi_Minh --workspace'));
  expect(replies()).toMatch(/Only a workspace admin can change settings for the whole workspace/);
  t.slack.hooks = [];
  await t.h.send(slashCommand(owner, 'settings timezone Asia/Ho_Chi_Minh --workspace'));
  expect(replies()).toMatch(/The workspace time zone is now Asia\/Ho_Chi_Minh/);
});

it('keeps single- and multi-channel guests from joining a group on their own', async () => {
  for (const who of [guest, multiGuest]) {
    t.slack.hooks = [];
    await t.h.send(slashCommand(who, 'group join'));
    expect(replies()).toMatch(/Guest accounts take part in \\"Budget\\" only when a convener adds them/);
  }
  t.slack.hooks = [];
  await t.h.send(slashCommand(convener, `group add <@${guest.id}|${guest.name}>`));
  await t.h.send(slashCommand(guest, 'group info'));
  expect(replies()).toMatch(new RegExp(`Members[^"]*@${guest.id.toLowerCase()}`));
});

it('asks a member named as owner by DM, and the Accept button there makes the commitment count', async () => {
  const helper = member(25);
  await t.h.send(slashCommand(helper, 'group join'));
  t.slack.reset();
  t.slack.on('users.info', (p) => ({ user: { id: String(p.user), name: String(p.user).toLowerCase(), tz: 'UTC', locale: 'en-US', profile: { display_name: String(p.user).toLowerCase() } } }));
  await t.h.send(slashCommand(convener, `commit "Print the flyers" --due "in 3 days" --owner <@${helper.id}|${helper.name}>`));
  await t.h.advance(60_000);
  const ask = t.slack.of('chat.postMessage').find((p) => p.params.channel === `D${helper.id}`);
  expect(textOf(ask?.params.blocks)).toMatch(/named you owner of commitment #\d+/);
  const buttons = buttonsOf(ask!.params.blocks);
  expect(buttons.map((b) => [b.text.text, b.value])).toEqual([
    ['Accept', expect.stringMatching(/^commitment accept \d+$/)],
    ['Decline', expect.stringMatching(/^commitment decline \d+$/)],
  ]);
  t.slack.hooks = [];
  await t.h.send(buttonClick(helper, buttons[0]!, { channel: { id: `D${helper.id}`, name: 'directmessage' }, messageTs: String(ask!.response?.ts) }));
  expect(replies()).toMatch(/You accepted commitment #\d+ \\"Print the flyers\\"/);
});
