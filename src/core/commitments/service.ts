// Commitments: who will do what by when, reminders that arrive on time, and a record of promises kept.
import type { Session } from '../context.js';
import { requireWorkspaceAdmin } from '../access.js';
import { DomainError, fail } from '../errors.js';
import { mentionList, resolveGroup, resolveMember, VOTING_ROLES } from '../groups/service.js';
import { canReadFiledUnder, canReadGroup, hiddenGroupIds, readerOf } from '../groups/visibility.js';
import { digestCharts, goalRef, requireGoal } from '../goals/service.js';
import { closePledgeOf } from '../resources/pledge-close.js';
import { translator, type Translator } from '../i18n/index.js';
import type { Locale, MessageKey } from '../i18n/types.js';
import type { Group, Member, Tx, Workspace } from '../ports.js';
import { formatDateTime, formatRelative, parseWhen } from '../time.js';
import { notice, type Action, type CardView, type View } from '../views/types.js';
import type { CommitmentJob } from './jobs.js';
import type { Goal } from '../goals/ports.js';
import type { Commitment } from './ports.js';
import { commitmentJobKeys, scheduleDigest } from './job-keys.js';
import {
  checkOffsets,
  describeDuration,
  describeOffsets,
  MAX_REMINDER_OFFSETS,
  MIN_REMINDER_GAP,
  parseOffsets,
  planReminders,
} from './schedule.js';

const OPEN: Commitment['status'][] = ['open', 'blocked'];


/** A due date as typed, in the member's zone and within the workspace's horizon. */
export function resolveDue(s: Session, text: string): Date {
  const when = parseWhen(text, { now: s.now, zone: s.timezone, locale: s.locale, horizonMonths: s.dateHorizonMonths });
  if (!when.ok) throw new DomainError(when.error);
  return when.date;
}

function resolveOffsets(s: Session, text: string): string[] {
  const offsets = parseOffsets(text);
  if (offsets === null) {
    return fail('commitment.badOffsets', { given: text, max: MAX_REMINDER_OFFSETS, gap: describeDuration(MIN_REMINDER_GAP, s.locale) });
  }
  const refused = checkOffsets(offsets, s.locale);
  if (refused) throw new DomainError(refused);
  return offsets;
}

/** What `commit` asks for: dates and reminder offsets as typed, resolved here in the member's time zone. */
export interface NewCommitment {
  what: string;
  due: string;
  /** Nobody named: the member commits themselves. */
  owners: readonly string[];
  group?: string | undefined;
  proposal?: number | undefined;
  /** The goal it works toward, by its number. */
  goal?: number | undefined;
  /** Reminder offsets such as "3d,1d,2h"; "none" turns reminders off. */
  remind?: string | undefined;
}

export async function commit(s: Session, c: NewCommitment): Promise<View[]> {
  const dueAt = resolveDue(s, c.due);
  let group = c.group ? await resolveGroup(s, c.group) : null;
  let proposal: { id: number; number: number } | null = null;
  if (c.proposal !== undefined) {
    const p = await s.tx.proposals.find(s.workspace.id, c.proposal);
    if (!p || !(await canReadFiledUnder(s.tx, p.groupId, readerOf(s)))) return fail('proposal.notFound', { number: c.proposal });
    proposal = p;
    // What follows from a private group's decision stays with that group unless a group is named.
    if (!group) {
      const decidedBy = await s.tx.groups.get(p.groupId);
      if (decidedBy.visibility === 'private') group = decidedBy;
    }
  }
  const goal = c.goal !== undefined ? await requireGoal(s, c.goal) : null;
  // Work toward a goal is the goal's group's work, unless another group is named.
  if (goal && !group) group = await s.tx.groups.get(goal.groupId);
  group ??= await channelGroup(s);
  const owners: Member[] = c.owners.length ? [] : [s.actor];
  for (const ref of c.owners) owners.push(await resolveMember(s, ref));
  const reminders = c.remind !== undefined ? resolveOffsets(s, c.remind) : null;
  return (await recordCommitment(s, { what: c.what, dueAt, owners, group, proposal, goal, reminders })).views;
}

/** A commitment with everything already resolved: what other features (a retro's action) record through. */
export interface CommitmentDraft {
  what: string;
  dueAt: Date;
  owners: readonly Member[];
  group: Group | null;
  proposal: { id: number; number: number } | null;
  goal: Goal | null;
  /** Offsets for this commitment; null: the group's or the workspace's. */
  reminders: string[] | null;
}

/**
 * Records a commitment: its audit entry, its owners' reminders, or, for owners someone else named, the request to
 * accept it. Only members of its group may add to a group's commitments.
 */
