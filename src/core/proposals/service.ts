// Proposals from opening to outcome: ballots, closing (by hand, at the deadline, when all have voted), the register.
import { createHash } from 'node:crypto';
import type { Session } from '../context.js';
import { DomainError, fail } from '../errors.js';
import { resolveGroup, resolveMember, VOTING_ROLES } from '../groups/service.js';
import { canReadFiledUnder, hiddenGroupIds, readerOf } from '../groups/visibility.js';
import { isMessageKey, translator } from '../i18n/index.js';
import type { Locale } from '../i18n/types.js';
import type { Group, Member, NewJob, Proposal, Tx, Workspace } from '../ports.js';
import type { OutcomeFields, ProposeFields, VoteFields } from './fields.js';
import type { ProposalJob } from './jobs.js';
import { formatDateTime, parseWhen } from '../time.js';
import { notice, type View } from '../views/types.js';
import { outcomeLabel, proposalCard, resultCard, type CardInput } from './card.js';
import { adviceOf, askForAdvice, checkConsulted, consultedOf } from './consult.js';
import { crossSectorRecord, withCrossSector } from './cross-sector.js';
import { parseBallot, tally } from './rules/index.js';
import { mediationOffer } from '../mediation/service.js';
import { DEFAULT_TIE_MODE, type Ballot, type BallotValue, type RuleConfig, type TallyInput, type TallyResult, type TieMode } from './rules/types.js';
import { newBallotSalt, sealBallot, type SealedBallot } from '../audit/receipts.js';
import { voteEntry } from './vote.js';
import { freezeParticipation, proposalParticipation } from '../inclusion/proposal.js';
import { invitationText, membersToInvite } from '../inclusion/nudge.js';
import type { ProposalParticipation } from '../inclusion/figures.js';
import type { SectorCell } from '../inclusion/participation.js';
import type { ProposalStatus, StoredBallot, VoterTarget } from './ports.js';

export const jobKeys = {
  close: (id: number) => `proposal:${id}:close`,
  remind: (id: number) => `proposal:${id}:remind`,
  card: (id: number) => `proposal:${id}:card`,
  review: (id: number) => `proposal:${id}:review`,
};

export async function propose(s: Session, c: ProposeFields): Promise<View[]> {
  const group = await resolveGroup(s, c.group);
  const role = await s.tx.groups.roleIn(group.id, s.actor.id);
  if (!role) fail('proposal.notMemberToPropose', { group: group.name });
  if (role === 'observer') fail('proposal.observerCannotPropose', { group: group.name });

  let closesAt: Date | null = null;
  if (c.closes) {
    const when = parseWhen(c.closes, { now: s.now, zone: s.timezone, locale: s.locale, horizonMonths: s.dateHorizonMonths });
    if (!when.ok) throw new DomainError(when.error);
    closesAt = when.date;
  }
  let deciderId: number | null = null;
  if (c.rule === 'advice') {
    const decider = c.decider ? await resolveMember(s, c.decider) : s.actor;
    const deciderRole = await s.tx.groups.roleIn(group.id, decider.id);
    if (!deciderRole) fail('proposal.deciderNotMember', { member: `@${decider.displayName}`, group: group.name });
    deciderId = decider.id;
  }
  const consulted = c.consult ? await checkConsulted(s, group, c.consult) : [];

  const members = await s.tx.groups.members(group.id);
  const voters = members.filter((m) => VOTING_ROLES.includes(m.role)).map((m) => m.member.id);
  const config: RuleConfig = { options: c.options };
  if (c.quorum) config.quorum = c.quorum;
  if (c.threshold) config.threshold = c.threshold;
  if (c.dots !== undefined) config.dots = c.dots;
  if (c.minMean !== undefined) config.minMean = c.minMean;

  // Fixed now, so the result can be recounted the same way however the group's setting changes later.
  const ties: TieMode = c.rule === 'ranked' ? (c.ties ?? group.rankedTies ?? DEFAULT_TIE_MODE) : DEFAULT_TIE_MODE;
  const number = await s.tx.proposals.nextNumber(s.workspace.id);
  const proposal = await s.tx.proposals.insert({
    workspaceId: s.workspace.id,
    number,
    groupId: group.id,
    authorId: s.actor.id,
    title: c.title,
    body: c.body ?? null,
    rule: c.rule,
    config,
    anonymous: c.anonymous,
    hideResults: c.hideResults,
    ties,
    ballotSalt: c.anonymous ? newBallotSalt() : null,
    deciderId,
    status: 'open',
    electorateSize: voters.length,
    crossSector: c.crossSector ?? null,
    closesAt,
    channelId: group.channelId,
    createdAt: s.now,
  });
  await s.tx.proposals.insertElectorate(proposal.id, voters);
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'proposal.created',
    subject: `proposal:${number}`,
    data: {
      title: c.title,
      group: group.name,
      rule: c.rule,
      config: { ...config },
      anonymous: c.anonymous,
      hideResults: c.hideResults,
      ...(c.rule === 'ranked' ? { ties } : {}),
      closesAt: closesAt?.toISOString() ?? null,
      electorate: voters.length,
      ...(c.crossSector ? { crossSector: c.crossSector } : {}),
    },
  });
  // Before the card is built, so that it lists the stakeholders consulted.
  const asked = await askForAdvice(s, proposal, group, consulted);

  const card = await buildCard(s.tx, proposal, groupDisplay(s.workspace, s.now));
  await s.tx.outbox.enqueue({ workspaceId: s.workspace.id, target: { kind: 'post', channelId: group.channelId }, view: card, cardOf: proposal.id }, s.now);
  await s.tx.proposals.update(proposal.id, { cardHash: hashView(card) });
  if (closesAt) {
    await s.tx.jobs.schedule({ kind: 'proposal.close', key: jobKeys.close(proposal.id), runAt: closesAt, payload: { proposalId: proposal.id } }, 'replace');
    const reminderAt = new Date(closesAt.getTime() - s.workspace.reminderHours * 3_600_000);
    if (s.workspace.reminderHours > 0 && reminderAt > s.now) {
      await s.tx.jobs.schedule({ kind: 'proposal.remind', key: jobKeys.remind(proposal.id), runAt: reminderAt, payload: { proposalId: proposal.id } }, 'replace');
    }
  }
  return [
    notice(
      'success',
      s.t({ key: 'proposal.created', params: { number, title: c.title, channel: group.channelName ? `#${group.channelName}` : group.channelId, count: voters.length } }),
    ),
    ...asked,
  ];
}

