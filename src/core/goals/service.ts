// Shared goals: what a group aims for, the indicators that measure it, the values checked in, and the celebration
// when a target is reached. A goal belongs to a group and is as private as the group.
import { requireWorkspaceAdmin } from '../access.js';
import type { Session } from '../context.js';
import { DomainError, fail } from '../errors.js';
import { mentionList, resolveGroup, resolveMember, VOTING_ROLES } from '../groups/service.js';
import { canReadFiledUnder, hiddenGroupIds, readerOf } from '../groups/visibility.js';
import { formatNumber, translator, type Translator } from '../i18n/index.js';
import type { Locale } from '../i18n/types.js';
import type { Member, Workspace } from '../members/ports.js';
import type { Group, Tx } from '../ports.js';
import { formatDateTime, parsePastWhen, parseWhen } from '../time.js';
import { notice, type CardView, type Field, type Tone, type View } from '../views/types.js';
import { goalChart } from './chart.js';
import type { GoalJob } from './jobs.js';
import { goalProgress, progress, status, type StatusThresholds, type Status } from './model.js';
import type { Goal, GoalStatus, Indicator, IndicatorValue } from './ports.js';
import { checkinsBetween, nextCheckin, parseCadence, periodOf } from './schedule.js';
import { retroJobKeys } from '../retros/jobs.js';
import { offerPostmortem } from '../retros/offer.js';

export const goalRef = (number: number): string => `G-${number}`;
export const indicatorRef = (number: number): string => `I-${number}`;
const subject = (goal: Goal) => `goal:${goal.number}`;

export const goalJobKeys = { checkin: (indicatorId: number) => `indicator:${indicatorId}:checkin` };

/** A goal filed under a private group is for those who may read the group; anyone else is answered as for a missing one. */
export async function requireGoal(s: Session, number: number): Promise<Goal> {
  const found = await s.tx.goals.findGoal(s.workspace.id, number);
  if (!found || !(await canReadFiledUnder(s.tx, found.groupId, readerOf(s)))) return fail('goal.notFound', { ref: goalRef(number) });
  return found;
}

async function requireIndicator(s: Session, number: number): Promise<{ indicator: Indicator; goal: Goal }> {
  const indicator = await s.tx.goals.findIndicator(s.workspace.id, number);
  const [goal] = indicator ? await s.tx.goals.getGoals([indicator.goalId]) : [];
  if (!indicator || !goal || !(await canReadFiledUnder(s.tx, goal.groupId, readerOf(s)))) return fail('indicator.notFound', { ref: indicatorRef(number) });
  return { indicator, goal };
}

/** Whoever set the goal, a convener of its group, or a workspace admin may change it. */
async function canManage(s: Session, goal: Goal): Promise<boolean> {
  if (goal.createdBy === s.actor.id || s.ctx.actor.isAdmin === true) return true;
  return (await s.tx.groups.roleIn(goal.groupId, s.actor.id)) === 'convener';
}

async function requireManage(s: Session, goal: Goal): Promise<void> {
  if (!(await canManage(s, goal))) fail('goal.manageOnly', { ref: goalRef(goal.number), title: goal.title });
}

async function requireMemberOf(s: Session, group: Group): Promise<void> {
  const role = await s.tx.groups.roleIn(group.id, s.actor.id);
  if (!role || !VOTING_ROLES.includes(role)) fail('goal.membersOnly', { group: group.name });
}

function requireOpen(goal: Goal): void {
  if (goal.status !== 'open') fail('goal.closedAlready', { ref: goalRef(goal.number), title: goal.title });
}

/** An open goal the member may change. */
async function requireOpenGoalToManage(s: Session, number: number): Promise<Goal> {
  const goal = await requireGoal(s, number);
  await requireManage(s, goal);
  requireOpen(goal);
  return goal;
}

function resolveDue(s: Session, text: string): Date {
  const when = parseWhen(text, { now: s.now, zone: s.timezone, locale: s.locale, horizonMonths: 60 });
  if (!when.ok) throw new DomainError(when.error);
  return when.date;
}

/** What `goal add` asks for. */
export interface NewGoal {
  title: string;
  group?: string | undefined;
  due?: string | undefined;
  proposal?: number | undefined;
}

