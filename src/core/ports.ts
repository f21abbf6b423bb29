// What the core needs from the outside world: storage (one transaction per command), a messenger, a clock.
// The entities and repositories live with their modules (core/<module>/ports.ts); this file composes them.
import type { Locale } from './i18n/types.js';
import type { View } from './views/types.js';
import type { AuditRepo } from './audit/ports.js';
import type { CommitmentRepo } from './commitments/ports.js';
import type { GroupAccessRepo, GroupRepo } from './groups/ports.js';
import type { GoalRepo } from './goals/ports.js';
import type { PledgeRepo } from './resources/pledge-ports.js';
import type { PoolRepo } from './resources/pool-ports.js';
import type { InclusionRepo, ProfileRepo } from './inclusion/ports.js';
import type { JobRepo } from './jobs/ports.js';
import type { DisputeRepo } from './mediation/ports.js';
import type { Member, MemberRepo, Workspace, WorkspaceRepo } from './members/ports.js';
import type { MessageRef, OutboxRepo } from './outbox/ports.js';
import type { KudosRepo, RetroRepo } from './retros/ports.js';
import type { BallotRepo, ConsultationRepo, ProposalRepo } from './proposals/ports.js';
import type { StakeholderRepo } from './stakeholders/ports.js';

export type { AuditEntry, NewAuditEntry } from './audit/ports.js';
export type { Group, GroupMembership, GroupSummary } from './groups/ports.js';
export type { NewJob } from './jobs/ports.js';
export type { GroupCreation, Member, Workspace } from './members/ports.js';
export type { MessageRef, NewOutboxMessage, OutboxTarget } from './outbox/ports.js';
export type { Proposal, ProposalFilter, ProposalStatus, StoredBallot, Vote } from './proposals/ports.js';

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

  /** Proposals and their electorates (see core/proposals). */
  readonly proposals: ProposalRepo;
  /** Ballots, each stored with its audit entry (see core/proposals). */
  readonly ballots: BallotRepo;
  /** Stakeholders a proposal consults and the advice given for them (see core/proposals/consult.ts). */
  readonly consultations: ConsultationRepo;
  /** Commands' idempotency keys and their stored replies. */
  readonly idempotency: IdempotencyRepo;
  /** The stakeholder register: stakeholders, members' ratings of them and the links between them (see core/stakeholders). */
  readonly stakeholders: StakeholderRepo;
  /** Members' own profiles, private to each member, and the workspace's minimum cell (see core/inclusion). */
  readonly profiles: ProfileRepo;
  /** Shared goals, their indicators and the values checked in (see core/goals). */
  readonly goals: GoalRepo;
  /** What members pledge: money, hours or things, with the commitment that reminds them (see core/resources/pledges.ts). */
  readonly pledges: PledgeRepo;
  /** Pools of money, their buckets and members' allocations (see core/resources/pools.ts). */
  readonly pools: PoolRepo;
  /** Participation by sector: counts made in the database, frozen at close, the threshold and the once-only invitation (see core/inclusion). */
  readonly inclusion: InclusionRepo;
  /** Retrospectives, their items and dot votes, and the workspace's limits for them (see core/retros). */
  readonly retros: RetroRepo;
  /** Thank-yous between members (see core/retros/kudos.ts). */
  readonly kudos: KudosRepo;

  /**
   * The workspace and the member a command runs as, created on first sight, and the command's
   * idempotency key claimed (false: it was used before; a null key claims nothing). One round trip
   * when the workspace and the member already exist.
   */
  openSession(input: {
    platform: string;
    workspace: { externalId: string; name: string };
    /**
     * `locale`: the member's language as the platform reports it now, when it does; remembered for when it does not.
     * `provisionalName`: the name only names a member seen for the first time (see CommandContext).
     */
    member: { externalId: string; displayName: string; locale?: Locale; provisionalName?: boolean };
    defaults: { locale: Locale; timezone: string; reminderHours: number };
    key: string | null;
    at: Date;
    /** Where the command was typed: a message this command owes that is given up on is explained there when the member cannot be told directly. */
    channelId?: string;
    /**
     * false: the key is only checked (`claimed` then says it was not used before); the caller claims it
     * later (IdempotencyRepo.claimMany), still before it locks anything else. Votes only.
     */
    claim?: boolean;
    /** Reads what proposals.forVoter would for this proposal number, in the same round trip; that call then returns it without a query. */
    prefetch?: { proposalForVoter?: number };
  }): Promise<{ workspace: Workspace; member: Member; claimed: boolean; platformLocale: Locale | null }>;

  /**
   * Whose command the writes that follow serve, as openSession sets it: a transaction that runs several
   * members' commands (a batch of votes) switches before each, so a message one of them owes names them.
   */
  actFor(memberId: number, channelId: string | null): void;
}

/** A command's idempotency key, claimed in its transaction, and the reply stored with it. */
export interface IdempotencyRepo {
  /** False when the key was claimed before. */
  claim(workspaceId: number, key: string, at: Date): Promise<boolean>;
  storedReply(workspaceId: number, key: string): Promise<unknown>;
  /** Stores the reply a retry with the same key gets; written at the latest with the commit. */
  saveReply(workspaceId: number, key: string, reply: unknown): Promise<void>;
  /**
   * Claims several keys of one workspace in one statement, for commands that opened their sessions without
   * claiming (see openSession's `claim`); returns how many were claimed: fewer means one was used meanwhile.
   */
  claimMany(workspaceId: number, keys: readonly string[], at: Date): Promise<number>;
  /** saveReply for several keys of one workspace, in one statement. */
  saveReplies(workspaceId: number, replies: readonly { key: string; reply: unknown }[]): Promise<void>;
  /** Whether the key was claimed before. */
  used(workspaceId: number, key: string): Promise<boolean>;
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
