// The stakeholder register: who has a stake in the workspace's work, how members rate them, and what that calls for.
import type { Session } from '../context.js';
import { fail } from '../errors.js';
import { resolveGroup, resolveMember } from '../groups/service.js';
import { canReadFiledUnder, hiddenGroupIds, readerOf } from '../groups/visibility.js';
import type { Translator } from '../i18n/index.js';
import { cellText } from '../inclusion/cells.js';
import type { Group, Member } from '../ports.js';
import { notice, type Field, type View } from '../views/types.js';
import { aggregateRatings, quadrant, salience, type Aggregate, type Aggregates, type Attribute, type Rating } from './classify.js';
import { stakeholderMap } from './map.js';
import type { LinkType, Sector, Stakeholder, StakeholderKind, StakeholderLink, StakeholderPatch } from './ports.js';

/** How a stakeholder is named everywhere: `S-3`. */
export const stakeholderRef = (number: number): string => `S-${number}`;

const subject = (number: number) => `stakeholder:${number}`;

/**
 * The stakeholder by its number. One filed under a private group is for those who may read the group;
 * anyone else is answered as for a missing one.
 */
export async function requireStakeholder(s: Session, number: number): Promise<Stakeholder> {
  const found = await s.tx.stakeholders.find(s.workspace.id, number);
  if (!found || !(await canReadFiledUnder(s.tx, found.groupId, readerOf(s)))) return fail('stakeholder.notFound', { ref: stakeholderRef(number) });
  return found;
}

/** Whoever added it, a convener of its group, or a workspace admin may change or remove a stakeholder. */
async function requireManage(s: Session, st: Stakeholder): Promise<void> {
  if (st.createdBy === s.actor.id || s.ctx.actor.isAdmin === true) return;
  if (st.groupId !== null && (await s.tx.groups.roleIn(st.groupId, s.actor.id)) === 'convener') return;
  fail('stakeholder.manageOnly', { ref: stakeholderRef(st.number), name: st.name });
}

/** The name is free, or taken by another stakeholder: named only to a member who may read it. */
async function requireFreeName(s: Session, name: string, self?: Stakeholder): Promise<void> {
  const existing = await s.tx.stakeholders.findByName(s.workspace.id, name);
  if (!existing || existing.id === self?.id) return;
  const readable = await canReadFiledUnder(s.tx, existing.groupId, readerOf(s));
  if (readable) fail('stakeholder.exists', { name: existing.name, ref: stakeholderRef(existing.number) });
  fail('stakeholder.nameTaken', { name });
}

/** What `stakeholder add` asks for. */
export interface NewStakeholder {
  name: string;
  kind: StakeholderKind;
  sector: Sector;
  group?: string | undefined;
  contact?: string | undefined;
  note?: string | undefined;
}

export async function addStakeholder(s: Session, c: NewStakeholder): Promise<View[]> {
  const group = c.group ? await resolveGroup(s, c.group) : null;
  await requireFreeName(s, c.name);
  const contact = c.contact ? await resolveMember(s, c.contact) : null;
  const number = await s.tx.stakeholders.nextNumber(s.workspace.id);
  await s.tx.stakeholders.insert({
    workspaceId: s.workspace.id,
    number,
    name: c.name,
    kind: c.kind,
    sector: c.sector,
    groupId: group?.id ?? null,
    contactId: contact?.id ?? null,
    note: c.note ?? null,
    createdBy: s.actor.id,
    createdAt: s.now,
  });
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'stakeholder.added',
    subject: subject(number),
    data: { name: c.name, kind: c.kind, sector: c.sector, group: group?.name ?? null, contact: contact?.id ?? null, note: c.note ?? null },
  });
  return [notice('success', s.t({ key: 'stakeholder.added', params: { ref: stakeholderRef(number), name: c.name } }))];
}

/** What `stakeholder rate` asks for. */
export interface NewRating {
  stakeholder: number;
  power: number;
  interest: number;
  legitimacy?: number | undefined;
  urgency?: number | undefined;
}

export async function rateStakeholder(s: Session, c: NewRating): Promise<View[]> {
  const st = await requireStakeholder(s, c.stakeholder);
  const rating: Rating = { power: c.power, interest: c.interest, legitimacy: c.legitimacy ?? null, urgency: c.urgency ?? null };
  const params = { ref: stakeholderRef(st.number), name: st.name };
  const before = await s.tx.stakeholders.ratingBy(st.id, s.actor.id);
  if (before && sameRating(before, rating)) return [notice('info', s.t({ key: 'stakeholder.alreadyRated', params }))];
  await s.tx.stakeholders.rate(st.id, s.actor.id, rating, s.now);
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'stakeholder.rated',
    subject: subject(st.number),
    data: { ...rating },
  });
  const count = (await s.tx.stakeholders.ratings(st.id)).length;
  return [notice('success', s.t({ key: before ? 'stakeholder.rerated' : 'stakeholder.rated', params: { ...params, count } }))];
}

