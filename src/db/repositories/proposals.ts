// Proposals in drizzle: opening one with its electorate, reading it (for a voter, in one statement), updating it.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Member } from '../../core/members/ports.js';
import type { NewProposal, Proposal, ProposalFilter, ProposalRepo, VoterTarget } from '../../core/proposals/ports.js';
import { anyOf } from '../client.js';
import * as t from '../schema.js';
import { asDate, asDateOrNull, toMember, toProposal, type Conn, type Statements } from './rows.js';

// jsonb parameters are passed as text and cast in SQL, so no driver serializer gets to encode them twice.
export const PROPOSAL_COLUMNS = `p.id, p.workspace_id as "workspaceId", p.number, p.group_id as "groupId", p.author_id as "authorId",
  p.title, p.body, p.rule, p.config, p.anonymous, p.hide_results as "hideResults", p.ties, p.decider_id as "deciderId", p.status,
  p.electorate_size as "electorateSize", p.closes_at as "closesAt", p.closed_at as "closedAt", p.result, p.outcome,
  p.outcome_by as "outcomeBy", p.outcome_at as "outcomeAt", p.review_at as "reviewAt", p.cross_sector as "crossSector", p.channel_id as "channelId",
  p.message_ref as "messageRef", p.card_hash as "cardHash", p.created_at as "createdAt"`;

type ProposalRow = Omit<Proposal, 'closesAt' | 'closedAt' | 'outcomeAt' | 'reviewAt' | 'createdAt'> &
  Record<'closesAt' | 'closedAt' | 'outcomeAt' | 'reviewAt' | 'createdAt', unknown>;

const proposalFromRow = (r: ProposalRow): Proposal => ({
  id: r.id,
  workspaceId: r.workspaceId,
  number: r.number,
  groupId: r.groupId,
  authorId: r.authorId,
  title: r.title,
  body: r.body,
  rule: r.rule,
  config: r.config,
  anonymous: r.anonymous,
  hideResults: r.hideResults,
  ties: r.ties,
  deciderId: r.deciderId,
  status: r.status,
  electorateSize: r.electorateSize,
  closesAt: asDateOrNull(r.closesAt),
  closedAt: asDateOrNull(r.closedAt),
  result: r.result ?? null,
  outcome: r.outcome,
  outcomeBy: r.outcomeBy,
  outcomeAt: asDateOrNull(r.outcomeAt),
  reviewAt: asDateOrNull(r.reviewAt),
  crossSector: r.crossSector ?? null,
  channelId: r.channelId,
  messageRef: r.messageRef ?? null,
  cardHash: r.cardHash,
  createdAt: asDate(r.createdAt),
});

// What a voter needs to know about a proposal `p`, for the member `voter` (an SQL expression): whether
// they are in its electorate, how many other electors (the voter is one) have no ballot yet, and the
// audit chain's length in the same snapshot, so a cast can tell from the chain alone whether anybody
// could have voted since (see CAST_BALLOT in ballots.ts). Counting before the lock keeps that work out
// of the section every command queues for. An elector who has left a private group since is not
// eligible: they may no longer read it.
export const voterColumns = (voter: string) => `
  exists (select 1 from proposal_electorate e where e.proposal_id = p.id and e.member_id = ${voter})
    and not exists (select 1 from groups vg where vg.id = p.group_id and vg.visibility = 'private'
      and not exists (select 1 from group_members vm where vm.group_id = vg.id and vm.member_id = ${voter})) as eligible,
  p.electorate_size - 1 - p.ballots_cast
    + (exists (select 1 from ballots b where b.proposal_id = p.id and b.member_id = ${voter}))::int as "othersWithout",
  coalesce((select h.seq from audit_heads h where h.workspace_id = p.workspace_id), 0)::int8 as "chainSeq"`;

const PROPOSAL_FOR_VOTER = `
  select ${PROPOSAL_COLUMNS}, ${voterColumns('$3')}
  from proposals p where p.workspace_id = $1 and p.number = $2`;

export type VoterRow = ProposalRow & { eligible: boolean; othersWithout: number; chainSeq: number | string };

export const voterTarget = (row: VoterRow): VoterTarget => ({
  proposal: proposalFromRow(row),
  eligible: row.eligible,
  seen: { othersWithoutBallot: row.othersWithout, chainSeq: Number(row.chainSeq) },
});

const voterKey = (workspaceId: number, number: number, memberId: number) => `${workspaceId}:${number}:${memberId}`;

export class DrizzleProposals implements ProposalRepo {
  /** forVoter answers read ahead (with the command's session), each handed out once. */
  private readonly prefetched = new Map<string, VoterTarget | null>();