export async function recordCommitment(s: Session, d: CommitmentDraft): Promise<{ commitment: Commitment; views: View[] }> {
  const { group, goal, owners, dueAt } = d;
  // A group's commitments show in its digest and its members' record: only its members may add to them.
  if (group) {
    const role = await s.tx.groups.roleIn(group.id, s.actor.id);
    if (!role || !VOTING_ROLES.includes(role)) return fail('commitment.membersOnly', { group: group.name });
  }
  // Nobody takes on a promise someone else made for them until they say yes.
  const others = owners.filter((o) => o.id !== s.actor.id);
  const number = await s.tx.commitments.nextNumber(s.workspace.id);
  const commitment = await s.tx.commitments.insert(
    {
      workspaceId: s.workspace.id,
      number,
      groupId: group?.id ?? null,
      proposalId: d.proposal?.id ?? null,
      goalId: goal?.id ?? null,
      what: d.what,
      dueAt,
      status: others.length ? 'pending' : 'open',
      reminders: d.reminders,
      createdBy: s.actor.id,
      createdAt: s.now,
      channelId: group?.channelId ?? s.ctx.channel.id,
    },
    owners.map((o) => o.id),
    others.map((o) => o.id),
  );
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'commitment.created',
    subject: `commitment:${number}`,
    data: { what: d.what, dueAt: dueAt.toISOString(), owners: owners.map((o) => o.id), group: group?.name ?? null, proposal: d.proposal?.number ?? null, ...(goal ? { goal: goalRef(goal.number) } : {}), awaiting: others.map((o) => o.id) },
  });
  const params = { number, what: d.what, owners: mentionList(owners.map((o) => o.displayName)), due: formatDateTime(dueAt, s.timezone, s.locale) };
  if (others.length === 0) {
    const planned = await scheduleFollowUps(s.tx, commitment, [...owners], s.workspace, s.now);
    return { commitment, views: [notice('success', s.t({ key: 'commitment.created', params: { ...params, count: planned } }))] };
  }
  for (const owner of others) {
    const card = await dmCard(s.tx, commitment, owner, s.workspace, s.now, 'commitment.askAccept', { by: `@${s.actor.displayName}` });
    await s.tx.outbox.enqueue({ workspaceId: s.workspace.id, target: { kind: 'dm', memberExternalId: owner.externalId }, view: card }, s.now);
  }
  return { commitment, views: [notice('success', s.t({ key: 'commitment.createdPending', params: { ...params, waiting: mentionList(others.map((o) => o.displayName)) } }))] };
}

/** The owner's answer to a commitment someone else recorded for them. */
async function answerable(s: Session, number: number): Promise<Commitment> {
  const c = await requireCommitment(s, number);
  const owners = await s.tx.commitments.owners(c.id);
  if (!owners.some((o) => o.id === s.actor.id)) return fail('commitment.notYours', { number });
  if (c.status === 'declined') return fail('commitment.alreadyDeclined', { number });
  if (c.status === 'cancelled') return fail('commitment.isCancelled', { number });
  return c;
}

export async function accept(s: Session, number: number): Promise<View[]> {
  const c = await answerable(s, number);
  const pending = await s.tx.commitments.pendingOwners(c.id);
  if (!pending.includes(s.actor.id)) return [notice('info', s.t({ key: 'commitment.alreadyAccepted', params: { number } }))];
  await s.tx.commitments.accept(c.id, s.actor.id);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'commitment.accepted', subject: `commitment:${number}`, data: {} });
  const stillWaiting = pending.filter((id) => id !== s.actor.id);
  if (stillWaiting.length > 0) {
    const waiting = await s.tx.members.getMany(stillWaiting);
    return [notice('success', s.t({ key: 'commitment.acceptedWaiting', params: { number, what: c.what, waiting: mentionList(waiting.map((m) => m.displayName)) } }))];
  }
  await s.tx.commitments.update(c.id, { status: 'open' });
  const owners = await s.tx.commitments.owners(c.id);
  const planned = await scheduleFollowUps(s.tx, { ...c, status: 'open' }, owners, s.workspace, s.now);
  await tellRecorder(s, c, 'commitment.acceptedNotice');
  return [notice('success', s.t({ key: 'commitment.accepted', params: { number, what: c.what, count: planned } }))];
}

export async function decline(s: Session, number: number): Promise<View[]> {
  const c = await answerable(s, number);
  const pending = await s.tx.commitments.pendingOwners(c.id);
  if (!pending.includes(s.actor.id)) return fail('commitment.declineAccepted', { number });
  await s.tx.commitments.update(c.id, { status: 'declined' });
  await s.tx.commitments.cancelJobs(c.id);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'commitment.declined', subject: `commitment:${number}`, data: {} });
  await tellRecorder(s, c, 'commitment.declinedNotice');
  return [notice('success', s.t({ key: 'commitment.declined', params: { number, what: c.what } }))];
}

/** Tells whoever recorded the commitment how the owner answered, in their own language. */
async function tellRecorder(s: Session, c: Commitment, key: MessageKey): Promise<void> {
  if (c.createdBy === s.actor.id) return;
  const recorder = await s.tx.members.get(c.createdBy);
  const t = translator(recorder.locale ?? s.workspace.locale);
  const view = notice('info', t({ key, params: { number: c.number, what: c.what, member: `@${s.actor.displayName}` } }));
  await s.tx.outbox.enqueue({ workspaceId: s.workspace.id, target: { kind: 'dm', memberExternalId: recorder.externalId }, view }, s.now);
}

