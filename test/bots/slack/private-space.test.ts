// A mediation's private space on Slack: a private channel for the parties and the mediator, made once even when retried.
import { HttpResponse } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../support/harness.js';
import { loadSlackConfig, SlackMessenger } from '../../../src/bots/slack/index.js';
import { channelName, withSuffix } from '../../../src/bots/slack/messenger.js';
import { BOT_TOKEN, member, slashCommand, TEAM, textOf, useSlack } from './support.js';

const t = useSlack({ check: 'fake' });

const convener = member(1);
const bob = member(2);
const carol = member(3);
const mention = (m: { id: string; name: string }) => `<@${m.id}|${m.name}>`;
/** The convener asks; both parties agree, which is when the space opens. */
/** Mediations are numbered in the order this file's tests ask for them, in one database. */
let requested = 0;
const mediate = async (topic: string) => {
  const number = ++requested;
  await t.h.send(slashCommand(convener, `mediate ${mention(bob)} ${mention(carol)} --topic "${topic}"`));
  for (const party of [bob, carol]) await t.h.send(slashCommand(party, `mediation accept ${number}`));
};
const platformError = (error: string, extra: Record<string, unknown> = {}) => HttpResponse.json({ ok: false, error, ...extra });

beforeAll(async () => {
  await t.h.send(slashCommand(convener, 'group create "Budget"'));
  for (const m of [bob, carol]) await t.h.send(slashCommand(m, 'group join'));
});
beforeEach(() => t.slack.reset());

it('creates a private channel, invites the parties and the mediator, and welcomes them inside', async () => {
  t.slack.on('conversations.create', (p) => ({ channel: { id: 'G0MED1', name: p.name, is_private: true } }));
  await mediate('Who leads outreach');

  const created = t.slack.of('conversations.create');
  expect(created.map((c) => c.params)).toEqual([expect.objectContaining({ name: 'mediation-1', is_private: 'true', team_id: TEAM.id })]);
  const invites = t.slack.of('conversations.invite');
  expect(invites).toHaveLength(1);
  expect(invites[0]!.params.channel).toBe('G0MED1');
  // The convener mediates: no other member of the group is free of the dispute.
  expect(String(invites[0]!.params.users).split(',').sort()).toEqual([convener.id, bob.id, carol.id].sort());
  expect(String(invites[0]!.params.users)).not.toContain('UBOT');

  const welcome = t.slack.of('chat.postMessage').find((p) => p.params.channel === 'G0MED1');
  expect(welcome).toBeDefined();
  expect(textOf(welcome!.params.blocks)).toContain('Who leads outreach');
  // The invite comes after the channel exists, the welcome after everyone is in.
  const order = t.slack.of().map((c) => c.method);
  expect(order.indexOf('conversations.create')).toBeLessThan(order.indexOf('conversations.invite'));
  expect(order.indexOf('conversations.invite')).toBeLessThan(t.slack.of().indexOf(welcome!));
  expect(t.h.logged.filter((l) => l.level === 'error')).toEqual([]);
});

it('on a retry, finds the channel its interrupted attempt created by id, never by name', async () => {
  t.slack.on('conversations.create', (p) => ({ channel: { id: 'G0MED2', name: String(p.name), is_private: true } }));
  let inviteFailures = 1;
  t.slack.on('conversations.invite', () => (inviteFailures-- > 0 ? new HttpResponse('upstream down', { status: 503 }) : undefined));

  await mediate('Meeting times');
  expect(t.slack.of('conversations.create')).toHaveLength(1);
  expect(t.slack.of('chat.postMessage').some((p) => p.params.channel === 'G0MED2')).toBe(false);

  await t.h.advance(DAY);
  expect(t.slack.of('conversations.create')).toHaveLength(1);
  expect(t.slack.of('conversations.list')).toEqual([]);
  expect(t.slack.of('conversations.invite').map((i) => i.params.channel)).toEqual(['G0MED2', 'G0MED2']);
  expect(t.slack.of('chat.postMessage').filter((p) => p.params.channel === 'G0MED2')).toHaveLength(1);
});

