// Ballots in drizzle: a vote stored with its audit entry under the workspace lock, in one statement, and the reads a tally makes.
import { and, eq } from 'drizzle-orm';
import { entryJsonAroundSeq } from '../../core/audit/chain.js';
import type { AuditEntry } from '../../core/audit/ports.js';
import {
  VOTE_ACTIONS,
  type BallotRepo,
  type CastRound,
  type ProposalStatus,
  type RoundOutcome,
  type StoredBallot,
  type Vote,
  type VoteOutcome,
} from '../../core/proposals/ports.js';
import type { Ballot, BallotValue } from '../../core/proposals/rules/types.js';
import * as t from '../schema.js';
import type { DrizzleAudit } from './audit.js';
import { asDate, type Conn, type Statements } from './rows.js';

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

// CAST_BALLOT for several votes on one proposal, each of a different member: one multi-row upsert,
// then the chain extended by one entry a vote, in the votes' order, all under the same lock. The votes
// come as one JSON parameter, as many as they are; each entry's hash needs the one before, so the
// entries are hashed by a recursive step that reads its vote from arrays built once, not by a join.
const CAST_BALLOTS = `
  with recursive old as (select seq, hash from audit_heads where workspace_id = $1 for update),
  proposal as (select p.status from proposals p, old where p.id = $2 for share of p),
  vote as (
    select i::int as i, (v->>0)::int as member_id, v->1 as value, v->>2 as reason, v->>3 as at,
           v->>4 as cast_before, v->>5 as changed_before, v->>6 as after, (v->>7)::int as actor_id, v->>8 as subject, v->9 as data
    from jsonb_array_elements($3::text::jsonb) with ordinality as votes(v, i)
  ),
  ballot as (
    insert into ballots (proposal_id, member_id, value, reason, cast_at, updated_at)
    select $2, vote.member_id, vote.value, vote.reason, vote.at::timestamptz, vote.at::timestamptz from vote, old
    on conflict (proposal_id, member_id) do update
      set value = excluded.value, reason = excluded.reason, updated_at = excluded.updated_at
    returning member_id, (xmax <> 0) as replaced
  ),
  steps as (
    select count(*)::int as n,
           array_agg(case when ballot.replaced then vote.changed_before else vote.cast_before end order by vote.i) as befores,
           array_agg(vote.after order by vote.i) as afters
    from vote join ballot on ballot.member_id = vote.member_id
  ),
  chain (i, seq, hash, prev_hash) as (
    select 0, old.seq, old.hash, null::text from old
    union all
    select chain.i + 1, chain.seq + 1,
           encode(sha256(convert_to(chain.hash || steps.befores[chain.i + 1] || (chain.seq + 1)::text || steps.afters[chain.i + 1], 'UTF8')), 'hex'),
           chain.hash
    from chain, steps where chain.i < steps.n
  ),
  moved as (
    update audit_heads h set seq = chain.seq, hash = chain.hash
    from chain, steps where h.workspace_id = $1 and chain.i = steps.n and steps.n > 0
    returning h.seq
  ),
  entry as (
    insert into audit_log (workspace_id, seq, at, actor_id, action, subject, data, prev_hash, hash)
    select $1, chain.seq, vote.at, vote.actor_id, case when ballot.replaced then $5::text else $4::text end,
           vote.subject, vote.data, chain.prev_hash, chain.hash
    from chain join vote on vote.i = chain.i join ballot on ballot.member_id = vote.member_id, moved
    returning seq, prev_hash, hash, action
  ),
  job as (
    insert into jobs (kind, key, run_at, payload, workspace_id)
    select $6, $7, $8::timestamptz, $9::text::jsonb, $1 from (select 1 from entry limit 1) cast_one, proposal
    on conflict (key) where status = 'pending' do nothing
  )
  select entry.seq::int8 as seq, entry.prev_hash, entry.hash, entry.action, proposal.status,
         $10::int > (select old.seq - $11::int8 from old) as "othersYetToVote"
  from entry, proposal order by entry.seq`;

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
// The ids as an array the planner cannot mistake for a long list: each member's ballot is one probe of the primary key.
const MEMBERS_BALLOTS = ballotsWhere('proposal_id = $1 and member_id = any(array(select unnest($2::text::int[])))');
// An id list as array text, one parameter however many ids: drivers differ in how they bind arrays.
const idArray = (ids: readonly number[]) => `{${ids.map((id) => Math.trunc(id)).join(',')}}`;
const REASONED_BALLOTS = ballotsWhere('proposal_id = $1 and reason is not null');