  constructor(
    private readonly db: Conn,
    private readonly sql: Statements,
  ) {}

  /** Keeps what forVoter will be asked for, read along with something else. */
  prefetchedForVoter(workspaceId: number, number: number, memberId: number, target: VoterTarget | null): void {
    this.prefetched.set(voterKey(workspaceId, number, memberId), target);
  }

  async nextNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextProposalNumber: sql`${t.workspaces.nextProposalNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextProposalNumber });
    return row!.next - 1;
  }

  async insert(input: NewProposal): Promise<Proposal> {
    const [row] = await this.db.insert(t.proposals).values(input).returning();
    return toProposal(row!);
  }

  async ballotSalt(proposalId: number): Promise<string | null> {
    const [row] = await this.db.select({ salt: t.proposals.ballotSalt }).from(t.proposals).where(eq(t.proposals.id, proposalId));
    return row?.salt ?? null;
  }

  async ensureBallotSalt(proposalId: number, candidate: string): Promise<string> {
    const [row] = await this.db
      .update(t.proposals)
      .set({ ballotSalt: sql`coalesce(${t.proposals.ballotSalt}, ${candidate})` })
      .where(eq(t.proposals.id, proposalId))
      .returning({ salt: t.proposals.ballotSalt });
    return row!.salt!;
  }

  async insertElectorate(proposalId: number, memberIds: number[]): Promise<void> {
    // Postgres takes at most 65,535 parameters a statement: large groups go in slices.
    for (let at = 0; at < memberIds.length; at += 10_000) {
      await this.db.insert(t.electorate).values(memberIds.slice(at, at + 10_000).map((memberId) => ({ proposalId, memberId })));
    }
  }

  async get(id: number, opts?: { forUpdate?: boolean }): Promise<Proposal | null> {
    const query = this.db.select().from(t.proposals).where(eq(t.proposals.id, id));
    const [row] = opts?.forUpdate ? await query.for('update') : await query;
    return row ? toProposal(row) : null;
  }

  async find(workspaceId: number, number: number, opts?: { forUpdate?: boolean }): Promise<Proposal | null> {
    const query = this.db.select().from(t.proposals).where(and(eq(t.proposals.workspaceId, workspaceId), eq(t.proposals.number, number)));
    const [row] = opts?.forUpdate ? await query.for('update') : await query;
    return row ? toProposal(row) : null;
  }

  async list(workspaceId: number, filter: ProposalFilter): Promise<Proposal[]> {
    const conditions = [eq(t.proposals.workspaceId, workspaceId)];
    if (filter.status) conditions.push(inArray(t.proposals.status, filter.status));
    if (filter.groupIds) conditions.push(inArray(t.proposals.groupId, filter.groupIds));
    if (filter.excludeGroupIds?.length) conditions.push(sql`not ${anyOf(t.proposals.groupId, filter.excludeGroupIds)}`);
    const rows = await this.db
      .select()
      .from(t.proposals)
      .where(and(...conditions))
      .orderBy(desc(t.proposals.number))
      .limit(filter.limit ?? 100);
    return rows.map(toProposal);
  }

  async update(id: number, patch: Partial<Omit<Proposal, 'id' | 'workspaceId' | 'number'>>): Promise<void> {
    await this.db.update(t.proposals).set(patch).where(eq(t.proposals.id, id));
  }

  async forVoter(workspaceId: number, number: number, memberId: number): Promise<VoterTarget | null> {
    const key = voterKey(workspaceId, number, memberId);
    const prefetched = this.prefetched.get(key);
    if (prefetched !== undefined) {
      this.prefetched.delete(key);
      return prefetched;
    }
    const [row] = await this.sql.rows<VoterRow>(PROPOSAL_FOR_VOTER, [workspaceId, number, memberId]);
    return row ? voterTarget(row) : null;
  }

  async inElectorate(proposalId: number, memberId: number): Promise<boolean> {
    const [row] = await this.db
      .select({ memberId: t.electorate.memberId })
      .from(t.electorate)
      .where(and(eq(t.electorate.proposalId, proposalId), eq(t.electorate.memberId, memberId)));
    return !!row;
  }

  async nonVoters(proposalId: number): Promise<Member[]> {
    const rows = await this.db
      .select({ member: t.members })
      .from(t.electorate)
      .innerJoin(t.members, eq(t.members.id, t.electorate.memberId))
      .leftJoin(t.ballots, and(eq(t.ballots.proposalId, t.electorate.proposalId), eq(t.ballots.memberId, t.electorate.memberId)))
      .where(and(eq(t.electorate.proposalId, proposalId), isNull(t.ballots.memberId)))
      .orderBy(asc(t.members.id));
    return rows.map((r) => toMember(r.member));
  }
}
