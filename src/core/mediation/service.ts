// Mediation: a private space for the parties and a mediator, guided stages, agreements, and a public
// record that says only what the parties chose to share.
import { quoteWord } from '../commands/tokenize.js';
import type { Session } from '../context.js';
import { fail } from '../errors.js';
import { mentionList, resolveGroup, resolveMember } from '../groups/service.js';
import { canReadFiledUnder, readerOf } from '../groups/visibility.js';
import { translator } from '../i18n/index.js';
import type { Tx } from '../ports.js';
import type { Group } from '../groups/ports.js';
import type { Member, Workspace } from '../members/ports.js';
import { notice, type CardView, type View } from '../views/types.js';
import type { MediationJob } from './jobs.js';
import { STAGES, type Dispute, type DisputeOutcome } from './ports.js';

export const spaceName = (number: number) => `mediation-${number}`;
const purgeKey = (id: number) => `dispute:${id}:purge`;

/** The dispute a command names by number; undefined inside its private space, where it is implied. */
type DisputeRef = number | undefined;

export async function showMediation(s: Session, number: DisputeRef): Promise<View[]> {
  const { dispute, role } = await access(s, number);
  return [await disputeCard(s, dispute, role)];
}

export async function nextStage(s: Session, number: DisputeRef): Promise<View[]> {
  const { dispute } = await access(s, number, 'mediator');
  requireActive(dispute);
  const at = STAGES.indexOf(dispute.stage);
  if (at === STAGES.length - 1) fail('mediation.lastStage', { number: dispute.number });
  const stage = STAGES[at + 1]!;
  await s.tx.disputes.update(dispute.id, { stage });
  await audit(s, dispute, 'mediation.stage', { stage });
  await postInSpace(s, dispute, stageCard(s.workspace, dispute.number, stage));
  return [notice('success', s.t({ key: 'mediation.stageMoved', params: { number: dispute.number, stage: s.t({ key: `mediation.stage.${stage}` }) } }))];
}

export async function addNote(s: Session, number: DisputeRef, text: string): Promise<View[]> {
  const { dispute } = await access(s, number, 'participant');
  requireStarted(dispute);
  if (!dispute.spaceId) fail('mediation.noSpaceYet', { number: dispute.number });
  await s.tx.disputes.addNote(dispute.id, s.actor.id, text, s.now);
  // The audit log records that a note exists, never what it says.
  await audit(s, dispute, 'mediation.note', {});
  await postInSpace(s, dispute, {
    type: 'card',
    title: translator(s.workspace.locale)({ key: 'mediation.noteTitle', params: { number: dispute.number, member: `@${s.actor.displayName}` } }),
    body: text,
    fields: [],
    actions: [],
  });
  return [notice('success', s.t({ key: 'mediation.noted', params: { number: dispute.number } }))];
}

export async function caucus(s: Session, number: DisputeRef, ref: string, text: string | undefined): Promise<View[]> {
  const { dispute, parties } = await access(s, number, 'mediator');
  requireActive(dispute);
  const party = await resolveMember(s, ref);
  if (!parties.some((p) => p.id === party.id)) fail('mediation.notAParty', { member: `@${party.displayName}`, number: dispute.number });
  const t = translator(party.locale ?? s.workspace.locale);
  await s.tx.outbox.enqueue(
    {
      workspaceId: s.workspace.id,
      disputeId: dispute.id,
      target: { kind: 'dm', memberExternalId: party.externalId },
      view: {
        type: 'card',
        title: t({ key: 'mediation.caucusTitle', params: { number: dispute.number } }),
        subtitle: t({ key: 'mediation.caucusBody', params: { mediator: `@${s.actor.displayName}` } }),
        ...(text ? { body: text } : {}),
        fields: [],
        actions: [],
      },
    },
    s.now,
  );
  await audit(s, dispute, 'mediation.caucus', {});
  return [notice('success', s.t({ key: 'mediation.caucusSent', params: { member: `@${party.displayName}` } }))];
}

