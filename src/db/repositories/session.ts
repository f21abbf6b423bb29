// Opening a command's session in drizzle: its workspace and member, its idempotency key claimed and, for a vote, the proposal, in one round trip.
import { eq } from 'drizzle-orm';
import type { Locale } from '../../core/i18n/types.js';
import type { Member, Tx, Workspace } from '../../core/ports.js';
import * as t from '../schema.js';
import type { DrizzleIdempotency } from './idempotency.js';
import type { DrizzleMembers, DrizzleWorkspaces } from './members.js';
import type { DrizzleOutbox } from './outbox.js';
import { PROPOSAL_COLUMNS, voterColumns, voterTarget, type DrizzleProposals, type VoterRow } from './proposals.js';
import type { Conn, Statements } from './rows.js';

// Workspace and member by their platform ids, and the idempotency key claimed (or only checked), in one round trip;
// for a vote, the proposal as DrizzleProposals.forVoter reads it, too. Only reads the workspace and the
// member: an INSERT ... ON CONFLICT would burn a sequence value on every command.
const openSessionSql = (voting: boolean, claiming: boolean) => `
  with w as (
    select id, name, locale, timezone, reminder_hours from workspaces where platform = $1 and external_id = $2
  ),
  ${
    claiming
      ? `claim as (
    insert into processed_commands (workspace_id, key, reply, created_at)
    select w.id, $4, '{}'::jsonb, $5::timestamptz from w where $4::text is not null
    on conflict do nothing
    returning 1
  )`
      : `claim as (select 1 from w where $4::text is not null and $5::timestamptz is not null
    and not exists (select 1 from processed_commands c where c.workspace_id = w.id and c.key = $4))`
  }
  select w.id as "wId", w.name as "wName", w.locale as "wLocale", w.timezone as "wTimezone",
         w.reminder_hours as "wReminderHours", m.id as "mId", m.display_name as "mDisplayName",
         m.locale as "mLocale", m.platform_locale as "mPlatformLocale", m.timezone as "mTimezone", exists (select 1 from claim) as claimed
         ${voting ? `, ${PROPOSAL_COLUMNS}, ${voterColumns('m.id')}` : ''}
  from w left join members m on m.workspace_id = w.id and m.external_id = $3
  ${voting ? 'left join proposals p on p.workspace_id = w.id and p.number = $6' : ''}`;
const OPEN_SESSION = openSessionSql(false, true);
const OPEN_SESSION_VOTING = openSessionSql(true, true);
// A vote of a batch only checks its key here: the batch claims the keys of the votes it answers in one
// statement (IdempotencyRepo.claimMany), before it locks the workspace.
const OPEN_SESSION_VOTING_UNCLAIMED = openSessionSql(true, false);

interface SessionRow {
  wId: number;
  wName: string;
  wLocale: string;
  wTimezone: string;
  wReminderHours: number;
  mId: number | null;
  mDisplayName: string | null;
  mLocale: string | null;
  mPlatformLocale: string | null;
  mTimezone: string | null;
  claimed: boolean;
}

type SessionInput = Parameters<Tx['openSession']>[0];
type Opened = Awaited<ReturnType<Tx['openSession']>>;

/** The repositories a session touches: it creates what is missing through them and leaves them what it read. */
export interface SessionRepos {
  workspaces: DrizzleWorkspaces;
  members: DrizzleMembers;
  idempotency: DrizzleIdempotency;
  proposals: DrizzleProposals;
  outbox: DrizzleOutbox;
}

export class DrizzleSessions {
  constructor(
    private readonly db: Conn,
    private readonly sql: Statements,
    private readonly repos: SessionRepos,
  ) {}

  async open(input: SessionInput): Promise<Opened> {
    const opened = await this.rows(input);
    this.repos.outbox.requester = { memberId: opened.member.id, channelId: input.channelId ?? null };
    return opened;
  }

  private async rows(input: SessionInput): Promise<Opened> {
    const voting = input.prefetch?.proposalForVoter;
    const params: unknown[] = [input.platform, input.workspace.externalId, input.member.externalId, input.key, input.at.toISOString()];
    if (voting !== undefined) params.push(voting);
    if (voting === undefined && input.claim === false) throw new Error('only a vote opens its session without claiming its key');
    const text = voting === undefined ? OPEN_SESSION : input.claim === false ? OPEN_SESSION_VOTING_UNCLAIMED : OPEN_SESSION_VOTING;
    const [row] = await this.sql.rows<SessionRow & Partial<VoterRow>>(text, params);
    const reported = input.member.locale ?? null;
    if (!row) {
      const workspace = await this.repos.workspaces.ensure({ platform: input.platform, ...input.workspace, ...input.defaults, at: input.at });
      const member = await this.firstSight(workspace.id, input);
      const claimed = input.key !== null && (input.claim === false ? !(await this.repos.idempotency.used(workspace.id, input.key)) : await this.repos.idempotency.claim(workspace.id, input.key, input.at));
      return { workspace, member, claimed, platformLocale: reported };
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
      return { workspace, member: await this.firstSight(workspace.id, input), claimed: row.claimed, platformLocale: reported };
    }
    const member: Member = {
      id: row.mId,
      workspaceId: workspace.id,
      externalId: input.member.externalId,
      displayName: row.mDisplayName,
      locale: (row.mLocale as Locale | null) ?? null,
      timezone: row.mTimezone ?? null,
    };
    const patch: { displayName?: string; platformLocale?: string } = {};
    // As in ensureMember: a platform rename wins, a bare mention never overwrites a real name.
    if (!input.member.provisionalName && input.member.displayName !== input.member.externalId && member.displayName !== input.member.displayName) {
      patch.displayName = member.displayName = input.member.displayName;
    }
    if (reported && reported !== row.mPlatformLocale) patch.platformLocale = reported;
    if (patch.displayName !== undefined || patch.platformLocale !== undefined) await this.db.update(t.members).set(patch).where(eq(t.members.id, member.id));
    if (voting !== undefined) {
      this.repos.proposals.prefetchedForVoter(workspace.id, voting, member.id, row.id === null || row.id === undefined ? null : voterTarget(row as VoterRow));
    }
    return { workspace, member, claimed: row.claimed, platformLocale: reported ?? ((row.mPlatformLocale as Locale | null) ?? null) };
  }

  /** A member seen for the first time, with the language their platform reports when it does. */
  private async firstSight(workspaceId: number, input: SessionInput): Promise<Member> {
    const member = await this.repos.members.ensure({ workspaceId, externalId: input.member.externalId, displayName: input.member.displayName, at: input.at });
    if (input.member.locale) await this.db.update(t.members).set({ platformLocale: input.member.locale }).where(eq(t.members.id, member.id));
    return member;
  }
}
