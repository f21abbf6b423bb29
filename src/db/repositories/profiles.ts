// Members' profiles and the workspace's minimum cell, in drizzle.
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { anyOf } from '../client.js';
import type { MemberProfile, ProfileRepo } from '../../core/inclusion/ports.js';
import { MIN_CELL } from '../../core/inclusion/participation.js';
import type { Sector } from '../../core/stakeholders/ports.js';
import * as t from '../schema.js';
import type { Conn } from './rows.js';

export class DrizzleProfiles implements ProfileRepo {
  constructor(private readonly db: Conn) {}

  async get(memberId: number): Promise<MemberProfile | null> {
    const [row] = await this.db.select().from(t.memberProfiles).where(eq(t.memberProfiles.memberId, memberId));
    return row ? { ...row, sector: row.sector as Sector | null } : null;
  }

  async save(p: MemberProfile): Promise<void> {
    const values = { sector: p.sector, representsId: p.representsId, identities: p.identities, updatedAt: p.updatedAt };
    await this.db
      .insert(t.memberProfiles)
      .values({ memberId: p.memberId, workspaceId: p.workspaceId, ...values })
      .onConflictDoUpdate({ target: t.memberProfiles.memberId, set: values });
  }

  async clear(memberId: number): Promise<boolean> {
    const rows = await this.db.delete(t.memberProfiles).where(eq(t.memberProfiles.memberId, memberId)).returning({ id: t.memberProfiles.memberId });
    return rows.length > 0;
  }

  async countRepresenting(stakeholderId: number): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(t.memberProfiles).where(eq(t.memberProfiles.representsId, stakeholderId));
    return row?.n ?? 0;
  }

  async sectorsOf(memberIds: readonly number[]): Promise<Map<number, Sector>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.db
      .select({ memberId: t.memberProfiles.memberId, sector: t.memberProfiles.sector })
      .from(t.memberProfiles)
      .where(and(anyOf(t.memberProfiles.memberId, memberIds), isNotNull(t.memberProfiles.sector)));
    return new Map(rows.map((r) => [r.memberId, r.sector as Sector]));
  }

  async minCell(workspaceId: number): Promise<number> {
    const [row] = await this.db.select({ n: t.workspaces.inclusionMinCell }).from(t.workspaces).where(eq(t.workspaces.id, workspaceId));
    return row?.n ?? MIN_CELL.default;
  }

  async setMinCell(workspaceId: number, n: number): Promise<void> {
    await this.db.update(t.workspaces).set({ inclusionMinCell: n }).where(eq(t.workspaces.id, workspaceId));
  }
}