const sameRating = (a: Rating, b: Rating) => a.power === b.power && a.interest === b.interest && a.legitimacy === b.legitimacy && a.urgency === b.urgency;

/**
 * The register as the reader may see it (stakeholders filed under a private group they may not read are left
 * out), with each stakeholder's ratings aggregated: what the list and the map both show.
 */
async function readableRegister(s: Session, groupName: string | undefined): Promise<{ group: Group | null; register: { st: Stakeholder; ratings: Aggregates }[] }> {
  const group = groupName ? await resolveGroup(s, groupName) : null;
  const excludeGroupIds = await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s));
  const register = await s.tx.stakeholders.list(s.workspace.id, { ...(group ? { groupId: group.id } : {}), excludeGroupIds });
  const ratings = await s.tx.stakeholders.ratingsOfMany(register.map((st) => st.id));
  return { group, register: register.map((st) => ({ st, ratings: aggregateRatings(ratings.get(st.id) ?? []) })) };
}

/** `stakeholders`, or with `map` the power/interest grid of the same stakeholders. */
export async function listStakeholders(s: Session, groupName: string | undefined, map = false): Promise<View[]> {
  const { group, register } = await readableRegister(s, groupName);
  const empty = s.t({ key: 'stakeholder.list.empty' });
  if (map) {
    if (register.length === 0) return [notice('info', empty)];
    const title = s.t(group ? { key: 'stakeholder.map.titleGroup', params: { group: group.name } } : { key: 'stakeholder.map.title' });
    return [stakeholderMap(s.t, title, register.map(({ st, ratings }) => ({ ref: stakeholderRef(st.number), name: st.name, ratings })))];
  }
  const items = register.map(({ st, ratings: a }) => {
    const described = [
      `${kindText(s.t, st.kind)} · ${sectorText(s.t, st.sector)}`,
      mediansText(s.t, a),
      `${s.t({ key: 'stakeholder.field.quadrant' })}: ${quadrantText(s.t, a)}`,
      `${s.t({ key: 'stakeholder.field.salience' })}: ${salienceText(s.t, a)}`,
    ];
    return { text: `${stakeholderRef(st.number)} ${st.name}`, detail: described.filter((x) => x !== '').join('\n') };
  });
  return [
    {
      type: 'list',
      title: s.t(group ? { key: 'stakeholder.list.titleGroup', params: { group: group.name } } : { key: 'stakeholder.list.title' }),
      items,
      empty,
    },
  ];
}

export async function showStakeholder(s: Session, number: number): Promise<View[]> {
  const st = await requireStakeholder(s, number);
  const { t } = s;
  const ratings = await s.tx.stakeholders.ratings(st.id);
  const a = aggregateRatings(ratings);
  const group = st.groupId !== null ? await s.tx.groups.get(st.groupId) : null;
  const people = await s.tx.members.getMany([st.createdBy, ...(st.contactId !== null ? [st.contactId] : [])]);
  const nameOf = (id: number) => `@${people.find((m) => m.id === id)?.displayName ?? t({ key: 'audit.formerMember' })}`;
  const fields: Field[] = [
    { label: t({ key: 'stakeholder.field.kind' }), value: kindText(t, st.kind) },
    { label: t({ key: 'stakeholder.field.sector' }), value: sectorText(t, st.sector) },
  ];
  if (group) fields.push({ label: t({ key: 'stakeholder.field.group' }), value: group.name });
  if (st.contactId !== null) fields.push({ label: t({ key: 'stakeholder.field.contact' }), value: nameOf(st.contactId) });
  if (st.note) fields.push({ label: t({ key: 'stakeholder.field.note' }), value: st.note });
  fields.push({ label: t({ key: 'stakeholder.field.addedBy' }), value: nameOf(st.createdBy) });
  fields.push({ label: t({ key: 'stakeholder.field.ratings' }), value: t({ key: 'stakeholder.ratedBy', params: { count: ratings.length } }) });
  // Who represents it is each member's private declaration: only the count, and only when it is not small.
  const representing = await s.tx.profiles.countRepresenting(st.id);
  fields.push({ label: t({ key: 'stakeholder.field.representedBy' }), value: cellText(t, representing, await s.tx.profiles.minCell(s.workspace.id)) });
  for (const attribute of ['power', 'interest', 'legitimacy', 'urgency'] as const) {
    const value = a[attribute];
    if (value) fields.push({ label: t({ key: `stakeholder.attr.${attribute}.label` }), value: aggregateText(t, value) });
  }
  fields.push({ label: t({ key: 'stakeholder.field.quadrant' }), value: quadrantText(t, a) });
  fields.push({ label: t({ key: 'stakeholder.field.salience' }), value: salienceText(t, a) });
  const links = await linkLines(s, st);
  if (links.length) fields.push({ label: t({ key: 'stakeholder.field.links' }), value: links.join('\n') });
  const consulted = await consultedLines(s, st);
  if (consulted.length) fields.push({ label: t({ key: 'stakeholder.field.consulted' }), value: consulted.join('\n') });
  return [
    {
      type: 'card',
      title: `${stakeholderRef(st.number)} ${st.name}`,
      fields,
      actions: [],
      footer: t({ key: 'stakeholder.showFooter', params: { ref: stakeholderRef(st.number) } }),
    },
  ];
}

