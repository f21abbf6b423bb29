// What the commitments module needs from storage, inside the command's transaction.
import type { Member } from '../members/ports.js';

/** `pending` until every owner named by someone else has accepted; `declined` when one of them said no. */
export type CommitmentStatus = 'pending' | 'declined' | 'open' | 'blocked' | 'done' | 'cancelled';

export interface Commitment {
  id: number;
  workspaceId: number;
  number: number;
  groupId: number | null;
  proposalId: number | null;
  /** The shared goal it works toward: its kept commitments are thanked when the goal's targets are reached. */
  goalId: number | null;
  what: string;
  dueAt: Date;
  status: CommitmentStatus;
  reminders: string[] | null;
  createdBy: number;
  createdAt: Date;
  doneAt: Date | null;
  note: string | null;
  blockedReason: string | null;
  channelId: string;
}

export interface CommitmentFilter {
  status?: CommitmentStatus[];
  ownerId?: number;
  groupId?: number;
  /** Leaves out the commitments of these groups (private groups the reader may not see). */
  excludeGroupIds?: readonly number[];
  dueBefore?: Date;
  dueAfter?: Date;
  doneAfter?: Date;
  limit?: number;
}

export interface MemberRecord {
  memberId: number;
  displayName: string;
  onTime: number;
  late: number;
  missed: number;
  open: number;
}

export interface CommitmentSettings {
  reminders: string[];
  quietFrom: number;
  quietTo: number;
  escalationHours: number;
}

export interface GroupCommitmentSettings {
  reminders: string[] | null;
  digestDay: number;
  digestHour: number;
  /** Post a digest with nothing in it rather than skip it. */
  digestEmpty: boolean;
}

export interface CommitmentRepo {
  nextNumber(workspaceId: number): Promise<number>;
  /** `pendingIds` are owners who still have to accept. */
  insert(input: Omit<Commitment, 'id' | 'doneAt' | 'note' | 'blockedReason'>, ownerIds: number[], pendingIds?: number[]): Promise<Commitment>;
  /** Owners who have not accepted yet. */
  pendingOwners(id: number): Promise<number[]>;
  accept(id: number, memberId: number): Promise<void>;
  find(workspaceId: number, number: number): Promise<Commitment | null>;
  get(id: number): Promise<Commitment | null>;
  owners(id: number): Promise<Member[]>;
  getMany(ids: number[]): Promise<Commitment[]>;
  /** Owners of many commitments at once, by commitment id. */
  ownersOfMany(ids: number[]): Promise<Map<number, Member[]>>;
  update(id: number, patch: Partial<Pick<Commitment, 'dueAt' | 'status' | 'doneAt' | 'note' | 'blockedReason'>>): Promise<void>;
  list(workspaceId: number, filter: CommitmentFilter): Promise<Commitment[]>;
  /** Per owner: done on time, done late, past due and not done, still open. Cancelled ones don't count. */
  records(workspaceId: number, groupId: number | null, now: Date, excludeGroupIds?: readonly number[]): Promise<MemberRecord[]>;
  /** Cancels every pending job of the commitment (reminders, overdue notice, escalation). */
  cancelJobs(id: number): Promise<void>;
  settings(workspaceId: number): Promise<CommitmentSettings>;
  updateSettings(workspaceId: number, patch: Partial<CommitmentSettings>): Promise<void>;
  groupSettings(groupId: number): Promise<GroupCommitmentSettings>;
  updateGroupSettings(groupId: number, patch: Partial<GroupCommitmentSettings>): Promise<void>;
}
