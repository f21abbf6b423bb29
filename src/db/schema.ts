// The drizzle schema: one definition for PGlite and Postgres. Migrations in drizzle/ are generated from it.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const workspaces = pgTable(
  'workspaces',
  {
    id: serial('id').primaryKey(),
    platform: text('platform').notNull(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    locale: text('locale').notNull().default('en'),
    timezone: text('timezone').notNull().default('UTC'),
    /** Hours before a deadline when members who have not voted are reminded; 0 turns it off. */
    reminderHours: integer('reminder_hours').notNull().default(24),
    nextProposalNumber: integer('next_proposal_number').notNull().default(1),
    nextCommitmentNumber: integer('next_commitment_number').notNull().default(1),
    /** Default reminder offsets before a commitment is due, such as ["3d","1d","2h"]. */
    commitmentReminders: jsonb('commitment_reminders').notNull().default(['3d', '1d', '2h']),
    /** Quiet hours in each owner's own time zone: reminders in [from, to) move to the morning. */
    quietFrom: integer('quiet_from').notNull().default(21),
    quietTo: integer('quiet_to').notNull().default(8),
    /** Hours after a missed due time before the group's conveners hear about it. */
    escalationHours: integer('escalation_hours').notNull().default(24),
    nextDisputeNumber: integer('next_dispute_number').notNull().default(1),
    nextStakeholderNumber: integer('next_stakeholder_number').notNull().default(1),
    nextGoalNumber: integer('next_goal_number').notNull().default(1),
    nextIndicatorNumber: integer('next_indicator_number').notNull().default(1),
    nextRetroNumber: integer('next_retro_number').notNull().default(1),
    nextPledgeNumber: integer('next_pledge_number').notNull().default(1),
    nextPoolNumber: integer('next_pool_number').notNull().default(1),
    nextBucketNumber: integer('next_bucket_number').notNull().default(1),
    /** Dots each member may give in a retrospective, and at most this many on one item. */
    retroDots: integer('retro_dots').notNull().default(5),
    retroDotsPerItem: integer('retro_dots_per_item').notNull().default(3),
    /** Thank-yous one member may give in a day. */
    kudosDailyLimit: integer('kudos_daily_limit').notNull().default(5),
    /** An indicator this far behind its goal's calendar (a share of the time) is at risk; see core/goals/model. */
    goalAtRisk: doublePrecision('goal_at_risk').notNull().default(0.1),
    /** ... and this far behind, off track. */
    goalOffTrack: doublePrecision('goal_off_track').notNull().default(0.25),
    /** Days after a mediation closes before its private notes are deleted. */
    mediationRetentionDays: integer('mediation_retention_days').notNull().default(90),
    /** Who may create groups: anyone | admins (the platform's workspace admins). */
    groupCreation: text('group_creation').notNull().default('anyone'),
    /** Counts of members below this are shown only as "fewer than N" wherever members' declared profiles are counted. */
    inclusionMinCell: integer('inclusion_min_cell').notNull().default(5),
    /** A sector whose representation ratio on a proposal is below this is invited to vote before it closes. */
    inclusionThreshold: doublePrecision('inclusion_threshold').notNull().default(0.6),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('workspaces_platform_external').on(t.platform, t.externalId)],
);

export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    externalId: text('external_id').notNull(),
    displayName: text('display_name').notNull(),
    /** The language the member chose in Concord; null until they do. */
    locale: text('locale'),
    /** The language their platform last reported for them, for commands answered without asking the platform again. */
    platformLocale: text('platform_locale'),
    timezone: text('timezone'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('members_workspace_external').on(t.workspaceId, t.externalId)],
);

export const groups = pgTable(
  'groups',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** The channel the group was created in: its proposals are posted there. */
    channelId: text('channel_id').notNull(),
    channelName: text('channel_name'),
    createdBy: integer('created_by').notNull(),
    /** Overrides the workspace's commitment reminder offsets for this group's commitments. */
    commitmentReminders: jsonb('commitment_reminders'),
    /** Weekly digest: ISO weekday 1 (Monday) to 7, or 0 for none; hour in the workspace's time zone. */
    digestDay: integer('digest_day').notNull().default(1),
    digestHour: integer('digest_hour').notNull().default(9),
    /** How ranked-choice proposals settle a tie for fewest votes unless one says otherwise: lot or batch. */
    rankedTies: text('ranked_ties').notNull().default('lot'),
    /** Post the weekly digest even when it has nothing in it (default: skip an empty week). */
    digestEmpty: boolean('digest_empty').notNull().default(false),
    /** The mediator chosen last, so the next request goes to the next one in turn. */
    lastMediatorId: integer('last_mediator_id'),
    /** 'open': anyone in the workspace reads and joins it; 'private': only its members and invitees. */
    visibility: text('visibility').notNull().default('open'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('groups_workspace_name').on(t.workspaceId, sql`lower(${t.name})`)],
);

