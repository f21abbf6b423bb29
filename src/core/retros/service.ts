// Retrospectives: a group looks back in a template's columns, dot-votes what matters most, turns items into
// commitments, and carries what it did not get to into its next retro. Items are anonymous unless the retro says
// otherwise; dots are always anonymous (totals only).
import type { Session } from '../context.js';
import { DomainError, fail } from '../errors.js';
import { recordCommitment, resolveDue } from '../commitments/service.js';
import type { Commitment } from '../commitments/ports.js';
import { goalRef, requireGoal } from '../goals/service.js';
import { progress, status as indicatorStatus } from '../goals/model.js';
import { mentionList, resolveGroup, resolveMember, VOTING_ROLES } from '../groups/service.js';
import { canReadFiledUnder, hiddenGroupIds, readerOf } from '../groups/visibility.js';
import { translator, type Translator } from '../i18n/index.js';
import type { Locale } from '../i18n/types.js';
import type { Group, Member, Tx, Workspace } from '../ports.js';
import { formatDateTime, parseWhen } from '../time.js';
import { notice, type CardView, type Field, type View } from '../views/types.js';
import { retroJobKeys, type RetroJob } from './jobs.js';
import { byDots, checkDots, dotsLeft, totals } from './model.js';
import { offerPostmortem } from './offer.js';
import type { Retro, RetroItem } from './ports.js';
import { DEFAULT_TEMPLATE, findColumn, TEMPLATES, type TemplateId } from './templates.js';

export const retroRef = (number: number): string => `R-${number}`;
const subject = (retro: Retro) => `retro:${retro.number}`;

/** A retro of a private group is for those who may read the group; anyone else is answered as for a missing one. */
export async function requireRetro(s: Session, number: number): Promise<Retro> {
  const found = await s.tx.retros.find(s.workspace.id, number);
  if (!found || !(await canReadFiledUnder(s.tx, found.groupId, readerOf(s)))) return fail('retro.notFound', { ref: retroRef(number) });
  return found;
}

async function requireOpenRetro(s: Session, number: number): Promise<Retro> {
  const retro = await requireRetro(s, number);
  if (retro.status !== 'open') fail('retro.closedAlready', { ref: retroRef(retro.number), title: retro.title });
  return retro;
}

async function requireMemberOf(s: Session, group: Group): Promise<void> {
  const role = await s.tx.groups.roleIn(group.id, s.actor.id);
  if (!role || !VOTING_ROLES.includes(role)) fail('retro.membersOnly', { group: group.name });
}

/** The facilitator or a convener of the retro's group turns items into actions and closes it. */
async function requireFacilitator(s: Session, retro: Retro): Promise<void> {
  if (retro.facilitatorId === s.actor.id) return;
  if ((await s.tx.groups.roleIn(retro.groupId, s.actor.id)) === 'convener') return;
  fail('retro.facilitatorOnly', { ref: retroRef(retro.number), title: retro.title });
}

async function requireItem(s: Session, retro: Retro, number: number): Promise<RetroItem> {
  const item = await s.tx.retros.findItem(retro.id, number);
  if (!item) return fail('retro.itemNotFound', { ref: retroRef(retro.number), item: number });
  return item;
}

/** What `retro start` asks for. */
export interface NewRetro {
  title: string;
  template?: TemplateId | undefined;
  goal?: number | undefined;
  closes?: string | undefined;
  names: boolean;
  group?: string | undefined;
}

