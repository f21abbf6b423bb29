// What the core needs from the outside world: storage (one transaction per command), a messenger, a clock.
// The entities and repositories live with their modules (core/<module>/ports.ts); this file composes them.
import type { Locale } from './i18n/types.js';
import type { BallotValue } from './proposals/rules/types.js';
import type { View } from './views/types.js';
import type { AuditEntry, AuditRepo } from './audit/ports.js';
import type { CommitmentRepo } from './commitments/ports.js';
import type { GroupAccessRepo, GroupRepo } from './groups/ports.js';
import type { JobRepo, NewJob } from './jobs/ports.js';
import type { DisputeRepo } from './mediation/ports.js';
import type { Member, MemberRepo, Workspace, WorkspaceRepo } from './members/ports.js';
import type { MessageRef, OutboxRepo } from './outbox/ports.js';
import type { Proposal, ProposalFilter, ProposalStatus, StoredBallot } from './proposals/ports.js';
import type { Ballot } from './proposals/rules/types.js';

export type { AuditEntry, NewAuditEntry } from './audit/ports.js';
export type { Group, GroupMembership, GroupSummary } from './groups/ports.js';
export type { NewJob } from './jobs/ports.js';
export type { GroupCreation, Member, Workspace } from './members/ports.js';
export type { MessageRef, NewOutboxMessage, OutboxTarget } from './outbox/ports.js';
export type { Proposal, ProposalFilter, ProposalStatus, StoredBallot } from './proposals/ports.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything a command may read or write, inside one database transaction. */
export interface Tx {
  /** Commitments and their settings (see core/commitments). */
  readonly commitments: CommitmentRepo;
  /** Mediation cases (see core/mediation). */
  readonly disputes: DisputeRepo;
  /** Messages the command owes, delivered after it commits (see core/outbox). */
  readonly outbox: OutboxRepo;
  /** Time-driven work the command schedules (see core/jobs). */
  readonly jobs: JobRepo;
  /** The workspace's audit chain (see core/audit). */
  readonly audit: AuditRepo;
  /** Groups and memberships (see core/groups). */
  readonly groups: GroupRepo;
  /** Private groups: visibility and invitations (see core/groups). */
  readonly groupAccess: GroupAccessRepo;
  /** Workspaces and their settings (see core/members). */
  readonly workspaces: WorkspaceRepo;
  readonly members: MemberRepo;

  // idempotency
  claimCommandKey(workspaceId: number, key: string, at: Date): Promise<boolean>;
  storedReply(workspaceId: number, key: string): Promise<unknown>;
  saveReply(workspaceId: number, key: string, reply: unknown): Promise<void>;
  /**
   * The workspace and the member a command runs as, created on first sight, and the command's
   * idempotency key claimed (false: it was used before; a null key claims nothing). One round trip
   * when the workspace and the member already exist.
   */
  openSession(input: {
    platform: string;
    workspace: { externalId: string; name: string };
    member: { externalId: string; displayName: string };
    defaults: { locale: Locale; timezone: string; reminderHours: number };
    key: string | null;
    at: Date;
    /** Where the command was typed: a message this command owes that is given up on is explained there when the member cannot be told directly. */
    channelId?: string;
    /** Reads what proposalForVoter would for this proposal number, in the same round trip; that call then returns it without a query. */
    prefetch?: { proposalForVoter?: number };
  }): Promise<{ workspace: Workspace; member: Member; claimed: boolean }>;