/** Who may read a private group and join it without being added: a convener's invitation, until revoked or used. */
export const groupInvitations = pgTable(
  'group_invitations',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    invitedBy: integer('invited_by').notNull(),
    invitedAt: ts('invited_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.memberId] }), index('group_invitations_member').on(t.memberId)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    role: text('role').notNull(),
    joinedAt: ts('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.memberId] }), index('group_members_member').on(t.memberId)],
);

export const proposals = pgTable(
  'proposals',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** The number members type (`vote 7 ...`), counted per workspace. */
    number: integer('number').notNull(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    authorId: integer('author_id').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    rule: text('rule').notNull(),
    /** RuleConfig: options, threshold, quorum, dots, minMean. */
    config: jsonb('config').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    /** Secret of an anonymous proposal's sealed ballot entries (core/audit/receipts.ts): never shown, never in the chain. */
    ballotSalt: text('ballot_salt'),
    hideResults: text('hide_results').notNull().default('never'),
    /** Ranked choice: lot or batch, fixed when the proposal opens so its result can be recounted. */
    ties: text('ties').notNull().default('lot'),
    deciderId: integer('decider_id'),
    status: text('status').notNull(),
    electorateSize: integer('electorate_size').notNull(),
    /** Members who have cast a ballot, kept by a trigger on ballots (drizzle/0006): read on every vote, never counted. */
    ballotsCast: integer('ballots_cast').notNull().default(0),
    closesAt: ts('closes_at'),
    closedAt: ts('closed_at'),
    /** TallyResult frozen at close. */
    result: jsonb('result'),
    outcome: text('outcome'),
    outcomeBy: integer('outcome_by'),
    /** Who withdrew the proposal (its proposer or a convener), shown on its card. */
    withdrawnBy: integer('withdrawn_by'),
    outcomeAt: ts('outcome_at'),
    reviewAt: ts('review_at'),
    /** Passes only with support from members of at least this many sectors (undeclared counts as one). */
    crossSector: integer('cross_sector'),
    /** Per-sector counts of eligible members and participants, frozen at close (shown only through core/inclusion). */
    participation: jsonb('participation'),
    /** When under-represented sectors' non-voters were invited to vote: once per proposal. */
    inclusionNudgedAt: ts('inclusion_nudged_at'),
    channelId: text('channel_id').notNull(),
    /** Where the proposal card was posted, once the outbox delivered it. */
    messageRef: jsonb('message_ref'),
    /** Hash of the card as last rendered, so an unchanged card is not sent again. */
    cardHash: text('card_hash'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('proposals_workspace_number').on(t.workspaceId, t.number),
    index('proposals_group_status').on(t.groupId, t.status),
  ],
);

/** Who may vote on a proposal: the group's voting members when it opened. */
export const electorate = pgTable(
  'proposal_electorate',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.memberId] })],
);

