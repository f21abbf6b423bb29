// Groups: the electorates of proposals. Creating, joining, leaving, adding members and assigning roles.
import type { Command, MemberRef, Role } from '../commands/types.js';
import type { Session } from '../context.js';
import { fail } from '../errors.js';
import type { Group, Member } from '../ports.js';
import { notice, type View } from '../views/types.js';
import { scheduleDigest } from '../commitments/service.js';

export const VOTING_ROLES: readonly Role[] = ['convener', 'mediator', 'member'];

/** The group a command is about: named, else the one this channel belongs to, else the member's only group. */
export async function resolveGroup(s: Session, name: string | undefined): Promise<Group> {
  if (name) {
    const group = await s.tx.findGroupByName(s.workspace.id, name);
    if (!group) {
      const names = (await s.tx.listGroups(s.workspace.id)).map((g) => g.name);
      return fail('group.notFound', { group: name, groups: names.length ? names.join(', ') : '—' });
    }
    return group;
  }
  const inChannel = await s.tx.findGroupByChannel(s.workspace.id, s.ctx.channel.id);
  if (inChannel) return inChannel;
  const mine = await s.tx.groupsOfMember(s.actor.id);
  if (mine.length === 1 && mine[0]) return mine[0];
  if (mine.length === 0) return fail('group.noneYet');
  return fail('group.ambiguous', { groups: mine.map((g) => g.name).join(', ') });
}

/** Finds or creates the member a mention names. Platforms give ids; the console gives names. */
export async function resolveMember(s: Session, ref: MemberRef): Promise<Member> {
  return s.tx.ensureMember({ workspaceId: s.workspace.id, externalId: ref, displayName: ref, at: s.now });
}

async function requireConvener(s: Session, group: Group): Promise<void> {
  const role = await s.tx.roleIn(group.id, s.actor.id);
  if (role !== 'convener') fail('group.convenerOnly', { group: group.name });
}

async function conveners(s: Session, groupId: number): Promise<number> {
  return (await s.tx.groupMembers(groupId)).filter((m) => m.role === 'convener').length;
}

const roleLabel = (s: Session, role: Role) => s.t({ key: `role.${role}` });