/** Pauses the case, or with `pausing` false resumes it. */
export async function setPaused(s: Session, number: DisputeRef, pausing: boolean): Promise<View[]> {
  const { dispute } = await access(s, number, 'mediator');
  requireStarted(dispute);
  if (pausing ? dispute.status === 'paused' : dispute.status !== 'paused') {
    return [notice('info', s.t({ key: pausing ? 'mediation.alreadyPaused' : 'mediation.alreadyRunning', params: { number: dispute.number } }))];
  }
  await s.tx.disputes.update(dispute.id, { status: pausing ? 'paused' : 'open' });
  await audit(s, dispute, pausing ? 'mediation.paused' : 'mediation.resumed', {});
  const t = translator(s.workspace.locale);
  await postInSpace(s, dispute, notice('info', t({ key: pausing ? 'mediation.pausedNotice' : 'mediation.resumedNotice', params: { number: dispute.number } })));
  return [notice('success', s.t({ key: pausing ? 'mediation.pausedDone' : 'mediation.resumedDone', params: { number: dispute.number } }))];
}

export async function proposeAgreement(s: Session, number: DisputeRef, terms: string): Promise<View[]> {
  const { dispute, parties } = await access(s, number, 'participant');
  requireActive(dispute);
  const waiting = await s.tx.disputes.pendingAgreement(dispute.id);
  if (waiting && waiting.terms === terms) return [notice('info', s.t({ key: 'mediation.alreadyProposed', params: { number: dispute.number } }))];
  await s.tx.disputes.proposeAgreement(dispute.id, terms, s.actor.id, s.now);
  if (dispute.stage !== 'agreement') await s.tx.disputes.update(dispute.id, { stage: 'agreement' });
  await audit(s, dispute, 'mediation.agreement-proposed', {});
  const t = translator(s.workspace.locale);
  await postInSpace(s, dispute, {
    type: 'card',
    title: t({ key: 'mediation.agreementTitle', params: { number: dispute.number } }),
    body: terms,
    fields: [{ label: t({ key: 'mediation.parties' }), value: mentionList(parties.map((p) => p.displayName)) }],
    actions: [
      { command: `mediation accept ${dispute.number}`, label: t({ key: 'mediation.accept' }), style: 'primary' },
      { command: `mediation decline ${dispute.number}`, label: t({ key: 'mediation.decline' }), input: { kind: 'reason', prompt: t({ key: 'mediation.declinePrompt' }) } },
    ],
    footer: t({ key: 'mediation.agreementFooter' }),
  });
  return [notice('success', s.t({ key: 'mediation.agreementProposed', params: { number: dispute.number } }))];
}

/** A party's answer: to a request for mediation while it awaits consent, else to the agreement on the table. */
export async function respondToMediation(s: Session, number: DisputeRef, response: 'accepted' | 'declined', reason?: string): Promise<View[]> {
  const { dispute, parties } = await access(s, number, 'participant');
  if (dispute.status === 'awaiting-consent') return answerRequest(s, response, reason, dispute, parties);
  requireActive(dispute);
  if (!parties.some((p) => p.id === s.actor.id)) fail('mediation.partiesOnly', { number: dispute.number });
  // Answering the same way twice changes nothing: say so, and write no second audit entry.
  const answered = (await s.tx.disputes.latestAgreement(dispute.id))?.responses[String(s.actor.id)];
  const pending = await s.tx.disputes.pendingAgreement(dispute.id);
  if (answered === response && (!pending || pending.responses[String(s.actor.id)] === response)) {
    return [notice('info', s.t({ key: response === 'accepted' ? 'mediation.alreadyAccepted' : 'mediation.alreadyDeclined', params: { number: dispute.number } }))];
  }
  if (!pending) return fail('mediation.noAgreement', { number: dispute.number });
  const updated = await s.tx.disputes.respond(pending.id, s.actor.id, response);
  await audit(s, dispute, `mediation.agreement-${response}`, {});
  const t = translator(s.workspace.locale);
  if (response === 'declined') {
    await s.tx.disputes.setAgreementStatus(pending.id, 'declined');
    await postInSpace(s, dispute, notice('warning', t({ key: 'mediation.declinedNotice', params: { member: `@${s.actor.displayName}`, reason: reason ?? '' } })));
    return [notice('info', s.t({ key: 'mediation.youDeclined', params: { number: dispute.number } }))];
  }
  const allAccepted = parties.every((p) => updated.responses[String(p.id)] === 'accepted');
  if (allAccepted) {
    await s.tx.disputes.setAgreementStatus(pending.id, 'accepted');
    await postInSpace(s, dispute, notice('success', t({ key: 'mediation.agreementReached', params: { number: dispute.number } })));
  }
  return [notice('success', s.t({ key: allAccepted ? 'mediation.youAcceptedAll' : 'mediation.youAccepted', params: { number: dispute.number } }))];
}

