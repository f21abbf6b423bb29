// The core's Tx port implemented with drizzle: every read and write a command makes, inside one transaction.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { entryJsonAroundSeq } from '../../core/audit/chain.js';
import type { Locale } from '../../core/i18n/types.js';
import type {
  AuditEntry,
  Member,
  Proposal,
  ProposalFilter,
  ProposalStatus,
  StoredBallot,
  Tx,
  Workspace,
} from '../../core/ports.js';
import type { Ballot, BallotValue } from '../../core/proposals/rules/types.js';
import { anyOf } from '../client.js';
import * as t from '../schema.js';
import { DrizzleAudit } from './audit.js';
import { DrizzleCommitments } from './commitments.js';
import { DrizzleDisputes } from './disputes.js';
import { DrizzleGroupAccess } from './group-access.js';
import { DrizzleGroups } from './groups.js';
import { DrizzleJobs } from './jobs.js';
import { DrizzleMembers, DrizzleWorkspaces } from './members.js';
import { DrizzleOutbox } from './outbox.js';
import { asDate, asDateOrNull, drizzleStatements, toMember, toProposal, type Conn, type Statements } from './rows.js';

// jsonb parameters are passed as text and cast in SQL, so no driver serializer gets to encode them twice.
const PROPOSAL_COLUMNS = `p.id, p.workspace_id as "workspaceId", p.number, p.group_id as "groupId", p.author_id as "authorId",
  p.title, p.body, p.rule, p.config, p.anonymous, p.hide_results as "hideResults", p.ties, p.decider_id as "deciderId", p.status,
  p.electorate_size as "electorateSize", p.closes_at as "closesAt", p.closed_at as "closedAt", p.result, p.outcome,
  p.outcome_by as "outcomeBy", p.outcome_at as "outcomeAt", p.review_at as "reviewAt", p.channel_id as "channelId",
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
  channelId: r.channelId,
  messageRef: r.messageRef ?? null,
  cardHash: r.cardHash,
  createdAt: asDate(r.createdAt),
});

// What a voter needs to know about a proposal `p`, for the member `voter` (an SQL expression): whether
// they are in its electorate, how many other electors (the voter is one) have no ballot yet, and the
// audit chain's length in the same snapshot, so castBallot can tell from the chain alone whether
// anybody could have voted since (see CAST_BALLOT). Counting before the lock keeps that work out of
// the section every command queues for. An elector who has left a private group since is not eligible:
// they may no longer read it.
const voterColumns = (voter: string) => `
  exists (select 1 from proposal_electorate e where e.proposal_id = p.id and e.member_id = ${voter})
    and not exists (select 1 from groups vg where vg.id = p.group_id and vg.visibility = 'private'
      and not exists (select 1 from group_members vm where vm.group_id = vg.id and vm.member_id = ${voter})) as eligible,
  p.electorate_size - 1 - p.ballots_cast
    + (exists (select 1 from ballots b where b.proposal_id = p.id and b.member_id = ${voter}))::int as "othersWithout",
  coalesce((select h.seq from audit_heads h where h.workspace_id = p.workspace_id), 0)::int8 as "chainSeq"`;

const PROPOSAL_FOR_VOTER = `
  select ${PROPOSAL_COLUMNS}, ${voterColumns('$3')}
  from proposals p where p.workspace_id = $1 and p.number = $2`;

type VoterRow = ProposalRow & { eligible: boolean; othersWithout: number; chainSeq: number | string };

const voterTarget = (row: VoterRow) => ({
  proposal: proposalFromRow(row),
  eligible: row.eligible,
  seen: { othersWithoutBallot: row.othersWithout, chainSeq: Number(row.chainSeq) },
});

// Workspace and member by their platform ids, and the idempotency key claimed, in one round trip;
// for a vote, the proposal as PROPOSAL_FOR_VOTER reads it, too. Only reads the workspace and the
// member: an INSERT ... ON CONFLICT would burn a sequence value on every command.
const openSessionSql = (voting: boolean) => `
  with w as (
    select id, name, locale, timezone, reminder_hours from workspaces where platform = $1 and external_id = $2
  ),
  claim as (
    insert into processed_commands (workspace_id, key, reply, created_at)
    select w.id, $4, '{}'::jsonb, $5::timestamptz from w where $4::text is not null
    on conflict do nothing
    returning 1
  )
  select w.id as "wId", w.name as "wName", w.locale as "wLocale", w.timezone as "wTimezone",
         w.reminder_hours as "wReminderHours", m.id as "mId", m.display_name as "mDisplayName",
         m.locale as "mLocale", m.timezone as "mTimezone", exists (select 1 from claim) as claimed
         ${voting ? `, ${PROPOSAL_COLUMNS}, ${voterColumns('m.id')}` : ''}
  from w left join members m on m.workspace_id = w.id and m.external_id = $3
  ${voting ? 'left join proposals p on p.workspace_id = w.id and p.number = $6' : ''}`;
const OPEN_SESSION = openSessionSql(false);
const OPEN_SESSION_VOTING = openSessionSql(true);

interface SessionRow {
  wId: number;
  wName: string;
  wLocale: string;
  wTimezone: string;
  wReminderHours: number;
  mId: number | null;
  mDisplayName: string | null;
  mLocale: string | null;
  mTimezone: string | null;
  claimed: boolean;
}

const voterKey = (workspaceId: number, number: number, memberId: number) => `${workspaceId}:${number}:${memberId}`;

const SAVE_REPLY = `update processed_commands set reply = $1::text::jsonb where workspace_id = $2 and key = $3`;

// Each step reads the one before, which fixes the order: the head is locked first.
// - The ballot is written under the lock, so two ballots of one member queue on the head and cannot
//   deadlock on the ballot row. Whether it replaced one picks the entry's action (and so its hash).
// - The card refresh is scheduled under the lock and after the proposal's row lock, so it cannot wait
//   on the uncommitted job of a vote waiting for a close holding the lock, nor hold a job that a
//   delivery updating the proposal's row waits for.
// - The proposal's status is read with FOR SHARE after the lock: row locking in READ COMMITTED returns
//   the newest committed version, and every status change commits under the lock, so it is current.
// - Ballots are not current this way (the statement's snapshot predates the wait), but they are bounded:
//   every ballot appends an entry, so at most (locked seq - seq of an earlier snapshot) ballots were
//   committed since that snapshot. More other electors without a ballot in it than that means someone
//   is certainly yet to vote, and the caller needs no further statement while it holds the lock.
const CAST_BALLOT = `
  with old as (select seq, hash from audit_heads where workspace_id = $1 for update),
  proposal as (select p.status from proposals p, old where p.id = $2 for share of p),
  ballot as (
    insert into ballots (proposal_id, member_id, value, reason, cast_at, updated_at)
    select $2, $3, $4::text::jsonb, $5, $6::timestamptz, $6::timestamptz from old
    on conflict (proposal_id, member_id) do update
      set value = excluded.value, reason = excluded.reason, updated_at = excluded.updated_at
    returning (xmax <> 0) as replaced
  ),
  moved as (
    update audit_heads h
    set seq = old.seq + 1,
        hash = encode(sha256(convert_to(old.hash || (case when ballot.replaced then $8::text else $7::text end)
                                        || (old.seq + 1)::text || $9::text, 'UTF8')), 'hex')
    from old, ballot where h.workspace_id = $1
    returning h.seq, h.hash, old.hash as prev_hash, ballot.replaced
  ),
  entry as (
    insert into audit_log (workspace_id, seq, at, actor_id, action, subject, data, prev_hash, hash)
    select $1, seq, $10, $21::int, case when replaced then $12::text else $11::text end, $13, $14::text::jsonb, prev_hash, hash
    from moved
    returning seq, prev_hash, hash, action
  ),
  job as (
    insert into jobs (kind, key, run_at, payload, workspace_id)
    select $15, $16, $17::timestamptz, $18::text::jsonb, $1 from entry, proposal
    on conflict (key) where status = 'pending' do nothing
  )
  select entry.seq::int8 as seq, entry.prev_hash, entry.hash, entry.action, proposal.status,
         $19::int > (select old.seq - $20::int8 from old) as "othersYetToVote"
  from entry, proposal`;

// "Everyone voted" as "no elector without a ballot": it stops at the first non-voter instead of
// counting every ballot, and it runs while the workspace is locked. The probe for a ballot is a
// correlated subquery, which the planner cannot turn into an anti-join that reads every ballot of the
// proposal first, and no ORDER BY: a sort would evaluate the probe for every elector before stopping.
const VOTE_PROGRESS = `
  select p.status, not exists (
    select 1 from proposal_electorate e
    where e.proposal_id = p.id
      and (select b.member_id from ballots b where b.proposal_id = p.id and b.member_id = e.member_id) is null
  ) as "everyoneVoted"
  from proposals p where p.id = $1`;

const ballotsWhere = (condition: string) => `
  select member_id as "memberId", value, reason, cast_at as "castAt", updated_at as "updatedAt"
  from ballots where ${condition} order by member_id`;
const BALLOTS = ballotsWhere('proposal_id = $1');
const REASONED_BALLOTS = ballotsWhere('proposal_id = $1 and reason is not null');

// A tally only counts, and a ranked ballot over five options has at most 325 distinct values, so
// grouping turns ten thousand rows into a few hundred before they are sent and parsed.
const DISTINCT_BALLOTS = `
  select value, reason, count(*)::int as count from ballots where proposal_id = $1
  group by value, reason order by min(member_id)`;

export class DrizzleTx implements Tx {
  readonly commitments: DrizzleCommitments;
  readonly disputes: DrizzleDisputes;
  readonly groupAccess: DrizzleGroupAccess;
  readonly workspaces: DrizzleWorkspaces;
  readonly members: DrizzleMembers;
  readonly groups: DrizzleGroups;
  readonly audit: DrizzleAudit;
  readonly outbox: DrizzleOutbox;
  readonly jobs: DrizzleJobs;

  private readonly sql: Statements;
  /** proposalForVoter answers that came with openSession, each handed out once. */
  private readonly prefetched = new Map<string, Awaited<ReturnType<Tx['proposalForVoter']>>>();

  constructor(
    private readonly db: Conn,
    statements?: Statements,
  ) {
    this.sql = statements ?? drizzleStatements(db);
    this.commitments = new DrizzleCommitments(db);
    this.disputes = new DrizzleDisputes(db);
    this.groupAccess = new DrizzleGroupAccess(db);
    this.workspaces = new DrizzleWorkspaces(db);
    this.members = new DrizzleMembers(db);
    this.groups = new DrizzleGroups(db);
    this.audit = new DrizzleAudit(db, this.sql);
    this.outbox = new DrizzleOutbox(this.sql);
    this.jobs = new DrizzleJobs(db);
  }

  // ---- idempotency ----

  async claimCommandKey(workspaceId: number, key: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .insert(t.processedCommands)
      .values({ workspaceId, key, reply: {}, createdAt: at })
      .onConflictDoNothing()
      .returning({ key: t.processedCommands.key });
    return rows.length === 1;
  }

  async storedReply(workspaceId: number, key: string): Promise<unknown> {
    const [row] = await this.db
      .select({ reply: t.processedCommands.reply })
      .from(t.processedCommands)
      .where(and(eq(t.processedCommands.workspaceId, workspaceId), eq(t.processedCommands.key, key)));
    return row?.reply ?? null;
  }

  async saveReply(workspaceId: number, key: string, reply: unknown): Promise<void> {
    const params = [JSON.stringify(reply), workspaceId, key];
    // Nothing reads the reply before the commit, so it rides with COMMIT; if it fails, so does the commit.
    if (this.sql.beforeCommit) return this.sql.beforeCommit(SAVE_REPLY, params);
    await this.sql.rows(SAVE_REPLY, params);
  }

  async openSession(input: Parameters<Tx['openSession']>[0]): Promise<{ workspace: Workspace; member: Member; claimed: boolean }> {
    const opened = await this.openSessionRows(input);
    this.outbox.requester = { memberId: opened.member.id, channelId: input.channelId ?? null };
    return opened;
  }

  private async openSessionRows(input: Parameters<Tx['openSession']>[0]): Promise<{ workspace: Workspace; member: Member; claimed: boolean }> {
    const voting = input.prefetch?.proposalForVoter;
    const params: unknown[] = [input.platform, input.workspace.externalId, input.member.externalId, input.key, input.at.toISOString()];
    if (voting !== undefined) params.push(voting);
    const [row] = await this.sql.rows<SessionRow & Partial<VoterRow>>(voting === undefined ? OPEN_SESSION : OPEN_SESSION_VOTING, params);
    if (!row) {
      const workspace = await this.workspaces.ensure({ platform: input.platform, ...input.workspace, ...input.defaults, at: input.at });
      const member = await this.members.ensure({ workspaceId: workspace.id, ...input.member, at: input.at });
      const claimed = input.key !== null && (await this.claimCommandKey(workspace.id, input.key, input.at));
      return { workspace, member, claimed };
    }
    const workspace: Workspace = {
      id: row.wId,
      platform: input.platform,
      externalId: input.workspace.externalId,
      name: row.wName,
      locale: row.wLocale as Locale,
      timezone: row.wTimezone,
      reminderHours: row.wReminderHours,
    };
    if (row.mId === null || row.mDisplayName === null) {
      return { workspace, member: await this.members.ensure({ workspaceId: workspace.id, ...input.member, at: input.at }), claimed: row.claimed };
    }
    const member: Member = {
      id: row.mId,
      workspaceId: workspace.id,
      externalId: input.member.externalId,
      displayName: row.mDisplayName,
      locale: (row.mLocale as Locale | null) ?? null,
      timezone: row.mTimezone ?? null,
    };
    // As in ensureMember: a platform rename wins, a bare mention never overwrites a real name.
    if (input.member.displayName !== input.member.externalId && member.displayName !== input.member.displayName) {
      await this.db.update(t.members).set({ displayName: input.member.displayName }).where(eq(t.members.id, member.id));
      member.displayName = input.member.displayName;
    }
    if (voting !== undefined) {
      this.prefetched.set(voterKey(workspace.id, voting, member.id), row.id === null || row.id === undefined ? null : voterTarget(row as VoterRow));
    }
    return { workspace, member, claimed: row.claimed };
  }

  // ---- proposals and ballots ----

  async nextProposalNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextProposalNumber: sql`${t.workspaces.nextProposalNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextProposalNumber });
    return row!.next - 1;
  }

  async insertProposal(input: Parameters<Tx['insertProposal']>[0]): Promise<Proposal> {
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

  async getProposal(id: number, opts?: { forUpdate?: boolean }): Promise<Proposal | null> {
    const query = this.db.select().from(t.proposals).where(eq(t.proposals.id, id));
    const [row] = opts?.forUpdate ? await query.for('update') : await query;
    return row ? toProposal(row) : null;
  }

  async findProposal(workspaceId: number, number: number, opts?: { forUpdate?: boolean }): Promise<Proposal | null> {
    const query = this.db.select().from(t.proposals).where(and(eq(t.proposals.workspaceId, workspaceId), eq(t.proposals.number, number)));
    const [row] = opts?.forUpdate ? await query.for('update') : await query;
    return row ? toProposal(row) : null;
  }

  async listProposals(workspaceId: number, filter: ProposalFilter): Promise<Proposal[]> {
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

  async updateProposal(id: number, patch: Partial<Omit<Proposal, 'id' | 'workspaceId' | 'number'>>): Promise<void> {
    await this.db.update(t.proposals).set(patch).where(eq(t.proposals.id, id));
  }

  async proposalForVoter(workspaceId: number, number: number, memberId: number): ReturnType<Tx['proposalForVoter']> {
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

  ballots(proposalId: number): Promise<StoredBallot[]> {
    return this.readBallots(BALLOTS, proposalId);
  }

  reasonedBallots(proposalId: number): Promise<StoredBallot[]> {
    return this.readBallots(REASONED_BALLOTS, proposalId);
  }

  private async readBallots(text: string, proposalId: number): Promise<StoredBallot[]> {
    const rows = await this.sql.rows<{ memberId: number; value: BallotValue; reason: string | null; castAt: unknown; updatedAt: unknown }>(text, [proposalId]);
    return rows.map((r) => ({ memberId: r.memberId, value: r.value, reason: r.reason, castAt: asDate(r.castAt), updatedAt: asDate(r.updatedAt) }));
  }

  async distinctBallots(proposalId: number): Promise<{ ballot: Ballot; count: number }[]> {
    const rows = await this.sql.rows<{ value: BallotValue; reason: string | null; count: number }>(DISTINCT_BALLOTS, [proposalId]);
    return rows.map((r) => ({ ballot: { value: r.value, reason: r.reason }, count: r.count }));
  }

  async castBallot(input: Parameters<Tx['castBallot']>[0]): ReturnType<Tx['castBallot']> {
    const at = input.at.toISOString();
    const content = {
      workspaceId: input.workspaceId,
      at,
      actorId: input.audit.actorId === undefined ? input.memberId : input.audit.actorId,
      subject: input.audit.subject,
      data: JSON.parse(JSON.stringify(input.audit.data)) as Record<string, unknown>,
    };
    const cast = entryJsonAroundSeq({ ...content, action: input.audit.action.cast });
    const changed = entryJsonAroundSeq({ ...content, action: input.audit.action.changed });
    const { job } = input;
    const params = [
      input.workspaceId,
      input.proposalId,
      input.memberId,
      JSON.stringify(input.value),
      input.reason,
      at,
      cast.before,
      changed.before,
      cast.after,
      at,
      input.audit.action.cast,
      input.audit.action.changed,
      content.subject,
      JSON.stringify(content.data),
      job.kind,
      job.key,
      job.runAt.toISOString(),
      JSON.stringify(job.payload),
      input.seen.othersWithoutBallot,
      input.seen.chainSeq,
      content.actorId,
    ];
    type Row = { seq: number | string; prev_hash: string; hash: string; action: string; status: ProposalStatus; othersYetToVote: boolean };
    let [row] = await this.sql.rows<Row>(CAST_BALLOT, params);
    if (!row) {
      // A workspace from before chain heads existed: create its head, then cast again.
      await this.audit.lockWorkspace(input.workspaceId);
      [row] = await this.sql.rows<Row>(CAST_BALLOT, params);
    }
    const entry: AuditEntry = { ...content, action: row!.action, seq: Number(row!.seq), prevHash: row!.prev_hash, hash: row!.hash };
    return { changed: row!.action !== input.audit.action.cast, entry, status: row!.status, othersYetToVote: row!.othersYetToVote };
  }

  async voteProgress(proposalId: number): Promise<{ status: ProposalStatus; everyoneVoted: boolean }> {
    const [row] = await this.sql.rows<{ status: ProposalStatus; everyoneVoted: boolean }>(VOTE_PROGRESS, [proposalId]);
    return { status: row!.status, everyoneVoted: row!.everyoneVoted };
  }

  async ballotOf(proposalId: number, memberId: number): Promise<StoredBallot | null> {
    const [r] = await this.db.select().from(t.ballots).where(and(eq(t.ballots.proposalId, proposalId), eq(t.ballots.memberId, memberId)));
    return r ? { memberId: r.memberId, value: r.value as BallotValue, reason: r.reason, castAt: r.castAt, updatedAt: r.updatedAt } : null;
  }
}