export async function addGoal(s: Session, c: NewGoal): Promise<View[]> {
  const dueAt = c.due !== undefined ? resolveDue(s, c.due) : null;
  let proposalId: number | null = null;
  let group: Group | null = c.group ? await resolveGroup(s, c.group) : null;
  if (c.proposal !== undefined) {
    const p = await s.tx.proposals.find(s.workspace.id, c.proposal);
    if (!p || !(await canReadFiledUnder(s.tx, p.groupId, readerOf(s)))) return fail('proposal.notFound', { number: c.proposal });
    proposalId = p.id;
    // A goal a decision set belongs to the group that decided, unless another is named.
    group ??= await s.tx.groups.get(p.groupId);
  }
  group ??= await resolveGroup(s, undefined);
  await requireMemberOf(s, group);
  const number = await s.tx.goals.nextGoalNumber(s.workspace.id);
  const goal = await s.tx.goals.insertGoal({
    workspaceId: s.workspace.id,
    number,
    groupId: group.id,
    title: c.title,
    dueAt,
    proposalId,
    status: 'open',
    closedNote: null,
    closedBy: null,
    closedAt: null,
    createdBy: s.actor.id,
    createdAt: s.now,
  });
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'goal.added',
    subject: subject(goal),
    data: { title: c.title, group: group.name, dueAt: dueAt?.toISOString() ?? null, proposal: c.proposal ?? null },
  });
  await scheduleDueCheck(s.tx, goal.id, dueAt);
  return [notice('success', s.t({ key: 'goal.added', params: { ref: goalRef(number), title: c.title, group: group.name } }))];
}

/** At the due date, the group is offered a blameless post-mortem if an indicator is off track (see core/retros). */
async function scheduleDueCheck(tx: Tx, goalId: number, dueAt: Date | null): Promise<void> {
  if (dueAt === null) return tx.jobs.cancel([retroJobKeys.postmortem(goalId)]);
  await tx.jobs.schedule({ kind: 'goal.postmortem', key: retroJobKeys.postmortem(goalId), runAt: dueAt, payload: { goalId } }, 'replace');
}

/** What `goal edit` asks for. */
export interface GoalEdit {
  goal: number;
  title?: string | undefined;
  due?: string | undefined;
}

export async function editGoal(s: Session, c: GoalEdit): Promise<View[]> {
  const goal = await requireOpenGoalToManage(s, c.goal);
  const patch: { title?: string; dueAt?: Date | null } = {};
  if (c.title !== undefined && c.title !== goal.title) patch.title = c.title;
  if (c.due !== undefined) {
    const dueAt = c.due.toLowerCase() === 'none' ? null : resolveDue(s, c.due);
    if (dueAt?.getTime() !== goal.dueAt?.getTime()) patch.dueAt = dueAt;
  }
  const params = { ref: goalRef(goal.number), title: patch.title ?? goal.title };
  if (Object.keys(patch).length === 0) return [notice('info', s.t({ key: 'goal.unchanged', params }))];
  await s.tx.goals.updateGoal(goal.id, patch);
  if (patch.dueAt !== undefined) await scheduleDueCheck(s.tx, goal.id, patch.dueAt);
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'goal.edited',
    subject: subject(goal),
    data: { ...(patch.title !== undefined ? { title: patch.title } : {}), ...(patch.dueAt !== undefined ? { dueAt: patch.dueAt?.toISOString() ?? null } : {}) },
  });
  return [notice('success', s.t({ key: 'goal.edited', params }))];
}

/** What `goal close` asks for. */
export interface GoalClose {
  goal: number;
  outcome: Exclude<GoalStatus, 'open'>;
  note?: string | undefined;
}