// ---- request ----

/** What `mediate` asks for. */
export interface MediationRequest {
  parties: readonly string[];
  topic: string;
  mediator?: string | undefined;
  group?: string | undefined;
  confidential: boolean;
  proposal?: number | undefined;
}

export async function requestMediation(s: Session, c: MediationRequest): Promise<View[]> {
  const parties: Member[] = [];
  for (const ref of c.parties) parties.push(await resolveMember(s, ref));
  if (parties.length < 2 && !parties.some((p) => p.id !== s.actor.id)) fail('mediation.needTwo');
  // A mediation belongs to a group its requester is part of: nobody opens cases in groups they are not in.
  const group = await resolveGroup(s, c.group);
  const role = await s.tx.groups.roleIn(group.id, s.actor.id);
  if (!role) fail('mediation.notInGroup', { group: group.name });
  const isParty = parties.some((p) => p.id === s.actor.id);
  // A member asks for help with their own dispute; opening one for others is a mediator's or convener's job.
  if (!isParty && role !== 'mediator' && role !== 'convener') fail('mediation.notYourDispute');
  if (parties.length < 2) fail('mediation.needTwo');

  let mediator: Member | null = null;
  if (c.mediator) {
    mediator = await resolveMember(s, c.mediator);
    if (parties.some((p) => p.id === mediator!.id)) fail('mediation.mediatorIsParty', { member: `@${mediator.displayName}` });
  } else {
    mediator = await chooseMediator(s.tx, group, parties);
  }
  // A case nobody can mediate would only wait forever: ask for a mediator to be named instead.
  if (!mediator) fail('mediation.noMediator');
  let proposalId: number | null = null;
  if (c.proposal !== undefined) {
    const p = await s.tx.proposals.find(s.workspace.id, c.proposal);
    if (!p || !(await canReadFiledUnder(s.tx, p.groupId, readerOf(s)))) return fail('proposal.notFound', { number: c.proposal });
    proposalId = p.id;
  }
  // Everyone named but the requester is asked first; until they all agree nothing is announced anywhere.
  const asked = parties.filter((p) => p.id !== s.actor.id);
  const number = await s.tx.disputes.nextNumber(s.workspace.id);
  const dispute = await s.tx.disputes.insert(
    {
      workspaceId: s.workspace.id,
      number,
      groupId: group.id,
      proposalId,
      topic: c.topic,
      requestedBy: s.actor.id,
      mediatorId: mediator!.id,
      status: 'awaiting-consent',
      stage: 'statements',
      confidential: c.confidential,
      channelId: group.channelId,
      createdAt: s.now,
    },
    parties.map((p) => p.id),
    asked.map((p) => p.id),
  );
  // The audit log is readable by the whole workspace: no names before the parties agree.
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: null,
    action: 'mediation.requested',
    subject: `mediation:${number}`,
    data: { group: group.name, confidential: c.confidential },
  });
  for (const party of asked) {
    await s.tx.outbox.enqueue({ workspaceId: s.workspace.id, target: { kind: 'dm', memberExternalId: party.externalId }, view: consentCard(s, dispute, party, mediator!) }, s.now);
  }
  return [
    notice(
      'success',
      s.t({ key: 'mediation.requestedAwaiting', params: { number, mediator: `@${mediator!.displayName}`, parties: mentionList(asked.map((p) => p.displayName)), count: asked.length } }),
    ),
  ];
}