/** The same job scheduleCardRefresh schedules, for a cast to schedule in its own statement. */
const cardRefreshJob = (proposalId: number, now: Date): NewJob => ({ kind: 'proposal.card', key: jobKeys.card(proposalId), runAt: now, payload: { proposalId } });

/** A vote that passed every check and is ready to store: the proposal as the voter sees it and their ballot. */
interface CheckedVote {
  s: Session;
  target: VoterTarget;
  value: BallotValue;
  reason: string | null;
}

/** What a vote checks before it writes: the proposal exists for this member, is open, they are an elector, the ballot parses. */
async function checkVote(s: Session, c: VoteFields): Promise<CheckedVote> {
  const target = await s.tx.proposals.forVoter(s.workspace.id, c.proposal, s.actor.id);
  if (!target) return fail('proposal.notFound', { number: c.proposal });
  const p = target.proposal;
  // Electors of a private group's proposal are still its members. Anyone else may be outside it: before
  // any answer that names the group or the proposal's state, they hear what a missing proposal gets.
  if (!target.eligible && !(await canReadFiledUnder(s.tx, p.groupId, readerOf(s)))) return fail('proposal.notFound', { number: c.proposal });
  if (p.status === 'withdrawn') fail('vote.withdrawn', { number: p.number });
  if (p.status === 'closed') fail('vote.closed', { number: p.number });
  if (!target.eligible) {
    const group = await s.tx.groups.get(p.groupId);
    const role = await s.tx.groups.roleIn(p.groupId, s.actor.id);
    if (!role) fail('vote.notMember', { group: group.name, number: p.number });
    if (role === 'observer') fail('vote.observer', { group: group.name });
    fail('vote.joinedLate', { number: p.number });
  }
  const parsed = parseBallot(p.rule, p.config, c.choice, c.reason ?? null);
  if (!parsed.ok) throw new DomainError(parsed.error);
  return { s, target, value: parsed.value, reason: c.reason?.trim() ? c.reason.trim() : null };
}

/** The same ballot again changes nothing: no "changed" audit entry, no card refresh. */
function unchanged(v: CheckedVote, mine: StoredBallot | null | undefined): View[] | null {
  if (!mine || mine.reason !== v.reason || canonical(mine.value) !== canonical(v.value)) return null;
  return [notice('info', v.s.t({ key: 'vote.alreadyCast', params: { number: v.target.proposal.number, choice: describeBallot(v.s, v.value) } }))];
}

/** An anonymous ballot's entry names nobody and holds no value: only commitments the voter can find with their receipt. */
const sealFor = (v: CheckedVote, salt: string | null): SealedBallot | null =>
  salt === null ? null : sealBallot(salt, v.target.proposal.number, v.s.actor.id, v.value);