/** The links the reader may see, from this stakeholder's side: "funds S-5 City Fund", "is funded by S-2 ...". */
async function linkLines(s: Session, st: Stakeholder): Promise<string[]> {
  const links = await s.tx.stakeholders.links(st.id);
  const others = await s.tx.stakeholders.getMany([...new Set(links.map((l) => (l.fromId === st.id ? l.toId : l.fromId)))]);
  const reader = readerOf(s);
  const lines: string[] = [];
  for (const l of links) {
    const outgoing = l.fromId === st.id;
    const other = others.find((o) => o.id === (outgoing ? l.toId : l.fromId));
    if (!other || !(await canReadFiledUnder(s.tx, other.groupId, reader))) continue;
    const params = { other: `${stakeholderRef(other.number)} ${other.name}` };
    const line = s.t({ key: outgoing || l.type === 'partners' ? `stakeholder.link.out.${l.type}` : `stakeholder.link.in.${l.type}`, params });
    lines.push(l.source ? s.t({ key: 'stakeholder.link.withSource', params: { link: line, source: l.source } }) : line);
  }
  return lines;
}

/** The proposals that asked this stakeholder for advice, among those the reader may read, and whether it answered. */
async function consultedLines(s: Session, st: Stakeholder): Promise<string[]> {
  const lines: string[] = [];
  for (const c of await s.tx.consultations.ofStakeholder(st.id, 20)) {
    if (!(await canReadFiledUnder(s.tx, c.groupId, readerOf(s)))) continue;
    const params = { number: c.number, title: c.title, status: s.t({ key: `status.${c.status}` }) };
    lines.push(s.t({ key: c.answered ? 'stakeholder.consultedAnswered' : 'stakeholder.consultedAwaiting', params }));
  }
  return lines;
}

/** What `stakeholder edit` asks for: only the fields given change. */
export interface StakeholderEdit {
  stakeholder: number;
  name?: string | undefined;
  kind?: StakeholderKind | undefined;
  sector?: Sector | undefined;
  group?: string | undefined;
  contact?: string | undefined;
  note?: string | undefined;
  /** Details to take away: the stakeholder is then in no group, has no contact or no note. */
  clear?: readonly ClearableDetail[] | undefined;
}

export const CLEARABLE = ['group', 'contact', 'note'] as const;
export type ClearableDetail = (typeof CLEARABLE)[number];

export async function editStakeholder(s: Session, c: StakeholderEdit): Promise<View[]> {
  const st = await requireStakeholder(s, c.stakeholder);
  await requireManage(s, st);
  const patch: StakeholderPatch = {};
  const data: Record<string, string | number | null> = {};
  if (c.name !== undefined && c.name !== st.name) {
    await requireFreeName(s, c.name, st);
    patch.name = data.name = c.name;
  }
  if (c.kind !== undefined && c.kind !== st.kind) patch.kind = data.kind = c.kind;
  if (c.sector !== undefined && c.sector !== st.sector) patch.sector = data.sector = c.sector;
  if (c.group !== undefined) {
    const group: Group = await resolveGroup(s, c.group);
    if (group.id !== st.groupId) {
      patch.groupId = group.id;
      data.group = group.name;
    }
  }
  if (c.contact !== undefined) {
    const contact: Member = await resolveMember(s, c.contact);
    if (contact.id !== st.contactId) patch.contactId = data.contact = contact.id;
  }
  if (c.note !== undefined && c.note !== st.note) patch.note = data.note = c.note;
  const cleared: ClearableDetail[] = [];
  for (const detail of c.clear ?? []) {
    if (c[detail] !== undefined) fail('stakeholder.clearAndSet', { detail: `--${detail}` });
    const key = detail === 'group' ? 'groupId' : detail === 'contact' ? 'contactId' : 'note';
    if (st[key] === null) continue;
    patch[key] = null;
    cleared.push(detail);
  }
  if (cleared.length) data.cleared = cleared.join(', ');
  const params = { ref: stakeholderRef(st.number), name: patch.name ?? st.name };
  if (Object.keys(patch).length === 0) return [notice('info', s.t({ key: 'stakeholder.unchanged', params }))];
  await s.tx.stakeholders.update(st.id, patch);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'stakeholder.edited', subject: subject(st.number), data });
  return [notice('success', s.t({ key: 'stakeholder.edited', params }))];
}

