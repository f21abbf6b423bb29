// Groups, their memberships, and what private groups need from storage: visibility and invitations.
import type { Member } from '../members/ports.js';
import type { TieMode } from '../proposals/rules/types.js';

export const GROUP_KINDS = ['working-group', 'task-force', 'committee'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const ROLES = ['convener', 'mediator', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const VISIBILITIES = ['open', 'private'] as const;
export type GroupVisibility = (typeof VISIBILITIES)[number];

export interface Group {
  id: number;
  workspaceId: number;
  name: string;
  kind: GroupKind;
  channelId: string;
  channelName: string | null;
  /** Private groups are read and joined only by their members and invitees (see groups/visibility). */
  visibility: GroupVisibility;
  createdBy: number;
  createdAt: Date;
  /** How the group's ranked-choice proposals settle ties by default (lot when unset). */
  rankedTies?: TieMode;
}

export interface GroupSummary extends Group {
  memberCount: number;
}

export interface GroupMembership {
  member: Member;
  role: Role;
}

export interface GroupRepo {
  /** Null when the workspace already has a group of that name. */
  create(input: Omit<Group, 'id'>): Promise<Group | null>;
  findByName(workspaceId: number, name: string): Promise<Group | null>;
  findByChannel(workspaceId: number, channelId: string): Promise<Group | null>;
  get(id: number): Promise<Group>;
  list(workspaceId: number): Promise<GroupSummary[]>;
  ofMember(memberId: number): Promise<(Group & { role: Role })[]>;
  roleIn(groupId: number, memberId: number): Promise<Role | null>;
  /** Locks the group's row until the transaction ends, so that checks on its memberships and the changes they allow are not interleaved. */
  lock(groupId: number): Promise<void>;
  setMembership(groupId: number, memberId: number, role: Role, at: Date): Promise<void>;
  removeMembership(groupId: number, memberId: number): Promise<void>;
  members(groupId: number): Promise<GroupMembership[]>;
  setRankedTies(groupId: number, ties: TieMode): Promise<void>;
}

export interface GroupAccessRepo {
  setVisibility(groupId: number, visibility: GroupVisibility): Promise<void>;
  /** False when the member was already invited. */
  invite(groupId: number, memberId: number, invitedBy: number, at: Date): Promise<boolean>;
  /** False when there was no invitation to revoke. */
  revoke(groupId: number, memberId: number): Promise<boolean>;
  /** Drops every invitation to the group (it became open, so they mean nothing). */
  revokeAll(groupId: number): Promise<number>;
  isInvited(groupId: number, memberId: number): Promise<boolean>;
  invitees(groupId: number): Promise<Member[]>;
  /** True when the member is in the group, in any role, or invited to it. */
  isMemberOrInvited(groupId: number, memberId: number): Promise<boolean>;
  /**
   * The private groups of the workspace the member is neither in nor invited to, with their channels:
   * one query, for filtering lists.
   */
  privateGroupsClosedTo(workspaceId: number, memberId: number): Promise<{ id: number; channelId: string }[]>;
  /**
   * The audit subjects that belong to these groups: `group:<id>`, and `proposal:<n>`,
   * `commitment:<n>`, `mediation:<n>`, `stakeholder:<n>`, `goal:<n>`, `retro:<n>` of the proposals, commitments,
   * mediations, stakeholders, goals and retrospectives filed under them.
   */
  subjectsOf(workspaceId: number, groupIds: readonly number[]): Promise<string[]>;
}
