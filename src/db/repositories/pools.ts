// Pools, their members' grants, buckets and allocations, implemented with drizzle.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AllocationRow, Bucket, Pool, PoolMember, PoolRepo, PoolResult, PoolRule, PoolStatus } from '../../core/resources/pool-ports.js';
import { anyOf, type Db, type DbTx } from '../client.js';
import * as t from '../schema.js';

const toPool = ({ messageRef: _ref, ...r }: typeof t.pools.$inferSelect): Pool => ({
  ...r,
  rule: r.rule as PoolRule,
  status: r.status as PoolStatus,
  targetShares: (r.targetShares as Pool['targetShares']) ?? null,
  result: (r.result as PoolResult | null) ?? null,
});
const toBucket = ({ commitmentId: _c, ...r }: typeof t.buckets.$inferSelect): Bucket => r;

export class DrizzlePools implements PoolRepo {
  constructor(private readonly db: Db | DbTx) {}

  async nextPoolNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextPoolNumber: sql`${t.workspaces.nextPoolNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextPoolNumber });
    return row!.next - 1;
  }

  async nextBucketNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextBucketNumber: sql`${t.workspaces.nextBucketNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextBucketNumber });
    return row!.next - 1;
  }

  async insertPool(pool: Omit<Pool, 'id' | 'status' | 'result' | 'closedAt'>): Promise<Pool> {
    const [row] = await this.db.insert(t.pools).values(pool).returning();
    return toPool(row!);
  }

  async findPool(workspaceId: number, number: number): Promise<Pool | null> {
    const [row] = await this.db
      .select()
      .from(t.pools)
      .where(and(eq(t.pools.workspaceId, workspaceId), eq(t.pools.number, number)));
    return row ? toPool(row) : null;
  }

  async getPool(id: number): Promise<Pool | null> {
    const [row] = await this.db.select().from(t.pools).where(eq(t.pools.id, id));
    return row ? toPool(row) : null;
  }

  async listPools(workspaceId: number, f: { groupIds?: readonly number[]; excludeGroupIds?: readonly number[] }): Promise<Pool[]> {
    const where = [eq(t.pools.workspaceId, workspaceId)];
    if (f.groupIds) where.push(anyOf(t.pools.groupId, f.groupIds));
    if (f.excludeGroupIds?.length) where.push(sql`not ${anyOf(t.pools.groupId, f.excludeGroupIds)}`);
    const rows = await this.db
      .select()
      .from(t.pools)
      .where(and(...where))
      .orderBy(desc(t.pools.number))
      .limit(100);
    return rows.map(toPool);
  }

  async closePool(id: number, result: PoolResult, at: Date): Promise<void> {
    await this.db.update(t.pools).set({ status: 'closed', result, closedAt: at }).where(eq(t.pools.id, id));
  }

  async addMembers(rows: readonly PoolMember[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insert(t.poolMembers).values([...rows]);
  }

  async membersOf(poolId: number): Promise<PoolMember[]> {
    return this.db.select().from(t.poolMembers).where(eq(t.poolMembers.poolId, poolId)).orderBy(asc(t.poolMembers.memberId));
  }

  async freezeSectors(poolId: number, sectors: ReadonlyMap<number, string | null>): Promise<void> {
    for (const [memberId, sector] of sectors) {
      await this.db
        .update(t.poolMembers)
        .set({ sector })
        .where(and(eq(t.poolMembers.poolId, poolId), eq(t.poolMembers.memberId, memberId)));
    }
  }

  async insertBucket(bucket: Omit<Bucket, 'id' | 'fundedMinor'>): Promise<Bucket> {
    const [row] = await this.db.insert(t.buckets).values(bucket).returning();
    return toBucket(row!);
  }

  async findBucket(workspaceId: number, number: number): Promise<Bucket | null> {
    const [row] = await this.db
      .select()
      .from(t.buckets)
      .where(and(eq(t.buckets.workspaceId, workspaceId), eq(t.buckets.number, number)));
    return row ? toBucket(row) : null;
  }

  async bucketsOf(poolId: number): Promise<Bucket[]> {
    return (await this.db.select().from(t.buckets).where(eq(t.buckets.poolId, poolId)).orderBy(asc(t.buckets.id))).map(toBucket);
  }

  async setFunded(bucketId: number, amount: number): Promise<void> {
    await this.db.update(t.buckets).set({ fundedMinor: amount }).where(eq(t.buckets.id, bucketId));
  }

  async allocationsOf(poolId: number): Promise<AllocationRow[]> {
    return this.db.select().from(t.allocations).where(eq(t.allocations.poolId, poolId)).orderBy(asc(t.allocations.bucketId), asc(t.allocations.memberId));
  }

  async putAllocation(row: AllocationRow): Promise<void> {
    const key = and(eq(t.allocations.bucketId, row.bucketId), eq(t.allocations.memberId, row.memberId));
    if (row.amountMinor === 0 && !row.approved) {
      await this.db.delete(t.allocations).where(key);
      return;
    }
    await this.db
      .insert(t.allocations)
      .values(row)
      .onConflictDoUpdate({ target: [t.allocations.bucketId, t.allocations.memberId], set: { amountMinor: row.amountMinor, approved: row.approved, updatedAt: row.updatedAt } });
  }
}