export async function removeStakeholder(s: Session, number: number): Promise<View[]> {
  const st = await requireStakeholder(s, number);
  await requireManage(s, st);
  await s.tx.stakeholders.remove(st.id, s.now);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'stakeholder.removed', subject: subject(st.number), data: { name: st.name } });
  return [notice('success', s.t({ key: 'stakeholder.removed', params: { ref: stakeholderRef(st.number), name: st.name } }))];
}

/** What `stakeholder link` asks for. */
export interface NewLink {
  stakeholder: number;
  other: number;
  type: LinkType;
  source?: string | undefined;
}

export async function linkStakeholders(s: Session, c: NewLink): Promise<View[]> {
  const from = await requireStakeholder(s, c.stakeholder);
  const to = await requireStakeholder(s, c.other);
  if (from.id === to.id) return fail('stakeholder.linkSelf', { ref: stakeholderRef(from.number) });
  const params = { from: `${stakeholderRef(from.number)} ${from.name}`, to: `${stakeholderRef(to.number)} ${to.name}`, type: s.t({ key: `stakeholder.linkType.${c.type}` }) };
  const link: StakeholderLink = { fromId: from.id, toId: to.id, type: c.type, source: c.source ?? null };
  // Partners are partners both ways: the same link written the other way round is already there.
  const reverse = c.type === 'partners' && (await s.tx.stakeholders.links(from.id)).some((l) => l.type === 'partners' && l.fromId === to.id && l.toId === from.id);
  if (reverse || !(await s.tx.stakeholders.link(link, s.actor.id, s.now))) return [notice('info', s.t({ key: 'stakeholder.alreadyLinked', params }))];
  // Filed under the stakeholder that belongs to a group, if only one does, so that those who may not read
  // that group do not learn of the link from the other's entries.
  const filed = from.groupId === null && to.groupId !== null ? to : from;
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'stakeholder.linked',
    subject: subject(filed.number),
    data: { type: c.type, from: stakeholderRef(from.number), to: stakeholderRef(to.number), source: c.source ?? null },
  });
  return [notice('success', s.t({ key: 'stakeholder.linked', params }))];
}

// Words ------------------------------------------------------------------------------------------

const kindText = (t: Translator, kind: StakeholderKind) => t({ key: `stakeholder.kind.${kind}` });
const sectorText = (t: Translator, sector: Sector) => t({ key: `stakeholder.sector.${sector}` });

/** "4 (spread 1)", or "4 (spread 3: views differ)". */
function aggregateText(t: Translator, a: Aggregate): string {
  return t({ key: a.differs ? 'stakeholder.aggregateDiffers' : 'stakeholder.aggregate', params: { median: a.median, spread: a.spread } });
}

/** "Power 4 · Interest 3.5", with legitimacy and urgency once someone rated them; empty when unrated. */
function mediansText(t: Translator, a: Aggregates): string {
  const parts: string[] = [];
  for (const attribute of ['power', 'interest', 'legitimacy', 'urgency'] as const satisfies readonly Attribute[]) {
    const value = a[attribute];
    if (value) parts.push(t({ key: value.differs ? 'stakeholder.medianDiffers' : 'stakeholder.median', params: { attribute: t({ key: `stakeholder.attr.${attribute}` }), median: value.median } }));
  }
  return parts.join(' · ');
}

function quadrantText(t: Translator, a: Aggregates): string {
  const q = quadrant(a);
  return q ? t({ key: `stakeholder.quadrant.${q}` }) : t({ key: 'stakeholder.quadrant.unrated' });
}

function salienceText(t: Translator, a: Aggregates): string {
  const found = salience(a);
  if (found.known) return t({ key: `stakeholder.salience.${found.class}` });
  const missing = found.missing.map((m) => t({ key: `stakeholder.attr.${m}` }));
  return t({ key: 'stakeholder.salience.missing', params: { missing: missing.join(', ') } });
}
