// Stakeholders consulted on a proposal: their contact and the members who say they represent them are asked for advice
// when it opens, they give it while it is open, and the proposal shows whether each stakeholder answered and what,
// always as the stakeholder's advice: who represents a stakeholder is a member's private declaration.
import type { Session } from '../context.js';
import { fail } from '../errors.js';
import { canReadFiledUnder } from '../groups/visibility.js';
import { translator } from '../i18n/index.js';
import type { Group, Member, Proposal, Tx, Workspace } from '../ports.js';
import { requireStakeholder, stakeholderRef } from '../stakeholders/service.js';
import type { Stakeholder } from '../stakeholders/ports.js';
import { formatDateTime } from '../time.js';
import { notice, type Action, type Field, type View } from '../views/types.js';
import type { Consultation } from './ports.js';

/** How a consulted stakeholder is asked: its contact (a public role, named on the audit log) or one who represents it (never named). */
export type AskedAs = 'contact' | 'representative';

/**
 * A proposal shows its consulted stakeholders to everyone who may read it (its card is posted in the group's channel),
 * so each must be one they may all see: filed under no group, under an open group, or under the proposal's own group.
 * Being readable by the proposer alone is not enough.
 */
async function sharedWith(tx: Tx, groupId: number | null, proposalGroupId: number): Promise<boolean> {
  if (groupId === null || groupId === proposalGroupId) return true;
  return (await tx.groups.get(groupId)).visibility !== 'private';
}

/** The stakeholders `--consult` names, each one the proposer may read and the proposal's readers may see. */
export async function checkConsulted(s: Session, group: Group, numbers: readonly number[]): Promise<Stakeholder[]> {
  const found: Stakeholder[] = [];
  for (const n of numbers) {
    const st = await requireStakeholder(s, n);
    if (!(await sharedWith(s.tx, st.groupId, group.id))) fail('consult.notShared', { ref: stakeholderRef(st.number), name: st.name, group: group.name });
    found.push(st);
  }
  return found;
}

/**
 * Records the consultation and asks, by direct message in their own language, each member who may read the proposal
 * and is the contact of a consulted stakeholder or says they represent one: one message per member, naming every
 * stakeholder they are asked for. The proposer hears which stakeholders were asked and which had nobody to ask, never who.
 */
export async function askForAdvice(s: Session, p: Proposal, group: Group, consulted: readonly Stakeholder[]): Promise<View[]> {
  if (consulted.length === 0) return [];
  await s.tx.consultations.add(
    p.id,
    consulted.map((st) => st.id),
    s.now,
  );
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'proposal.consulted',
    subject: `proposal:${p.number}`,
    data: { stakeholders: consulted.map((st) => st.number) },
  });

  const asks = new Map<number, { member: Member; stakeholders: Map<number, AskedAs> }>();
  const ask = (member: Member, st: Stakeholder, as: AskedAs) => {
    const entry = asks.get(member.id) ?? { member, stakeholders: new Map<number, AskedAs>() };
    // A contact who also represents the stakeholder answers as its contact, the role everyone knows.
    if (entry.stakeholders.get(st.id) !== 'contact') entry.stakeholders.set(st.id, as);
    asks.set(member.id, entry);
  };
  const contacts = await s.tx.members.getMany([...new Set(consulted.flatMap((st) => (st.contactId !== null ? [st.contactId] : [])))]);
  for (const st of consulted) {
    const contact = contacts.find((m) => m.id === st.contactId);
    if (contact) ask(contact, st, 'contact');
  }
  for (const { stakeholderId, member } of await s.tx.consultations.representatives(consulted.map((st) => st.id))) {
    const st = consulted.find((x) => x.id === stakeholderId);
    if (st && member.workspaceId === s.workspace.id) ask(member, st, 'representative');
  }

  const answered = new Set<number>();
  for (const { member, stakeholders } of asks.values()) {
    // Only members who may read the proposal are asked: a private group's proposal stays within it.
    if (!(await canReadFiledUnder(s.tx, group.id, { memberId: member.id }))) continue;
    const theirs = consulted.filter((st) => stakeholders.has(st.id)).map((st) => ({ st, as: stakeholders.get(st.id)! }));
    for (const { st } of theirs) answered.add(st.id);
    await s.tx.outbox.enqueue(
      { workspaceId: s.workspace.id, target: { kind: 'dm', memberExternalId: member.externalId }, view: adviceRequest(p, group, member, s.workspace, theirs) },
      s.now,
    );
  }

  const views: View[] = [];
  const asked = consulted.filter((st) => answered.has(st.id));
  if (asked.length) views.push(notice('info', s.t({ key: 'consult.asked', params: { number: p.number, stakeholders: asked.map(named).join(', ') } })));
  for (const st of consulted.filter((x) => !answered.has(x.id))) {
    views.push(notice('warning', s.t({ key: 'consult.nobody', params: { number: p.number, ref: stakeholderRef(st.number), name: st.name } })));
  }
  return views;
}