/**
 * A commitment is on time up to and including its due instant ("done" at 17:00 for 17:00 is on time), so it
 * becomes overdue strictly after it: the overdue notice waits one second past the due time.
 */
const overdueFrom = (dueAt: Date) => new Date(dueAt.getTime() + 1000);

/** The group of the channel the command came from, unless it is a private group the member may not read. */
async function channelGroup(s: Session): Promise<Group | null> {
  const group = await s.tx.groups.findByChannel(s.workspace.id, s.ctx.channel.id);
  return group && (await canReadGroup(s.tx, group, readerOf(s))) ? group : null;
}

/** Reminders for each owner in their own time zone, the overdue notice just after the due time. Returns how many reminders. */
async function scheduleFollowUps(tx: Tx, c: Commitment, owners: Member[], workspace: Workspace, now: Date): Promise<number> {
  const settings = await tx.commitments.settings(workspace.id);
  const groupOffsets = c.groupId ? (await tx.commitments.groupSettings(c.groupId)).reminders : null;
  const offsets = c.reminders ?? groupOffsets ?? settings.reminders;
  let count = 0;
  for (const owner of owners) {
    const zone = owner.timezone ?? workspace.timezone;
    for (const r of planReminders({ due: c.dueAt, offsets, now, zone, quiet: { from: settings.quietFrom, to: settings.quietTo } })) {
      await tx.jobs.schedule(
        { kind: 'commitment.remind', key: commitmentJobKeys.remind(c.id, r.offset, owner.id), runAt: r.at, payload: { commitmentId: c.id, memberId: owner.id, offset: r.offset } },
        'replace',
      );
      count++;
    }
  }
  await tx.jobs.schedule({ kind: 'commitment.overdue', key: commitmentJobKeys.overdue(c.id), runAt: overdueFrom(c.dueAt), payload: { commitmentId: c.id } }, 'replace');
  return count;
}

/**
 * The commitment by its number. One filed under a private group is for the group's readers, its owners
 * and whoever recorded it; anyone else is answered as for a missing one.
 */
export async function requireCommitment(s: Session, number: number): Promise<Commitment> {
  const c = await s.tx.commitments.find(s.workspace.id, number);
  if (!c || !(await canReadCommitment(s, c))) return fail('commitment.notFound', { number });
  return c;
}

async function canReadCommitment(s: Session, c: Commitment): Promise<boolean> {
  if (c.createdBy === s.actor.id || (await canReadFiledUnder(s.tx, c.groupId, readerOf(s)))) return true;
  return (await s.tx.commitments.owners(c.id)).some((o) => o.id === s.actor.id);
}

/** Owners, whoever recorded it, and conveners of its group may change a commitment. */
async function requireManage(s: Session, c: Commitment): Promise<Member[]> {
  const owners = await s.tx.commitments.owners(c.id);
  if (owners.some((o) => o.id === s.actor.id) || c.createdBy === s.actor.id) return owners;
  if (c.groupId && (await s.tx.groups.roleIn(c.groupId, s.actor.id)) === 'convener') return owners;
  return fail('commitment.manageOnly', { number: c.number });
}

function requireOpen(c: Commitment, opts: { pendingToo?: boolean } = {}): void {
  if (c.status === 'done') fail('commitment.alreadyDone', { number: c.number });
  if (c.status === 'cancelled') fail('commitment.isCancelled', { number: c.number });
  if (c.status === 'declined') fail('commitment.alreadyDeclined', { number: c.number });
  if (c.status === 'pending' && !opts.pendingToo) fail('commitment.notAcceptedYet', { number: c.number });
}

export async function markDone(s: Session, number: number, note: string | null): Promise<View[]> {
  const c = await requireCommitment(s, number);
  await requireManage(s, c);
  requireOpen(c);
  const onTime = s.now <= c.dueAt;
  await s.tx.commitments.update(c.id, { status: 'done', doneAt: s.now, note });
  await s.tx.commitments.cancelJobs(c.id);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'commitment.done', subject: `commitment:${number}`, data: { onTime, note } });
  // A pledge's commitment keeps the pledge: the note is its evidence.
  const pledge = await closePledgeOf(s, c, note);
  return [notice('success', s.t({ key: onTime ? 'commitment.doneOnTime' : 'commitment.doneLate', params: { number, what: c.what } })), ...pledge];
}

export async function extend(s: Session, number: number, dueText: string, reason: string): Promise<View[]> {
  const c = await requireCommitment(s, number);
  const owners = await requireManage(s, c);
  requireOpen(c);
  const dueAt = resolveDue(s, dueText);
  if (dueAt.getTime() === c.dueAt.getTime() && c.status === 'open') {
    return [notice('info', s.t({ key: 'commitment.alreadyDue', params: { number, due: formatDateTime(dueAt, s.timezone, s.locale) } }))];
  }
  await s.tx.commitments.update(c.id, { dueAt, status: 'open', blockedReason: null });
  await s.tx.commitments.cancelJobs(c.id);
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'commitment.extended',
    subject: `commitment:${number}`,
    data: { from: c.dueAt.toISOString(), to: dueAt.toISOString(), reason },
  });
  const planned = await scheduleFollowUps(s.tx, { ...c, dueAt }, owners, s.workspace, s.now);
  return [notice('success', s.t({ key: 'commitment.extended', params: { number, due: formatDateTime(dueAt, s.timezone, s.locale), count: planned } }))];
}

