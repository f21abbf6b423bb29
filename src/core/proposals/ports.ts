// Proposals and their ballots as stored, and what the proposals module needs from storage.
import type { AuditEntry } from '../audit/ports.js';
import type { Member } from '../members/ports.js';
import type { MessageRef } from '../outbox/ports.js';
import type { Ballot, BallotValue, RuleConfig, RuleName, TallyResult, TieMode } from './rules/types.js';

export const HIDE_RESULTS = ['never', 'until-vote', 'until-close'] as const;
export type HideResults = (typeof HIDE_RESULTS)[number];

export type ProposalStatus = 'open' | 'closed' | 'withdrawn';

export interface Proposal {
  id: number;
  workspaceId: number;
  number: number;
  groupId: number;
  authorId: number;
  title: string;
  body: string | null;
  rule: RuleName;
  config: RuleConfig;
  anonymous: boolean;
  hideResults: HideResults;
  /** Ranked choice: how a tie for fewest votes is settled; fixed when the proposal opens. */
  ties: TieMode;
  deciderId: number | null;
  status: ProposalStatus;
  electorateSize: number;
  closesAt: Date | null;
  closedAt: Date | null;
  result: TallyResult | null;
  outcome: string | null;
  outcomeBy: number | null;
  outcomeAt: Date | null;
  /** Who withdrew it; absent where a proposal is read without it (a voter's read) and null before it was recorded. */
  withdrawnBy?: number | null;
  reviewAt: Date | null;
  /**
   * Passes only with support from members of at least this many sectors (undeclared counting as one); null when not
   * asked. Absent where a proposal is read without it.
   */
  crossSector?: number | null;
  channelId: string;
  messageRef: MessageRef | null;
  cardHash: string | null;
  createdAt: Date;
}

export interface StoredBallot extends Ballot {
  memberId: number;
  value: BallotValue;
  castAt: Date;
  updatedAt: Date;
}

export interface ProposalFilter {
  status?: ProposalStatus[];
  groupIds?: number[];
  /** Leaves out the proposals of these groups (private groups the reader may not see). */
  excludeGroupIds?: readonly number[];
  decided?: boolean;
  limit?: number;
}

/** What a voter read before taking the lock, in one snapshot: electors other than the ones voting without a ballot, and the audit chain's length. */
export interface VoterSnapshot {
  othersWithoutBallot: number;
  chainSeq: number;
}

/** A proposal as a voter finds it: whether they are in its electorate, and what cast needs to tell whether others are still to vote. */
export interface VoterTarget {
  proposal: Proposal;
  eligible: boolean;
  seen: VoterSnapshot;
}

/** The audit actions of a ballot's entry: a first ballot, or one that replaced the member's earlier ballot. */
export const VOTE_ACTIONS = { cast: 'ballot.cast', changed: 'ballot.changed' } as const;

/** One member's ballot on one proposal, as it is stored and as the audit chain records it; built by voteEntry. */
export interface Vote extends Ballot {
  workspaceId: number;
  proposalId: number;
  memberId: number;
  value: BallotValue;
  reason: string | null;
  at: Date;
  /** The audit entry's subject and data, and its actor: the member, or null for a sealed (anonymous) entry naming nobody. */
  entry: { subject: string; data: Record<string, unknown>; actorId: number | null };
}

/** What storing one vote did: whether it replaced the member's earlier ballot, and the audit entry it appended. */
export interface VoteOutcome {
  changed: boolean;
  entry: AuditEntry;
}

/**
 * After the votes, as of the workspace lock: the proposal's status, and whether some other elector is
 * certainly still to vote (false means "maybe": ask BallotRepo.progress).
 */
export interface RoundOutcome {
  status: ProposalStatus;
  othersYetToVote: boolean;
}

/**
 * A job the cast statement schedules: a NewJob (core/jobs). Spelled out here because the job
 * registry imports every feature, and this module's storage types would join that import circle.
 */
export interface CastJob {
  kind: string;
  key: string;
  runAt: Date;
  payload: unknown;
}

/** What a cast also does in its statement: schedules `job` (the card refresh) unless one with its key is pending, and judges the others from `seen`. */
export interface CastRound {
  job: CastJob;
  seen: VoterSnapshot;
}

export type NewProposal = Omit<Proposal, 'id' | 'closedAt' | 'result' | 'outcome' | 'outcomeBy' | 'outcomeAt' | 'reviewAt' | 'messageRef' | 'cardHash'> & {
  ballotSalt?: string | null;
};

