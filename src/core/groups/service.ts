// Groups: the electorates of proposals. Creating, joining, leaving, adding members and assigning roles.
import type { Session } from '../context.js';
import { fail } from '../errors.js';
import type { Group, GroupKind, Role } from './ports.js';
import type { Member } from '../members/ports.js';
import { notice, type View } from '../views/types.js';
import { scheduleDigest } from '../commitments/job-keys.js';
import { translator } from '../i18n/index.js';
import { quoteWord } from '../commands/tokenize.js';
import { canReadGroup, hiddenGroupIds, readerOf } from './visibility.js';

export const VOTING_ROLES: readonly Role[] = ['convener', 'mediator', 'member'];

/**
 * The group a command is about: named, else the one this channel belongs to, else the member's only group.
 * A private group the member may not read is answered exactly as a group that does not exist.
 */
export async function resolveGroup(s: Session, name: string | undefined): Promise<Group> {
  const reader = readerOf(s);
  if (name) {
    const group = await s.tx.groups.findByName(s.workspace.id, name);
    if (!group || !(await canReadGroup(s.tx, group, reader))) {
      const hidden = new Set(await hiddenGroupIds(s.tx, s.workspace.id, reader));
      const names = (await s.tx.groups.list(s.workspace.id)).filter((g) => !hidden.has(g.id)).map((g) => g.name);
      return fail('group.notFound', { group: name, groups: names.length ? names.join(', ') : '—' });
    }
    return group;
  }
  const inChannel = await s.tx.groups.findByChannel(s.workspace.id, s.ctx.channel.id);
  if (inChannel && (await canReadGroup(s.tx, inChannel, reader))) return inChannel;
  const mine = await s.tx.groups.ofMember(s.actor.id);
  if (mine.length === 1 && mine[0]) return mine[0];
  if (mine.length === 0) return fail('group.noneYet');
  return fail('group.ambiguous', { groups: mine.map((g) => g.name).join(', ') });
}

/** Finds or creates the member a mention names. Platforms give ids; the console gives names. */
export async function resolveMember(s: Session, ref: string): Promise<Member> {
  return s.tx.members.ensure({ workspaceId: s.workspace.id, externalId: ref, displayName: ref, at: s.now });
}

async function requireConvener(s: Session, group: Group): Promise<void> {
  const role = await s.tx.groups.roleIn(group.id, s.actor.id);
  if (role !== 'convener') fail('group.convenerOnly', { group: group.name });
}

/** The name is taken: only a group the member may read is offered to join; a private one is not even named as a group. */
async function nameTaken(s: Session, existing: Group): Promise<never> {
  const readable = await canReadGroup(s.tx, existing, readerOf(s));
  return fail(readable ? 'group.exists' : 'group.nameTaken', { group: existing.name });
}

async function conveners(s: Session, groupId: number): Promise<number> {
  return (await s.tx.groups.members(groupId)).filter((m) => m.role === 'convener').length;
}

const roleLabel = (s: Session, role: Role) => s.t({ key: `role.${role}` });

/** What `group create` asks for. */
export interface NewGroup {
  group: string;
  kind: GroupKind;
  private: boolean;
}

export async function createGroup(s: Session, command: NewGroup): Promise<View[]> {
  if (s.ctx.actor.isGuest) return fail('group.guestCannotCreate');
  if ((await s.tx.workspaces.groupCreation(s.workspace.id)) === 'admins' && s.ctx.actor.isAdmin !== true) return fail('group.creationAdminsOnly');
  // A channel's commands (propose, group join, ...) go to its group: a second one there would never be reached.
  const named = await s.tx.groups.findByName(s.workspace.id, command.group);
  if (named) return nameTaken(s, named);
  const holder = await s.tx.groups.findByChannel(s.workspace.id, s.ctx.channel.id);
  if (holder) return fail('group.channelTaken', { group: holder.name, channel: channelLabel(s), name: command.group });
  const group = await s.tx.groups.create({
    workspaceId: s.workspace.id,
    name: command.group,
    kind: command.kind,
    channelId: s.ctx.channel.id,
    channelName: s.ctx.channel.name ?? null,
    visibility: command.private ? 'private' : 'open',
    createdBy: s.actor.id,
    createdAt: s.now,
  });
  if (!group) {
    // The name is taken either way; only a group the member may read is offered to join.
    const existing = await s.tx.groups.findByName(s.workspace.id, command.group);
    return existing ? nameTaken(s, existing) : fail('group.nameTaken', { group: command.group });
  }
  await s.tx.groups.setMembership(group.id, s.actor.id, 'convener', s.now);
  await scheduleDigest(s.tx, group.id, s.workspace, s.now);
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'group.created',
    subject: `group:${group.id}`,
    data: { name: group.name, kind: group.kind, channel: group.channelId, visibility: group.visibility },
  });
  return [
    notice(
      'success',
      s.t({
        key: group.visibility === 'private' ? 'group.createdPrivate' : 'group.created',
        params: { group: group.name, kind: s.t({ key: `group.kind.${group.kind}` }), channel: channelLabel(s) },
      }),
    ),
  ];
}