export async function runGroupCommand(
  s: Session,
  command: Extract<Command, { name: `group.${string}` }>,
): Promise<View[]> {
  switch (command.name) {
    case 'group.create': {
      if (s.ctx.actor.isGuest) return fail('group.guestCannotCreate');
      if ((await s.tx.groupCreation(s.workspace.id)) === 'admins' && s.ctx.actor.isAdmin !== true) return fail('group.creationAdminsOnly');
      const group = await s.tx.createGroup({
        workspaceId: s.workspace.id,
        name: command.group,
        kind: command.kind,
        channelId: s.ctx.channel.id,
        channelName: s.ctx.channel.name ?? null,
        createdBy: s.actor.id,
        createdAt: s.now,
      });
      if (!group) return fail('group.exists', { group: command.group });
      await s.tx.setMembership(group.id, s.actor.id, 'convener', s.now);
      await scheduleDigest(s.tx, group.id, s.workspace, s.now);
      await s.tx.appendAudit(s.workspace.id, s.now, {
        actorId: s.actor.id,
        action: 'group.created',
        subject: `group:${group.id}`,
        data: { name: group.name, kind: group.kind, channel: group.channelId },
      });
      return [
        notice(
          'success',
          s.t({
            key: 'group.created',
            params: { group: group.name, kind: s.t({ key: `group.kind.${group.kind}` }), channel: channelLabel(s) },
          }),
        ),
      ];
    }
    case 'group.join': {
      const group = await resolveGroupForJoin(s, command.group);
      const role = await s.tx.roleIn(group.id, s.actor.id);
      if (role) return [notice('info', s.t({ key: 'group.alreadyMember', params: { group: group.name, role: roleLabel(s, role) } }))];
      // Guest accounts watch; a convener decides whether they take part (`group add`).
      if (s.ctx.actor.isGuest) return fail('group.guestCannotJoin', { group: group.name });
      await s.tx.setMembership(group.id, s.actor.id, 'member', s.now);
      await audit(s, 'group.joined', group, { member: s.actor.id });
      return [notice('success', s.t({ key: 'group.joined', params: { group: group.name } }))];
    }
    case 'group.leave': {
      const group = await resolveGroup(s, command.group);
      // Two conveners leaving at once must not both see the other one stay.
      await s.tx.lockGroup(group.id);
      const role = await s.tx.roleIn(group.id, s.actor.id);
      if (!role) return fail('group.notMember', { group: group.name });
      const members = await s.tx.groupMembers(group.id);
      if (role === 'convener' && members.length > 1 && (await conveners(s, group.id)) === 1) {
        return fail('group.lastConvener', { group: group.name });
      }
      await s.tx.removeMembership(group.id, s.actor.id);
      await audit(s, 'group.left', group, { member: s.actor.id });
      return [notice('success', s.t({ key: 'group.left', params: { group: group.name } }))];
    }
    case 'group.add': {
      const group = await resolveGroup(s, command.group);
      await requireConvener(s, group);
      const added: string[] = [];
      const already: string[] = [];
      for (const ref of command.members) {
        const member = await resolveMember(s, ref);
        if (await s.tx.roleIn(group.id, member.id)) {
          already.push(member.displayName);
          continue;
        }
        await s.tx.setMembership(group.id, member.id, 'member', s.now);
        await audit(s, 'group.member-added', group, { member: member.id });
        added.push(member.displayName);
      }
      const views: View[] = [];
      if (added.length) views.push(notice('success', s.t({ key: 'group.added', params: { group: group.name, members: mentionList(added), count: added.length } })));
      if (already.length) views.push(notice('info', s.t({ key: 'group.alreadyMembers', params: { group: group.name, members: mentionList(already), count: already.length } })));
      return views;
    }
    case 'group.role': {
      const group = await resolveGroup(s, command.group);
      await s.tx.lockGroup(group.id);
      await requireConvener(s, group);
      const member = await resolveMember(s, command.member);
      const current = await s.tx.roleIn(group.id, member.id);
      if (current === 'convener' && command.role !== 'convener' && (await conveners(s, group.id)) === 1) {
        return fail('group.lastConvener', { group: group.name });
      }
      await s.tx.setMembership(group.id, member.id, command.role, s.now);
      await audit(s, 'group.role-set', group, { member: member.id, role: command.role, previous: current });
      return [
        notice('success', s.t({ key: 'group.roleSet', params: { member: `@${member.displayName}`, group: group.name, role: roleLabel(s, command.role) } })),
      ];
    }
    case 'group.list': {
      const groups = await s.tx.listGroups(s.workspace.id);
      return [
        {
          type: 'list',
          title: s.t({ key: 'group.list.title' }),
          items: groups.map((g) => ({
            text: `${g.name} (${s.t({ key: `group.kind.${g.kind}` })})`,
            detail: s.t({ key: 'group.list.detail', params: { count: g.memberCount, channel: g.channelName ? `#${g.channelName}` : g.channelId } }),
          })),
          empty: s.t({ key: 'group.list.empty' }),
        },
      ];
    }
    case 'group.info': {
      const group = await resolveGroup(s, command.group);
      const members = await s.tx.groupMembers(group.id);
      const byRole = (role: Role) =>
        members.filter((m) => m.role === role).map((m) => `@${m.member.displayName}`).join(', ') || '—';
      return [
        {
          type: 'card',
          title: group.name,
          subtitle: s.t({ key: `group.kind.${group.kind}` }),
          fields: [
            { label: s.t({ key: 'role.convener.plural' }), value: byRole('convener') },
            { label: s.t({ key: 'role.mediator.plural' }), value: byRole('mediator') },
            { label: s.t({ key: 'role.member.plural' }), value: byRole('member') },
            { label: s.t({ key: 'role.observer.plural' }), value: byRole('observer') },
            { label: s.t({ key: 'group.info.channel' }), value: group.channelName ? `#${group.channelName}` : group.channelId },
          ],
          actions: [],
        },
      ];
    }
  }
}

async function resolveGroupForJoin(s: Session, name: string | undefined): Promise<Group> {
  if (name) return resolveGroup(s, name);
  const inChannel = await s.tx.findGroupByChannel(s.workspace.id, s.ctx.channel.id);
  if (inChannel) return inChannel;
  return fail('group.joinWhich');
}

async function audit(s: Session, action: string, group: Group, data: Record<string, unknown>): Promise<void> {
  await s.tx.appendAudit(s.workspace.id, s.now, { actorId: s.actor.id, action, subject: `group:${group.id}`, data: { group: group.name, ...data } });
}

function channelLabel(s: Session): string {
  return s.ctx.channel.name ? `#${s.ctx.channel.name}` : s.ctx.channel.id;
}

export const mentionList = (names: string[]) => names.map((n) => `@${n}`).join(', ');
