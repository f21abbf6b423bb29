// Pledges, implemented with drizzle.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Pledge, PledgeFilter, PledgeKind, PledgePool, PledgeRepo, PledgeStatus } from '../../core/resources/pledge-ports.js';
import { anyOf, type Db, type DbTx } from '../client.js';
import * as t from '../schema.js';

const toPledge = (r: typeof t.pledges.$inferSelect): Pledge => ({ ...r, kind: r.kind as PledgeKind, status: r.status as PledgeStatus });

export class DrizzlePledges implements PledgeRepo {
  constructor(private readonly db: Db | DbTx) {}

  async nextNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextPledgeNumber: sql`${t.workspaces.nextPledgeNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextPledgeNumber });
    return row!.next - 1;
  }

  async insert(pledge: Omit<Pledge, 'id'>): Promise<Pledge> {
    const [row] = await this.db.insert(t.pledges).values(pledge).returning();
    return toPledge(row!);
  }

  async find(workspaceId: number, number: number): Promise<Pledge | null> {
    const [row] = await this.db
      .select()
      .from(t.pledges)
      .where(and(eq(t.pledges.workspaceId, workspaceId), eq(t.pledges.number, number)));
    return row ? toPledge(row) : null;
  }

  async byCommitment(commitmentId: number): Promise<Pledge | null> {
    const [row] = await this.db.select().from(t.pledges).where(eq(t.pledges.commitmentId, commitmentId)).limit(1);
    return row ? toPledge(row) : null;
  }

  async list(workspaceId: number, f: PledgeFilter): Promise<Pledge[]> {
    const where = [eq(t.pledges.workspaceId, workspaceId)];
    if (f.groupIds) where.push(anyOf(t.pledges.groupId, f.groupIds));
    // A pledge to the whole workspace has no group: `not (null in ...)` would drop it.
    if (f.excludeGroupIds?.length) where.push(sql`(${t.pledges.groupId} is null or not ${anyOf(t.pledges.groupId, f.excludeGroupIds)})`);
    if (f.ownerId !== undefined) where.push(eq(t.pledges.ownerId, f.ownerId));
    if (f.status?.length) where.push(sql`${t.pledges.status} in (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})`);
    const rows = await this.db
      .select()
      .from(t.pledges)
      .where(and(...where))
      .orderBy(asc(t.pledges.number))
      .limit(500);
    return rows.map(toPledge);
  }

  async update(id: number, patch: Partial<Pick<Pledge, 'status' | 'evidence' | 'doneAt' | 'commitmentId'>>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.update(t.pledges).set(patch).where(eq(t.pledges.id, id));
  }

  async findPool(workspaceId: number, number: number): Promise<PledgePool | null> {
    const [row] = await this.db
      .select({ id: t.pools.id, number: t.pools.number, groupId: t.pools.groupId, name: t.pools.name, currency: t.pools.currency, status: t.pools.status })
      .from(t.pools)
      .where(and(eq(t.pools.workspaceId, workspaceId), eq(t.pools.number, number)));
    return row ?? null;
  }

  async poolNumbers(ids: readonly number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.select({ id: t.pools.id, number: t.pools.number }).from(t.pools).where(anyOf(t.pools.id, ids));
    return new Map(rows.map((r) => [r.id, r.number]));
  }
}
