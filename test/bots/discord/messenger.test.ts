// The Messenger port over Discord's REST API: posts, edits, DMs and private threads, with failures thrown for the outbox to retry.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpResponse } from 'msw';
import { PermissionFlagsBits } from 'discord.js';
import { DiscordMessenger, MissingPermissionsError } from '../../../src/bots/discord/index.js';
import { channelPermissions } from '../../../src/bots/discord/permissions.js';
import type { CardView } from '../../../src/core/views/types.js';
import { BOT, CHANNEL, discordClient, dmChannelOf, FakeDiscord, GUILD, snowflake } from './support.js';

let fake: FakeDiscord;
const client = discordClient();
const workspace = { platform: 'discord', externalId: GUILD };

beforeAll(() => {
  fake = new FakeDiscord();
  fake.listen();
});
afterAll(async () => {
  fake.close();
  await client.destroy();
});
afterEach(() => {
  expect(fake.problems).toEqual([]);
  fake.reset();
});

const card: CardView = {
  type: 'card',
  title: 'Commitment #3: Book the venue',
  fields: [{ label: 'Due', value: 'Friday', at: '2026-12-04T17:00:00.000Z' }],
  actions: [{ command: 'done 3', label: 'Done', style: 'primary' }],
};

describe('DiscordMessenger', () => {
  it('shows where a member’s masked link goes and lets no mention in a post page anyone', async () => {
    const messenger = new DiscordMessenger(client);
    const written: CardView = {
      type: 'card',
      title: 'Proposal #5: Use the [new portal](https://evil.example/a)',
      body: 'Vote at [Official ballot (SSO)](https://evil.example/sso "Concord") or [here](<https://evil.example/b>), @everyone <@123456789012345678>',
      fields: [{ label: 'Reasons given', value: '• @234567890123456789 (Object): see [the minutes](https://evil.example/m)' }],
      tally: { lines: [{ label: '[Yes](https://evil.example/y)', value: '1' }] },
      actions: [],
    };
    await messenger.post(workspace, CHANNEL, written);
    const [post] = fake.take();
    const body = post?.body as { allowed_mentions: unknown; embeds: unknown[] };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(body.embeds);
    expect(text).not.toMatch(/\]\(/);
    expect(text).toContain('Official ballot (SSO) (https://evil.example/sso)');
    expect(text).toContain('here (https://evil.example/b)');
    expect(text).toContain('the minutes (https://evil.example/m)');
    expect(text).toContain('**Yes (https://evil.example/y)**');
  });

  it('posts to a channel, edits the message, and DMs with the server in the buttons', async () => {
    const messenger = new DiscordMessenger(client);
    const ref = await messenger.post(workspace, CHANNEL, card);
    expect(ref.channelId).toBe(CHANNEL);
    await messenger.update(workspace, ref, { ...card, actions: [] });
    const member = snowflake();
    const dm = await messenger.dm(workspace, member, card);
    await messenger.dm(workspace, member, card);
    const calls = fake.take();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /channels/${CHANNEL}/messages`,
      `PATCH /channels/${CHANNEL}/messages/${ref.messageId}`,
      'POST /users/@me/channels',
      `POST /channels/${dmChannelOf(member)}/messages`,
      `POST /channels/${dmChannelOf(member)}/messages`,
    ]);
    expect(dm.channelId).toBe(dmChannelOf(member));
    const posted = calls[0]?.body as { components: Array<{ components: Array<{ custom_id: string }> }> };
    expect(posted.components[0]?.components[0]?.custom_id).toBe('c:done 3');
    const direct = calls[3]?.body as typeof posted;
    expect(direct.components[0]?.components[0]?.custom_id).toBe(`c.${BigInt(GUILD).toString(36)}:done 3`);
    expect((calls[1]?.body as { components: unknown[] }).components).toEqual([]);
  });

  it('throws when Discord refuses, so the outbox tries again', async () => {
    fake.on('POST', /^\/channels\/\d+\/messages$/, () => HttpResponse.json({ message: 'Missing Access', code: 50001 }, { status: 403 }));
    await expect(new DiscordMessenger(client).post(workspace, CHANNEL, card)).rejects.toThrow(/Missing Access/);
  });
});

describe('private spaces', () => {
  const parent = CHANNEL;
  const everyone = (permissions: bigint) => ({ id: GUILD, name: '@everyone', permissions: String(permissions) });
  const serve = (opts: { roles: Array<{ id: string; permissions: string }>; overwrites?: unknown[]; threads?: unknown[]; strangers?: string[]; removable?: boolean }) => {
    fake.on('GET', /^\/channels\/\d+$/, () => ({ id: parent, type: 0, guild_id: GUILD, permission_overwrites: opts.overwrites ?? [] }));
    fake.on('GET', /^\/guilds\/\d+\/members\/\d+$/, () => ({ user: { id: BOT }, roles: ['900000000000000001'] }));
    fake.on('GET', /^\/guilds\/\d+\/roles$/, () => opts.roles);
    fake.on('GET', /^\/guilds\/\d+$/, () => ({ id: GUILD, owner_id: '1' }));
    fake.on('GET', /^\/guilds\/\d+\/threads\/active$/, () => ({ threads: opts.threads ?? [], members: [] }));
    fake.on('POST', /^\/channels\/\d+\/threads$/, (call) => ({ id: '7700000000000000001', type: 12, parent_id: parent, name: (call.body as { name: string }).name }));
    fake.on('PUT', /^\/channels\/\d+\/thread-members\/\d+$/, () => new HttpResponse(null, { status: 204 }));
    fake.on('GET', /^\/channels\/\d+\/thread-members$/, () => [...request.memberExternalIds, BOT, ...(opts.strangers ?? [])].map((id) => ({ id: '7700000000000000001', user_id: id })));
    fake.on('DELETE', /^\/channels\/\d+\/thread-members\/\d+$/, () => opts.removable === false ? HttpResponse.json({ message: 'Missing Permissions', code: 50013 }, { status: 403 }) : new HttpResponse(null, { status: 204 }));
  };
  const request = { key: 'dispute:4', parentChannelId: parent, title: 'Mediation #4', memberExternalIds: ['1300000000000000001', '1300000000000000002'] };

  it('opens a private thread that members cannot invite others to, and adds the members', async () => {
    serve({ roles: [everyone(PermissionFlagsBits.ViewChannel), { id: '900000000000000001', permissions: String(PermissionFlagsBits.CreatePrivateThreads | PermissionFlagsBits.SendMessagesInThreads) }] });
    const space = await new DiscordMessenger(client).openPrivateSpace(workspace, request);
    expect(space).toEqual({ channelId: '7700000000000000001' });
    const calls = fake.take().filter((c) => c.method !== 'GET');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /channels/${parent}/threads`,
      'PUT /channels/7700000000000000001/thread-members/1300000000000000001',
      'PUT /channels/7700000000000000001/thread-members/1300000000000000002',
    ]);
    expect(calls[0]?.body).toEqual({ name: 'Mediation #4', type: 12, invitable: false, auto_archive_duration: 10080 });
  });

  it('never takes over a thread someone else named after the mediation; on a retry uses the one it remembered, by id', async () => {
    // A member opened "Mediation #4" first and added Concord.
    serve({ roles: [everyone(PermissionFlagsBits.Administrator)], threads: [{ id: '7700000000000000009', type: 12, parent_id: parent, name: 'Mediation #4' }] });
    const remembered: string[] = [];
    const space = await new DiscordMessenger(client).openPrivateSpace(workspace, { ...request, remember: async (id) => void remembered.push(id) });
    expect(space).toEqual({ channelId: '7700000000000000001' });
    expect(remembered).toEqual(['7700000000000000001']);
    const calls = fake.take();
    expect(calls.some((c) => c.path.includes('7700000000000000009'))).toBe(false);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/channels/${parent}/threads`]);

    const retry = await new DiscordMessenger(client).openPrivateSpace(workspace, { ...request, channelId: '7700000000000000001' });
    expect(retry).toEqual({ channelId: '7700000000000000001' });
    const again = fake.take();
    expect(again.some((c) => c.method === 'POST' || c.path.endsWith('/threads/active'))).toBe(false);
  });

  it('removes whoever else joined the thread, and refuses the thread when it cannot', async () => {
    const stranger = '1300000000000000666';
    serve({ roles: [everyone(PermissionFlagsBits.Administrator)], strangers: [stranger] });
    await new DiscordMessenger(client).openPrivateSpace(workspace, request);
    expect(fake.take().filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([`/channels/7700000000000000001/thread-members/${stranger}`]);

    fake.reset();
    serve({ roles: [everyone(PermissionFlagsBits.Administrator)], strangers: [stranger], removable: false });
    await expect(new DiscordMessenger(client).openPrivateSpace(workspace, request)).rejects.toThrow(/not part of the mediation is in the private thread and Concord could not remove them/);

    fake.reset();
    serve({ roles: [everyone(PermissionFlagsBits.Administrator)], strangers: [stranger], removable: false });
    await expect(new DiscordMessenger(client).openPrivateSpace(workspace, { ...request, locale: 'vi' })).rejects.toThrow(
      /^có người không thuộc buổi hòa giải đang ở trong chủ đề riêng tư và Concord không thể mời họ ra/,
    );
  });

  it('checks who is in the thread before a later post, and posts nothing while a stranger cannot be removed', async () => {
    const stranger = '1300000000000000777';
    serve({ roles: [everyone(PermissionFlagsBits.Administrator)], strangers: [stranger], removable: false });
    const view = { type: 'notice' as const, tone: 'info' as const, text: 'A private note' };
    const audience = { onlyFor: request.memberExternalIds };
    await expect(new DiscordMessenger(client).post(workspace, '7700000000000000001', view, undefined, audience)).rejects.toThrow(/could not remove them/);
    expect(fake.take().filter((c) => c.method === 'POST')).toEqual([]);

    fake.reset();
    serve({ roles: [everyone(PermissionFlagsBits.Administrator)], strangers: [stranger] });
    await new DiscordMessenger(client).post(workspace, '7700000000000000001', view, undefined, audience);
    expect(fake.take().filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`)).toEqual([
      `DELETE /channels/7700000000000000001/thread-members/${stranger}`,
      'POST /channels/7700000000000000001/messages',
    ]);
  });

  it('names the missing permissions, including those a channel overwrite takes away', async () => {
    serve({
      roles: [everyone(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.CreatePrivateThreads | PermissionFlagsBits.SendMessagesInThreads)],
      overwrites: [{ id: '900000000000000001', type: 0, allow: '0', deny: String(PermissionFlagsBits.CreatePrivateThreads | PermissionFlagsBits.SendMessagesInThreads) }],
    });
    const attempt = new DiscordMessenger(client).openPrivateSpace(workspace, request);
    await expect(attempt).rejects.toBeInstanceOf(MissingPermissionsError);
    await expect(attempt).rejects.toThrow(`Concord is missing permissions in <#${parent}>: Create Private Threads, Send Messages in Threads; ask a server admin to grant them to the Concord role`);
    expect(fake.take().some((c) => c.method === 'POST')).toBe(false);
  });

  it('names the missing permissions in the language of the member who asked for the thread', async () => {
    serve({ roles: [everyone(PermissionFlagsBits.ViewChannel)] });
    const attempt = new DiscordMessenger(client).openPrivateSpace(workspace, { ...request, locale: 'vi' });
    await expect(attempt).rejects.toMatchObject({ permissions: ['Tạo chủ đề riêng tư', 'Gửi tin nhắn trong chủ đề'] });
    await expect(attempt).rejects.toThrow(`Concord thiếu quyền trong <#${parent}>: Tạo chủ đề riêng tư, Gửi tin nhắn trong chủ đề; hãy nhờ quản trị viên máy chủ cấp các quyền này cho vai trò Concord`);
    expect(fake.take().some((c) => c.method === 'POST')).toBe(false);
  });

  it('computes permissions the way Discord documents', () => {
    const base = { guildId: GUILD, memberId: BOT, memberRoles: ['r1'], roles: [{ id: GUILD, permissions: '0' }, { id: 'r1', permissions: String(PermissionFlagsBits.Administrator) }], overwrites: [] };
    expect(channelPermissions(base) & PermissionFlagsBits.CreatePrivateThreads).not.toBe(0n);
    const denied = channelPermissions({
      ...base,
      roles: [{ id: GUILD, permissions: String(PermissionFlagsBits.ViewChannel) }],
      overwrites: [
        { id: GUILD, type: 0, allow: '0', deny: String(PermissionFlagsBits.ViewChannel) },
        { id: BOT, type: 1, allow: String(PermissionFlagsBits.ViewChannel), deny: '0' },
      ],
    });
    expect(denied & PermissionFlagsBits.ViewChannel).toBe(PermissionFlagsBits.ViewChannel);
  });
});