export const ballots = pgTable(
  'ballots',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    value: jsonb('value').notNull(),
    reason: text('reason'),
    castAt: ts('cast_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.memberId] })],
);

/** Append-only and hash-chained per workspace; a trigger refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: integer('workspace_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    subject: text('subject'),
    data: jsonb('data').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_log_workspace_seq').on(t.workspaceId, t.seq)],
);

/** The newest entry of each workspace's chain; its row lock serialises appends. */
export const auditHeads = pgTable('audit_heads', {
  workspaceId: integer('workspace_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Inbound command keys already applied, with the reply given, so a retry gets the same answer. */
export const processedCommands = pgTable(
  'processed_commands',
  {
    workspaceId: integer('workspace_id').notNull(),
    key: text('key').notNull(),
    reply: jsonb('reply').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] }), index('processed_commands_created').on(t.createdAt)],
);

/** Messages owed by committed transactions, delivered afterwards through the Messenger port. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: integer('workspace_id').notNull(),
    /** post | update | dm | private */
    kind: text('kind').notNull(),
    /** Destination: channel id, member external id, or the MessageRef to update. */
    target: jsonb('target').notNull(),
    view: jsonb('view').notNull(),
    /** A proposal whose card this message is: its MessageRef is stored once sent. */
    proposalId: integer('proposal_id'),
    /** A mediation this message belongs to: deleted with the case's private texts after its retention period. */
    disputeId: integer('dispute_id'),
    /** The member whose command owes this message, and the channel they typed it in: told if delivery is given up. */
    requestedBy: integer('requested_by'),
    requestedIn: text('requested_in'),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lockedUntil: ts('locked_until'),
    lastError: text('last_error'),
    sentRef: jsonb('sent_ref'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('outbox_due').on(t.nextAttemptAt, t.id).where(sql`status = 'pending'`),
    // The fair claim walks workspaces with messages due, one index probe each.
    index('outbox_due_by_workspace').on(t.workspaceId, t.nextAttemptAt, t.id).where(sql`status = 'pending'`),
    index('outbox_lease').on(t.lockedUntil).where(sql`status = 'sending'`),
    index('outbox_dispute').on(t.disputeId).where(sql`dispute_id is not null`),
  ],
);

/**
 * Requests from the platforms, stored before they are acknowledged so that none is lost to a crash: keyed by the
 * platform's own identity of the request, so a retry or a replay is recognised on any instance. A row is held by the
 * instance that received it until its work is done; a row whose instance stopped renewing its holder row is taken
 * over by another instance, or by the same one after a restart.
 */
export const intake = pgTable(
  'intake',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** slack | discord */
    source: text('source').notNull(),
    /** The platform's identity of the request (a trigger, an event, an interaction id). */
    requestKey: text('request_key').notNull(),
    /** Who sent it: one member's requests run in the order they arrived. */
    memberKey: text('member_key').notNull(),
    /** The request's signature, when it had one: the same signature again is a replay, refused. */
    signature: text('signature'),
    payload: jsonb('payload').notNull(),
    /** running | done | failed */
    status: text('status').notNull().default('running'),
    attempts: integer('attempts').notNull().default(1),
    /** The process holding the row, while it is alive (intake_holders); null once handed back after a failure. */
    lockedBy: text('locked_by'),
    /** Not taken over before this: a grace period for a new row, the backoff of one handed back. */
    lockedUntil: ts('locked_until'),
    lastError: text('last_error'),
    receivedAt: ts('received_at').notNull().defaultNow(),
    doneAt: ts('done_at'),
  },
  (t) => [
    uniqueIndex('intake_request').on(t.source, t.requestKey),
    index('intake_lease').on(t.lockedUntil, t.id).where(sql`status = 'running'`),
    index('intake_finished').on(t.receivedAt).where(sql`status <> 'running'`),
  ],
);

/**
 * The processes holding intake rows, each renewing its own row while it lives: one write per process per renewal,
 * however many requests it holds. A row whose holder stopped renewing is taken over.
 */
export const intakeHolders = pgTable('intake_holders', {
  workerId: text('worker_id').primaryKey(),
  aliveUntil: ts('alive_until').notNull(),
});

/** Time-driven work. Claimed with FOR UPDATE SKIP LOCKED and a lease. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    /** The workspace the job works for, so claims share each batch fairly; null for upkeep. */
    workspaceId: integer('workspace_id').references(() => workspaces.id),
    /** Unique while pending: scheduling the same key again moves the existing job. */
    key: text('key').notNull(),
    runAt: ts('run_at').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lockedBy: text('locked_by'),
    lockedUntil: ts('locked_until'),
    lastError: text('last_error'),
    doneAt: ts('done_at'),
  },
  (t) => [
    // Only pending jobs are unique: a running job must not stop its successor from being scheduled.
    uniqueIndex('jobs_key_pending').on(t.key).where(sql`status = 'pending'`),
    index('jobs_due').on(t.runAt).where(sql`status = 'pending'`),
    index('jobs_due_by_workspace').on(t.workspaceId, t.runAt, t.id).where(sql`status = 'pending'`),
    index('jobs_lease').on(t.lockedUntil).where(sql`status = 'running'`),
  ],
);