export interface ProposalRepo {
  nextNumber(workspaceId: number): Promise<number>;
  insert(input: NewProposal): Promise<Proposal>;
  /** The secret of an anonymous proposal's sealed ballot entries; null if it has none yet. Never part of a Proposal. */
  ballotSalt(proposalId: number): Promise<string | null>;
  /** Stores `candidate` as the proposal's ballot secret unless it has one, and returns the one it has. Hold the workspace lock. */
  ensureBallotSalt(proposalId: number, candidate: string): Promise<string>;
  insertElectorate(proposalId: number, memberIds: number[]): Promise<void>;
  get(id: number, opts?: { forUpdate?: boolean }): Promise<Proposal | null>;
  find(workspaceId: number, number: number, opts?: { forUpdate?: boolean }): Promise<Proposal | null>;
  list(workspaceId: number, filter: ProposalFilter): Promise<Proposal[]>;
  update(id: number, patch: Partial<Omit<Proposal, 'id' | 'workspaceId' | 'number'>>): Promise<void>;
  /**
   * A proposal by its number, whether the member is in its electorate, and what BallotRepo.cast needs
   * to know whether others are still to vote: how many other electors have no ballot, and the audit
   * chain's length, in the same snapshot.
   */
  forVoter(workspaceId: number, number: number, memberId: number): Promise<VoterTarget | null>;
  inElectorate(proposalId: number, memberId: number): Promise<boolean>;
  /** Members of the electorate without a ballot. */
  nonVoters(proposalId: number): Promise<Member[]>;
}

export interface BallotRepo {
  /**
   * Stores the vote (replacing the member's earlier ballot), appends its audit entry
   * (VOTE_ACTIONS.changed when it replaced one) and schedules the round's job, in one statement.
   * Locks the workspace first, so the ballot is written under the lock.
   */
  cast(vote: Vote, round: CastRound): Promise<VoteOutcome & RoundOutcome>;
  /**
   * The same for several votes on one proposal, in their order, with an outcome for each: every
   * vote's ballot is stored and its entry appended under one lock. `round.seen` counts the electors
   * other than these votes' members.
   */
  castMany(votes: readonly Vote[], round: CastRound): Promise<{ votes: VoteOutcome[] } & RoundOutcome>;
  /** Every ballot of the proposal, by member. */
  list(proposalId: number): Promise<StoredBallot[]>;
  /** The ballots that came with a reason, by member: usually a handful (blocks, objections). */
  reasoned(proposalId: number): Promise<StoredBallot[]>;
  of(proposalId: number, memberId: number): Promise<StoredBallot | null>;
  /** The ballots these members hold on the proposal, by member id; a member without one is absent. */
  ofMembers(proposalId: number, memberIds: readonly number[]): Promise<Map<number, StoredBallot>>;
  /** Each distinct ballot (value and reason) with how many members cast it: what a tally reads, without a row per member. */
  distinct(proposalId: number): Promise<{ ballot: Ballot; count: number }[]>;
  /** Status, and whether every member of the electorate has a ballot, as of now (current only after the workspace lock). */
  progress(proposalId: number): Promise<{ status: ProposalStatus; everyoneVoted: boolean }>;
}

/** A stakeholder a proposal consulted, as it stands now. */
export interface Consultation {
  stakeholderId: number;
  /** Shown as `S-<number>`. */
  number: number;
  name: string;
  groupId: number | null;
  contactId: number | null;
  /** Removed from the register since it was consulted. */
  removed: boolean;
  /** Someone answered for it: one of its representatives or its contact. */
  answered: boolean;
}

/** Advice given for a consulted stakeholder. The member is kept to tell a replacement from new advice, and is never shown. */
export interface Advice {
  proposalId: number;
  stakeholderId: number;
  memberId: number;
  advice: string;
  givenAt: Date;
}

/** A proposal a stakeholder was consulted on, and whether anyone answered for it. */
export interface ConsultedOn {
  proposalId: number;
  number: number;
  title: string;
  groupId: number;
  status: ProposalStatus;
  answered: boolean;
}

export interface ConsultationRepo {
  add(proposalId: number, stakeholderIds: readonly number[], at: Date): Promise<void>;
  /** The stakeholders the proposal consulted, by number, removed ones included. */
  of(proposalId: number): Promise<Consultation[]>;
  /** Members whose profile says they represent one of these stakeholders. Private: used to ask them, never shown. */
  representatives(stakeholderIds: readonly number[]): Promise<{ stakeholderId: number; member: Member }[]>;
  /** Every piece of advice given on the proposal, oldest first. */
  advice(proposalId: number): Promise<Advice[]>;
  /** Stores the member's advice for the stakeholder, replacing theirs; returns what it replaced, or null. */
  give(advice: Advice): Promise<string | null>;
  /** The proposals that consulted the stakeholder, newest first. */
  ofStakeholder(stakeholderId: number, limit: number): Promise<ConsultedOn[]>;
}