export async function markBlocked(s: Session, number: number, reason: string): Promise<View[]> {
  const c = await requireCommitment(s, number);
  await requireManage(s, c);
  requireOpen(c);
  // Conveners heard about this block already: telling them again would be noise.
  if (c.status === 'blocked' && c.blockedReason === reason) return [notice('info', s.t({ key: 'commitment.alreadyBlocked', params: { number } }))];
  await s.tx.commitments.update(c.id, { status: 'blocked', blockedReason: reason });
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'commitment.blocked', subject: `commitment:${number}`, data: { reason } });
  const told = await tellConveners(s.tx, { ...c, status: 'blocked', blockedReason: reason }, s.workspace, s.now, 'commitment.blockedNotice', s.actor);
  return [notice('success', s.t({ key: told ? 'commitment.blockedTold' : 'commitment.blockedNoGroup', params: { number } }))];
}

export async function cancel(s: Session, number: number): Promise<View[]> {
  const c = await requireCommitment(s, number);
  await requireManage(s, c);
  if (c.status === 'cancelled') fail('commitment.alreadyCancelled', { number });
  requireOpen(c, { pendingToo: true });
  await s.tx.commitments.update(c.id, { status: 'cancelled' });
  await s.tx.commitments.cancelJobs(c.id);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'commitment.cancelled', subject: `commitment:${number}`, data: {} });
  return [notice('success', s.t({ key: 'commitment.cancelled', params: { number } }))];
}

/** Which commitments `commitments` lists. */
export interface CommitmentQuery {
  filter: 'open' | 'mine' | 'overdue' | 'all';
  group?: string | undefined;
}

export async function list(s: Session, c: CommitmentQuery): Promise<View[]> {
  const group: Group | null = c.group ? await resolveGroup(s, c.group) : null;
  // One's own commitments are listed whatever group they are filed under.
  const excludeGroupIds = c.filter === 'mine' ? [] : await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s));
  const filter = {
    ...(group ? { groupId: group.id } : {}),
    excludeGroupIds,
    // Commitments waiting for the member's answer are theirs to see, with what to do about them.
    ...(c.filter === 'mine' ? { ownerId: s.actor.id, status: [...OPEN, 'pending' as const] } : {}),
    ...(c.filter === 'open' ? { status: OPEN } : {}),
    ...(c.filter === 'overdue' ? { status: OPEN, dueBefore: s.now } : {}),
    limit: 50,
  };
  const items = [];
  for (const item of await s.tx.commitments.list(s.workspace.id, filter)) {
    const owners = await s.tx.commitments.owners(item.id);
    items.push({
      text: `#${item.number} ${item.what}`,
      detail: `${mentionList(owners.map((o) => o.displayName))} · ${statusLine(s.t, item, s.timezone, s.locale, s.now)}`,
    });
  }
  return [{ type: 'list', title: s.t({ key: `commitment.list.${c.filter}` }), items, empty: s.t({ key: 'commitment.list.empty' }) }];
}

function statusLine(t: Translator, c: Commitment, zone: string, locale: Locale, now: Date, when?: { absolute: string; relative: string }): string {
  const absolute = when?.absolute ?? formatDateTime(c.dueAt, zone, locale);
  if (c.status === 'done') return t({ key: c.doneAt && c.doneAt <= c.dueAt ? 'commitment.status.doneOnTime' : 'commitment.status.doneLate' });
  if (c.status === 'cancelled') return t({ key: 'commitment.status.cancelled' });
  if (c.status === 'declined') return t({ key: 'commitment.status.declined' });
  if (c.status === 'pending') return t({ key: 'commitment.status.pending', params: { due: absolute } });
  if (c.dueAt < now) return t({ key: 'commitment.status.overdue', params: { due: absolute } });
  const due = `${absolute} (${when?.relative ?? formatRelative(c.dueAt, now, locale, zone)})`;
  if (c.status === 'blocked') return t({ key: 'commitment.status.blocked', params: { due, reason: c.blockedReason ?? '' } });
  return t({ key: 'commitment.status.open', params: { due } });
}

export async function stats(s: Session, groupName: string | undefined): Promise<View[]> {
  const group = groupName ? await resolveGroup(s, groupName) : null;
  const records = await s.tx.commitments.records(s.workspace.id, group?.id ?? null, s.now, await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s)));
  return [
    {
      type: 'list',
      title: s.t({ key: group ? 'commitment.stats.titleGroup' : 'commitment.stats.title', params: { group: group?.name ?? '' } }),
      items: records.map((r) => ({
        text: `@${r.displayName}`,
        detail: s.t({ key: 'commitment.stats.line', params: { onTime: r.onTime, late: r.late, missed: r.missed, open: r.open } }),
      })),
      empty: s.t({ key: 'commitment.stats.empty' }),
    },
  ];
}