export async function startRetro(s: Session, c: NewRetro): Promise<View[]> {
  const goal = c.goal !== undefined ? await requireGoal(s, c.goal) : null;
  // A retro about a goal belongs to the goal's group unless another is named.
  const group = c.group ? await resolveGroup(s, c.group) : goal ? await s.tx.groups.get(goal.groupId) : await resolveGroup(s, undefined);
  await requireMemberOf(s, group);
  let closesAt: Date | null = null;
  if (c.closes !== undefined) {
    const when = parseWhen(c.closes, { now: s.now, zone: s.timezone, locale: s.locale, horizonMonths: s.dateHorizonMonths });
    if (!when.ok) throw new DomainError(when.error);
    closesAt = when.date;
  }
  // Numbering and carrying over read what other commands write: hold the workspace's lock from here.
  await s.tx.audit.lockWorkspace(s.workspace.id);
  const template = c.template ?? DEFAULT_TEMPLATE;
  const number = await s.tx.retros.nextNumber(s.workspace.id);
  const retro = await s.tx.retros.insert({
    workspaceId: s.workspace.id,
    number,
    groupId: group.id,
    title: c.title,
    template,
    goalId: goal?.id ?? null,
    facilitatorId: s.actor.id,
    showNames: c.names,
    status: 'open',
    closesAt,
    closedAt: null,
    channelId: group.channelId,
    createdAt: s.now,
  });
  // What the group did not get to last time opens this one.
  const carried = await s.tx.retros.carryable(group.id);
  for (const item of carried) {
    await s.tx.retros.insertItem({ retroId: retro.id, column: item.column, text: item.text, authorId: item.authorId, carriedFromId: item.id, discussed: false, commitmentId: null, createdAt: s.now });
  }
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'retro.started',
    subject: subject(retro),
    data: { title: c.title, template, group: group.name, goal: goal ? goalRef(goal.number) : null, closesAt: closesAt?.toISOString() ?? null, names: c.names, carried: carried.length },
  });
  if (closesAt) await s.tx.jobs.schedule({ kind: 'retro.close', key: retroJobKeys.close(retro.id), runAt: closesAt, payload: { retroId: retro.id } }, 'replace');
  // The group sees the retro open, with the previous retro's actions and whether they were kept.
  const card = await retroCard(s.tx, retro, { locale: s.workspace.locale, timezone: s.workspace.timezone, now: s.now }, null);
  await s.tx.outbox.enqueue({ workspaceId: s.workspace.id, target: { kind: 'post', channelId: group.channelId }, view: card }, s.now);
  const ref = retroRef(number);
  const params = { ref, title: c.title, group: group.name, template: TEMPLATES[template].name[s.locale], columns: TEMPLATES[template].columns.map((col) => col.id).join(', ') };
  const lines = [s.t({ key: 'retro.started', params }), s.t({ key: c.names ? 'retro.startedNamed' : 'retro.startedAnonymous' })];
  if (carried.length) lines.push(s.t({ key: 'retro.startedCarried', params: { count: carried.length } }));
  return [notice('success', lines.join('\n'))];
}

/** What `retro add` asks for. */
export interface NewItem {
  retro: number;
  column: string;
  text: string;
}

export async function addItem(s: Session, c: NewItem): Promise<View[]> {
  const retro = await requireOpenRetro(s, c.retro);
  await requireMemberOf(s, await s.tx.groups.get(retro.groupId));
  const column = findColumn(retro.template, c.column);
  if (!column) {
    return fail('retro.badColumn', { given: c.column, ref: retroRef(retro.number), columns: TEMPLATES[retro.template].columns.map((col) => col.id).join(', ') });
  }
  await s.tx.audit.lockWorkspace(s.workspace.id);
  const items = await s.tx.retros.items(retro.id);
  const same = (a: string) => a.trim().toLowerCase() === c.text.trim().toLowerCase();
  const twice = items.find((i) => i.authorId === s.actor.id && i.column === column.id && same(i.text));
  if (twice) return fail('retro.itemDuplicate', { ref: retroRef(retro.number), item: twice.number });
  const item = await s.tx.retros.insertItem({ retroId: retro.id, column: column.id, text: c.text, authorId: s.actor.id, carriedFromId: null, discussed: false, commitmentId: null, createdAt: s.now });
  // An anonymous retro's entries name nobody: who wrote what is not for the log either.
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: retro.showNames ? s.actor.id : null,
    action: 'retro.item-added',
    subject: subject(retro),
    data: { item: item.number, column: column.id, text: c.text },
  });
  const params = { ref: retroRef(retro.number), item: item.number, column: column.label[s.locale] };
  return [notice('success', [s.t({ key: 'retro.itemAdded', params }), s.t({ key: retro.showNames ? 'retro.itemNamed' : 'retro.itemAnonymous' })].join(' '))];
}

/** What `retro vote` asks for. */
export interface RetroVoteInput {
  retro: number;
  item: number;
  dots: number;
}

export async function voteItem(s: Session, c: RetroVoteInput): Promise<View[]> {
  const retro = await requireOpenRetro(s, c.retro);
  await requireMemberOf(s, await s.tx.groups.get(retro.groupId));
  const item = await requireItem(s, retro, c.item);
  await s.tx.audit.lockWorkspace(s.workspace.id);
  const settings = await s.tx.retros.settings(s.workspace.id);
  const votes = await s.tx.retros.votes(retro.id);
  const check = checkDots(votes, s.actor.id, item.id, c.dots, { budget: settings.dots, perItem: settings.dotsPerItem });
  const params = { ref: retroRef(retro.number), item: item.number, dots: c.dots, budget: settings.dots, perItem: settings.dotsPerItem };
  if (!check.ok) return fail(check.problem === 'budget' ? 'retro.dots.budget' : 'retro.dots.item', { ...params, left: check.left });
  const onItem = votes.find((v) => v.itemId === item.id && v.memberId === s.actor.id)?.dots ?? 0;
  await s.tx.retros.setVote(retro.id, item.id, s.actor.id, onItem + c.dots);
  // Dots are anonymous: the entry says an item got them, not from whom.
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: null, action: 'retro.voted', subject: subject(retro), data: { item: item.number, dots: c.dots } });
  return [notice('success', s.t({ key: 'retro.voted', params: { ...params, count: c.dots, left: check.left } }))];
}