const entryFor = (v: CheckedVote, sealed: SealedBallot | null) => voteEntry(v.target.proposal, v.s.actor.id, { value: v.value, reason: v.reason }, v.s.now, sealed);

/** A close that committed before the lock was taken: the ballot is refused, and its transaction rolls back. */
function refuseUnlessOpen(status: ProposalStatus, number: number): void {
  if (status !== 'open') fail(status === 'closed' ? 'vote.closed' : 'vote.withdrawn', { number });
}

/** What the voter is told once their ballot is stored, and the mediation offered to an objector. */
async function afterVote(v: CheckedVote, sealed: SealedBallot | null, changed: boolean, closed: boolean): Promise<View[]> {
  const { s } = v;
  const p = v.target.proposal;
  const views: View[] = [notice('success', s.t({ key: changed ? 'vote.changed' : 'vote.recorded', params: { number: p.number, choice: describeBallot(s, v.value) } }))];
  if (sealed) views.push(notice('info', s.t({ key: 'vote.receipt', params: { receipt: sealed.receipt } })));
  if (closed) views.push(notice('info', s.t({ key: 'vote.allVotedClosed', params: { number: p.number } })));
  if (isObjection(p.rule, v.value)) await offerMediation(s, p);
  return views;
}

/** Closes the proposal when nobody of its electorate is left without a ballot; true when it did. */
async function closeIfAllVoted(v: CheckedVote, othersYetToVote: boolean): Promise<boolean> {
  // Near the end of a vote, only a statement sent after the lock sees every ballot committed
  // meanwhile, so the last voter always sees everyone and closes the proposal.
  if (othersYetToVote || !(await v.s.tx.ballots.progress(v.target.proposal.id)).everyoneVoted) return false;
  const p = v.target.proposal;
  // The member whose ballot completed an anonymous vote is not named: the close would point at their ballot.
  await closeProposal(v.s.tx, { ...p, status: 'open' }, 'all-voted', v.s.now, p.anonymous ? null : v.s.actor.id);
  return true;
}

export async function vote(s: Session, c: VoteFields): Promise<View[]> {
  const v = await checkVote(s, c);
  const p = v.target.proposal;
  const same = unchanged(v, await s.tx.ballots.of(p.id, s.actor.id));
  if (same) return same;
  const sealed = sealFor(v, p.anonymous ? await ballotSaltOf(s, p) : null);
  // Locks the workspace, then writes the ballot (one row per member), its audit entry and the card
  // refresh, all in one statement: the lock is held from here to COMMIT, which is kept short.
  const cast = await s.tx.ballots.cast(entryFor(v, sealed), { job: cardRefreshJob(p.id, s.now), seen: v.target.seen });
  // The status comes back current as of the lock: a close that committed meanwhile rolls this ballot back.
  refuseUnlessOpen(cast.status, p.number);
  return afterVote(v, sealed, cast.changed, await closeIfAllVoted(v, cast.othersYetToVote));
}

/** One vote of a batch: the ballot's answer, or why it was refused (a refusal writes nothing). */
export type BatchedVote = { views: View[] } | { refused: DomainError };

/**
 * Votes of different members on one proposal, in one transaction: each is checked on its own (a refusal
 * refuses that vote only), then those that change something are stored together under one workspace lock,
 * with one audit entry each, and one card refresh. The sessions share one transaction. When the proposal
 * turns out closed or withdrawn under the lock, this throws like vote() and the whole batch rolls back.
 */