/** What a named party is asked, in their own language: who asks, about what, with whom, and that nothing is public yet. */
function consentCard(s: Session, d: Dispute, party: Member, mediator: Member): CardView {
  const t = translator(party.locale ?? s.workspace.locale);
  return {
    type: 'card',
    title: t({ key: 'mediation.consentTitle', params: { number: d.number } }),
    subtitle: d.topic,
    body: t({ key: 'mediation.consentBody', params: { requester: `@${s.actor.displayName}`, mediator: `@${mediator.displayName}` } }),
    fields: [],
    actions: [
      { command: `mediation accept ${d.number}`, label: t({ key: 'mediation.consentAccept' }), style: 'primary' },
      { command: `mediation decline ${d.number}`, label: t({ key: 'mediation.consentDecline' }), input: { kind: 'reason', prompt: t({ key: 'mediation.consentDeclinePrompt' }) } },
    ],
    footer: t({ key: 'mediation.consentFooter', params: { number: d.number } }),
  };
}

/** A named party agrees to (or declines) a requested mediation. The last agreement opens it. */
async function answerRequest(s: Session, answer: 'accepted' | 'declined', reason: string | undefined, dispute: Dispute, parties: Member[]): Promise<View[]> {
  if (!parties.some((p) => p.id === s.actor.id)) fail('mediation.partiesOnly', { number: dispute.number });
  const consents = await s.tx.disputes.consents(dispute.id);
  if (consents.get(s.actor.id) === 'accepted') {
    if (answer === 'accepted') return [notice('info', s.t({ key: 'mediation.alreadyConsented', params: { number: dispute.number } }))];
    // The requester or a party who already agreed withdraws: the case does not go ahead.
  }
  await s.tx.disputes.setConsent(dispute.id, s.actor.id, answer, s.now);
  const requester = await s.tx.members.get(dispute.requestedBy);
  if (answer === 'declined') {
    await s.tx.disputes.update(dispute.id, { status: 'declined', closedAt: s.now });
    // Nothing was announced, so nothing is announced now either: only the requester hears, in private.
    await s.tx.audit.append(s.workspace.id, s.now, { actorId: null, action: 'mediation.declined', subject: `mediation:${dispute.number}`, data: {} });
    if (requester.id !== s.actor.id) {
      const t = translator(requester.locale ?? s.workspace.locale);
      await s.tx.outbox.enqueue(
        {
          workspaceId: s.workspace.id,
          target: { kind: 'dm', memberExternalId: requester.externalId },
          view: notice('info', t({ key: reason ? 'mediation.consentDeclinedNoticeReason' : 'mediation.consentDeclinedNotice', params: { number: dispute.number, member: `@${s.actor.displayName}`, reason: reason ?? '' } })),
        },
        s.now,
      );
    }
    return [notice('info', s.t({ key: 'mediation.youDeclinedRequest', params: { number: dispute.number } }))];
  }
  consents.set(s.actor.id, 'accepted');
  if (!parties.every((p) => consents.get(p.id) === 'accepted')) {
    return [notice('success', s.t({ key: 'mediation.consentedWaiting', params: { number: dispute.number } }))];
  }
  const mediator = await s.tx.members.get(dispute.mediatorId!);
  await openCase(s, { ...dispute, status: 'open' }, parties, mediator);
  return [notice('success', s.t({ key: 'mediation.consentedOpen', params: { number: dispute.number, mediator: `@${mediator.displayName}`, space: spaceName(dispute.number) } }))];
}