export const commitments = pgTable(
  'commitments',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** The number members type (`done 3`), counted per workspace. */
    number: integer('number').notNull(),
    groupId: integer('group_id').references(() => groups.id),
    proposalId: integer('proposal_id').references(() => proposals.id),
    /** The shared goal this commitment works toward (its kept commitments are celebrated with it). */
    goalId: integer('goal_id'),
    what: text('what').notNull(),
    dueAt: ts('due_at').notNull(),
    /** open | blocked | done | cancelled */
    status: text('status').notNull(),
    /** Reminder offsets for this commitment only; null follows the group, then the workspace. */
    reminders: jsonb('reminders'),
    createdBy: integer('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    doneAt: ts('done_at'),
    note: text('note'),
    blockedReason: text('blocked_reason'),
    channelId: text('channel_id').notNull(),
  },
  (t) => [
    uniqueIndex('commitments_workspace_number').on(t.workspaceId, t.number),
    index('commitments_open_due').on(t.workspaceId, t.dueAt).where(sql`status in ('open', 'blocked')`),
  ],
);

export const commitmentOwners = pgTable(
  'commitment_owners',
  {
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** False while an owner named by someone else has not accepted; existing owners count as accepted. */
    accepted: boolean('accepted').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.commitmentId, t.memberId] }), index('commitment_owners_member').on(t.memberId)],
);

export const stakeholders = pgTable(
  'stakeholders',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** The number members type (`S-3`), counted per workspace and never reused. */
    number: integer('number').notNull(),
    name: text('name').notNull(),
    /** organisation | person | community */
    kind: text('kind').notNull(),
    /** government | nonprofit | business | community | academia | other */
    sector: text('sector').notNull(),
    /** A private group's stakeholders are read only by those who may read the group. */
    groupId: integer('group_id').references(() => groups.id),
    /** The member who keeps in touch with them. */
    contactId: integer('contact_id').references(() => members.id),
    note: text('note'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    createdAt: ts('created_at').notNull(),
    /** Set when removed: the row stays so that its audit entries keep the group they were filed under. */
    removedAt: ts('removed_at'),
  },
  (t) => [
    uniqueIndex('stakeholders_workspace_number').on(t.workspaceId, t.number),
    uniqueIndex('stakeholders_workspace_name').on(t.workspaceId, sql`lower(${t.name})`).where(sql`removed_at is null`),
  ],
);