export async function voteTogether(
  votes: readonly { s: Session; c: VoteFields }[],
  /**
   * Called once every vote is checked and before anything is written or the workspace is locked, with the
   * positions of the votes that will be answered (all but the refused): the caller claims their idempotency
   * keys there, in the order a lone command takes them (keys first, then the workspace lock).
   */
  claim: (accepted: number[]) => Promise<void> = async () => {},
): Promise<BatchedVote[]> {
  const results: BatchedVote[] = [];
  const checked: { v: CheckedVote; i: number }[] = [];
  for (const [i, { s, c }] of votes.entries()) {
    try {
      checked.push({ v: await checkVote(s, c), i });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results[i] = { refused: error };
    }
  }
  const members = new Set(checked.map(({ v }) => v.s.actor.id));
  if (members.size !== checked.length) throw new Error('voteTogether takes one vote per member');
  const first = checked[0]?.v;
  if (!first) return results;
  await claim(checked.map(({ i }) => i));
  const p = first.target.proposal;
  const mine = await first.s.tx.ballots.ofMembers(p.id, [...members]);
  const toCast: { v: CheckedVote; i: number }[] = [];
  for (const entry of checked) {
    const same = unchanged(entry.v, mine.get(entry.v.s.actor.id));
    if (same) results[entry.i] = { views: same };
    else toCast.push(entry);
  }
  if (toCast.length === 0) return results;
  const caster = toCast[0]!.v;
  const salt = p.anonymous ? await ballotSaltOf(caster.s, p) : null;
  const sealed = toCast.map(({ v }) => sealFor(v, salt));
  // What the first caster saw counts every other caster of the batch who had no ballot among the electors
  // without one: taking them all off leaves a bound that may only be too low, which costs one more read.
  const seen = { chainSeq: caster.target.seen.chainSeq, othersWithoutBallot: Math.max(0, caster.target.seen.othersWithoutBallot - (toCast.length - 1)) };
  const cast = await caster.s.tx.ballots.castMany(
    toCast.map(({ v }, j) => entryFor(v, sealed[j]!)),
    { job: cardRefreshJob(p.id, caster.s.now), seen },
  );
  refuseUnlessOpen(cast.status, p.number);
  const last = toCast.at(-1)!.v;
  last.s.tx.actFor(last.s.actor.id, last.s.ctx.channel.id);
  const closed = await closeIfAllVoted(last, cast.othersYetToVote);
  for (const [j, { v, i }] of toCast.entries()) {
    v.s.tx.actFor(v.s.actor.id, v.s.ctx.channel.id);
    results[i] = { views: await afterVote(v, sealed[j]!, cast.votes[j]!.changed, closed) };
  }
  return results;
}

/** A ballot as text with object keys sorted: stored ballots come back from jsonb with their keys reordered. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
/** The proposal's ballot secret; proposals from before secrets existed get theirs on their first ballot. */
async function ballotSaltOf(s: Session, p: Proposal): Promise<string> {
  const salt = await s.tx.proposals.ballotSalt(p.id);
  if (salt) return salt;
  // Under the workspace lock, as a close takes it before writing the proposal's row.
  await s.tx.audit.lockWorkspace(s.workspace.id);
  return s.tx.proposals.ensureBallotSalt(p.id, newBallotSalt());
}

const isObjection = (rule: Proposal['rule'], value: BallotValue) =>
  value.kind === 'choice' && ((rule === 'consensus' && value.choice === 'block') || (rule === 'consent' && value.choice === 'object'));

/**
 * A block or an objection is where disagreement surfaces: offer the objector and the proposer a way
 * into mediation. On anonymous proposals only the objector is asked, so nobody learns who objected.
 */
async function offerMediation(s: Session, p: Proposal): Promise<void> {
  if (p.authorId === s.actor.id) return;
  const [author, group] = await Promise.all([s.tx.members.get(p.authorId), s.tx.groups.get(p.groupId)]);
  const parties = [author.externalId, s.actor.externalId];
  const recipients = p.anonymous ? [s.actor] : [s.actor, author];
  for (const member of recipients) {
    await s.tx.outbox.enqueue(
      {
        workspaceId: s.workspace.id,
        target: { kind: 'dm', memberExternalId: member.externalId },
        view: mediationOffer(member.locale ?? s.workspace.locale, p, group.name, parties),
      },
      s.now,
    );
  }
}

function describeBallot(s: Session, value: BallotValue): string {
  switch (value.kind) {
    case 'choice': {
      // Named choices (agree, block...) are translated; options and fist-of-five numbers are shown as typed.
      const key = `choice.${value.choice}`;
      return isMessageKey(key) ? s.t({ key }) : value.choice;
    }
    case 'approval':
      return value.choices.join(', ');
    case 'ranked':
      return value.order.join(' > ');
    case 'score':
      return Object.entries(value.scores).map(([o, n]) => `${o}=${n}`).join(' ');
    case 'dot':
      return Object.entries(value.dots).map(([o, n]) => `${o}=${n}`).join(' ');
  }
}

/** The proposal by its number; one of a private group the member may not read is answered as a missing one. */
export async function requireProposal(s: Session, number: number): Promise<Proposal> {
  const p = await s.tx.proposals.find(s.workspace.id, number);
  if (!p || !(await canReadFiledUnder(s.tx, p.groupId, readerOf(s)))) return fail('proposal.notFound', { number });
  return p;
}

/** May this member close, withdraw or record the outcome of the proposal? */
async function canManage(s: Session, p: Proposal): Promise<boolean> {
  if (p.rule === 'advice') return p.deciderId === s.actor.id;
  if (p.authorId === s.actor.id) return true;
  return (await s.tx.groups.roleIn(p.groupId, s.actor.id)) === 'convener';
}