/** Every party agreed: the case opens, the group hears that it exists (names only when not confidential), the space opens. */
async function openCase(s: Session, dispute: Dispute, parties: Member[], mediator: Member): Promise<void> {
  await s.tx.disputes.update(dispute.id, { status: 'open' });
  const group = dispute.groupId ? await s.tx.groups.get(dispute.groupId) : null;
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: null,
    action: 'mediation.opened',
    subject: `mediation:${dispute.number}`,
    data: { group: group?.name ?? null, confidential: dispute.confidential, ...(dispute.confidential ? {} : { parties: parties.map((p) => p.id), mediator: mediator.id }) },
  });
  const t = translator(s.workspace.locale);
  await s.tx.outbox.enqueue({ workspaceId: s.workspace.id, disputeId: dispute.id, target: { kind: 'post', channelId: dispute.channelId }, view: publicRecord(t, dispute, parties, null) }, s.now);
  await s.tx.outbox.enqueue(
    {
      workspaceId: s.workspace.id,
      disputeId: dispute.id,
      target: {
        kind: 'private',
        disputeId: dispute.id,
        parentChannelId: dispute.channelId,
        title: spaceName(dispute.number),
        memberExternalIds: [...parties.map((p) => p.externalId), mediator.externalId],
      },
      view: welcomeCard(s.workspace, dispute, parties, mediator),
    },
    s.now,
  );
}

/** The group's mediators in turn, never a party; failing that a convener who is not a party. */
async function chooseMediator(tx: Tx, group: Group, parties: Member[]): Promise<Member | null> {
  const members = await tx.groups.members(group.id);
  const partyIds = new Set(parties.map((p) => p.id));
  const pick = async (role: 'mediator' | 'convener') => {
    const pool = members.filter((m) => m.role === role && !partyIds.has(m.member.id)).map((m) => m.member).sort((a, b) => a.id - b.id);
    if (pool.length === 0) return null;
    const last = await tx.disputes.lastMediator(group.id);
    const next = pool.find((m) => last === null || m.id > last) ?? pool[0]!;
    await tx.disputes.setLastMediator(group.id, next.id);
    return next;
  };
  return (await pick('mediator')) ?? (await pick('convener'));
}

// ---- access control ----

type Role = 'party' | 'mediator' | 'convener';

/**
 * Every read and write goes through here. Parties and the mediator see the case; the group's
 * conveners see its status only; anyone else is told it does not exist, so nothing leaks.
 */
async function access(
  s: Session,
  number: number | undefined,
  need?: 'mediator' | 'participant',
): Promise<{ dispute: Dispute; parties: Member[]; role: Role }> {
  let dispute: Dispute | null;
  if (number !== undefined) dispute = await s.tx.disputes.find(s.workspace.id, number);
  else {
    dispute = await s.tx.disputes.bySpace(s.workspace.id, s.ctx.channel.id);
    if (!dispute) return fail('mediation.whichOne');
  }
  if (!dispute) return fail('mediation.notFound', { number: number ?? 0 });
  const parties = await s.tx.disputes.parties(dispute.id);
  let role: Role | null = null;
  if (dispute.mediatorId === s.actor.id) role = 'mediator';
  else if (parties.some((p) => p.id === s.actor.id)) role = 'party';
  else if (dispute.groupId && (await s.tx.groups.roleIn(dispute.groupId, s.actor.id)) === 'convener') role = 'convener';
  if (!role) return fail('mediation.notFound', { number: dispute.number });
  if (need === 'mediator' && role !== 'mediator') fail('mediation.mediatorOnly', { number: dispute.number });
  if (need === 'participant' && role === 'convener') fail('mediation.participantsOnly', { number: dispute.number });
  return { dispute, parties, role };
}

/** The case went ahead and is not over: every party agreed and it is not closed. */
function requireStarted(d: Dispute): void {
  if (d.status === 'closed') fail('mediation.closed', { number: d.number });
  if (d.status === 'awaiting-consent') fail('mediation.awaitingConsent', { number: d.number });
  if (d.status === 'declined') fail('mediation.requestDeclined', { number: d.number });
}