export async function joinGroup(s: Session, name: string | undefined): Promise<View[]> {
  const group = await resolveGroupForJoin(s, name);
  const role = await s.tx.groups.roleIn(group.id, s.actor.id);
  if (role) return [notice('info', s.t({ key: 'group.alreadyMember', params: { group: group.name, role: roleLabel(s, role) } }))];
  // Guest accounts watch; a convener decides whether they take part (`group add`).
  if (s.ctx.actor.isGuest) return fail('group.guestCannotJoin', { group: group.name });
  await s.tx.groups.setMembership(group.id, s.actor.id, 'member', s.now);
  // Only readers get this far: for a private group, an invitation (now used) or its own channel.
  const invited = group.visibility === 'private' ? await s.tx.groupAccess.revoke(group.id, s.actor.id) : false;
  await audit(s, 'group.joined', group, { member: s.actor.id, ...(invited ? { invited: true } : {}) });
  return [notice('success', s.t({ key: 'group.joined', params: { group: group.name } }))];
}

export async function leaveGroup(s: Session, name: string | undefined): Promise<View[]> {
  const group = await resolveGroup(s, name);
  // Two conveners leaving at once must not both see the other one stay.
  await s.tx.groups.lock(group.id);
  const role = await s.tx.groups.roleIn(group.id, s.actor.id);
  if (!role) return fail('group.notMember', { group: group.name });
  const members = await s.tx.groups.members(group.id);
  if (role === 'convener' && members.length > 1 && (await conveners(s, group.id)) === 1) {
    return fail('group.lastConvener', { group: group.name });
  }
  await s.tx.groups.removeMembership(group.id, s.actor.id);
  await audit(s, 'group.left', group, { member: s.actor.id });
  return [notice('success', s.t({ key: 'group.left', params: { group: group.name } }))];
}

export async function addMembers(s: Session, refs: readonly string[], name: string | undefined): Promise<View[]> {
  const group = await resolveGroup(s, name);
  await requireConvener(s, group);
  const added: string[] = [];
  const already: string[] = [];
  for (const ref of refs) {
    const member = await resolveMember(s, ref);
    if (await s.tx.groups.roleIn(group.id, member.id)) {
      already.push(member.displayName);
      continue;
    }
    await s.tx.groups.setMembership(group.id, member.id, 'member', s.now);
    if (group.visibility === 'private') await s.tx.groupAccess.revoke(group.id, member.id);
    await audit(s, 'group.member-added', group, { member: member.id });
    added.push(member.displayName);
  }
  const views: View[] = [];
  if (added.length) views.push(notice('success', s.t({ key: 'group.added', params: { group: group.name, members: mentionList(added), count: added.length } })));
  if (already.length) views.push(notice('info', s.t({ key: 'group.alreadyMembers', params: { group: group.name, members: mentionList(already), count: already.length } })));
  return views;
}

export async function setRole(s: Session, ref: string, role: Role, name: string | undefined): Promise<View[]> {
  const group = await resolveGroup(s, name);
  await s.tx.groups.lock(group.id);
  await requireConvener(s, group);
  const member = await resolveMember(s, ref);
  const current = await s.tx.groups.roleIn(group.id, member.id);
  if (current === role) {
    return [notice('info', s.t({ key: 'group.alreadyRole', params: { member: `@${member.displayName}`, group: group.name, role: roleLabel(s, current) } }))];
  }
  if (current === 'convener' && role !== 'convener' && (await conveners(s, group.id)) === 1) {
    return fail('group.lastConvener', { group: group.name });
  }
  await s.tx.groups.setMembership(group.id, member.id, role, s.now);
  if (!current && group.visibility === 'private') await s.tx.groupAccess.revoke(group.id, member.id);
  await audit(s, 'group.role-set', group, { member: member.id, role, previous: current });
  return [
    notice('success', s.t({ key: 'group.roleSet', params: { member: `@${member.displayName}`, group: group.name, role: roleLabel(s, role) } })),
  ];
}

export async function listGroups(s: Session): Promise<View[]> {
  const hidden = new Set(await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s)));
  const groups = (await s.tx.groups.list(s.workspace.id)).filter((g) => !hidden.has(g.id));
  const kindOf = (g: Group) => {
    const kind = s.t({ key: `group.kind.${g.kind}` });
    return g.visibility === 'private' ? s.t({ key: 'group.list.kindPrivate', params: { kind } }) : kind;
  };
  return [
    {
      type: 'list',
      title: s.t({ key: 'group.list.title' }),
      items: groups.map((g) => ({
        text: `${g.name} (${kindOf(g)})`,
        detail: s.t({ key: 'group.list.detail', params: { count: g.memberCount, channel: g.channelName ? `#${g.channelName}` : g.channelId } }),
      })),
      empty: s.t({ key: 'group.list.empty' }),
    },
  ];
}