export async function closeGoal(s: Session, c: GoalClose): Promise<View[]> {
  const goal = await requireOpenGoalToManage(s, c.goal);
  await s.tx.goals.updateGoal(goal.id, { status: c.outcome, closedNote: c.note ?? null, closedBy: s.actor.id, closedAt: s.now });
  // Nobody is asked for values of a goal that is over.
  await s.tx.jobs.cancel([...(await s.tx.goals.indicatorsOf([goal.id])).map((i) => goalJobKeys.checkin(i.id)), retroJobKeys.postmortem(goal.id)]);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'goal.closed', subject: subject(goal), data: { outcome: c.outcome, note: c.note ?? null } });
  // A dropped goal is worth learning from: its group is offered a blameless post-mortem.
  if (c.outcome === 'dropped') await offerPostmortem(s.tx, s.workspace, goal, 'dropped', s.now);
  return [notice('success', s.t({ key: `goal.closed.${c.outcome}`, params: { ref: goalRef(goal.number), title: goal.title } }))];
}

/** What `indicator add` asks for. */
export interface NewIndicator {
  goal: number;
  indicatorName: string;
  baseline: number;
  target: number;
  unit?: string | undefined;
  owner?: string | undefined;
  checkin?: string | undefined;
  weight?: number | undefined;
}

export async function addIndicator(s: Session, c: NewIndicator): Promise<View[]> {
  const goal = await requireOpenGoalToManage(s, c.goal);
  const owner = c.owner !== undefined ? await resolveMember(s, c.owner) : s.actor;
  let cadence: string | null = null;
  if (c.checkin !== undefined) {
    const parsed = parseCadence(c.checkin, s.now);
    if (!parsed.ok) return fail(`indicator.cadence.${parsed.problem}`, { given: c.checkin });
    cadence = parsed.rule;
  }
  const number = await s.tx.goals.nextIndicatorNumber(s.workspace.id);
  const indicator = await s.tx.goals.insertIndicator({
    workspaceId: s.workspace.id,
    number,
    goalId: goal.id,
    name: c.indicatorName,
    baseline: c.baseline,
    target: c.target,
    unit: c.unit ?? null,
    weight: c.weight ?? 1,
    ownerId: owner.id,
    cadence,
    createdBy: s.actor.id,
    createdAt: s.now,
  });
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'indicator.added',
    subject: subject(goal),
    data: { indicator: indicatorRef(number), name: c.indicatorName, baseline: c.baseline, target: c.target, unit: c.unit ?? null, owners: [owner.id], checkin: cadence },
  });
  const next = cadence ? await scheduleCheckin(s.tx, indicator, owner, s.workspace, s.now) : null;
  const params = { ref: indicatorRef(number), name: c.indicatorName, goal: goalRef(goal.number), owner: `@${owner.displayName}` };
  const lines = [s.t({ key: 'indicator.added', params })];
  if (next) lines.push(s.t({ key: 'indicator.nextCheckin', params: { when: formatDateTime(next, owner.timezone ?? s.workspace.timezone, s.locale) } }));
  return [notice('success', lines.join('\n'))];
}

/** Puts the owner's next check-in on the schedule; returns when it is, or null when the rule has run out. */
async function scheduleCheckin(tx: Tx, indicator: Indicator, owner: Member, workspace: Workspace, after: Date): Promise<Date | null> {
  if (!indicator.cadence) return null;
  const at = nextCheckin(indicator.cadence, owner.timezone ?? workspace.timezone, indicator.createdAt, after);
  if (!at) {
    await tx.jobs.cancel([goalJobKeys.checkin(indicator.id)]);
    return null;
  }
  await tx.jobs.schedule({ kind: 'indicator.checkin', key: goalJobKeys.checkin(indicator.id), runAt: at, payload: { indicatorId: indicator.id, at: at.toISOString() } }, 'replace');
  return at;
}

/** What `checkin` asks for. */
export interface NewCheckin {
  indicator: number;
  value: number;
  note?: string | undefined;
  at?: string | undefined;
}