function requireActive(d: Dispute): void {
  if (d.status === 'closed') fail('mediation.closed', { number: d.number });
  if (d.status === 'awaiting-consent') fail('mediation.awaitingConsent', { number: d.number });
  if (d.status === 'declined') fail('mediation.requestDeclined', { number: d.number });
  if (d.status === 'paused') fail('mediation.paused', { number: d.number });
  if (d.status === 'awaiting-mediator') fail('mediation.awaitingMediator', { number: d.number });
}

async function audit(s: Session, d: Dispute, action: string, data: Record<string, unknown>): Promise<void> {
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: d.confidential ? null : s.actor.id, action, subject: `mediation:${d.number}`, data });
}

async function postInSpace(s: Session, d: Dispute, view: View): Promise<void> {
  // Before the space exists there is nowhere private to post: the welcome card will carry the state.
  if (!d.spaceId) return;
  // Members of a private channel can invite others: the platform checks who is in it before each post.
  const parties = await s.tx.disputes.parties(d.id);
  const mediator = d.mediatorId ? await s.tx.members.get(d.mediatorId) : null;
  const onlyFor = [...parties, ...(mediator ? [mediator] : [])].map((m) => m.externalId);
  await s.tx.outbox.enqueue({ workspaceId: s.workspace.id, disputeId: d.id, target: { kind: 'post', channelId: d.spaceId, onlyFor }, view }, s.now);
}

// ---- close, list, show ----

/** What `mediation close` asks for. */
export interface MediationClosing {
  dispute?: number | undefined;
  outcome: DisputeOutcome;
  summary?: string | undefined;
  to?: string | undefined;
}

export async function closeMediation(s: Session, c: MediationClosing): Promise<View[]> {
  const { dispute, parties } = await access(s, c.dispute, 'mediator');
  if (dispute.status === 'closed') fail('mediation.alreadyClosed', { number: dispute.number });
  requireStarted(dispute);
  let escalateTo: Group | null = null;
  if (c.to) escalateTo = await resolveGroup(s, c.to);
  if (c.to && c.outcome !== 'escalated') fail('mediation.toOnlyEscalated');
  await s.tx.disputes.update(dispute.id, { status: 'closed', outcome: c.outcome, summary: c.summary ?? null, closedAt: s.now });
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: dispute.confidential ? null : s.actor.id,
    action: 'mediation.closed',
    subject: `mediation:${dispute.number}`,
    data: { outcome: c.outcome, summary: c.summary ?? null, escalatedTo: escalateTo?.name ?? null },
  });
  const closed = { ...dispute, status: 'closed' as const, outcome: c.outcome, summary: c.summary ?? null };
  const t = translator(s.workspace.locale);
  await s.tx.outbox.enqueue({ workspaceId: s.workspace.id, disputeId: dispute.id, target: { kind: 'post', channelId: dispute.channelId }, view: publicRecord(t, closed, parties, c.outcome) }, s.now);
  await postInSpace(s, dispute, notice('info', t({ key: 'mediation.closedNotice', params: { number: dispute.number, outcome: t({ key: `mediation.outcome.${c.outcome}` }) } })));
  if (c.outcome === 'escalated') {
    const target = escalateTo ?? (dispute.groupId ? await s.tx.groups.get(dispute.groupId) : null);
    const conveners = target ? (await s.tx.groups.members(target.id)).filter((m) => m.role === 'convener').map((m) => m.member) : [];
    for (const convener of conveners) {
      const ct = translator(convener.locale ?? s.workspace.locale);
      await s.tx.outbox.enqueue(
        {
          workspaceId: s.workspace.id,
          disputeId: dispute.id,
          target: { kind: 'dm', memberExternalId: convener.externalId },
          view: {
            type: 'card',
            title: ct({ key: 'mediation.escalatedTitle', params: { number: dispute.number } }),
            body: dispute.topic,
            fields: [
              { label: ct({ key: 'mediation.parties' }), value: mentionList(parties.map((p) => p.displayName)) },
              { label: ct({ key: 'mediation.mediator' }), value: `@${s.actor.displayName}` },
              ...(c.summary ? [{ label: ct({ key: 'mediation.summary' }), value: c.summary }] : []),
            ],
            actions: [],
            tone: 'warning',
          },
        },
        s.now,
      );
    }
  }
  const days = await s.tx.disputes.retentionDays(s.workspace.id);
  await s.tx.jobs.schedule({ kind: 'dispute.purge', key: purgeKey(dispute.id), runAt: new Date(s.now.getTime() + days * 86_400_000), payload: { disputeId: dispute.id } }, 'replace');
  return [notice('success', s.t({ key: 'mediation.closedDone', params: { number: dispute.number, outcome: s.t({ key: `mediation.outcome.${c.outcome}` }), count: days } }))];
}

