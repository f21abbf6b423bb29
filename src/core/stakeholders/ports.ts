// What the stakeholder register needs from storage, inside the command's transaction.
import type { Rating } from './classify.js';

export const STAKEHOLDER_KINDS = ['organisation', 'person', 'community'] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];
export const SECTORS = ['government', 'nonprofit', 'business', 'community', 'academia', 'other'] as const;
export type Sector = (typeof SECTORS)[number];
export const LINK_TYPES = ['funds', 'regulates', 'partners', 'represents', 'serves'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface Stakeholder {
  id: number;
  workspaceId: number;
  /** Shown as `S-<number>`. */
  number: number;
  name: string;
  kind: StakeholderKind;
  sector: Sector;
  groupId: number | null;
  contactId: number | null;
  note: string | null;
  createdBy: number;
  createdAt: Date;
}

export interface StakeholderLink {
  fromId: number;
  toId: number;
  type: LinkType;
  source: string | null;
}

export type StakeholderPatch = Partial<Pick<Stakeholder, 'name' | 'kind' | 'sector' | 'groupId' | 'contactId' | 'note'>>;

export interface StakeholderRepo {
  nextNumber(workspaceId: number): Promise<number>;
  insert(input: Omit<Stakeholder, 'id'>): Promise<Stakeholder>;
  /** Removed stakeholders are not found. */
  find(workspaceId: number, number: number): Promise<Stakeholder | null>;
  /** The group a stakeholder is filed under, removed ones included; null when there never was one of that number. */
  filedUnder(workspaceId: number, number: number): Promise<{ groupId: number | null } | null>;
  /** A stakeholder still in the register with this name, whatever its case. */
  findByName(workspaceId: number, name: string): Promise<Stakeholder | null>;
  getMany(ids: readonly number[]): Promise<Stakeholder[]>;
  /** Those in the register, by number; `excludeGroupIds` leaves out those filed under groups the reader may not read. */
  list(workspaceId: number, filter: { groupId?: number; excludeGroupIds?: readonly number[] }): Promise<Stakeholder[]>;
  update(id: number, patch: StakeholderPatch): Promise<void>;
  remove(id: number, at: Date): Promise<void>;
  /** Replaces the member's earlier rating, if any. */
  rate(stakeholderId: number, memberId: number, rating: Rating, at: Date): Promise<void>;
  /** The member's own rating, for telling a repeat from a change. */
  ratingBy(stakeholderId: number, memberId: number): Promise<Rating | null>;
  ratings(stakeholderId: number): Promise<Rating[]>;
  ratingsOfMany(ids: readonly number[]): Promise<Map<number, Rating[]>>;
  /** False when the same link was there already. */
  link(link: StakeholderLink, by: number, at: Date): Promise<boolean>;
  /** Links from or to the stakeholder. */
  links(stakeholderId: number): Promise<StakeholderLink[]>;
}