async function requireSettingsAdmin(s: Session, group: Group | null): Promise<void> {
  if (group) {
    if ((await s.tx.groups.roleIn(group.id, s.actor.id)) !== 'convener') fail('group.convenerOnly', { group: group.name });
    return;
  }
  requireWorkspaceAdmin(s);
}

export async function setReminders(s: Session, text: string, groupName: string | undefined): Promise<View[]> {
  const group = groupName ? await resolveGroup(s, groupName) : null;
  await requireSettingsAdmin(s, group);
  const offsets = resolveOffsets(s, text);
  const current = group ? (await s.tx.commitments.groupSettings(group.id)).reminders : (await s.tx.commitments.settings(s.workspace.id)).reminders;
  if (current !== null && current.join(',') === offsets.join(',')) {
    return [notice('info', s.t({ key: offsets.length ? 'commitment.remindersAlready' : 'commitment.remindersAlreadyOff', params: { offsets: describeOffsets(offsets, s.locale), scope: group?.name ?? s.workspace.name } }))];
  }
  if (group) await s.tx.commitments.updateGroupSettings(group.id, { reminders: offsets });
  else await s.tx.commitments.updateSettings(s.workspace.id, { reminders: offsets });
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'settings.commitment-reminders', subject: group ? `group:${group.id}` : null, data: { offsets } });
  return [notice('success', s.t({ key: offsets.length ? 'commitment.remindersSet' : 'commitment.remindersOff', params: { offsets: describeOffsets(offsets, s.locale), scope: group?.name ?? s.workspace.name } }))];
}

export async function setQuiet(s: Session, from: number, to: number): Promise<View[]> {
  await requireSettingsAdmin(s, null);
  const current = await s.tx.commitments.settings(s.workspace.id);
  const wasOff = current.quietFrom === current.quietTo;
  if ((from === to && wasOff) || (current.quietFrom === from && current.quietTo === to)) {
    return [notice('info', s.t({ key: from === to ? 'commitment.quietAlreadyOff' : 'commitment.quietAlready', params: { from, to } }))];
  }
  await s.tx.commitments.updateSettings(s.workspace.id, { quietFrom: from, quietTo: to });
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'settings.quiet-hours', subject: null, data: { from, to } });
  return [notice('success', s.t({ key: from === to ? 'commitment.quietOff' : 'commitment.quietSet', params: { from, to } }))];
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** The words for a stored digest day: 0 is off, 1 to 7 are Monday to Sunday. */
const DIGEST_DAYS = ['weekday.0', 'weekday.1', 'weekday.2', 'weekday.3', 'weekday.4', 'weekday.5', 'weekday.6', 'weekday.7'] as const satisfies readonly MessageKey[];

export async function setDigest(s: Session, day: string, hour: number | undefined, groupName: string | undefined): Promise<View[]> {
  const group = await resolveGroup(s, groupName);
  await requireSettingsAdmin(s, group);
  const digestDay = day === 'off' ? 0 : WEEKDAYS.indexOf(day) + 1;
  const digestHour = hour ?? 9;
  const current = await s.tx.commitments.groupSettings(group.id);
  if (current.digestDay === digestDay && (digestDay === 0 || current.digestHour === digestHour)) {
    return [notice('info', s.t({ key: digestDay ? 'digest.alreadySet' : 'digest.alreadyOff', params: { group: group.name, day: s.t({ key: DIGEST_DAYS[digestDay] ?? 'weekday.0' }), hour: digestHour } }))];
  }
  await s.tx.commitments.updateGroupSettings(group.id, { digestDay, digestHour });
  await scheduleDigest(s.tx, group.id, s.workspace, s.now);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'settings.digest', subject: `group:${group.id}`, data: { day, hour: digestHour } });
  return [notice('success', s.t({ key: digestDay ? 'digest.set' : 'digest.off', params: { group: group.name, day: s.t({ key: DIGEST_DAYS[digestDay] ?? 'weekday.0' }), hour: digestHour } }))];
}

export async function setDigestEmpty(s: Session, mode: 'post' | 'skip', groupName: string | undefined): Promise<View[]> {
  const group = await resolveGroup(s, groupName);
  await requireSettingsAdmin(s, group);
  const digestEmpty = mode === 'post';
  if ((await s.tx.commitments.groupSettings(group.id)).digestEmpty === digestEmpty) {
    return [notice('info', s.t({ key: digestEmpty ? 'digest.emptyAlreadyPost' : 'digest.emptyAlreadySkip', params: { group: group.name } }))];
  }
  await s.tx.commitments.updateGroupSettings(group.id, { digestEmpty });
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'settings.digest-empty', subject: `group:${group.id}`, data: { mode } });
  return [notice('success', s.t({ key: digestEmpty ? 'digest.emptyPost' : 'digest.emptySkip', params: { group: group.name } }))];
}