export async function listMediations(s: Session): Promise<View[]> {
  const items = [];
  for (const d of await s.tx.disputes.visibleTo(s.workspace.id, s.actor.id)) {
    const parties = await s.tx.disputes.parties(d.id);
    const involved = d.mediatorId === s.actor.id || parties.some((p) => p.id === s.actor.id);
    items.push({
      // Conveners who are not involved see the status only.
      text: involved ? `#${d.number} ${topicOf(s, d)}` : s.t({ key: 'mediation.listConvener', params: { number: d.number } }),
      detail: statusText(s, d),
    });
  }
  return [{ type: 'list', title: s.t({ key: 'mediation.listTitle' }), items, empty: s.t({ key: 'mediation.listEmpty' }) }];
}

function statusText(s: Session, d: Dispute): string {
  const status = s.t({ key: `mediation.status.${d.status}` });
  if (d.status === 'closed' && d.outcome) return `${status}: ${s.t({ key: `mediation.outcome.${d.outcome}` })}`;
  return `${status} · ${s.t({ key: `mediation.stage.${d.stage}` })}`;
}

async function disputeCard(s: Session, d: Dispute, role: Role): Promise<CardView> {
  if (role === 'convener') {
    return { type: 'card', title: s.t({ key: 'mediation.listConvener', params: { number: d.number } }), fields: [{ label: s.t({ key: 'mediation.statusLabel' }), value: statusText(s, d) }], actions: [] };
  }
  const parties = await s.tx.disputes.parties(d.id);
  const mediator = d.mediatorId ? await s.tx.members.get(d.mediatorId) : null;
  const agreement = await s.tx.disputes.latestAgreement(d.id);
  const fields = [
    { label: s.t({ key: 'mediation.parties' }), value: mentionList(parties.map((p) => p.displayName)) },
    { label: s.t({ key: 'mediation.mediator' }), value: mediator ? `@${mediator.displayName}` : '—' },
    { label: s.t({ key: 'mediation.statusLabel' }), value: statusText(s, d) },
    { label: s.t({ key: 'mediation.notes' }), value: String(await s.tx.disputes.noteCount(d.id)) },
  ];
  if (agreement) fields.push({ label: s.t({ key: 'mediation.agreement' }), value: `${agreement.terms} (${s.t({ key: `mediation.agreementStatus.${agreement.status}` })})` });
  if (d.summary) fields.push({ label: s.t({ key: 'mediation.summary' }), value: d.summary });
  return { type: 'card', title: s.t({ key: 'mediation.title', params: { number: d.number } }), subtitle: topicOf(s, d), fields, actions: [] };
}

/** The topic is deleted with the private notes once the retention period has passed. */
const topicOf = (s: Session, d: Dispute) => d.topic || s.t({ key: 'mediation.topicDeleted' });

/** What the group sees: that a mediation took place, its status and the approved summary. Names only when not confidential. */
function publicRecord(t: ReturnType<typeof translator>, d: Dispute, parties: Member[], outcome: Dispute['outcome']): CardView {
  const fields = [];
  if (!d.confidential) fields.push({ label: t({ key: 'mediation.parties' }), value: mentionList(parties.map((p) => p.displayName)) });
  fields.push({ label: t({ key: 'mediation.statusLabel' }), value: outcome ? t({ key: `mediation.outcome.${outcome}` }) : t({ key: `mediation.status.${d.status}` }) });
  if (outcome && d.summary) fields.push({ label: t({ key: 'mediation.summary' }), value: d.summary });
  return { type: 'card', title: t({ key: outcome ? 'mediation.publicClosed' : 'mediation.publicOpened', params: { number: d.number } }), fields, actions: [], tone: 'info' };
}