export async function unvoteItem(s: Session, c: { retro: number; item: number }): Promise<View[]> {
  const retro = await requireOpenRetro(s, c.retro);
  const item = await requireItem(s, retro, c.item);
  await s.tx.audit.lockWorkspace(s.workspace.id);
  const settings = await s.tx.retros.settings(s.workspace.id);
  const votes = await s.tx.retros.votes(retro.id);
  const mine = votes.find((v) => v.itemId === item.id && v.memberId === s.actor.id)?.dots ?? 0;
  const params = { ref: retroRef(retro.number), item: item.number, budget: settings.dots };
  if (mine === 0) return [notice('info', s.t({ key: 'retro.noDotsThere', params }))];
  await s.tx.retros.setVote(retro.id, item.id, s.actor.id, 0);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: null, action: 'retro.unvoted', subject: subject(retro), data: { item: item.number, dots: mine } });
  const left = dotsLeft(votes.filter((v) => !(v.itemId === item.id && v.memberId === s.actor.id)), s.actor.id, settings.dots);
  return [notice('success', s.t({ key: 'retro.unvoted', params: { ...params, count: mine, left } }))];
}

/** What `retro action` asks for. */
export interface RetroAction {
  retro: number;
  item: number;
  owner: string;
  due: string;
}

/** The facilitator turns an item into a commitment of the retro's group (toward its goal, if it has one). */
export async function actionItem(s: Session, c: RetroAction): Promise<View[]> {
  const retro = await requireOpenRetro(s, c.retro);
  await requireFacilitator(s, retro);
  const item = await requireItem(s, retro, c.item);
  if (item.commitmentId !== null) {
    const [existing] = await s.tx.commitments.getMany([item.commitmentId]);
    return fail('retro.itemHasAction', { ref: retroRef(retro.number), item: item.number, number: existing?.number ?? 0 });
  }
  const dueAt = resolveDue(s, c.due);
  const owner = await resolveMember(s, c.owner);
  const group = await s.tx.groups.get(retro.groupId);
  const [goal] = retro.goalId !== null ? await s.tx.goals.getGoals([retro.goalId]) : [];
  const { commitment, views } = await recordCommitment(s, { what: item.text, dueAt, owners: [owner], group, proposal: null, goal: goal ?? null, reminders: null });
  await s.tx.retros.updateItem(item.id, { discussed: true, commitmentId: commitment.id });
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'retro.action',
    subject: subject(retro),
    data: { item: item.number, commitment: `#${commitment.number}`, owners: [owner.id] },
  });
  return [notice('success', s.t({ key: 'retro.actionRecorded', params: { ref: retroRef(retro.number), item: item.number, number: commitment.number } })), ...views];
}

export async function markDiscussed(s: Session, c: { retro: number; item: number }): Promise<View[]> {
  const retro = await requireOpenRetro(s, c.retro);
  await requireFacilitator(s, retro);
  const item = await requireItem(s, retro, c.item);
  const params = { ref: retroRef(retro.number), item: item.number };
  if (item.discussed) return [notice('info', s.t({ key: 'retro.discussedAlready', params }))];
  await s.tx.retros.updateItem(item.id, { discussed: true });
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'retro.discussed', subject: subject(retro), data: { item: item.number } });
  return [notice('success', s.t({ key: 'retro.discussed', params }))];
}

export async function closeRetro(s: Session, number: number): Promise<View[]> {
  const retro = await requireOpenRetro(s, number);
  await requireFacilitator(s, retro);
  const carried = await closeNow(s.tx, retro, s.actor.id, s.now);
  const params = { ref: retroRef(retro.number), title: retro.title, count: carried };
  return [notice('success', s.t({ key: carried ? 'retro.closed' : 'retro.closedAllDiscussed', params }))];
}

/** Closes the retro; returns how many items were not discussed, which the group's next retro carries over. */
async function closeNow(tx: Tx, retro: Retro, actorId: number | null, now: Date): Promise<number> {
  await tx.retros.update(retro.id, { status: 'closed', closedAt: now });
  await tx.jobs.cancel([retroJobKeys.close(retro.id)]);
  const carried = (await tx.retros.items(retro.id)).filter((i) => !i.discussed).length;
  await tx.audit.append(retro.workspaceId, now, { actorId, action: 'retro.closed', subject: `retro:${retro.number}`, data: { carried } });
  return carried;
}

