// What members' profiles need from storage, inside the command's transaction.
import type { Sector } from '../stakeholders/ports.js';
import type { SectorCell, SectorCounts } from './participation.js';

/** What a member declared about themselves; seen only by them. */
export interface MemberProfile {
  memberId: number;
  workspaceId: number;
  sector: Sector | null;
  /** The stakeholder (its row id) the member represents. */
  representsId: number | null;
  identities: string[];
  updatedAt: Date;
}

export interface ProfileRepo {
  get(memberId: number): Promise<MemberProfile | null>;
  /** Creates or replaces the member's profile. */
  save(profile: MemberProfile): Promise<void>;
  /** False when there was nothing to remove. */
  clear(memberId: number): Promise<boolean>;
  /** How many members say they represent the stakeholder. */
  countRepresenting(stakeholderId: number): Promise<number>;
  /** The sector each of these members declared; a member without one (or without a profile) is absent. */
  sectorsOf(memberIds: readonly number[]): Promise<Map<number, Sector>>;
  /** The workspace's minimum cell: counts below it are shown only as "fewer than". */
  minCell(workspaceId: number): Promise<number>;
  setMinCell(workspaceId: number, n: number): Promise<void>;
}

/**
 * A proposal's participation frozen at close: raw counts per sector (shown only through participationOf, with the
 * minimum cell in force when read) and the threshold and sectors below it at that moment, so the result never changes
 * when profiles or the threshold change later. Stored compactly: `[sector, eligible, participants]` rows.
 */
export interface FrozenParticipation {
  sectors: [SectorCell, number, number][];
  threshold: number;
  below: SectorCell[];
}

/** Per-sector counts for a group's report: how many records there were, and members by sector among them. */
export interface GroupCounts {
  /** How many proposals, commitments or mediations were counted. */
  items: number;
  sectors: SectorCounts[];
}

/** What participation by sector needs from storage; counts are made in the database, never a row per member. */
export interface InclusionRepo {
  /** The proposal's electorate by declared sector, with how many of each cast a ballot. */
  proposalCounts(proposalId: number): Promise<SectorCounts[]>;
  frozen(proposalId: number): Promise<FrozenParticipation | null>;
  freeze(proposalId: number, frozen: FrozenParticipation): Promise<void>;
  /** Marks the proposal's invitation as sent; false when it already was (the invitation goes once). */
  claimNudge(proposalId: number, at: Date): Promise<boolean>;
  /** Members of the electorate without a ballot whose declared sector (undeclared included) is one of these. */
  nonVotersIn(proposalId: number, sectors: readonly SectorCell[]): Promise<number[]>;
  threshold(workspaceId: number): Promise<number>;
  setThreshold(workspaceId: number, threshold: number): Promise<void>;
  /**
   * A group's record since a moment: members eligible on its proposals and those who voted on at least one (each
   * member once); its members and those who own at least one of its commitments; its members and those who were a
   * party to one of its announced, not confidential, mediations.
   */
  groupCounts(groupId: number, since: Date | null): Promise<{ proposals: GroupCounts; commitments: GroupCounts; mediations: GroupCounts }>;
}
