// Pools of money a group shares out (P-1), the buckets that ask them for funds (B-4) and members' allocations, as stored; and what the pools module needs from storage.
import type { Sector } from '../stakeholders/ports.js';

export const POOL_RULES = ['crowdfund', 'equal-shares', 'quadratic'] as const;
export type PoolRule = (typeof POOL_RULES)[number];
export type PoolStatus = 'open' | 'closed';

export interface Pool {
  id: number;
  workspaceId: number;
  /** Shown as `P-<number>`. */
  number: number;
  groupId: number;
  name: string;
  /** ISO 4217; every amount of the pool is in its minor units. */
  currency: string;
  totalMinor: number;
  rule: PoolRule;
  perMemberMinor: number | null;
  capPerBucketMinor: number | null;
  matchingCapShare: number | null;
  /** Target share of the allocation per sector, 0–1. */
  targetShares: Partial<Record<Sector, number>> | null;
  closesAt: Date | null;
  status: PoolStatus;
  result: PoolResult | null;
  channelId: string;
  createdBy: number;
  createdAt: Date;
  closedAt: Date | null;
}

export interface PoolMember {
  poolId: number;
  memberId: number;
  grantMinor: number;
  /** Frozen at close; null while open or when the member declared none. */
  sector: string | null;
}

export interface Bucket {
  id: number;
  workspaceId: number;
  poolId: number;
  /** Shown as `B-<number>`. */
  number: number;
  title: string;
  body: string | null;
  minMinor: number;
  maxMinor: number;
  ownerId: number;
  fundedMinor: number | null;
  createdBy: number;
  createdAt: Date;
}

export interface AllocationRow {
  poolId: number;
  bucketId: number;
  memberId: number;
  amountMinor: number;
  approved: boolean;
  updatedAt: Date;
}

/** The frozen outcome of a closed pool, as the result card shows it. */
export interface PoolResult {
  funded: { bucket: number; title: string; amount: number; ownerId: number; matching?: number }[];
  notFunded: { bucket: number; title: string }[];
  totals: {
    total: number;
    /** What went to funded buckets, matching included. */
    funded: number;
    /** What stays with the group: unfunded buckets' money, unspent balances, leftover budget or matching. */
    returned: number;
  };
  fairness: {
    bySector: { sector: string; members: number; amount: number; share: number; target: number | null }[];
    giniMembers: number;
    giniSectors: number;
    allocatedNothing: number[];
  };
}

export interface PoolRepo {
  nextPoolNumber(workspaceId: number): Promise<number>;
  nextBucketNumber(workspaceId: number): Promise<number>;
  insertPool(pool: Omit<Pool, 'id' | 'status' | 'result' | 'closedAt'>): Promise<Pool>;
  findPool(workspaceId: number, number: number): Promise<Pool | null>;
  getPool(id: number): Promise<Pool | null>;
  /** Newest first; `excludeGroupIds` leaves out groups the reader may not see. */
  listPools(workspaceId: number, filter: { groupIds?: readonly number[]; excludeGroupIds?: readonly number[] }): Promise<Pool[]>;
  closePool(id: number, result: PoolResult, at: Date): Promise<void>;
  addMembers(rows: readonly PoolMember[]): Promise<void>;
  membersOf(poolId: number): Promise<PoolMember[]>;
  freezeSectors(poolId: number, sectors: ReadonlyMap<number, string | null>): Promise<void>;
  insertBucket(bucket: Omit<Bucket, 'id' | 'fundedMinor'>): Promise<Bucket>;
  findBucket(workspaceId: number, number: number): Promise<Bucket | null>;
  bucketsOf(poolId: number): Promise<Bucket[]>;
  setFunded(bucketId: number, amount: number): Promise<void>;
  allocationsOf(poolId: number): Promise<AllocationRow[]>;
  /** Writes the member's allocation to the bucket; a row with nothing in it and no approval is removed. */
  putAllocation(row: AllocationRow): Promise<void>;
}