// Reading -----------------------------------------------------------------------------------------

interface Display {
  locale: Locale;
  timezone: string;
  now: Date;
}

export async function showRetro(s: Session, number: number): Promise<View[]> {
  const retro = await requireRetro(s, number);
  return [await retroCard(s.tx, retro, { locale: s.locale, timezone: s.timezone, now: s.now }, s.actor)];
}

/** How a commitment made in a retro stands: kept, kept late, open, overdue, or dropped. */
function keptText(t: Translator, c: Commitment, d: Display): string {
  if (c.status === 'done') return t({ key: c.doneAt && c.doneAt <= c.dueAt ? 'retro.kept.onTime' : 'retro.kept.late' });
  if (c.status === 'cancelled' || c.status === 'declined') return t({ key: 'retro.kept.dropped' });
  const due = formatDateTime(c.dueAt, d.timezone, d.locale);
  return t({ key: c.dueAt < d.now ? 'retro.kept.overdue' : 'retro.kept.open', params: { due } });
}

/** The retro as a card: each column's items by dots, what became an action, and the previous retro's actions. */
export async function retroCard(tx: Tx, retro: Retro, d: Display, viewer: Member | null): Promise<CardView> {
  const t = translator(d.locale);
  const template = TEMPLATES[retro.template];
  const group = await tx.groups.get(retro.groupId);
  const items = await tx.retros.items(retro.id);
  const votes = await tx.retros.votes(retro.id);
  const dots = totals(votes);
  const commitments = new Map((await tx.commitments.getMany(items.flatMap((i) => (i.commitmentId !== null ? [i.commitmentId] : [])))).map((c) => [c.id, c]));
  // Names only where the retro shows them, and never for an item carried over from a retro that may not have.
  const named = retro.showNames ? new Map((await tx.members.getMany(items.filter((i) => i.carriedFromId === null).map((i) => i.authorId))).map((m) => [m.id, m.displayName])) : new Map<number, string>();
  const line = (i: RetroItem) => {
    const parts = [`#${i.number} ${i.text}`, t({ key: 'retro.dots', params: { count: dots.get(i.id) ?? 0 } })];
    const author = i.carriedFromId === null ? named.get(i.authorId) : undefined;
    if (author) parts.push(`@${author}`);
    if (i.carriedFromId !== null) parts.push(t({ key: 'retro.mark.carried' }));
    const c = i.commitmentId !== null ? commitments.get(i.commitmentId) : undefined;
    if (c) parts.push(t({ key: 'retro.mark.action', params: { number: c.number } }));
    else if (i.discussed) parts.push(t({ key: 'retro.mark.discussed' }));
    return parts.join(' · ');
  };
  const fields: Field[] = template.columns.map((col) => {
    const mine = byDots(items.filter((i) => i.column === col.id), dots);
    return { label: col.label[d.locale], value: mine.length ? mine.map(line).join('\n') : `_${col.prompt[d.locale]}_` };
  });
  // Carried from a retro of another template: its column has no place here, so it is shown on its own.
  const known = new Set(template.columns.map((col) => col.id));
  const strays = byDots(items.filter((i) => !known.has(i.column)), dots);
  if (strays.length) fields.push({ label: t({ key: 'retro.field.carried' }), value: strays.map(line).join('\n') });

  const about = [template.name[d.locale], group.name, t({ key: 'retro.field.facilitator', params: { member: `@${(await tx.members.get(retro.facilitatorId)).displayName}` } })];
  if (retro.goalId !== null) {
    const [goal] = await tx.goals.getGoals([retro.goalId]);
    if (goal) about.push(`${goalRef(goal.number)} ${goal.title}`);
  }
  if (retro.status === 'open' && retro.closesAt) about.push(t({ key: 'retro.closesAt', params: { when: formatDateTime(retro.closesAt, d.timezone, d.locale) } }));
  if (retro.status === 'closed') about.push(t({ key: 'retro.state.closed' }));

  const ref = retroRef(retro.number);
  const footer: string[] = [];
  if (retro.status === 'open') {
    footer.push(t({ key: 'retro.howTo', params: { ref } }));
    if (viewer) {
      const settings = await tx.retros.settings(retro.workspaceId);
      footer.push(t({ key: 'retro.yourDots', params: { left: dotsLeft(votes, viewer.id, settings.dots), budget: settings.dots } }));
    }
  }
  const body = await previousActions(tx, retro, d, t);
  return {
    type: 'card',
    title: `${ref} ${retro.title}`,
    subtitle: about.join(' · '),
    ...(body ? { body } : {}),
    fields,
    actions: [{ command: `retro show ${ref}`, label: t({ key: 'retro.action.show' }) }],
    ...(footer.length ? { footer: footer.join('\n') } : {}),
    tone: retro.status === 'closed' ? 'success' : 'info',
  };
}

