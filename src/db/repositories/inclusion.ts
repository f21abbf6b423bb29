// Participation by sector in the database: counts grouped by declared sector in SQL (a proposal may have 10,000
// electors), the counts frozen at close, the threshold, and the once-only invitation to vote.
import { eq } from 'drizzle-orm';
import type { FrozenParticipation, GroupCounts, InclusionRepo } from '../../core/inclusion/ports.js';
import { THRESHOLD, UNDECLARED, type SectorCell, type SectorCounts } from '../../core/inclusion/participation.js';
import * as t from '../schema.js';
import type { Conn, Statements } from './rows.js';

const SECTOR = `coalesce(mp.sector, '${UNDECLARED}')`;

const PROPOSAL_COUNTS = `
  select ${SECTOR} as sector, count(*)::int as eligible, count(b.member_id)::int as participants
  from proposal_electorate e
  left join member_profiles mp on mp.member_id = e.member_id
  left join ballots b on b.proposal_id = e.proposal_id and b.member_id = e.member_id
  where e.proposal_id = $1
  group by 1`;

// The sectors come as one JSON array: one text parameter reads the same on postgres.js and PGlite.
const NON_VOTERS_IN = `
  select e.member_id as id
  from proposal_electorate e
  left join member_profiles mp on mp.member_id = e.member_id
  where e.proposal_id = $1
    and not exists (select 1 from ballots b where b.proposal_id = e.proposal_id and b.member_id = e.member_id)
    and ${SECTOR} in (select jsonb_array_elements_text($2::jsonb))
  order by e.member_id`;

const SINCE = (column: string) => `($2::timestamptz is null or ${column} >= $2::timestamptz)`;

// Each member once, however many proposals they could vote on: a member is not a bigger cell for voting often.
const GROUP_PROPOSALS = `
  with seats as (
    select e.member_id, bool_or(b.member_id is not null) as took
    from proposals p
    join proposal_electorate e on e.proposal_id = p.id
    left join ballots b on b.proposal_id = p.id and b.member_id = e.member_id
    where p.group_id = $1 and p.status <> 'withdrawn' and ${SINCE('p.created_at')}
    group by e.member_id
  )
  select ${SECTOR} as sector, count(*)::int as eligible, (count(*) filter (where s.took))::int as participants
  from seats s left join member_profiles mp on mp.member_id = s.member_id
  group by 1`;

const GROUP_PROPOSAL_COUNT = `select count(*)::int as n from proposals p where p.group_id = $1 and p.status <> 'withdrawn' and ${SINCE('p.created_at')}`;

const OWNED = `
  select 1 from commitment_owners o join commitments c on c.id = o.commitment_id
  where o.member_id = gm.member_id and o.accepted and c.group_id = $1 and c.status <> 'cancelled' and ${SINCE('c.created_at')}`;

const GROUP_COMMITMENTS = `
  select ${SECTOR} as sector, count(*)::int as eligible, (count(*) filter (where exists (${OWNED})))::int as participants
  from group_members gm left join member_profiles mp on mp.member_id = gm.member_id
  where gm.group_id = $1
  group by 1`;

const GROUP_COMMITMENT_COUNT = `select count(*)::int as n from commitments c where c.group_id = $1 and c.status <> 'cancelled' and ${SINCE('c.created_at')}`;

// Only mediations the group was told of, and never a confidential one: its parties are not named to the group, and
// a count that moved when it opened would tell their sectors.
const MEDIATION = `d.group_id = $1 and not d.confidential and d.status not in ('awaiting-consent', 'declined') and ${SINCE('d.created_at')}`;

const PARTY = `
  select 1 from dispute_parties dp join disputes d on d.id = dp.dispute_id
  where dp.member_id = gm.member_id and dp.consent = 'accepted' and ${MEDIATION}`;

const GROUP_MEDIATIONS = `
  select ${SECTOR} as sector, count(*)::int as eligible, (count(*) filter (where exists (${PARTY})))::int as participants
  from group_members gm left join member_profiles mp on mp.member_id = gm.member_id
  where gm.group_id = $1
  group by 1`;

const GROUP_MEDIATION_COUNT = `select count(*)::int as n from disputes d where ${MEDIATION}`;

interface CountRow {
  sector: SectorCell;
  eligible: number;
  participants: number;
}

const counts = (rows: CountRow[]): SectorCounts[] => rows.map((r) => ({ sector: r.sector, eligible: Number(r.eligible), participants: Number(r.participants) }));

export class DrizzleInclusion implements InclusionRepo {
  constructor(
    private readonly db: Conn,
    private readonly sql: Statements,
  ) {}

  async proposalCounts(proposalId: number): Promise<SectorCounts[]> {
    return counts(await this.sql.rows<CountRow>(PROPOSAL_COUNTS, [proposalId]));
  }

  async frozen(proposalId: number): Promise<FrozenParticipation | null> {
    const [row] = await this.db.select({ participation: t.proposals.participation }).from(t.proposals).where(eq(t.proposals.id, proposalId));
    return (row?.participation as FrozenParticipation | null | undefined) ?? null;
  }

  async freeze(proposalId: number, frozen: FrozenParticipation): Promise<void> {
    await this.sql.rows(`update proposals set participation = $2::jsonb where id = $1`, [proposalId, JSON.stringify(frozen)]);
  }

  async claimNudge(proposalId: number, at: Date): Promise<boolean> {
    const rows = await this.sql.rows(`update proposals set inclusion_nudged_at = $2 where id = $1 and inclusion_nudged_at is null returning id`, [proposalId, at.toISOString()]);
    return rows.length > 0;
  }

  async nonVotersIn(proposalId: number, sectors: readonly SectorCell[]): Promise<number[]> {
    if (sectors.length === 0) return [];
    const rows = await this.sql.rows<{ id: number }>(NON_VOTERS_IN, [proposalId, JSON.stringify(sectors)]);
    return rows.map((r) => Number(r.id));
  }

  async threshold(workspaceId: number): Promise<number> {
    const [row] = await this.db.select({ x: t.workspaces.inclusionThreshold }).from(t.workspaces).where(eq(t.workspaces.id, workspaceId));
    return row?.x ?? THRESHOLD.default;
  }

  async setThreshold(workspaceId: number, threshold: number): Promise<void> {
    await this.db.update(t.workspaces).set({ inclusionThreshold: threshold }).where(eq(t.workspaces.id, workspaceId));
  }

  async groupCounts(groupId: number, since: Date | null): Promise<{ proposals: GroupCounts; commitments: GroupCounts; mediations: GroupCounts }> {
    const params = [groupId, since?.toISOString() ?? null];
    const read = async (sectors: string, items: string): Promise<GroupCounts> => {
      const [rows, [n]] = await Promise.all([this.sql.rows<CountRow>(sectors, params), this.sql.rows<{ n: number }>(items, params)]);
      return { items: Number(n?.n ?? 0), sectors: counts(rows) };
    };
    const [proposals, commitments, mediations] = await Promise.all([
      read(GROUP_PROPOSALS, GROUP_PROPOSAL_COUNT),
      read(GROUP_COMMITMENTS, GROUP_COMMITMENT_COUNT),
      read(GROUP_MEDIATIONS, GROUP_MEDIATION_COUNT),
    ]);
    return { proposals, commitments, mediations };
  }
}