export async function closeByHand(s: Session, number: number): Promise<View[]> {
  await s.tx.audit.lockWorkspace(s.workspace.id);
  const p = await requireProposal(s, number);
  if (p.status !== 'open') fail(p.status === 'closed' ? 'proposal.alreadyClosed' : 'proposal.isWithdrawn', { number });
  if (!(await canManage(s, p))) fail(p.rule === 'advice' ? 'proposal.deciderOnly' : 'proposal.manageOnly', { number });
  const result = await closeProposal(s.tx, p, 'by-hand', s.now, s.actor.id);
  return [notice('success', s.t({ key: 'proposal.closedByHand', params: { number, outcome: outcomeLabel(s.t, result) } }))];
}

export async function withdraw(s: Session, number: number): Promise<View[]> {
  await s.tx.audit.lockWorkspace(s.workspace.id);
  const p = await requireProposal(s, number);
  if (p.status !== 'open') fail(p.status === 'closed' ? 'proposal.alreadyClosed' : 'proposal.alreadyWithdrawn', { number });
  const isAuthor = p.authorId === s.actor.id;
  if (!isAuthor && (await s.tx.groups.roleIn(p.groupId, s.actor.id)) !== 'convener') fail('proposal.manageOnly', { number });
  await s.tx.proposals.update(p.id, { status: 'withdrawn', closedAt: s.now, withdrawnBy: s.actor.id });
  await s.tx.jobs.cancel([jobKeys.close(p.id), jobKeys.remind(p.id)]);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'proposal.withdrawn', subject: `proposal:${number}`, data: {} });
  await scheduleCardRefresh(s.tx, p.id, s.now);
  return [notice('success', s.t({ key: 'proposal.withdrawnDone', params: { number } }))];
}

export async function recordOutcome(s: Session, c: OutcomeFields): Promise<View[]> {
  await s.tx.audit.lockWorkspace(s.workspace.id);
  let p = await requireProposal(s, c.proposal);
  if (p.status === 'withdrawn') fail('proposal.isWithdrawn', { number: p.number });
  if (!(await canManage(s, p))) fail(p.rule === 'advice' ? 'proposal.deciderOnly' : 'proposal.manageOnly', { number: p.number });
  if (p.status === 'open') {
    // Only the advice process records its decision while open: the decider's word ends it.
    if (p.rule !== 'advice') fail('outcome.stillOpen', { number: p.number });
    // The result card goes out with the decision already in it: "decision pending" would be stale on arrival.
    await closeProposal(s.tx, { ...p, outcome: c.statement }, 'by-hand', s.now, s.actor.id);
    p = (await s.tx.proposals.get(p.id))!;
  }
  let reviewAt: Date | null = null;
  if (c.review) {
    const when = parseWhen(c.review, { now: s.now, zone: s.timezone, locale: s.locale, horizonMonths: s.dateHorizonMonths });
    if (!when.ok) throw new DomainError(when.error);
    reviewAt = when.date;
  }
  // The same statement and review date again changes nothing: no second audit entry, no second post.
  if (p.outcome === c.statement && (p.reviewAt?.getTime() ?? null) === (reviewAt?.getTime() ?? null)) {
    return [notice('info', s.t({ key: 'outcome.alreadyRecorded', params: { number: p.number } }))];
  }
  const amended = p.outcome !== null;
  await s.tx.proposals.update(p.id, { outcome: c.statement, outcomeBy: s.actor.id, outcomeAt: s.now, reviewAt });
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: amended ? 'decision.amended' : 'decision.recorded',
    subject: `proposal:${p.number}`,
    data: { statement: c.statement, reviewAt: reviewAt?.toISOString() ?? null },
  });
  if (reviewAt) {
    await s.tx.jobs.schedule({ kind: 'proposal.review', key: jobKeys.review(p.id), runAt: reviewAt, payload: { proposalId: p.id } }, 'replace');
  } else {
    await s.tx.jobs.cancel([jobKeys.review(p.id)]);
  }
  const updated = (await s.tx.proposals.get(p.id))!;
  const display = groupDisplay(s.workspace, s.now);
  const card = await buildCard(s.tx, updated, display);
  await s.tx.outbox.enqueue({ workspaceId: s.workspace.id, target: { kind: 'post', channelId: p.channelId }, view: decisionView(updated, card.title, display.t, display.timezone, display.locale) }, s.now);
  await scheduleCardRefresh(s.tx, p.id, s.now);
  return [notice('success', s.t({ key: amended ? 'outcome.amended' : 'outcome.recorded', params: { number: p.number } }))];
}