/** The previous retro of the same group: the actions it agreed and whether they were kept. */
async function previousActions(tx: Tx, retro: Retro, d: Display, t: Translator): Promise<string | null> {
  const previous = await tx.retros.previous(retro);
  if (!previous) return null;
  const actions = (await tx.retros.items(previous.id)).filter((i) => i.commitmentId !== null);
  const heading = t({ key: 'retro.previous.title', params: { ref: retroRef(previous.number), title: previous.title } });
  if (actions.length === 0) return `*${heading}*\n${t({ key: 'retro.previous.none' })}`;
  const ids = actions.map((i) => i.commitmentId!);
  const [commitments, owners] = await Promise.all([tx.commitments.getMany(ids), tx.commitments.ownersOfMany(ids)]);
  const lines = commitments
    .sort((a, b) => a.number - b.number)
    .map((c) => `• #${c.number} ${c.what} — ${mentionList((owners.get(c.id) ?? []).map((o) => o.displayName))}: ${keptText(t, c, d)}`);
  return `*${heading}*\n${lines.join('\n')}`;
}

export async function listRetros(s: Session, c: { group?: string | undefined }): Promise<View[]> {
  const group = c.group ? await resolveGroup(s, c.group) : null;
  const excludeGroupIds = await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s));
  const retros = await s.tx.retros.list(s.workspace.id, { ...(group ? { groupIds: [group.id] } : {}), excludeGroupIds, limit: 30 });
  const groups = new Map<number, string>();
  for (const r of retros) if (!groups.has(r.groupId)) groups.set(r.groupId, (await s.tx.groups.get(r.groupId)).name);
  return [
    {
      type: 'list',
      title: s.t(group ? { key: 'retro.list.titleGroup', params: { group: group.name } } : { key: 'retro.list.title' }),
      items: retros.map((r) => ({
        text: `${retroRef(r.number)} ${r.title}`,
        detail: [groups.get(r.groupId)!, TEMPLATES[r.template].name[s.locale], s.t({ key: `retro.state.${r.status}` })].join(' · '),
      })),
      empty: s.t({ key: 'retro.list.empty' }),
    },
  ];
}

// Jobs --------------------------------------------------------------------------------------------

export async function runRetroJob(tx: Tx, job: RetroJob, now: Date): Promise<void> {
  switch (job.kind) {
    case 'retro.close': {
      const retro = await tx.retros.get(job.payload.retroId);
      if (!retro || retro.status !== 'open') return;
      const carried = await closeNow(tx, retro, null, now);
      const workspace = await tx.workspaces.get(retro.workspaceId);
      const t = translator(workspace.locale);
      const params = { ref: retroRef(retro.number), title: retro.title, count: carried };
      const view = notice('info', t({ key: carried ? 'retro.closedOnTime' : 'retro.closedOnTimeAllDiscussed', params }));
      await tx.outbox.enqueue({ workspaceId: workspace.id, target: { kind: 'post', channelId: retro.channelId }, view }, now);
      return;
    }
    case 'goal.postmortem': {
      const [goal] = await tx.goals.getGoals([job.payload.goalId]);
      if (!goal || goal.status !== 'open' || !goal.dueAt || goal.dueAt > now) return;
      const workspace = await tx.workspaces.get(goal.workspaceId);
      if (await offTrackAtDue(tx, goal.id, goal.createdAt, goal.dueAt, workspace, now)) await offerPostmortem(tx, workspace, goal, 'off-track', now);
      return;
    }
  }
}

/** Whether any of the goal's indicators is off track now that its due date has come. */
async function offTrackAtDue(tx: Tx, goalId: number, start: Date, due: Date, workspace: Workspace, now: Date): Promise<boolean> {
  const indicators = await tx.goals.indicatorsOf([goalId]);
  const values = await tx.goals.valuesOf(indicators.map((i) => i.id));
  const thresholds = await tx.goals.thresholds(workspace.id);
  return indicators.some((i) => {
    const latest = values.get(i.id)?.at(-1);
    const p = latest ? progress(i.baseline, i.target, latest.value) : null;
    return indicatorStatus(p, { start, due, now }, thresholds) === 'off-track';
  });
}