// ---- views ----

interface Display {
  locale: Locale;
  timezone: string;
  now: Date;
}

export async function commitmentCard(tx: Tx, c: Commitment, d: Display): Promise<CardView> {
  const owners = await tx.commitments.owners(c.id);
  const group = c.groupId ? (await tx.groups.get(c.groupId)).name : null;
  const p = c.proposalId ? await tx.proposals.get(c.proposalId) : null;
  return buildCommitmentCard(c, owners, { group, proposal: p ? `#${p.number} ${p.title}` : null }, d);
}

/** The card itself, from data already loaded, so a sweep can build thousands without a query each. */
function buildCommitmentCard(
  c: Commitment,
  owners: Member[],
  about: { group: string | null; proposal: string | null },
  d: Display,
  // Formatting dates is the costly part of a card: callers that need them too pass them in.
  when = dueTexts(c, d),
): CardView {
  const t = translator(d.locale);
  const fields = [
    { label: t({ key: 'commitment.owners' }), value: mentionList(owners.map((o) => o.displayName)) },
    { label: t({ key: 'commitment.due' }), value: c.dueAt > d.now ? `${when.absolute} (${when.relative})` : when.absolute, at: c.dueAt.toISOString() },
    { label: t({ key: 'commitment.statusLabel' }), value: statusLine(t, c, d.timezone, d.locale, d.now, when) },
  ];
  if (about.group) fields.push({ label: t({ key: 'card.group' }), value: about.group });
  if (about.proposal) fields.push({ label: t({ key: 'commitment.fromProposal' }), value: about.proposal });
  if (c.note) fields.push({ label: t({ key: 'commitment.note' }), value: c.note });
  return {
    type: 'card',
    title: t({ key: 'commitment.title', params: { number: c.number, what: c.what } }),
    fields,
    actions: OPEN.includes(c.status) ? commitmentActions(c, t) : c.status === 'pending' ? acceptActions(c, t) : [],
    tone: c.status === 'done' ? 'success' : c.dueAt < d.now && OPEN.includes(c.status) ? 'danger' : 'info',
  };
}

function acceptActions(c: Commitment, t: Translator): Action[] {
  return [
    { command: `commitment accept ${c.number}`, label: t({ key: 'commitment.action.accept' }), style: 'primary' },
    { command: `commitment decline ${c.number}`, label: t({ key: 'commitment.action.decline' }), style: 'danger' },
  ];
}

function commitmentActions(c: Commitment, t: Translator): Action[] {
  return [
    { command: `done ${c.number}`, label: t({ key: 'commitment.action.done' }), style: 'primary' },
    {
      command: `extend ${c.number}`,
      label: t({ key: 'commitment.action.extend' }),
      input: {
        kind: 'form',
        prompt: t({ key: 'commitment.action.extendPrompt' }),
        fields: [
          { flag: 'due', label: t({ key: 'commitment.due' }), placeholder: 'friday 17:00' },
          { flag: 'reason', label: t({ key: 'commitment.action.reason' }) },
        ],
      },
    },
    { command: `blocked ${c.number}`, label: t({ key: 'commitment.action.blocked' }), style: 'danger', input: { kind: 'reason', prompt: t({ key: 'commitment.action.blockedPrompt' }) } },
  ];
}

async function dmCard(tx: Tx, c: Commitment, member: Member, workspace: Workspace, now: Date, titleKey: MessageKey, extra: Record<string, string> = {}): Promise<View> {
  const display = memberDisplay(member, workspace, now);
  return withSubtitle(await commitmentCard(tx, c, display), c, display, titleKey, extra);
}

const memberDisplay = (member: Member, workspace: Workspace, now: Date): Display => ({
  locale: member.locale ?? workspace.locale,
  timezone: member.timezone ?? workspace.timezone,
  now,
});

const dueTexts = (c: Commitment, d: Display) => ({
  absolute: formatDateTime(c.dueAt, d.timezone, d.locale),
  relative: formatRelative(c.dueAt, d.now, d.locale, d.timezone),
});

function withSubtitle(card: CardView, c: Commitment, d: Display, titleKey: MessageKey, extra: Record<string, string> = {}, when = dueTexts(c, d)): CardView {
  // Before the due time "in 2 days" reads best; at or after it, the time itself.
  const due = c.dueAt > d.now ? when.relative : when.absolute;
  return { ...card, subtitle: translator(d.locale)({ key: titleKey, params: { number: c.number, what: c.what, due, ...extra } }) };
}

/**
 * Many due reminders in one transaction: a handful of queries for the whole batch instead of a
 * few per reminder, which is what lets a sweep over a million commitments finish in seconds.
 */