function decisionView(p: Proposal, title: string, t: (m: import('../i18n/types.js').Msg) => string, zone: string, locale: Locale): View {
  return {
    type: 'card',
    title: t({ key: 'decision.title', params: { number: p.number, title: p.title } }),
    body: p.outcome ?? '',
    fields: p.reviewAt ? [{ label: t({ key: 'decision.review' }), value: formatDateTime(p.reviewAt, zone, locale), at: p.reviewAt.toISOString() }] : [],
    actions: [],
    tone: 'success',
    footer: title,
  };
}

export async function listProposals(s: Session, all: boolean): Promise<View[]> {
  const excludeGroupIds = await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s));
  const proposals = await s.tx.proposals.list(s.workspace.id, all ? { excludeGroupIds, limit: 50 } : { status: ['open'], excludeGroupIds, limit: 50 });
  const items = [];
  for (const p of proposals) {
    const voted = !!(await s.tx.ballots.of(p.id, s.actor.id));
    const status = p.status === 'open' ? s.t({ key: voted ? 'list.voted' : 'list.notVoted' }) : s.t({ key: `status.${p.status}` });
    items.push({ text: `#${p.number} ${p.title}`, detail: `${s.t({ key: `rule.name.${p.rule}` })} · ${status}` });
  }
  return [{ type: 'list', title: s.t({ key: all ? 'list.allTitle' : 'list.openTitle' }), items, empty: s.t({ key: 'list.empty' }) }];
}

