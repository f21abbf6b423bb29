// Delivers core's messages through Discord's REST API: channel posts, card edits, DMs and private threads. Failures throw so the outbox retries.
import { ChannelType, Routes, ThreadAutoArchiveDuration, type Client, type REST } from 'discord.js';
import type { Delivery, MessageRef, Messenger, PrivateSpaceRequest } from '../../core/ports.js';
import type { View } from '../../core/views/types.js';
import { LIMITS, cut, nonEmpty } from './limits.js';
import { channelPermissions, missing, PRIVATE_SPACE_NEEDS, type Overwrite, type RoleGrant } from './permissions.js';
import { discordText, type DiscordKey, type DiscordTranslator } from './messages.js';
import { withCharts } from './charts.js';
import { renderViews, type DiscordMessage } from './render.js';

interface Workspace {
  platform: string;
  externalId: string;
}

const NO_PINGS = { parse: [] };

/**
 * Thrown when the bot lacks a permission; the message names each one as the server settings do, in the language of
 * the member who is told (the requester of a private thread), English when nobody asked.
 */
export class MissingPermissionsError extends Error {
  /** The names of the missing permissions, in the message's language. */
  readonly permissions: string[];

  constructor(
    readonly channelId: string,
    lacking: DiscordKey[],
    t: DiscordTranslator = discordText('en'),
  ) {
    const permissions = lacking.map((key) => t(key));
    super(t('discord.space.missingPermissions', { channel: channelId, permissions: permissions.join(', ') }));
    this.permissions = permissions;
    this.name = 'MissingPermissionsError';
  }
}

export class DiscordMessenger implements Messenger {
  private readonly rest: REST;
  /** DM channels by user: Discord returns the same channel each time, so one request per person is enough. */
  private readonly dmChannels = new Map<string, string>();
  private botId: string | null = null;

  constructor(client: Client | { rest: REST }) {
    this.rest = client.rest;
    if ('user' in client && client.user) this.botId = client.user.id;
  }

  private body(message: DiscordMessage) {
    const attachments = (message.files ?? []).map((f, id) => ({ id, filename: f.name, ...(f.description ? { description: f.description } : {}) }));
    return { embeds: message.embeds, components: message.components, allowed_mentions: NO_PINGS, ...(attachments.length ? { attachments } : {}) };
  }

  private async send(channelId: string, messages: DiscordMessage[]): Promise<MessageRef> {
    let first: MessageRef | null = null;
    for (const message of await withCharts(messages)) {
      const files = (message.files ?? []).map((f) => ({ name: f.name, data: f.attachment }));
      const sent = (await this.rest.post(Routes.channelMessages(channelId), { body: this.body(message), ...(files.length ? { files } : {}) })) as { id: string; channel_id?: string };
      first ??= { channelId, messageId: sent.id };
    }
    if (!first) throw new Error('nothing to send');
    return first;
  }

  async post(_workspace: Workspace, channelId: string, view: View, _delivery?: Delivery, audience?: { onlyFor: string[] }): Promise<MessageRef> {
    if (audience) await this.removeStrangers(channelId, audience.onlyFor);
    return this.send(channelId, renderViews([view]));
  }

  /** Only the first page is edited: cards, the views that get updated, always fit in one. */
  async update(_workspace: Workspace, message: MessageRef, view: View): Promise<void> {
    const [first] = renderViews([view]);
    if (!first) return;
    await this.rest.patch(Routes.channelMessage(message.channelId, message.messageId), { body: this.body(first) });
  }

  async dm(workspace: Workspace, memberExternalId: string, view: View): Promise<MessageRef> {
    // Clicks in a DM carry no server, so the buttons carry it.
    return this.dmMessages(memberExternalId, renderViews([view], { guildId: workspace.externalId }));
  }

  /** Messages already rendered, sent to a member by direct message (their buttons must carry the server). */
  async dmMessages(memberExternalId: string, messages: DiscordMessage[]): Promise<MessageRef> {
    let channelId = this.dmChannels.get(memberExternalId);
    if (!channelId) {
      const channel = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: memberExternalId } })) as { id: string };
      channelId = channel.id;
      this.dmChannels.set(memberExternalId, channelId);
    }
    return this.send(channelId, messages);
  }

  private async me(): Promise<string> {
    if (!this.botId) this.botId = ((await this.rest.get(Routes.user('@me'))) as { id: string }).id;
    return this.botId;
  }

  /** Names every permission the bot lacks in `channelId` for opening a private thread there (in `t`'s language), or throws. */
  async checkPrivateSpace(guildId: string, channelId: string, t: DiscordTranslator = discordText('en')): Promise<void> {
    const botId = await this.me();
    const [channel, member, roles, guild] = (await Promise.all([
      this.rest.get(Routes.channel(channelId)),
      this.rest.get(Routes.guildMember(guildId, botId)),
      this.rest.get(Routes.guildRoles(guildId)),
      this.rest.get(Routes.guild(guildId)),
    ])) as [{ permission_overwrites?: Overwrite[] }, { roles: string[] }, RoleGrant[], { owner_id?: string }];
    const perms = channelPermissions({
      guildId,
      memberId: botId,
      memberRoles: member.roles,
      roles,
      overwrites: channel.permission_overwrites ?? [],
      ...(guild.owner_id ? { ownerId: guild.owner_id } : {}),
    });
    const lacking = missing(perms, PRIVATE_SPACE_NEEDS);
    if (lacking.length) throw new MissingPermissionsError(channelId, lacking, t);
  }

  /**
   * A private thread under the parent channel that only the members (and server moderators) see.
   * Only a thread Concord opened itself is used: a retry finds it by the id the first attempt
   * remembered, never by its name, which anyone could give a thread of their own. Whoever else has
   * joined it is removed before anything is posted there.
   */
  async openPrivateSpace(workspace: Workspace, request: PrivateSpaceRequest): Promise<{ channelId: string }> {
    const guildId = workspace.externalId;
    // Why the thread cannot be opened is told to the member who asked for it, in their language.
    const t = discordText(request.locale ?? 'en');
    await this.checkPrivateSpace(guildId, request.parentChannelId, t);
    let threadId = request.channelId;
    if (!threadId) {
      const name = cut(nonEmpty(request.title), LIMITS.threadName);
      const thread = (await this.rest.post(Routes.threads(request.parentChannelId), {
        body: { name, type: ChannelType.PrivateThread, invitable: false, auto_archive_duration: ThreadAutoArchiveDuration.OneWeek },
      })) as { id: string };
      threadId = thread.id;
      await request.remember?.(threadId);
    }
    const members = [...new Set(request.memberExternalIds)];
    for (const member of members) {
      await this.rest.put(Routes.threadMembers(threadId, member));
    }
    await this.removeStrangers(threadId, members, t);
    return { channelId: threadId };
  }

  /** Removes from the private thread everyone who is neither one of `members` nor the bot; throws (in `t`'s language) when Discord refuses. */
  private async removeStrangers(threadId: string, members: string[], t: DiscordTranslator = discordText('en')): Promise<void> {
    const allowed = new Set([...members, await this.me()]);
    const joined = (await this.rest.get(Routes.threadMembers(threadId))) as Array<{ user_id?: string }>;
    for (const { user_id: user } of joined) {
      if (!user || allowed.has(user)) continue;
      // The creator of a private thread may remove its members; if Discord refuses, nothing private is posted.
      await this.rest.delete(Routes.threadMembers(threadId, user)).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${t('discord.space.stranger')} (${reason})`, { cause: error });
      });
    }
  }
}