// A tally only counts, and a ranked ballot over five options has at most 325 distinct values, so
// grouping turns ten thousand rows into a few hundred before they are sent and parsed.
const DISTINCT_BALLOTS = `
  select value, reason, count(*)::int as count from ballots where proposal_id = $1
  group by value, reason order by min(member_id)`;

/** A vote's audit entry as stored but for its place in the chain, and the texts its hash is made of (see entryJsonAroundSeq). */
function entryOf(vote: Vote) {
  const content = {
    workspaceId: vote.workspaceId,
    at: vote.at.toISOString(),
    actorId: vote.entry.actorId,
    subject: vote.entry.subject,
    data: JSON.parse(JSON.stringify(vote.entry.data)) as Record<string, unknown>,
  };
  const cast = entryJsonAroundSeq({ ...content, action: VOTE_ACTIONS.cast });
  const changed = entryJsonAroundSeq({ ...content, action: VOTE_ACTIONS.changed });
  return { content, castBefore: cast.before, changedBefore: changed.before, after: cast.after };
}

/** The parameters both cast statements take in this order: the job to schedule, then what the voters saw. */
const roundParams = ({ job, seen }: CastRound) => [job.kind, job.key, job.runAt.toISOString(), JSON.stringify(job.payload), seen.othersWithoutBallot, seen.chainSeq];

type CastRow = { seq: number | string; prev_hash: string; hash: string; action: string; status: ProposalStatus; othersYetToVote: boolean };

export class DrizzleBallots implements BallotRepo {
  constructor(
    private readonly db: Conn,
    private readonly sql: Statements,
    private readonly audit: DrizzleAudit,
  ) {}

  async cast(vote: Vote, round: CastRound): Promise<VoteOutcome & RoundOutcome> {
    const { content, castBefore, changedBefore, after } = entryOf(vote);
    const params = [
      vote.workspaceId,
      vote.proposalId,
      vote.memberId,
      JSON.stringify(vote.value),
      vote.reason,
      content.at,
      castBefore,
      changedBefore,
      after,
      content.at,
      VOTE_ACTIONS.cast,
      VOTE_ACTIONS.changed,
      content.subject,
      JSON.stringify(content.data),
      ...roundParams(round),
      content.actorId,
    ];
    const [row] = await this.withHead(vote.workspaceId, () => this.sql.rows<CastRow>(CAST_BALLOT, params));
    return { ...outcomeOf(content, row!), status: row!.status, othersYetToVote: row!.othersYetToVote };
  }

  async castMany(votes: readonly Vote[], round: CastRound): Promise<{ votes: VoteOutcome[] } & RoundOutcome> {
    const [first] = votes;
    if (!first) throw new Error('castMany needs at least one vote');
    if (votes.some((v) => v.proposalId !== first.proposalId || v.workspaceId !== first.workspaceId)) throw new Error('castMany takes the votes of one proposal');
    const outcomes: VoteOutcome[] = [];
    let last: CastRow | undefined;
    // A member's second vote in the batch replaces their first: it goes in the next statement, as one
    // upsert cannot write the same row twice. Entries appended by an earlier statement only make the
    // othersYetToVote bound more cautious.
    for (const part of withDistinctMembers(votes)) {
      const entries = part.map(entryOf);
      const rows = entries.map(({ content, castBefore, changedBefore, after }, i) => {
        const vote = part[i]!;
        return [vote.memberId, vote.value, vote.reason, content.at, castBefore, changedBefore, after, content.actorId, content.subject, content.data];
      });
      const params = [first.workspaceId, first.proposalId, JSON.stringify(rows), VOTE_ACTIONS.cast, VOTE_ACTIONS.changed, ...roundParams(round)];
      const cast = await this.withHead(first.workspaceId, () => this.sql.rows<CastRow>(CAST_BALLOTS, params));
      cast.forEach((row, i) => outcomes.push(outcomeOf(entries[i]!.content, row)));
      last = cast.at(-1);
    }
    return { votes: outcomes, status: last!.status, othersYetToVote: last!.othersYetToVote };
  }