export const stakeholderRatings = pgTable(
  'stakeholder_ratings',
  {
    stakeholderId: integer('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    power: integer('power').notNull(),
    interest: integer('interest').notNull(),
    legitimacy: integer('legitimacy'),
    urgency: integer('urgency'),
    ratedAt: ts('rated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.stakeholderId, t.memberId] })],
);

export const stakeholderLinks = pgTable(
  'stakeholder_links',
  {
    id: serial('id').primaryKey(),
    /** The stakeholder that funds, regulates, partners, represents or serves the other. */
    fromId: integer('from_id')
      .notNull()
      .references(() => stakeholders.id),
    toId: integer('to_id')
      .notNull()
      .references(() => stakeholders.id),
    /** funds | regulates | partners | represents | serves */
    type: text('type').notNull(),
    source: text('source'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('stakeholder_links_pair').on(t.fromId, t.toId, t.type), index('stakeholder_links_to').on(t.toId)],
);

/**
 * What a member chose to declare about themselves, seen only by them: it feeds counts that are shown only when
 * large enough (see core/inclusion). One row per member; no row means nothing declared.
 */
export const memberProfiles = pgTable(
  'member_profiles',
  {
    memberId: integer('member_id')
      .primaryKey()
      .references(() => members.id),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** government | nonprofit | business | community | academia | other, as for stakeholders */
    sector: text('sector'),
    /** The stakeholder the member represents. */
    representsId: integer('represents_id').references(() => stakeholders.id),
    /** Free-text identity categories, at most 5. */
    identities: jsonb('identities').$type<string[]>().notNull().default([]),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('member_profiles_workspace').on(t.workspaceId), index('member_profiles_represents').on(t.representsId)],
);

/** Stakeholders a proposal consults: their representatives are asked for advice when it opens. */
export const proposalConsultations = pgTable(
  'proposal_consultations',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id),
    stakeholderId: integer('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
    askedAt: ts('asked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.stakeholderId] }), index('proposal_consultations_stakeholder').on(t.stakeholderId)],
);

/** Advice a representative gave on a proposal for the stakeholder they represent; one per member and stakeholder, replaced when given again. */
export const proposalAdvice = pgTable(
  'proposal_advice',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id),
    stakeholderId: integer('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    advice: text('advice').notNull(),
    givenAt: ts('given_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.stakeholderId, t.memberId] })],
);

/** A group's shared goal (`G-2`), possibly one a decision set; its progress comes from its indicators. */
export const goals = pgTable(
  'goals',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    number: integer('number').notNull(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    title: text('title').notNull(),
    dueAt: ts('due_at'),
    proposalId: integer('proposal_id').references(() => proposals.id),
    /** open | achieved | dropped */
    status: text('status').notNull().default('open'),
    closedNote: text('closed_note'),
    closedBy: integer('closed_by'),
    closedAt: ts('closed_at'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('goals_workspace_number').on(t.workspaceId, t.number), index('goals_group').on(t.groupId)],
);

/** What a goal is measured by (`I-5`): a baseline, a target, and values checked in over time. */
export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    number: integer('number').notNull(),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id),
    name: text('name').notNull(),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    unit: text('unit'),
    /** Its share in the goal's progress, against the other indicators' weights. */
    weight: doublePrecision('weight').notNull().default(1),
    ownerId: integer('owner_id').references(() => members.id),
    /** An RRULE (core/goals/schedule): when the owner is asked for a value; null asks nobody. */
    cadence: text('cadence'),
    /** When a value first reached the target: the celebration is posted once. */
    reachedAt: ts('reached_at'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    createdAt: ts('created_at').notNull(),
    removedAt: ts('removed_at'),
  },
  (t) => [uniqueIndex('indicators_workspace_number').on(t.workspaceId, t.number), index('indicators_goal').on(t.goalId)],
);

/** One value of an indicator, as of a date (late values are kept in date order, not entry order). */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: serial('id').primaryKey(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    value: doublePrecision('value').notNull(),
    at: ts('at').notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => members.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('indicator_values_indicator_at').on(t.indicatorId, t.at)],
);

/** A retrospective (`R-1`): items in a template's columns, dot votes, and actions that become commitments. */
export const retros = pgTable(
  'retros',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    number: integer('number').notNull(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    title: text('title').notNull(),
    /** 4ls | start-stop-continue | blameless | premortem (core/retros/templates) */
    template: text('template').notNull(),
    goalId: integer('goal_id').references(() => goals.id),
    /** Who started it: the facilitator, who turns items into actions and closes it. */
    facilitatorId: integer('facilitator_id')
      .notNull()
      .references(() => members.id),
    /** Items show their authors' names; by default they are anonymous. */
    showNames: boolean('show_names').notNull().default(false),
    /** open | closed */
    status: text('status').notNull().default('open'),
    closesAt: ts('closes_at'),
    closedAt: ts('closed_at'),
    channelId: text('channel_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('retros_workspace_number').on(t.workspaceId, t.number), index('retros_group').on(t.groupId)],
);

export const retroItems = pgTable(
  'retro_items',
  {
    id: serial('id').primaryKey(),
    retroId: integer('retro_id')
      .notNull()
      .references(() => retros.id),
    /** The number members type (`retro vote R-1 3`), counted per retro. */
    number: integer('number').notNull(),
    /** A column of the retro's template. */
    column: text('column').notNull(),
    text: text('text').notNull(),
    /** Kept to refuse a member's own duplicate and to show names where the retro does; never shown otherwise. */
    authorId: integer('author_id')
      .notNull()
      .references(() => members.id),
    /** The item of an earlier retro this one carries over, undiscussed there. */
    carriedFromId: integer('carried_from_id'),
    discussed: boolean('discussed').notNull().default(false),
    /** The commitment the facilitator made of it. */
    commitmentId: integer('commitment_id').references(() => commitments.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('retro_items_retro_number').on(t.retroId, t.number)],
);

export const retroVotes = pgTable(
  'retro_votes',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => retroItems.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    retroId: integer('retro_id')
      .notNull()
      .references(() => retros.id),
    dots: integer('dots').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId] }), index('retro_votes_retro_member').on(t.retroId, t.memberId)],
);

/** A thank-you from one member to another, posted in a group's channel. */
export const kudos = pgTable(
  'kudos',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    groupId: integer('group_id').references(() => groups.id),
    giverId: integer('giver_id')
      .notNull()
      .references(() => members.id),
    receiverId: integer('receiver_id')
      .notNull()
      .references(() => members.id),
    reason: text('reason').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('kudos_giver_at').on(t.giverId, t.createdAt), index('kudos_group_at').on(t.groupId, t.createdAt)],
);

/** What a member brings to the group: money, hours or a thing; with a due date it is also a commitment of theirs. */
export const pledges = pgTable(
  'pledges',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    number: integer('number').notNull(),
    groupId: integer('group_id').references(() => groups.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => members.id),
    what: text('what').notNull(),
    /** money | time | in-kind */
    kind: text('kind').notNull(),
    /** Money in the currency's minor units (VND has none, USD two). */
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    currency: text('currency'),
    hours: doublePrecision('hours'),
    item: text('item'),
    /** The pool the money flows into. */
    poolId: integer('pool_id'),
    dueAt: ts('due_at'),
    /** The commitment that reminds its owner, when the pledge has a due date. */
    commitmentId: integer('commitment_id').references(() => commitments.id),
    /** open | done | cancelled */
    status: text('status').notNull().default('open'),
    /** A note or link the owner gave when it was done. */
    evidence: text('evidence'),
    createdAt: ts('created_at').notNull(),
    doneAt: ts('done_at'),
  },
  (t) => [uniqueIndex('pledges_workspace_number').on(t.workspaceId, t.number), index('pledges_group').on(t.groupId), index('pledges_commitment').on(t.commitmentId)],
);

/** Money a group shares out (`P-1`) by a rule: crowdfund, equal shares or quadratic funding. */
export const pools = pgTable(
  'pools',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    number: integer('number').notNull(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    name: text('name').notNull(),
    /** ISO 4217; amounts below are in its minor units. */
    currency: text('currency').notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    /** crowdfund | equal-shares | quadratic */
    rule: text('rule').notNull(),
    /** Each member's balance; null divides the pool equally among the group's members. */
    perMemberMinor: bigint('per_member_minor', { mode: 'number' }),
    /** The most one member may put into one bucket. */
    capPerBucketMinor: bigint('cap_per_bucket_minor', { mode: 'number' }),
    /** Quadratic funding: the largest share of the matching one bucket may get. */
    matchingCapShare: doublePrecision('matching_cap_share'),
    /** Target share of the allocation per sector, e.g. { government: 0.2, community: 0.4 }. */
    targetShares: jsonb('target_shares'),
    closesAt: ts('closes_at'),
    /** open | closed */
    status: text('status').notNull().default('open'),
    /** The frozen outcome: funded buckets, refunds, the fairness report. */
    result: jsonb('result'),
    channelId: text('channel_id').notNull(),
    messageRef: jsonb('message_ref'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    createdAt: ts('created_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [uniqueIndex('pools_workspace_number').on(t.workspaceId, t.number), index('pools_group').on(t.groupId)],
);

/** A member's balance in a pool, granted when the pool opens; the sector is frozen at close for the fairness report. */
export const poolMembers = pgTable(
  'pool_members',
  {
    poolId: integer('pool_id')
      .notNull()
      .references(() => pools.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    grantMinor: bigint('grant_minor', { mode: 'number' }).notNull(),
    sector: text('sector'),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.memberId] })],
);

/** A project asking a pool for funds (`B-4`), between a minimum and a maximum. */
export const buckets = pgTable(
  'buckets',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    poolId: integer('pool_id')
      .notNull()
      .references(() => pools.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    minMinor: bigint('min_minor', { mode: 'number' }).notNull(),
    maxMinor: bigint('max_minor', { mode: 'number' }).notNull(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => members.id),
    /** Set at close: what the bucket received (matching included), null while the pool is open. */
    fundedMinor: bigint('funded_minor', { mode: 'number' }),
    /** The commitment its owner took on to deliver it, once funded. */
    commitmentId: integer('commitment_id').references(() => commitments.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('buckets_workspace_number').on(t.workspaceId, t.number), index('buckets_pool').on(t.poolId)],
);

/** What one member put into (or, under equal shares, approved of) one bucket. */
export const allocations = pgTable(
  'allocations',
  {
    poolId: integer('pool_id')
      .notNull()
      .references(() => pools.id),
    bucketId: integer('bucket_id')
      .notNull()
      .references(() => buckets.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull().default(0),
    approved: boolean('approved').notNull().default(false),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucketId, t.memberId] }), index('allocations_pool_member').on(t.poolId, t.memberId)],
);

export const disputes = pgTable(
  'disputes',
  {
    id: serial('id').primaryKey(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    number: integer('number').notNull(),
    groupId: integer('group_id').references(() => groups.id),
    proposalId: integer('proposal_id').references(() => proposals.id),
    topic: text('topic').notNull(),
    requestedBy: integer('requested_by').notNull(),
    mediatorId: integer('mediator_id'),
    /** awaiting-consent | declined | awaiting-mediator | open | paused | closed */
    status: text('status').notNull(),
    /** statements | interests | options | agreement */
    stage: text('stage').notNull(),
    confidential: boolean('confidential').notNull().default(false),
    /** Where the mediation is posted: the parent channel, then the private space once it exists. */
    channelId: text('channel_id').notNull(),
    spaceId: text('space_id'),
    outcome: text('outcome'),
    summary: text('summary'),
    createdAt: ts('created_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [uniqueIndex('disputes_workspace_number').on(t.workspaceId, t.number), index('disputes_space').on(t.spaceId)],
);

export const disputeParties = pgTable(
  'dispute_parties',
  {
    disputeId: integer('dispute_id')
      .notNull()
      .references(() => disputes.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /**
     * pending | accepted | declined: a named party agrees before anything about the case is announced. The
     * requester's own consent is given by asking; cases from before consent existed count as accepted.
     */
    consent: text('consent').notNull().default('accepted'),
    consentAt: ts('consent_at'),
  },
  (t) => [primaryKey({ columns: [t.disputeId, t.memberId] }), index('dispute_parties_member').on(t.memberId)],
);

/** Private to the parties and the mediator; deleted after the retention period. */
export const disputeNotes = pgTable('dispute_notes', {
  id: serial('id').primaryKey(),
  disputeId: integer('dispute_id')
    .notNull()
    .references(() => disputes.id),
  authorId: integer('author_id').notNull(),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const disputeAgreements = pgTable('dispute_agreements', {
  id: serial('id').primaryKey(),
  disputeId: integer('dispute_id')
    .notNull()
    .references(() => disputes.id),
  terms: text('terms').notNull(),
  proposedBy: integer('proposed_by').notNull(),
  proposedAt: ts('proposed_at').notNull(),
  /** pending | accepted | declined | superseded */
  status: text('status').notNull(),
  /** memberId -> 'accepted' | 'declined' */
  responses: jsonb('responses').notNull().default({}),
});

/** Slack OAuth installations (many-workspace mode): Bolt's installation store. */
export const slackInstallations = pgTable(
  'slack_installations',
  {
    /** `T:<team id>` for a workspace install, `E:<enterprise id>` for an org-wide one. */
    id: text('id').primaryKey(),
    teamId: text('team_id'),
    enterpriseId: text('enterprise_id'),
    isEnterpriseInstall: boolean('is_enterprise_install').notNull().default(false),
    botToken: text('bot_token'),
    botUserId: text('bot_user_id'),
    /** Bolt's Installation object as Slack's OAuth returned it. */
    installation: jsonb('installation').notNull(),
    installedAt: ts('installed_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('slack_installations_team').on(t.teamId), index('slack_installations_enterprise').on(t.enterpriseId)],
);

/**
 * Workspaces of an Enterprise Grid org that installed Concord org-wide, as requests from them arrived: the outbox knows
 * only a message's team, and this says which org's token speaks for it.
 */
export const slackEnterpriseTeams = pgTable(
  'slack_enterprise_teams',
  {
    teamId: text('team_id').primaryKey(),
    enterpriseId: text('enterprise_id').notNull(),
    seenAt: ts('seen_at').notNull(),
  },
  (t) => [index('slack_enterprise_teams_enterprise').on(t.enterpriseId)],
);