export async function checkin(s: Session, c: NewCheckin): Promise<View[]> {
  const { indicator, goal } = await requireIndicator(s, c.indicator);
  requireOpen(goal);
  // The owner reports; so may whoever manages the goal, or any member of its group when nobody owns the indicator.
  if (indicator.ownerId !== s.actor.id && !(await canManage(s, goal))) {
    const role = await s.tx.groups.roleIn(goal.groupId, s.actor.id);
    if (indicator.ownerId !== null || !role || !VOTING_ROLES.includes(role)) {
      return fail('indicator.ownerOnly', { ref: indicatorRef(indicator.number), name: indicator.name });
    }
  }
  let at = s.now;
  if (c.at !== undefined) {
    const when = parsePastWhen(c.at, { now: s.now, zone: s.timezone, locale: s.locale });
    if (!when.ok) throw new DomainError(when.error);
    at = when.date;
  }
  await s.tx.goals.addValue({ indicatorId: indicator.id, value: c.value, at, note: c.note ?? null, recordedBy: s.actor.id, recordedAt: s.now });
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'indicator.checkin',
    subject: subject(goal),
    data: { indicator: indicatorRef(indicator.number), measured: c.value, measuredAt: at.toISOString(), note: c.note ?? null },
  });
  const values = (await s.tx.goals.valuesOf([indicator.id])).get(indicator.id) ?? [];
  const latest = values.at(-1)!;
  const p = progress(indicator.baseline, indicator.target, latest.value);
  const views: View[] = [
    notice(
      'success',
      s.t({
        key: latest.at.getTime() === at.getTime() ? 'indicator.recorded' : 'indicator.recordedEarlier',
        params: {
          ref: indicatorRef(indicator.number),
          name: indicator.name,
          value: valueText(s.locale, c.value, indicator.unit),
          progress: percent(s.locale, p),
          latest: valueText(s.locale, latest.value, indicator.unit),
        },
      }),
    ),
  ];
  if (p >= 1 && indicator.reachedAt === null) await celebrate(s.tx, s.workspace, goal, indicator, latest, s.now);
  return views;
}

/**
 * The target is reached for the first time: the group's channel hears it, naming the indicator's owner and everyone
 * whose commitments toward the goal were kept.
 */
async function celebrate(tx: Tx, workspace: Workspace, goal: Goal, indicator: Indicator, value: IndicatorValue, now: Date): Promise<void> {
  await tx.goals.markReached(indicator.id, now);
  const group = await tx.groups.get(goal.groupId);
  const kept = await tx.goals.keptCommitmentOwners(goal.id);
  const ids = [...new Set([...(indicator.ownerId !== null ? [indicator.ownerId] : []), ...kept])];
  const people = await tx.members.getMany(ids);
  const names = ids.map((id) => people.find((m) => m.id === id)?.displayName).filter((n): n is string => n !== undefined);
  const t = translator(workspace.locale);
  const params = {
    ref: indicatorRef(indicator.number),
    name: indicator.name,
    goal: `${goalRef(goal.number)} ${goal.title}`,
    value: valueText(workspace.locale, value.value, indicator.unit),
    people: mentionList(names),
  };
  const view: CardView = {
    type: 'card',
    title: t({ key: 'indicator.celebration.title', params }),
    body: t({ key: names.length ? 'indicator.celebration.body' : 'indicator.celebration.bodyNobody', params }),
    fields: [],
    actions: [{ command: `goal show ${goalRef(goal.number)}`, label: t({ key: 'goal.action.show' }) }],
    tone: 'success',
  };
  await tx.outbox.enqueue({ workspaceId: workspace.id, target: { kind: 'post', channelId: group.channelId }, view }, now);
  await tx.audit.append(workspace.id, now, { actorId: null, action: 'indicator.reached', subject: subject(goal), data: { indicator: indicatorRef(indicator.number), owners: ids } });
}

// Reading -----------------------------------------------------------------------------------------

interface IndicatorState {
  indicator: Indicator;
  values: IndicatorValue[];
  progress: number | null;
  status: Status;
}

function indicatorState(goal: Goal, indicator: Indicator, values: IndicatorValue[], thresholds: StatusThresholds, now: Date): IndicatorState {
  const latest = values.at(-1);
  const p = latest ? progress(indicator.baseline, indicator.target, latest.value) : null;
  return { indicator, values, progress: p, status: status(p, { start: goal.createdAt, due: goal.dueAt, now }, thresholds) };
}