export async function runCommitmentReminders(tx: Tx, jobs: Extract<CommitmentJob, { kind: 'commitment.remind' }>[], now: Date): Promise<void> {
  const ids = [...new Set(jobs.map((j) => Number(j.payload.commitmentId)))];
  const [commitments, owners] = await Promise.all([tx.commitments.getMany(ids), tx.commitments.ownersOfMany(ids)]);
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const workspaces = new Map<number, Workspace>();
  const groups = new Map<number, string>();
  const proposals = new Map<number, string | null>();
  const messages = [];
  // Due times cluster (people say "friday 17:00"), and formatting a date is the costly part of a card:
  // each distinct due time, zone and language is formatted once per batch.
  const texts = new Map<string, ReturnType<typeof dueTexts>>();
  for (const job of jobs) {
    const c = byId.get(Number(job.payload.commitmentId));
    if (!c || !OPEN.includes(c.status)) continue;
    const owner = owners.get(c.id)?.find((o) => o.id === Number(job.payload.memberId));
    if (!owner) continue;
    if (!workspaces.has(c.workspaceId)) workspaces.set(c.workspaceId, await tx.workspaces.get(c.workspaceId));
    if (c.groupId && !groups.has(c.groupId)) groups.set(c.groupId, (await tx.groups.get(c.groupId)).name);
    if (c.proposalId && !proposals.has(c.proposalId)) {
      const p = await tx.proposals.get(c.proposalId);
      proposals.set(c.proposalId, p ? `#${p.number} ${p.title}` : null);
    }
    const display = memberDisplay(owner, workspaces.get(c.workspaceId)!, now);
    const textKey = `${c.dueAt.getTime()}|${display.timezone}|${display.locale}`;
    let when = texts.get(textKey);
    if (!when) texts.set(textKey, (when = dueTexts(c, display)));
    const card = buildCommitmentCard(c, owners.get(c.id) ?? [], { group: c.groupId ? groups.get(c.groupId)! : null, proposal: c.proposalId ? (proposals.get(c.proposalId) ?? null) : null }, display, when);
    messages.push({ workspaceId: c.workspaceId, target: { kind: 'dm' as const, memberExternalId: owner.externalId }, view: withSubtitle(card, c, display, 'commitment.reminder', {}, when) });
  }
  await tx.outbox.enqueueMany(messages, now);
}

/**
 * DMs the group's conveners who are not owners of the commitment, or, when there are none, whoever recorded it:
 * an owner hears of their own commitment anyway, and an escalation to oneself reaches nobody new.
 * False when nobody could be told.
 */
async function tellConveners(tx: Tx, c: Commitment, workspace: Workspace, now: Date, key: MessageKey, actor: Member | null): Promise<boolean> {
  const owners = await tx.commitments.owners(c.id);
  const ownerIds = new Set(owners.map((o) => o.id));
  let recipients: Member[] = [];
  if (c.groupId) recipients = (await tx.groups.members(c.groupId)).filter((m) => m.role === 'convener' && !ownerIds.has(m.member.id)).map((m) => m.member);
  if (recipients.length === 0 && !ownerIds.has(c.createdBy)) recipients = [await tx.members.get(c.createdBy)];
  recipients = recipients.filter((r) => r.id !== actor?.id);
  for (const r of recipients) {
    const view = await dmCard(tx, c, r, workspace, now, key, { owners: mentionList(owners.map((o) => o.displayName)), reason: c.blockedReason ?? '' });
    await tx.outbox.enqueue({ workspaceId: workspace.id, target: { kind: 'dm', memberExternalId: r.externalId }, view }, now);
  }
  return recipients.length > 0;
}

// ---- jobs ----

export async function runCommitmentJob(tx: Tx, job: CommitmentJob, now: Date): Promise<void> {
  if (job.kind === 'group.digest') return runDigest(tx, job.payload.groupId, now);
  const c = await tx.commitments.get(job.payload.commitmentId);
  if (!c || !OPEN.includes(c.status)) return;
  const workspace = await tx.workspaces.get(c.workspaceId);
  switch (job.kind) {
    case 'commitment.remind':
      return runCommitmentReminders(tx, [job], now);
    case 'commitment.overdue': {
      for (const owner of await tx.commitments.owners(c.id)) {
        await tx.outbox.enqueue({ workspaceId: c.workspaceId, target: { kind: 'dm', memberExternalId: owner.externalId }, view: await dmCard(tx, c, owner, workspace, now, 'commitment.overdueNotice') }, now);
      }
      const settings = await tx.commitments.settings(c.workspaceId);
      await tx.jobs.schedule(
        { kind: 'commitment.escalate', key: commitmentJobKeys.escalate(c.id), runAt: new Date(c.dueAt.getTime() + settings.escalationHours * 3_600_000), payload: { commitmentId: c.id } },
        'replace',
      );
      await tx.audit.append(c.workspaceId, now, { actorId: null, action: 'commitment.overdue', subject: `commitment:${c.number}`, data: {} });
      return;
    }
    case 'commitment.escalate': {
      await tellConveners(tx, c, workspace, now, 'commitment.escalation', null);
      await tx.audit.append(c.workspaceId, now, { actorId: null, action: 'commitment.escalated', subject: `commitment:${c.number}`, data: {} });
      return;
    }
  }
}