  /** Runs a statement that locks the workspace's chain head; a workspace from before chain heads existed gets its head first. */
  private async withHead<T>(workspaceId: number, statement: () => Promise<T[]>): Promise<T[]> {
    const rows = await statement();
    if (rows.length > 0) return rows;
    await this.audit.lockWorkspace(workspaceId);
    return statement();
  }

  list(proposalId: number): Promise<StoredBallot[]> {
    return this.read(BALLOTS, proposalId);
  }

  reasoned(proposalId: number): Promise<StoredBallot[]> {
    return this.read(REASONED_BALLOTS, proposalId);
  }

  async ofMembers(proposalId: number, memberIds: readonly number[]): Promise<Map<number, StoredBallot>> {
    const ballots = memberIds.length === 0 ? [] : await this.read(MEMBERS_BALLOTS, proposalId, [idArray(memberIds)]);
    return new Map(ballots.map((b) => [b.memberId, b]));
  }

  private async read(text: string, proposalId: number, more: readonly unknown[] = []): Promise<StoredBallot[]> {
    const rows = await this.sql.rows<{ memberId: number; value: BallotValue; reason: string | null; castAt: unknown; updatedAt: unknown }>(text, [proposalId, ...more]);
    return rows.map((r) => ({ memberId: r.memberId, value: r.value, reason: r.reason, castAt: asDate(r.castAt), updatedAt: asDate(r.updatedAt) }));
  }

  async of(proposalId: number, memberId: number): Promise<StoredBallot | null> {
    const [r] = await this.db.select().from(t.ballots).where(and(eq(t.ballots.proposalId, proposalId), eq(t.ballots.memberId, memberId)));
    return r ? { memberId: r.memberId, value: r.value as BallotValue, reason: r.reason, castAt: r.castAt, updatedAt: r.updatedAt } : null;
  }

  async distinct(proposalId: number): Promise<{ ballot: Ballot; count: number }[]> {
    const rows = await this.sql.rows<{ value: BallotValue; reason: string | null; count: number }>(DISTINCT_BALLOTS, [proposalId]);
    return rows.map((r) => ({ ballot: { value: r.value, reason: r.reason }, count: r.count }));
  }

  async progress(proposalId: number): Promise<{ status: ProposalStatus; everyoneVoted: boolean }> {
    const [row] = await this.sql.rows<{ status: ProposalStatus; everyoneVoted: boolean }>(VOTE_PROGRESS, [proposalId]);
    return { status: row!.status, everyoneVoted: row!.everyoneVoted };
  }
}

function outcomeOf(content: ReturnType<typeof entryOf>['content'], row: CastRow): VoteOutcome {
  const entry: AuditEntry = { ...content, action: row.action, seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash };
  return { changed: row.action !== VOTE_ACTIONS.cast, entry };
}

/** The votes in runs where no member appears twice, in their order. */
function withDistinctMembers(votes: readonly Vote[]): Vote[][] {
  const parts: Vote[][] = [];
  let members = new Set<number>();
  for (const vote of votes) {
    if (parts.length === 0 || members.has(vote.memberId)) {
      parts.push([]);
      members = new Set();
    }
    members.add(vote.memberId);
    parts.at(-1)!.push(vote);
  }
  return parts;
}
