// Pledges as stored, and what the pledges module needs from storage, inside the command's transaction.

export const PLEDGE_KINDS = ['money', 'time', 'in-kind'] as const;
export type PledgeKind = (typeof PLEDGE_KINDS)[number];
export type PledgeStatus = 'open' | 'done' | 'cancelled';

/** What a member brings: money (integer minor units of `currency`), hours, or a thing (`item`). */
export interface Pledge {
  id: number;
  workspaceId: number;
  /** Shown as `PL-<number>`. */
  number: number;
  /** Null: the pledge is to the whole workspace. */
  groupId: number | null;
  ownerId: number;
  what: string;
  kind: PledgeKind;
  amountMinor: number | null;
  currency: string | null;
  hours: number | null;
  item: string | null;
  poolId: number | null;
  dueAt: Date | null;
  /** The owner's commitment that reminds them, when the pledge has a due date. */
  commitmentId: number | null;
  status: PledgeStatus;
  evidence: string | null;
  createdAt: Date;
  doneAt: Date | null;
}

/** The little a pledge needs to know of a pool: whose it is and in which currency it counts. */
export interface PledgePool {
  id: number;
  number: number;
  groupId: number;
  name: string;
  currency: string;
  status: string;
}

export interface PledgeFilter {
  groupIds?: readonly number[];
  /** Leaves out pledges filed under these groups (private groups the reader may not see). */
  excludeGroupIds?: readonly number[];
  ownerId?: number;
  status?: readonly PledgeStatus[];
}

export interface PledgeRepo {
  nextNumber(workspaceId: number): Promise<number>;
  insert(pledge: Omit<Pledge, 'id'>): Promise<Pledge>;
  find(workspaceId: number, number: number): Promise<Pledge | null>;
  /** The pledge a commitment reminds its owner of, if any. */
  byCommitment(commitmentId: number): Promise<Pledge | null>;
  /** Oldest first, at most 500. */
  list(workspaceId: number, filter: PledgeFilter): Promise<Pledge[]>;
  update(id: number, patch: Partial<Pick<Pledge, 'status' | 'evidence' | 'doneAt' | 'commitmentId'>>): Promise<void>;
  /** A pool by its number (`P-<n>`), read here so that pledges do not depend on the pools module. */
  findPool(workspaceId: number, number: number): Promise<PledgePool | null>;
  /** Pool numbers by id, for showing `P-<n>`. */
  poolNumbers(ids: readonly number[]): Promise<Map<number, number>>;
}