async function statesOf(s: Session, goals: Goal[]): Promise<Map<number, IndicatorState[]>> {
  const indicators = await s.tx.goals.indicatorsOf(goals.map((g) => g.id));
  const values = await s.tx.goals.valuesOf(indicators.map((i) => i.id));
  const thresholds = await s.tx.goals.thresholds(s.workspace.id);
  const byGoal = new Map<number, IndicatorState[]>();
  for (const g of goals) {
    byGoal.set(
      g.id,
      indicators.filter((i) => i.goalId === g.id).map((i) => indicatorState(g, i, values.get(i.id) ?? [], thresholds, s.now)),
    );
  }
  return byGoal;
}

/** The worst of the indicators' statuses speaks for the goal. */
const SEVERITY: Status[] = ['off-track', 'at-risk', 'on-track', 'achieved', 'no-due-date', 'no-data'];
function goalStatus(states: IndicatorState[]): Status {
  const present = new Set(states.map((x) => x.status));
  return SEVERITY.find((x) => present.has(x)) ?? 'no-data';
}

const STATUS_MARK: Record<Status, string> = { achieved: '✅', 'on-track': '🟢', 'at-risk': '🟡', 'off-track': '🔴', 'no-data': '⚪', 'no-due-date': '⚪' };
const STATUS_TONE: Record<Status, Tone> = { achieved: 'success', 'on-track': 'success', 'at-risk': 'warning', 'off-track': 'danger', 'no-data': 'info', 'no-due-date': 'info' };

/** A colour mark and a word: never the colour alone. */
const statusText = (t: Translator, x: Status) => `${STATUS_MARK[x]} ${t({ key: `goal.status.${x}` })}`;
const percent = (locale: Locale, p: number | null) => (p === null ? '—' : `${formatNumber(locale, Math.round(p * 100))}%`);
/** "90 t", "45%": a percent sign sits against its number, as both languages write it. */
const valueText = (locale: Locale, value: number, unit: string | null) => (unit ? `${formatNumber(locale, value)}${unit === '%' ? '' : ' '}${unit}` : formatNumber(locale, value));

export async function listGoals(s: Session, c: { group?: string | undefined; all: boolean }): Promise<View[]> {
  const group = c.group ? await resolveGroup(s, c.group) : null;
  const excludeGroupIds = await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s));
  const goals = await s.tx.goals.listGoals(s.workspace.id, { ...(group ? { groupIds: [group.id] } : {}), excludeGroupIds, ...(c.all ? {} : { status: ['open'] }) });
  const states = await statesOf(s, goals);
  const { t } = s;
  const items = goals.map((g) => {
    const list = states.get(g.id) ?? [];
    const p = goalProgress(list.map((x) => ({ progress: x.progress, weight: x.indicator.weight })));
    const parts = [
      g.status === 'open' ? statusText(t, goalStatus(list)) : t({ key: `goal.state.${g.status}` }),
      t({ key: 'goal.progressShort', params: { progress: percent(s.locale, p), count: list.length } }),
      ...(g.dueAt ? [t({ key: 'goal.dueShort', params: { due: formatDateTime(g.dueAt, s.timezone, s.locale) } })] : []),
    ];
    return { text: `${goalRef(g.number)} ${g.title}`, detail: parts.join(' · ') };
  });
  return [
    {
      type: 'list',
      title: t(group ? { key: 'goal.list.titleGroup', params: { group: group.name } } : { key: 'goal.list.title' }),
      items,
      empty: t({ key: c.all ? 'goal.list.emptyAll' : 'goal.list.empty' }),
    },
  ];
}

