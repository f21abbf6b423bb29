// What members' profiles need from storage, inside the command's transaction.
import type { Sector } from '../stakeholders/ports.js';

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
