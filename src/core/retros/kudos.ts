// Kudos: a member thanks another in a group's channel. A few a day per giver, never oneself, so thanks stay worth
// something; the weekly digest lists them.
import { DateTime } from 'luxon';
import { requireWorkspaceAdmin } from '../access.js';
import type { Session } from '../context.js';
import { fail } from '../errors.js';
import { resolveGroup, resolveMember } from '../groups/service.js';
import { hiddenGroupIds, readerOf } from '../groups/visibility.js';
import { translator } from '../i18n/index.js';
import { formatDateTime } from '../time.js';
import { notice, type CardView, type View } from '../views/types.js';

/** What `kudos` asks for. */
export interface NewKudos {
  member: string;
  why: string;
  group?: string | undefined;
}

/** The giver's own calendar day, in their zone: a limit of five a day resets at their midnight. */
function localDay(now: Date, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromJSDate(now, { zone }).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

export async function giveKudos(s: Session, c: NewKudos): Promise<View[]> {
  const receiver = await resolveMember(s, c.member);
  if (receiver.id === s.actor.id) return fail('kudos.self');
  const group = await resolveGroup(s, c.group);
  await s.tx.audit.lockWorkspace(s.workspace.id);
  const { kudosDailyLimit: limit } = await s.tx.retros.settings(s.workspace.id);
  const day = localDay(s.now, s.timezone);
  const given = await s.tx.kudos.countGiven(s.actor.id, day.start, day.end);
  if (given >= limit) return fail('kudos.limit', { limit, when: formatDateTime(day.end, s.timezone, s.locale) });
  await s.tx.kudos.insert({ workspaceId: s.workspace.id, groupId: group.id, giverId: s.actor.id, receiverId: receiver.id, reason: c.why, createdAt: s.now });
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'kudos.given', subject: `group:${group.id}`, data: { member: receiver.id, reason: c.why } });
  const t = translator(s.workspace.locale);
  const params = { giver: `@${s.actor.displayName}`, member: `@${receiver.displayName}`, why: c.why, group: group.name };
  const card: CardView = { type: 'card', title: t({ key: 'kudos.card.title', params }), body: t({ key: 'kudos.card.body', params }), fields: [], actions: [], tone: 'success' };
  await s.tx.outbox.enqueue({ workspaceId: s.workspace.id, target: { kind: 'post', channelId: group.channelId }, view: card }, s.now);
  return [notice('success', s.t({ key: 'kudos.given', params: { ...params, left: limit - given - 1, limit } }))];
}

export async function listKudos(s: Session, c: { group?: string | undefined }): Promise<View[]> {
  const group = c.group ? await resolveGroup(s, c.group) : null;
  const excludeGroupIds = await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s));
  const list = await s.tx.kudos.list(s.workspace.id, { ...(group ? { groupIds: [group.id] } : {}), excludeGroupIds, limit: 30 });
  const people = new Map((await s.tx.members.getMany([...new Set(list.flatMap((k) => [k.giverId, k.receiverId]))])).map((m) => [m.id, m.displayName]));
  return [
    {
      type: 'list',
      title: s.t(group ? { key: 'kudos.list.titleGroup', params: { group: group.name } } : { key: 'kudos.list.title' }),
      items: list.map((k) => ({
        text: s.t({ key: 'kudos.list.line', params: { giver: `@${people.get(k.giverId) ?? '?'}`, member: `@${people.get(k.receiverId) ?? '?'}` } }),
        detail: `${k.reason} · ${formatDateTime(k.createdAt, s.timezone, s.locale)}`,
      })),
      empty: s.t({ key: 'kudos.list.empty' }),
    },
  ];
}

/** `settings kudos-limit`: how many thank-yous one member may give in a day. */
export async function setKudosLimit(s: Session, limit: number): Promise<View[]> {
  requireWorkspaceAdmin(s);
  if ((await s.tx.retros.settings(s.workspace.id)).kudosDailyLimit === limit) return [notice('info', s.t({ key: 'kudos.limitAlready', params: { limit } }))];
  await s.tx.retros.updateSettings(s.workspace.id, { kudosDailyLimit: limit });
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'settings.kudos-limit', subject: null, data: { limit } });
  return [notice('success', s.t({ key: 'kudos.limitSet', params: { limit } }))];
}

/** `settings retro-dots`: each member's dots in a retro, and at most how many on one item. */
export async function setRetroDots(s: Session, c: { dots: number; perItem: number }): Promise<View[]> {
  requireWorkspaceAdmin(s);
  if (c.perItem > c.dots) return fail('retro.dotsOrder', { dots: c.dots, perItem: c.perItem });
  const current = await s.tx.retros.settings(s.workspace.id);
  if (current.dots === c.dots && current.dotsPerItem === c.perItem) return [notice('info', s.t({ key: 'retro.dotsAlready', params: c }))];
  await s.tx.retros.updateSettings(s.workspace.id, { dots: c.dots, dotsPerItem: c.perItem });
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'settings.retro-dots', subject: null, data: { dots: c.dots, perItem: c.perItem } });
  return [notice('success', s.t({ key: 'retro.dotsSet', params: c }))];
}