export async function showGoal(s: Session, number: number): Promise<View[]> {
  const goal = await requireGoal(s, number);
  const list = (await statesOf(s, [goal])).get(goal.id) ?? [];
  const { t } = s;
  const group = await s.tx.groups.get(goal.groupId);
  const owners = await s.tx.members.getMany(list.map((x) => x.indicator.ownerId).filter((id): id is number => id !== null));
  const p = goalProgress(list.map((x) => ({ progress: x.progress, weight: x.indicator.weight })));
  const overall = goal.status === 'open' ? goalStatus(list) : null;
  const fields: Field[] = [
    { label: t({ key: 'goal.field.group' }), value: group.name },
    { label: t({ key: 'goal.field.progress' }), value: percent(s.locale, p) },
    { label: t({ key: 'goal.field.status' }), value: overall ? statusText(t, overall) : t({ key: `goal.state.${goal.status}` }) },
  ];
  if (goal.dueAt) fields.push({ label: t({ key: 'goal.field.due' }), value: formatDateTime(goal.dueAt, s.timezone, s.locale), at: goal.dueAt.toISOString() });
  if (goal.proposalId !== null) {
    const p = await s.tx.proposals.get(goal.proposalId);
    if (p) fields.push({ label: t({ key: 'goal.field.proposal' }), value: t({ key: 'goal.fromProposal', params: { number: p.number, title: p.title } }) });
  }
  if (goal.closedNote) fields.push({ label: t({ key: 'goal.field.note' }), value: goal.closedNote });
  for (const x of list) fields.push(indicatorField(s, goal, x, owners));
  const actions = goal.status === 'open' ? list.map((x) => checkinAction(t, x.indicator)).slice(0, 4) : [];
  const chart = goalChart(t, s.locale, { ...goal, ref: goalRef(goal.number) }, list.map((x) => ({ ref: indicatorRef(x.indicator.number), indicator: x.indicator, values: x.values })), s.now);
  return [
    {
      type: 'card',
      title: `${goalRef(goal.number)} ${goal.title}`,
      ...(list.length === 0 ? { body: t({ key: 'goal.noIndicators', params: { ref: goalRef(goal.number) } }) } : {}),
      fields,
      actions,
      tone: overall ? STATUS_TONE[overall] : goal.status === 'achieved' ? 'success' : 'info',
    },
    ...(chart ? [chart] : []),
  ];
}

function indicatorField(s: Session, goal: Goal, x: IndicatorState, owners: Member[]): Field {
  const { t, locale } = s;
  const i = x.indicator;
  const latest = x.values.at(-1);
  const owner = owners.find((m) => m.id === i.ownerId);
  const lines = [
    `${statusText(t, x.status)} · ${percent(locale, x.progress)}`,
    t({
      key: 'indicator.line',
      params: {
        latest: latest ? valueText(locale, latest.value, i.unit) : '—',
        baseline: valueText(locale, i.baseline, i.unit),
        target: valueText(locale, i.target, i.unit),
      },
    }),
  ];
  if (owner) lines.push(t({ key: 'indicator.ownerLine', params: { owner: `@${owner.displayName}` } }));
  if (i.cadence && owner) {
    const zone = owner.timezone ?? s.workspace.timezone;
    const missed = missedPeriods(i, x.values, zone, goal, s.now);
    if (missed.length) {
      lines.push(t({ key: 'indicator.missing', params: { count: missed.length, last: formatDateTime(missed.at(-1)!, zone, locale) } }));
    }
  }
  return { label: `${indicatorRef(i.number)} ${i.name}`, value: lines.join('\n') };
}

/** The check-ins whose period is over with no value dated within it. */
export function missedPeriods(i: Indicator, values: readonly IndicatorValue[], zone: string, goal: Goal, now: Date): Date[] {
  if (!i.cadence) return [];
  const until = goal.closedAt ?? now;
  return checkinsBetween(i.cadence, zone, i.createdAt, i.createdAt, until).filter((at) => {
    const period = periodOf(i.cadence!, zone, i.createdAt, at);
    if (period.end.getTime() > until.getTime()) return false;
    return !values.some((v) => v.at >= period.start && v.at < period.end);
  });
}

function checkinAction(t: Translator, i: Indicator) {
  return {
    command: `checkin ${indicatorRef(i.number)}`,
    label: t({ key: 'indicator.action.checkin', params: { ref: indicatorRef(i.number) } }),
    input: {
      kind: 'form' as const,
      prompt: t({ key: 'indicator.action.checkinPrompt', params: { ref: indicatorRef(i.number), name: i.name } }),
      fields: [
        { flag: 'value', label: t({ key: 'indicator.field.value' }), placeholder: i.unit ? `0 ${i.unit}` : '0' },
        { flag: 'note', label: t({ key: 'indicator.field.note' }) },
      ],
    },
  };
}