  // proposals and ballots
  nextProposalNumber(workspaceId: number): Promise<number>;
  insertProposal(
    input: Omit<Proposal, 'id' | 'closedAt' | 'result' | 'outcome' | 'outcomeBy' | 'outcomeAt' | 'reviewAt' | 'messageRef' | 'cardHash'> & { ballotSalt?: string | null },
  ): Promise<Proposal>;
  /** The secret of an anonymous proposal's sealed ballot entries; null if it has none yet. Never part of a Proposal. */
  ballotSalt(proposalId: number): Promise<string | null>;
  /** Stores `candidate` as the proposal's ballot secret unless it has one, and returns the one it has. Hold the workspace lock. */
  ensureBallotSalt(proposalId: number, candidate: string): Promise<string>;
  insertElectorate(proposalId: number, memberIds: number[]): Promise<void>;
  getProposal(id: number, opts?: { forUpdate?: boolean }): Promise<Proposal | null>;
  findProposal(workspaceId: number, number: number, opts?: { forUpdate?: boolean }): Promise<Proposal | null>;
  listProposals(workspaceId: number, filter: ProposalFilter): Promise<Proposal[]>;
  updateProposal(id: number, patch: Partial<Omit<Proposal, 'id' | 'workspaceId' | 'number'>>): Promise<void>;
  inElectorate(proposalId: number, memberId: number): Promise<boolean>;
  /** Members of the electorate without a ballot. */
  nonVoters(proposalId: number): Promise<Member[]>;
  ballots(proposalId: number): Promise<StoredBallot[]>;
  /** The ballots that came with a reason, by member: usually a handful (blocks, objections). */
  reasonedBallots(proposalId: number): Promise<StoredBallot[]>;
  ballotOf(proposalId: number, memberId: number): Promise<StoredBallot | null>;
  /** Each distinct ballot (value and reason) with how many members cast it: what a tally reads, without a row per member. */
  distinctBallots(proposalId: number): Promise<{ ballot: Ballot; count: number }[]>;
  /**
   * A proposal by its number, whether the member is in its electorate, and what castBallot needs to
   * know whether others are still to vote: how many other electors have no ballot, and the audit
   * chain's length, in the same snapshot.
   */
  proposalForVoter(
    workspaceId: number,
    number: number,
    memberId: number,
  ): Promise<{ proposal: Proposal; eligible: boolean; seen: { othersWithoutBallot: number; chainSeq: number } } | null>;
  /**
   * Stores the member's ballot (replacing an earlier one), appends its audit entry (`action.changed`
   * when it replaced one) and schedules `job` unless one with its key is pending, in one statement.
   * Locks the workspace first, so the ballot is written under the lock. Also answers, as of the lock:
   * the proposal's status, and whether some other elector is certainly still to vote, judged from
   * `seen` (as proposalForVoter returned it; false means "maybe": ask voteProgress).
   */
  castBallot(input: {
    workspaceId: number;
    proposalId: number;
    memberId: number;
    value: BallotValue;
    reason: string | null;
    at: Date;
    /** `actorId` defaults to the member; null for a sealed (anonymous) ballot entry. */
    audit: { subject: string; data: Record<string, unknown>; action: { cast: string; changed: string }; actorId?: number | null };
    job: NewJob;
    seen: { othersWithoutBallot: number; chainSeq: number };
  }): Promise<{ changed: boolean; entry: AuditEntry; status: ProposalStatus; othersYetToVote: boolean }>;
  /** Status, and whether every member of the electorate has a ballot, as of now (current only after the workspace lock). */
  voteProgress(proposalId: number): Promise<{ status: ProposalStatus; everyoneVoted: boolean }>;
}

/** What a delivery pass tells the adapter that asked for it: a failure has an error id to show the member. */
export type TickOutcome = { ok: true } | { ok: false; errorId: string };

export interface Store {
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * How the outbox identifies one delivery. `key` is the same on every attempt; `retry` says an
 * earlier attempt may already have reached the platform (its worker died before recording it), so
 * an implementation that can look for the earlier message (Discord's enforced nonce, Slack message
 * metadata) should, and return it instead of sending again.
 */
export interface Delivery {
  key: string;
  retry: boolean;
}

export interface PrivateSpaceRequest {
  key: string;
  parentChannelId: string;
  title: string;
  memberExternalIds: string[];
  /** The language of the member who asked for the space: why it could not be opened is told to them, in it. */
  locale?: Locale;
  /** The space an earlier attempt created and remembered. */
  channelId?: string;
  /** Records a space the moment it is created, so that a retry finds it by id. */
  remember?: (channelId: string) => Promise<void>;
}

/** Implemented once per platform. Throwing means "not delivered": the outbox retries later. */
export interface Messenger {
  /**
   * `audience.onlyFor`: the channel is a private space for these members. Whoever else is in it is
   * removed first, or the post is refused (throws), so that nothing private reaches them.
   */
  post(workspace: { platform: string; externalId: string }, channelId: string, view: View, delivery?: Delivery, audience?: { onlyFor: string[] }): Promise<MessageRef>;
  update(workspace: { platform: string; externalId: string }, message: MessageRef, view: View, delivery?: Delivery): Promise<void>;
  dm(workspace: { platform: string; externalId: string }, memberExternalId: string, view: View, delivery?: Delivery): Promise<MessageRef>;
  /**
   * A channel or thread only the given members can see, created by Concord itself: never an existing
   * space found by its name, which anyone could have made first. An implementation calls `remember`
   * as soon as it has created the space; a retry then passes that id back as `channelId`, and the
   * space is found by id. Before it returns, whoever is in the space and not among the members (nor
   * the bot) is removed, or the call fails so that nothing private is posted there.
   */
  openPrivateSpace?(workspace: { platform: string; externalId: string }, request: PrivateSpaceRequest): Promise<{ channelId: string }>;
}
