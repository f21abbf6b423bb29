// Works out what the bot may do in a channel from roles and overwrites, so a missing permission is named before Discord refuses.
import { PermissionFlagsBits } from 'discord.js';
import type { DiscordKey } from './messages.js';

export interface Overwrite {
  id: string;
  /** 0 role, 1 member. */
  type: number;
  allow: string;
  deny: string;
}

export interface RoleGrant {
  id: string;
  permissions: string;
}

/** Discord's documented order: base from @everyone and roles, administrators get everything, then @everyone, role and member overwrites. */
export function channelPermissions(input: { guildId: string; memberId: string; memberRoles: string[]; roles: RoleGrant[]; overwrites: Overwrite[]; ownerId?: string }): bigint {
  const all = Object.values(PermissionFlagsBits).reduce((a, b) => a | b, 0n);
  if (input.ownerId === input.memberId) return all;
  const byId = new Map(input.roles.map((r) => [r.id, BigInt(r.permissions)]));
  let perms = byId.get(input.guildId) ?? 0n;
  for (const role of input.memberRoles) perms |= byId.get(role) ?? 0n;
  if ((perms & PermissionFlagsBits.Administrator) !== 0n) return all;
  const everyone = input.overwrites.find((o) => o.id === input.guildId);
  if (everyone) perms = (perms & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of input.overwrites) {
    if (o.type === 0 && input.memberRoles.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  const own = input.overwrites.find((o) => o.type === 1 && o.id === input.memberId);
  if (own) perms = (perms & ~BigInt(own.deny)) | BigInt(own.allow);
  return perms;
}

/** What opening a mediation's private thread needs, with the catalog keys of the names the server settings show. */
export const PRIVATE_SPACE_NEEDS: Array<[flag: bigint, name: DiscordKey]> = [
  [PermissionFlagsBits.ViewChannel, 'discord.permission.viewChannel'],
  [PermissionFlagsBits.CreatePrivateThreads, 'discord.permission.createPrivateThreads'],
  [PermissionFlagsBits.SendMessagesInThreads, 'discord.permission.sendMessagesInThreads'],
];

export function missing<N>(perms: bigint, needs: Array<[bigint, N]>): N[] {
  return needs.filter(([flag]) => (perms & flag) === 0n).map(([, name]) => name);
}