/** The weekly digest's pictures: the progress of each of the group's open goals that has values, a few at most. */
export async function digestCharts(tx: Tx, workspace: Workspace, groupId: number, now: Date, max = 3): Promise<View[]> {
  const goals = await tx.goals.listGoals(workspace.id, { groupIds: [groupId], status: ['open'] });
  const indicators = await tx.goals.indicatorsOf(goals.map((g) => g.id));
  const values = await tx.goals.valuesOf(indicators.map((i) => i.id));
  const t = translator(workspace.locale);
  const charts: View[] = [];
  // Oldest first: the goals the group has worked on longest.
  for (const goal of [...goals].reverse()) {
    const charted = indicators.filter((i) => i.goalId === goal.id).map((i) => ({ ref: indicatorRef(i.number), indicator: i, values: values.get(i.id) ?? [] }));
    const chart = goalChart(t, workspace.locale, { ...goal, ref: goalRef(goal.number) }, charted, now);
    if (chart) charts.push(chart);
    if (charts.length === max) break;
  }
  return charts;
}

/** `settings goal-thresholds`: how far behind its goal's calendar an indicator is at risk, and off track. */
export async function setThresholds(s: Session, c: StatusThresholds): Promise<View[]> {
  requireWorkspaceAdmin(s);
  if (c.offTrack <= c.atRisk) return fail('goal.thresholdsOrder', { atRisk: c.atRisk, offTrack: c.offTrack });
  await s.tx.goals.setThresholds(s.workspace.id, c);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'settings.goal-thresholds', subject: null, data: { atRisk: c.atRisk, offTrack: c.offTrack } });
  return [notice('success', s.t({ key: 'goal.thresholdsSet', params: { atRisk: Math.round(c.atRisk * 100), offTrack: Math.round(c.offTrack * 100) } }))];
}

// Jobs --------------------------------------------------------------------------------------------

export async function runGoalJob(tx: Tx, job: GoalJob, now: Date): Promise<void> {
  switch (job.kind) {
    case 'indicator.checkin': {
      const indicator = await tx.goals.getIndicator(job.payload.indicatorId);
      if (!indicator?.cadence || indicator.ownerId === null) return;
      const [goal] = await tx.goals.getGoals([indicator.goalId]);
      if (!goal || goal.status !== 'open') return;
      const workspace = await tx.workspaces.get(goal.workspaceId);
      const [owner] = await tx.members.getMany([indicator.ownerId]);
      if (!owner) return;
      const zone = owner.timezone ?? workspace.timezone;
      const at = new Date(job.payload.at);
      const period = periodOf(indicator.cadence, zone, indicator.createdAt, at);
      // Only an owner who has not reported for this period is asked.
      if (!(await tx.goals.hasValueBetween(indicator.id, period.start, period.end))) {
        const view = await checkinRequest(tx, goal, indicator, owner, workspace);
        await tx.outbox.enqueue({ workspaceId: workspace.id, target: { kind: 'dm', memberExternalId: owner.externalId }, view }, now);
      }
      await scheduleCheckin(tx, indicator, owner, workspace, at);
      return;
    }
  }
}

async function checkinRequest(tx: Tx, goal: Goal, indicator: Indicator, owner: Member, workspace: Workspace): Promise<View> {
  const locale = owner.locale ?? workspace.locale;
  const t = translator(locale);
  const values = (await tx.goals.valuesOf([indicator.id])).get(indicator.id) ?? [];
  const latest = values.at(-1);
  const params = { ref: indicatorRef(indicator.number), name: indicator.name, goal: `${goalRef(goal.number)} ${goal.title}` };
  const fields: Field[] = [
    { label: t({ key: 'indicator.field.latest' }), value: latest ? `${valueText(locale, latest.value, indicator.unit)} (${formatDateTime(latest.at, owner.timezone ?? workspace.timezone, locale)})` : '—' },
    { label: t({ key: 'indicator.field.target' }), value: valueText(locale, indicator.target, indicator.unit) },
  ];
  return {
    type: 'card',
    title: t({ key: 'indicator.request.title', params }),
    body: t({ key: 'indicator.request.body', params }),
    fields,
    actions: [checkinAction(t, indicator)],
    tone: 'info',
  };
}
