// What private groups need from storage, inside the command's transaction: visibility and invitations.
import type { Member } from '../ports.js';

export const VISIBILITIES = ['open', 'private'] as const;
export type GroupVisibility = (typeof VISIBILITIES)[number];

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
   * `commitment:<n>`, `mediation:<n>` of the proposals, commitments and mediations filed under them.
   */
  subjectsOf(workspaceId: number, groupIds: readonly number[]): Promise<string[]>;
}