const named = (st: { number: number; name: string }) => `${stakeholderRef(st.number)} ${st.name}`;

/** The direct message asking one member for advice, in their language and time zone. */
function adviceRequest(p: Proposal, group: Group, member: Member, workspace: Workspace, asks: { st: Stakeholder; as: AskedAs }[]): View {
  const locale = member.locale ?? workspace.locale;
  const timezone = member.timezone ?? workspace.timezone;
  const t = translator(locale);
  const fields: Field[] = [
    { label: t({ key: 'card.group' }), value: group.name },
    {
      label: t({ key: 'consult.askFor' }),
      value: asks.map(({ st, as }) => t({ key: as === 'contact' ? 'consult.asContact' : 'consult.asRepresentative', params: { ref: stakeholderRef(st.number), name: st.name } })).join('\n'),
    },
  ];
  if (p.closesAt) fields.push({ label: t({ key: 'card.closes' }), value: formatDateTime(p.closesAt, timezone, locale), at: p.closesAt.toISOString() });
  const actions: Action[] = asks.map(({ st }) => ({
    command: `advise ${p.number} ${stakeholderRef(st.number)}`,
    label: t({ key: 'consult.giveButton', params: { ref: stakeholderRef(st.number) } }),
    style: 'primary',
    input: { kind: 'reason', prompt: t({ key: 'consult.givePrompt', params: { ref: stakeholderRef(st.number), name: st.name } }) },
  }));
  return {
    type: 'card',
    title: t({ key: 'consult.askTitle', params: { number: p.number, title: p.title } }),
    subtitle: t({ key: 'consult.askBody', params: { group: group.name } }),
    ...(p.body ? { body: p.body } : {}),
    fields,
    actions,
    tone: 'info',
    footer: t({ key: 'consult.askFooter', params: { number: p.number, ref: stakeholderRef(asks[0]!.st.number) } }),
  };
}

/** A consulted stakeholder as a card shows it. */
export interface ConsultedLine {
  ref: string;
  name: string;
  removed: boolean;
  answered: boolean;
}

/** What a proposal's card shows of its consultation: stakeholders its readers may see, and how many others there are. */
export interface ConsultedView {
  shown: ConsultedLine[];
  hidden: number;
}

/**
 * The consulted stakeholders everyone who reads the proposal may see. One moved since under another private group is
 * only counted: the card is read by the whole group.
 */
export async function consultedOf(tx: Tx, p: Proposal): Promise<{ view: ConsultedView; shown: Consultation[] } | null> {
  const all = await tx.consultations.of(p.id);
  if (all.length === 0) return null;
  const shown: Consultation[] = [];
  for (const c of all) if (await sharedWith(tx, c.groupId, p.groupId)) shown.push(c);
  return {
    view: { shown: shown.map((c) => ({ ref: stakeholderRef(c.number), name: c.name, removed: c.removed, answered: c.answered })), hidden: all.length - shown.length },
    shown,
  };
}

/** The advice given for the stakeholders shown, each attributed to its stakeholder and never to the member who wrote it. */
export async function adviceOf(tx: Tx, p: Proposal, shown: readonly Consultation[]): Promise<{ ref: string; name: string; advice: string }[]> {
  const advice = await tx.consultations.advice(p.id);
  const lines: { ref: string; name: string; advice: string }[] = [];
  for (const c of shown) {
    // Several representatives may answer for one stakeholder: their texts are listed by time, not by who wrote them.
    for (const a of advice.filter((x) => x.stakeholderId === c.stakeholderId)) lines.push({ ref: stakeholderRef(c.number), name: c.name, advice: a.advice });
  }
  return lines;
}