function welcomeCard(workspace: Workspace, d: Dispute, parties: Member[], mediator: Member): CardView {
  const t = translator(workspace.locale);
  return {
    type: 'card',
    title: t({ key: 'mediation.welcomeTitle', params: { number: d.number } }),
    subtitle: d.topic,
    body: t({ key: 'mediation.welcomeBody' }),
    fields: [
      { label: t({ key: 'mediation.parties' }), value: mentionList(parties.map((p) => p.displayName)) },
      { label: t({ key: 'mediation.mediator' }), value: `@${mediator.displayName}` },
    ],
    actions: [],
    footer: t({ key: 'mediation.stageGuide.statements' }),
  };
}

function stageCard(workspace: Workspace, number: number, stage: (typeof STAGES)[number]): CardView {
  const t = translator(workspace.locale);
  return {
    type: 'card',
    title: t({ key: 'mediation.stageTitle', params: { number, stage: t({ key: `mediation.stage.${stage}` }) } }),
    body: t({ key: `mediation.stageGuide.${stage}` }),
    fields: [],
    actions: [],
  };
}

// ---- delivery hooks and jobs ----

/** The platform created the private space: remember it and say hello inside. */
export async function spaceOpened(tx: Tx, disputeId: number, channelId: string, now: Date, welcome: View): Promise<void> {
  const d = await tx.disputes.get(disputeId);
  if (!d) return;
  await tx.disputes.update(d.id, { spaceId: channelId });
  await tx.outbox.enqueue({ workspaceId: d.workspaceId, disputeId: d.id, target: { kind: 'post', channelId }, view: welcome }, now);
}

/** Opening the space failed: the case stays open; the requester hears what to fix, once. */
export async function spaceFailed(tx: Tx, disputeId: number, error: string, now: Date): Promise<void> {
  const d = await tx.disputes.get(disputeId);
  if (!d) return;
  const requester = await tx.members.get(d.requestedBy);
  const workspace = await tx.workspaces.get(d.workspaceId);
  const t = translator(requester.locale ?? workspace.locale);
  await tx.outbox.enqueue(
    { workspaceId: d.workspaceId, disputeId: d.id, target: { kind: 'dm', memberExternalId: requester.externalId }, view: notice('warning', t({ key: 'mediation.spaceFailed', params: { number: d.number, error } })) },
    now,
  );
}

/** An offer to mediate, sent when a consensus block or a consent objection is cast. */
export function mediationOffer(locale: Workspace['locale'], proposal: { number: number; title: string }, group: string, parties: string[]): CardView {
  const t = translator(locale);
  return {
    type: 'card',
    title: t({ key: 'mediation.offerTitle', params: { number: proposal.number } }),
    body: t({ key: 'mediation.offerBody', params: { title: proposal.title } }),
    fields: [],
    actions: [
      {
        command: `mediate ${parties.map((p) => quoteWord(`@${p}`)).join(' ')} --topic ${quoteWord(t({ key: 'mediation.offerTopic', params: { number: proposal.number } }), { always: true })} --group ${quoteWord(group, { always: true })} --proposal ${proposal.number}`,
        label: t({ key: 'mediation.offerButton' }),
        style: 'primary',
      },
    ],
  };
}

export async function runMediationJob(tx: Tx, job: MediationJob, now: Date): Promise<void> {
  const d = await tx.disputes.get(job.payload.disputeId);
  if (!d) return;
  // Every stored copy goes: the notes, the agreement's terms, the topic, the messages sent about the case
  // and the stored replies that quoted them. The public record (outcome and approved summary) stays.
  const removed = await tx.disputes.purge(d.id);
  await tx.audit.append(d.workspaceId, now, { actorId: null, action: 'mediation.notes-deleted', subject: `mediation:${d.number}`, data: { ...removed } });
}