export async function decisions(s: Session, groupName: string | undefined): Promise<View[]> {
  let group: Group | null = null;
  if (groupName) group = await resolveGroup(s, groupName);
  const excludeGroupIds = await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s));
  const closed = await s.tx.proposals.list(s.workspace.id, { status: ['closed'], ...(group ? { groupIds: [group.id] } : {}), excludeGroupIds, limit: 50 });
  const groupNames = new Map<number, string>();
  const items = [];
  for (const p of closed) {
    if (!groupNames.has(p.groupId)) groupNames.set(p.groupId, (await s.tx.groups.get(p.groupId)).name);
    const result = p.result;
    const outcome = result ? outcomeLabel(s.t, result, p) : '';
    const when = p.closedAt ? p.closedAt.toISOString().slice(0, 10) : '';
    items.push({
      text: `#${p.number} ${p.title} — ${outcome}`,
      detail: [
        `${groupNames.get(p.groupId)} · ${s.t({ key: `rule.name.${p.rule}` })} · ${when}`,
        p.outcome ? s.t({ key: 'decisions.statement', params: { statement: p.outcome } }) : s.t({ key: 'decisions.noStatement' }),
        p.reviewAt ? s.t({ key: 'decisions.review', params: { date: formatDateTime(p.reviewAt, s.timezone, s.locale) } }) : '',
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  // Mediations belong to the public record too, but only as status and the summary the parties approved.
  for (const d of await s.tx.disputes.closed(s.workspace.id, group?.id ?? null, 50, excludeGroupIds)) {
    items.push({
      text: s.t({ key: 'decisions.mediation', params: { number: d.number, outcome: s.t({ key: `mediation.outcome.${d.outcome ?? 'unresolved'}` }) } }),
      detail: [d.closedAt ? d.closedAt.toISOString().slice(0, 10) : '', d.summary ?? s.t({ key: 'decisions.noSummary' })].filter(Boolean).join('\n'),
    });
  }
  return [{ type: 'list', title: s.t({ key: group ? 'decisions.titleGroup' : 'decisions.title', params: { group: group?.name ?? '' } }), items, empty: s.t({ key: 'decisions.empty' }) }];
}

// ---- shared by commands and jobs ----

export type CloseReason = 'deadline' | 'by-hand' | 'all-voted';

/** Freezes the tally, records it, tells the group and refreshes the card. The caller holds the workspace lock. */
export async function closeProposal(tx: Tx, p: Proposal, reason: CloseReason, now: Date, actorId: number | null) {
  // Every read goes out at once: on Postgres that is one round trip, and the caller holds the lock.
  const [distinct, workspace, group, author, decider, consulted, participation] = await Promise.all([
    tx.ballots.distinct(p.id),
    tx.workspaces.get(p.workspaceId),
    tx.groups.get(p.groupId),
    tx.members.get(p.authorId),
    p.deciderId ? tx.members.get(p.deciderId) : null,
    consultedOf(tx, p),
    freezeParticipation(tx, p),
  ]);
  const ballots = expand(distinct);
  const input: TallyInput = { config: p.config, ballots, electorate: p.electorateSize, ties: p.ties };
  let result = tally(p.rule, input);
  if (result.outcome === 'undecided') {
    // Ranked choice needs its lot. The seed is the chain head once this entry marks the end of
    // voting: its hash covers the moment of closing, so nobody could know it when deciding to close.
    const ended = await tx.audit.append(p.workspaceId, now, { actorId, action: 'proposal.voting-ended', subject: `proposal:${p.number}`, data: { reason } });
    result = tally(p.rule, { ...input, seed: { hash: ended.hash, seq: ended.seq } });
  }
  result = await withCrossSector(tx, p, result);
  const closed: Proposal = { ...p, status: 'closed', closedAt: now, result };
  const display = groupDisplay(workspace, now);
  // The result card shows the frozen tally, never single ballots or who cast them.
  const card = resultCard({
    proposal: closed,
    groupName: group.name,
    authorName: author.displayName,
    deciderName: decider?.displayName ?? null,
    ballots: [],
    voters: [],
    names: new Map(),
    locale: display.locale,
    timezone: display.timezone,
    now,
    t: display.t,
    ...(consulted ? { consulted: consulted.view } : {}),
    participation,
  });
  // The writes do not depend on each other, so they go out together too.
  await Promise.all([
    tx.proposals.update(p.id, { status: 'closed', closedAt: now, result }),
    tx.jobs.cancel([jobKeys.close(p.id), jobKeys.remind(p.id)]),
    tx.audit.append(p.workspaceId, now, {
      actorId,
      action: 'proposal.closed',
      subject: `proposal:${p.number}`,
      data: { reason, outcome: result.outcome, winners: result.winners, turnout: result.turnout, electorate: result.electorate, ...tieRecord(result), ...crossSectorRecord(result) },
    }),
    tx.outbox.enqueue({ workspaceId: p.workspaceId, target: { kind: 'post', channelId: p.channelId }, view: card }, now),
    scheduleCardRefresh(tx, p.id, now),
  ]);
  return result;
}

/** Ranked: how ties were settled, with the lot's seed and every draw, so the close entry alone lets anyone re-check it. */
function tieRecord(result: TallyResult): Record<string, unknown> {
  if (result.rule !== 'ranked' || !result.ties) return {};
  const draws = (result.rounds ?? []).flatMap((r) => (r.tieBreak?.by === 'lot' ? [{ round: r.round, draw: r.tieBreak.draw, eliminated: r.eliminated[0] ?? null }] : []));
  return { ties: result.ties, ...(result.seed && draws.length ? { seed: result.seed, draws } : {}) };
}

export async function scheduleCardRefresh(tx: Tx, proposalId: number, now: Date): Promise<void> {
  await tx.jobs.schedule({ kind: 'proposal.card', key: jobKeys.card(proposalId), runAt: now, payload: { proposalId } }, 'keep');
}

interface Display {
  locale: Locale;
  timezone: string;
  now: Date;
  t: ReturnType<typeof translator>;
  viewerHasVoted?: boolean;
  showVoters?: boolean;
  /** Participation by sector read once for many cards (the reminders); read for this card when absent. */
  participation?: ProposalParticipation;
}

const groupDisplay = (workspace: Workspace, now: Date): Display => ({
  locale: workspace.locale,
  timezone: workspace.timezone,
  now,
  t: translator(workspace.locale),
});

async function cardInput(tx: Tx, p: Proposal, d: Omit<Display, 't'> & { t?: Display['t'] }): Promise<CardInput> {
  // The tally needs only how many cast each distinct ballot; single ballots are read only where the
  // card may name their voters.
  const showVoters = (d.showVoters ?? false) && !p.anonymous;
  const [group, author, distinct, voters, participation] = await Promise.all([
    tx.groups.get(p.groupId),
    tx.members.get(p.authorId),
    tx.ballots.distinct(p.id),
    showVoters ? tx.ballots.list(p.id) : tx.ballots.reasoned(p.id),
    d.participation ?? proposalParticipation(tx, p),
  ]);
  const decider = p.deciderId ? await tx.members.get(p.deciderId) : null;
  const consulted = await consultedOf(tx, p);
  // The advice itself is read where a member asked to see the proposal, not on the group's card.
  const advice = consulted && d.showVoters ? await adviceOf(tx, p, consulted.shown) : [];
  const withdrawnBy = p.status === 'withdrawn' && p.withdrawnBy ? await tx.members.get(p.withdrawnBy) : null;
  const names = new Map<number, string>();
  if (!p.anonymous && voters.length) {
    for (const m of await tx.members.getMany([...new Set(voters.map((b) => b.memberId))])) names.set(m.id, m.displayName);
  }
  const ballots = expand(distinct);
  return {
    proposal: p,
    groupName: group.name,
    authorName: author.displayName,
    deciderName: decider?.displayName ?? null,
    withdrawnByName: withdrawnBy?.displayName ?? null,
    ballots,
    voters,
    names,
    locale: d.locale,
    timezone: d.timezone,
    now: d.now,
    t: d.t ?? translator(d.locale),
    viewerHasVoted: d.viewerHasVoted ?? false,
    showVoters: d.showVoters ?? false,
    ...(consulted ? { consulted: consulted.view, advice } : {}),
    participation,
  };
}

/** Each distinct ballot as many times as it was cast. */
function expand(distinct: { ballot: Ballot; count: number }[]): Ballot[] {
  const ballots: Ballot[] = [];
  for (const { ballot, count } of distinct) for (let i = 0; i < count; i++) ballots.push(ballot);
  return ballots;
}

export async function buildCard(tx: Tx, p: Proposal, d: Omit<Display, 't'> & { t?: Display['t'] }) {
  return proposalCard(await cardInput(tx, p, d));
}

export const hashView = (view: unknown) => createHash('sha256').update(JSON.stringify(view)).digest('hex');

// ---- jobs ----

export async function runProposalJob(tx: Tx, { kind, payload }: ProposalJob, now: Date): Promise<void> {
  const p = await tx.proposals.get(Number(payload.proposalId));
  if (!p) return;
  const workspace = await tx.workspaces.get(p.workspaceId);
  switch (kind) {
    case 'proposal.close': {
      await tx.audit.lockWorkspace(p.workspaceId);
      const fresh = (await tx.proposals.get(p.id))!;
      if (fresh.status === 'open') await closeProposal(tx, fresh, 'deadline', now, null);
      return;
    }
    case 'proposal.remind': {
      // A reminder for a deadline that passed while Concord was stopped would only confuse.
      if (p.status !== 'open' || !p.closesAt || p.closesAt <= now) return;
      const group = await tx.groups.get(p.groupId);
      // Members of an under-represented sector get the reminder as an invitation instead: one message each.
      const invited = await membersToInvite(tx, p, now);
      const participation = await proposalParticipation(tx, p);
      for (const member of await tx.proposals.nonVoters(p.id)) {
        const view = await reminderView(tx, p, group, member, workspace, now, participation, invited.get(member.id));
        await tx.outbox.enqueue({ workspaceId: p.workspaceId, target: { kind: 'dm', memberExternalId: member.externalId }, view }, now);
      }
      await tx.audit.append(p.workspaceId, now, { actorId: null, action: 'proposal.reminded', subject: `proposal:${p.number}`, data: {} });
      return;
    }
    case 'proposal.card': {
      if (!p.messageRef) return; // not posted yet: the post itself will carry the current card
      const card = await buildCard(tx, p, groupDisplay(workspace, now));
      const hash = hashView(card);
      if (hash === p.cardHash) return;
      await tx.proposals.update(p.id, { cardHash: hash });
      await tx.outbox.enqueue({ workspaceId: p.workspaceId, target: { kind: 'update', message: p.messageRef }, view: card }, now);
      return;
    }
    case 'proposal.review': {
      const t = translator(workspace.locale);
      await tx.outbox.enqueue(
        {
          workspaceId: p.workspaceId,
          target: { kind: 'post', channelId: p.channelId },
          view: {
            type: 'card',
            title: t({ key: 'review.title', params: { number: p.number, title: p.title } }),
            body: p.outcome ?? '',
            fields: [],
            actions: [],
            tone: 'info',
            footer: t({ key: 'review.footer', params: { number: p.number } }),
          },
        },
        now,
      );
      await tx.audit.append(p.workspaceId, now, { actorId: null, action: 'decision.review-due', subject: `proposal:${p.number}`, data: {} });
      return;
    }
  }
}

async function reminderView(
  tx: Tx,
  p: Proposal,
  group: Group,
  member: Member,
  workspace: Workspace,
  now: Date,
  participation: ProposalParticipation,
  invitedAs?: SectorCell,
): Promise<View> {
  const locale = member.locale ?? workspace.locale;
  const timezone = member.timezone ?? workspace.timezone;
  const card = await buildCard(tx, p, { locale, timezone, now, participation });
  const t = translator(locale);
  if (invitedAs) {
    return {
      ...card,
      title: t({ key: 'inclusion.invite.title', params: { number: p.number, title: p.title } }),
      subtitle: invitationText(t, invitedAs, group.name),
      footer: t({ key: 'inclusion.invite.footer' }),
      tally: undefined,
    } as View;
  }
  return {
    ...card,
    title: t({ key: 'reminder.title', params: { number: p.number, title: p.title } }),
    subtitle: t({ key: 'reminder.body', params: { group: group.name } }),
    tally: undefined,
  } as View;
}