export async function groupInfo(s: Session, name: string | undefined): Promise<View[]> {
  const group = await resolveGroup(s, name);
  const members = await s.tx.groups.members(group.id);
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
        { label: s.t({ key: 'group.info.visibility' }), value: s.t({ key: `group.visibility.${group.visibility}` }) },
        ...(group.visibility === 'private'
          ? [{ label: s.t({ key: 'group.info.invited' }), value: mentionList((await s.tx.groupAccess.invitees(group.id)).map((m) => m.displayName)) || '—' }]
          : []),
      ],
      actions: [],
    },
  ];
}

export async function setVisibility(s: Session, visibility: Group['visibility'], name: string | undefined): Promise<View[]> {
  const group = await resolveGroup(s, name);
  await requireConvener(s, group);
  if (group.visibility === visibility) {
    return [notice('info', s.t({ key: 'group.visibilityUnchanged', params: { group: group.name, visibility: s.t({ key: `group.visibility.${visibility}` }) } }))];
  }
  await s.tx.groupAccess.setVisibility(group.id, visibility);
  // An open group needs no invitations: left in place, they would quietly open it again to those people
  // should it turn private later.
  const dropped = visibility === 'open' ? await s.tx.groupAccess.revokeAll(group.id) : 0;
  await audit(s, 'group.visibility-set', group, { visibility, previous: group.visibility, ...(dropped ? { invitationsDropped: dropped } : {}) });
  return [notice('success', s.t({ key: visibility === 'private' ? 'group.nowPrivate' : 'group.nowOpen', params: { group: group.name } }))];
}

export async function invite(s: Session, refs: readonly string[], name: string | undefined): Promise<View[]> {
  const group = await resolveGroup(s, name);
  await requireConvener(s, group);
  if (group.visibility !== 'private') return fail('group.inviteOpen', { group: group.name });
  const invited: string[] = [];
  const already: string[] = [];
  const members: string[] = [];
  for (const ref of refs) {
    const member = await resolveMember(s, ref);
    if (await s.tx.groups.roleIn(group.id, member.id)) {
      members.push(member.displayName);
      continue;
    }
    if (!(await s.tx.groupAccess.invite(group.id, member.id, s.actor.id, s.now))) {
      already.push(member.displayName);
      continue;
    }
    await audit(s, 'group.invited', group, { member: member.id });
    const t = translator(member.locale ?? s.workspace.locale);
    await s.tx.outbox.enqueue(
      {
        workspaceId: s.workspace.id,
        target: { kind: 'dm', memberExternalId: member.externalId },
        view: {
          type: 'card',
          title: t({ key: 'group.invitationTitle', params: { group: group.name } }),
          body: t({ key: 'group.invitationBody', params: { group: group.name, by: `@${s.actor.displayName}`, kind: t({ key: `group.kind.${group.kind}` }) } }),
          fields: [],
          actions: [{ command: `group join ${quoteWord(group.name)}`, label: t({ key: 'group.invitationJoin' }), style: 'primary' }],
          tone: 'info',
        },
      },
      s.now,
    );
    invited.push(member.displayName);
  }
  const views: View[] = [];
  if (invited.length) views.push(notice('success', s.t({ key: 'group.invited', params: { group: group.name, members: mentionList(invited), count: invited.length } })));
  if (already.length) views.push(notice('info', s.t({ key: 'group.alreadyInvited', params: { group: group.name, members: mentionList(already), count: already.length } })));
  if (members.length) views.push(notice('info', s.t({ key: 'group.alreadyMembers', params: { group: group.name, members: mentionList(members), count: members.length } })));
  return views;
}

export async function uninvite(s: Session, refs: readonly string[], name: string | undefined): Promise<View[]> {
  const group = await resolveGroup(s, name);
  await requireConvener(s, group);
  const revoked: string[] = [];
  const none: string[] = [];
  for (const ref of refs) {
    const member = await resolveMember(s, ref);
    if (!(await s.tx.groupAccess.revoke(group.id, member.id))) {
      none.push(member.displayName);
      continue;
    }
    await audit(s, 'group.invitation-revoked', group, { member: member.id });
    revoked.push(member.displayName);
  }
  const views: View[] = [];
  if (revoked.length) views.push(notice('success', s.t({ key: 'group.uninvited', params: { group: group.name, members: mentionList(revoked), count: revoked.length } })));
  if (none.length) views.push(notice('info', s.t({ key: 'group.notInvited', params: { group: group.name, members: mentionList(none), count: none.length } })));
  return views;
}

async function resolveGroupForJoin(s: Session, name: string | undefined): Promise<Group> {
  if (name) return resolveGroup(s, name);
  const inChannel = await s.tx.groups.findByChannel(s.workspace.id, s.ctx.channel.id);
  if (inChannel && (await canReadGroup(s.tx, inChannel, readerOf(s)))) return inChannel;
  return fail('group.joinWhich');
}

async function audit(s: Session, action: string, group: Group, data: Record<string, unknown>): Promise<void> {
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action, subject: `group:${group.id}`, data: { group: group.name, ...data } });
}

function channelLabel(s: Session): string {
  return s.ctx.channel.name ? `#${s.ctx.channel.name}` : s.ctx.channel.id;
}

export const mentionList = (names: string[]) => names.map((n) => `@${n}`).join(', ');
