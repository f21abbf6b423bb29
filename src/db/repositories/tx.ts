// The core's Tx port implemented with drizzle: every read and write a command makes, inside one transaction.
import { eq } from 'drizzle-orm';
import type { Locale } from '../../core/i18n/types.js';
import type { Member, Tx, Workspace } from '../../core/ports.js';
import * as t from '../schema.js';
import { DrizzleAudit } from './audit.js';
import { DrizzleBallots } from './ballots.js';
import { DrizzleCommitments } from './commitments.js';
import { DrizzleDisputes } from './disputes.js';
import { DrizzleGroupAccess } from './group-access.js';
import { DrizzleGroups } from './groups.js';
import { DrizzleIdempotency } from './idempotency.js';
import { DrizzleJobs } from './jobs.js';
import { DrizzleMembers, DrizzleWorkspaces } from './members.js';
import { DrizzleOutbox } from './outbox.js';
import { DrizzleProposals, PROPOSAL_COLUMNS, voterColumns, voterTarget, type VoterRow } from './proposals.js';
import { drizzleStatements, type Conn, type Statements } from './rows.js';

// Workspace and member by their platform ids, and the idempotency key claimed, in one round trip;
// for a vote, the proposal as DrizzleProposals.forVoter reads it, too. Only reads the workspace and the
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

  readonly proposals: DrizzleProposals;
  readonly ballots: DrizzleBallots;
  readonly idempotency: DrizzleIdempotency;

  private readonly sql: Statements;

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
    this.proposals = new DrizzleProposals(db, this.sql);
    this.ballots = new DrizzleBallots(db, this.sql, this.audit);
    this.idempotency = new DrizzleIdempotency(db, this.sql);
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
      const claimed = input.key !== null && (await this.idempotency.claim(workspace.id, input.key, input.at));
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
      this.proposals.prefetchedForVoter(workspace.id, voting, member.id, row.id === null || row.id === undefined ? null : voterTarget(row as VoterRow));
    }
    return { workspace, member, claimed: row.claimed };
  }
}