async function runDigest(tx: Tx, groupId: number, now: Date): Promise<void> {
  const group = await tx.groups.get(groupId);
  const workspace = await tx.workspaces.get(group.workspaceId);
  const t = translator(workspace.locale);
  const zone = workspace.timezone;
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const weekAhead = new Date(now.getTime() + 7 * 86_400_000);

  const decided = (await tx.proposals.list(workspace.id, { status: ['closed'], groupIds: [groupId], limit: 20 })).filter((p) => p.closedAt && p.closedAt > weekAgo);
  const open = await tx.proposals.list(workspace.id, { status: ['open'], groupIds: [groupId], limit: 20 });
  const openLines: string[] = [];
  for (const p of open) {
    const waiting = await tx.proposals.nonVoters(p.id);
    // Who has not voted is public for open ballots; for anonymous ones only the count is shown.
    const who = p.anonymous || waiting.length === 0 ? '' : `: ${mentionList(waiting.map((m) => m.displayName))}`;
    openLines.push(`#${p.number} ${p.title} — ${t({ key: 'digest.notVoted', params: { count: waiting.length } })}${who}`);
  }
  const dueSoon = await tx.commitments.list(workspace.id, { groupId, status: OPEN, dueAfter: now, dueBefore: weekAhead });
  const overdue = await tx.commitments.list(workspace.id, { groupId, status: OPEN, dueBefore: now });
  const completed = await tx.commitments.list(workspace.id, { groupId, status: ['done'], doneAfter: weekAgo });
  const line = async (c: Commitment) => `#${c.number} ${c.what} — ${mentionList((await tx.commitments.owners(c.id)).map((o) => o.displayName))}, ${formatDateTime(c.dueAt, zone, workspace.locale)}`;
  const section = async (title: string, rows: string[]) => (rows.length ? `*${title}*\n${rows.map((r) => `• ${r}`).join('\n')}` : `*${title}*\n${t({ key: 'digest.none' })}`);

  // Kudos are public wherever they were posted, so the digest names giver and receiver.
  const kudos = await tx.kudos.list(workspace.id, { groupIds: [groupId], from: weekAgo, to: now, limit: 50 });
  const thanked = new Map((await tx.members.getMany([...new Set(kudos.flatMap((k) => [k.giverId, k.receiverId]))])).map((m) => [m.id, m.displayName]));
  const reached = await tx.goals.reachedBetween(groupId, weekAgo, now);

  // Each open goal's progress as a picture, after the digest that lists what moved it.
  const charts = await digestCharts(tx, workspace, groupId, now);
  const empty = decided.length + open.length + dueSoon.length + overdue.length + completed.length + kudos.length + reached.length + charts.length === 0;
  if (empty && !(await tx.commitments.groupSettings(groupId)).digestEmpty) {
    // A week with nothing in it is not worth a post; the next week's digest is still scheduled.
    await scheduleDigest(tx, groupId, workspace, new Date(now.getTime() + 60_000));
    return;
  }
  const keptBy = new Set<string>();
  for (const c of completed.filter((c) => c.doneAt && c.doneAt <= c.dueAt)) for (const o of await tx.commitments.owners(c.id)) keptBy.add(o.displayName);

  const body = [
    await section(t({ key: 'digest.decisions' }), decided.map((p) => `#${p.number} ${p.title}${p.outcome ? ` — ${p.outcome}` : ''}`)),
    await section(t({ key: 'digest.open' }), openLines),
    await section(t({ key: 'digest.dueSoon' }), await Promise.all(dueSoon.map(line))),
    await section(t({ key: 'digest.overdue' }), await Promise.all(overdue.map(line))),
    await section(t({ key: 'digest.completed' }), await Promise.all(completed.map(line))),
    await section(t({ key: 'digest.reached' }), reached.map((r) => `I-${r.indicator.number} ${r.indicator.name} — G-${r.goal.number} ${r.goal.title}`)),
    await section(t({ key: 'digest.kudos' }), kudos.map((k) => `@${thanked.get(k.giverId) ?? '?'} → @${thanked.get(k.receiverId) ?? '?'}: ${k.reason}`)),
  ].join('\n\n');
  const view: CardView = {
    type: 'card',
    title: t({ key: 'digest.title', params: { group: group.name } }),
    body,
    fields: [],
    actions: [],
    tone: 'info',
  };
  if (keptBy.size) view.footer = t({ key: 'digest.thanks', params: { members: mentionList([...keptBy]) } });
  await tx.outbox.enqueue({ workspaceId: workspace.id, target: { kind: 'post', channelId: group.channelId }, view }, now);
  for (const chart of charts) {
    await tx.outbox.enqueue({ workspaceId: workspace.id, target: { kind: 'post', channelId: group.channelId }, view: chart }, now);
  }
  await tx.audit.append(workspace.id, now, { actorId: null, action: 'group.digest', subject: `group:${groupId}`, data: { decisions: decided.length, open: open.length, dueSoon: dueSoon.length, overdue: overdue.length, completed: completed.length, kudos: kudos.length, reached: reached.length } });
  await scheduleDigest(tx, groupId, workspace, new Date(now.getTime() + 60_000));
}