it('never uses a channel someone else made under the next mediation\'s name: it makes its own with a random suffix', async () => {
  // A member saw that mediation-3 comes next, made it, and invited Concord.
  t.slack.on('conversations.create', (p) =>
    p.name === 'mediation-3' ? platformError('name_taken') : { channel: { id: 'G0MINE', name: String(p.name), is_private: true } },
  );
  t.slack.on('conversations.list', () => ({ channels: [{ id: 'G0SQUAT', name: 'mediation-3', is_private: true, is_archived: false }], response_metadata: { next_cursor: '' } }));
  await mediate('Who books the venue');

  const names = t.slack.of('conversations.create').map((c) => String(c.params.name));
  expect(names).toHaveLength(2);
  expect(names[0]).toBe('mediation-3');
  expect(names[1]).toMatch(/^mediation-3-[0-9a-f]{6}$/);
  const touched = t.slack.of().filter((c) => c.params.channel === 'G0SQUAT');
  expect(touched).toEqual([]);
  expect(t.slack.of('conversations.invite').map((i) => i.params.channel)).toEqual(['G0MINE']);
  expect(t.slack.of('chat.postMessage').filter((p) => p.params.channel === 'G0MINE')).toHaveLength(1);
});

it('removes whoever else is in the channel before the welcome is posted, and posts nothing when it cannot', async () => {
  const stranger = 'U0STRANGER';
  t.slack.on('conversations.create', (p) => ({ channel: { id: 'G0MED4', name: String(p.name), is_private: true } }));
  t.slack.on('conversations.members', () => ({ members: ['UBOT', convener.id, bob.id, carol.id, stranger], response_metadata: { next_cursor: '' } }));
  t.slack.on('conversations.kick', () => platformError('restricted_action'));
  await mediate('Office keys');

  expect(t.slack.of('conversations.kick').map((k) => [k.params.channel, k.params.user])).toEqual([['G0MED4', stranger]]);
  expect(t.slack.of('chat.postMessage').filter((p) => p.params.channel === 'G0MED4')).toEqual([]);
  const told = t.slack.of('chat.postMessage').filter((p) => p.params.channel === `D${convener.id}`);
  expect(String(told[0]?.params.text)).toMatch(/someone who is not part of the mediation is in #mediation-\d+ and Concord could not remove them/);

  // Once they can be removed, the welcome follows, in the same channel.
  t.slack.on('conversations.kick', () => undefined);
  await t.h.advance(DAY);
  expect(t.slack.of('conversations.create')).toHaveLength(1);
  expect(t.slack.of('conversations.kick')).toHaveLength(2);
  expect(t.slack.of('chat.postMessage').filter((p) => p.params.channel === 'G0MED4')).toHaveLength(1);
});

it('checks who is in the channel before every later post, and posts nothing private while a stranger stays', async () => {
  t.slack.on('conversations.create', (p) => ({ channel: { id: 'G0MED5', name: String(p.name), is_private: true } }));
  await mediate('Shared drive');
  const number = /mediation-(\d+)/.exec(String(t.slack.of('conversations.create')[0]!.params.name))![1];
  expect(t.slack.of('chat.postMessage').filter((p) => p.params.channel === 'G0MED5')).toHaveLength(1);

  // A party invites a friend into the channel afterwards.
  const friend = 'U0FRIEND';
  t.slack.reset();
  t.slack.on('conversations.members', () => ({ members: ['UBOT', convener.id, bob.id, carol.id, friend], response_metadata: { next_cursor: '' } }));
  t.slack.on('conversations.kick', () => platformError('cant_kick_self'));
  await t.h.send(slashCommand(bob, `mediation note ${number} "I can live with read-only access"`));
  expect(t.slack.of('conversations.kick').map((k) => k.params.user)).toEqual([friend]);
  expect(t.slack.of('chat.postMessage').filter((p) => p.params.channel === 'G0MED5')).toEqual([]);

  t.slack.on('conversations.kick', () => undefined);
  await t.h.advance(DAY);
  const posted = t.slack.of('chat.postMessage').filter((p) => p.params.channel === 'G0MED5');
  expect(posted).toHaveLength(1);
  expect(textOf(posted[0]!.params.blocks)).toContain('read-only access');
});

it('keeps the mediation open and tells the requester which scope is missing', async () => {
  t.slack.on('conversations.create', () => platformError('missing_scope', { needed: 'groups:write', provided: 'commands,chat:write' }));
  await mediate('Budget lines');

  const told = t.slack.of('chat.postMessage').filter((p) => p.params.channel === `D${convener.id}`);
  expect(told).toHaveLength(1);
  expect(String(told[0]!.params.text)).toMatch(/could not open the private space for mediation #\d+: .*lacks the groups:write scope/);

  // The next attempt fails the same way: the requester is not told twice.
  await t.h.advance(DAY);
  expect(t.slack.of('conversations.create').length).toBeGreaterThan(1);
  expect(t.slack.of('chat.postMessage').filter((p) => p.params.channel === `D${convener.id}`)).toHaveLength(1);

  t.slack.hooks = [];
  const number = /mediation #(\d+)/.exec(String(told[0]!.params.text))![1];
  await t.h.send(slashCommand(convener, `mediation ${number}`));
  expect(t.slack.hooks.map((x) => JSON.stringify(x.body))).toEqual([expect.stringMatching(/in progress/)]);
});

it('tells a requester who reads Vietnamese why the space cannot be opened, all in Vietnamese', async () => {
  await t.h.send(slashCommand(convener, 'settings locale vi'));
  t.slack.on('conversations.create', () => platformError('missing_scope', { needed: 'groups:write', provided: 'commands,chat:write' }));
  try {
    await mediate('Dòng ngân sách');
    const told = t.slack.of('chat.postMessage').filter((p) => p.params.channel === `D${convener.id}`);
    expect(told).toHaveLength(1);
    const text = String(told[0]!.params.text);
    expect(text).toMatch(/^Concord không mở được không gian riêng cho hòa giải #\d+: Ứng dụng Slack của Concord thiếu quyền groups:write: hãy thêm quyền này trong OAuth &amp; Permissions rồi cài lại ứng dụng \(Slack: conversations.create missing_scope\)\. Cuộc hòa giải vẫn mở/);
    expect(text).not.toMatch(/lacks|scope:|reinstall/);
  } finally {
    await t.h.send(slashCommand(convener, 'settings locale en'));
  }
});

describe('the messenger alone', () => {
  const messenger = () => new SlackMessenger(loadSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-test' })!);
  const workspace = { platform: 'slack', externalId: 'T0CONCORD' };
  const request = { key: 'dispute:9', parentChannelId: 'C0BUDGET', title: 'mediation-9', memberExternalIds: ['U1', 'U2', 'UBOT'] };

  it('derives names Slack accepts from any title', () => {
    expect(channelName('mediation-3')).toBe('mediation-3');
    expect(channelName('  Hòa giải #12: Ngân sách  ')).toBe('hoa-giai-12-ngan-sach');
    expect(channelName('x'.repeat(200))).toHaveLength(80);
    expect(channelName('!!!')).toBe('concord-private');
    expect(withSuffix('mediation-7', '3fa2c1')).toBe('mediation-7-3fa2c1');
    expect(withSuffix(channelName('x'.repeat(200)), '3fa2c1')).toMatch(/^x{73}-3fa2c1$/);
  });

  it('says what a workspace admin has to change when Slack forbids the channel, in the requester\'s language', async () => {
    t.slack.on('conversations.create', () => platformError('restricted_action'));
    await expect(messenger().openPrivateSpace(workspace, request)).rejects.toThrow(/workspace settings do not let apps create private channels/);
    await expect(messenger().openPrivateSpace(workspace, { ...request, locale: 'vi' })).rejects.toThrow(/^cài đặt của workspace không cho ứng dụng tạo kênh riêng tư/);
  });

  it('invites one at a time when some members are in already, and never itself', async () => {
    t.slack.on('conversations.create', () => ({ channel: { id: 'G9' } }));
    t.slack.on('conversations.invite', (p) => (String(p.users) === 'U1' || String(p.users).includes(',') ? platformError('already_in_channel') : undefined));
    expect(await messenger().openPrivateSpace(workspace, request)).toEqual({ channelId: 'G9' });
    expect(t.slack.of('conversations.invite').map((c) => c.params.users)).toEqual(['U1,U2', 'U1', 'U2']);
  });
});
