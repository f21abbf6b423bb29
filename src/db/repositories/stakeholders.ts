// The stakeholder register's storage port implemented with drizzle.
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Rating } from '../../core/stakeholders/classify.js';
import type { LinkType, Sector, Stakeholder, StakeholderKind, StakeholderLink, StakeholderPatch, StakeholderRepo } from '../../core/stakeholders/ports.js';
import { anyOf, type Db, type DbTx } from '../client.js';
import * as t from '../schema.js';

const toStakeholder = ({ removedAt: _removed, ...r }: typeof t.stakeholders.$inferSelect): Stakeholder => ({
  ...r,
  kind: r.kind as StakeholderKind,
  sector: r.sector as Sector,
});

const toRating = (r: typeof t.stakeholderRatings.$inferSelect): Rating => ({ power: r.power, interest: r.interest, legitimacy: r.legitimacy, urgency: r.urgency });

const inRegister = isNull(t.stakeholders.removedAt);

export class DrizzleStakeholders implements StakeholderRepo {
  constructor(private readonly db: Db | DbTx) {}

  async nextNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextStakeholderNumber: sql`${t.workspaces.nextStakeholderNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextStakeholderNumber });
    return row!.next - 1;
  }

  async insert(input: Omit<Stakeholder, 'id'>): Promise<Stakeholder> {
    const [row] = await this.db.insert(t.stakeholders).values(input).returning();
    return toStakeholder(row!);
  }

  async find(workspaceId: number, number: number): Promise<Stakeholder | null> {
    const [row] = await this.db
      .select()
      .from(t.stakeholders)
      .where(and(eq(t.stakeholders.workspaceId, workspaceId), eq(t.stakeholders.number, number), inRegister));
    return row ? toStakeholder(row) : null;
  }

  async filedUnder(workspaceId: number, number: number): Promise<{ groupId: number | null } | null> {
    const [row] = await this.db
      .select({ groupId: t.stakeholders.groupId })
      .from(t.stakeholders)
      .where(and(eq(t.stakeholders.workspaceId, workspaceId), eq(t.stakeholders.number, number)));
    return row ?? null;
  }

  async findByName(workspaceId: number, name: string): Promise<Stakeholder | null> {
    const [row] = await this.db
      .select()
      .from(t.stakeholders)
      .where(and(eq(t.stakeholders.workspaceId, workspaceId), sql`lower(${t.stakeholders.name}) = lower(${name})`, inRegister));
    return row ? toStakeholder(row) : null;
  }

  async getMany(ids: readonly number[]): Promise<Stakeholder[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.select().from(t.stakeholders).where(and(anyOf(t.stakeholders.id, ids), inRegister));
    return rows.map(toStakeholder);
  }

  async list(workspaceId: number, f: { groupId?: number; excludeGroupIds?: readonly number[] }): Promise<Stakeholder[]> {
    const where = [eq(t.stakeholders.workspaceId, workspaceId), inRegister];
    if (f.groupId !== undefined) where.push(eq(t.stakeholders.groupId, f.groupId));
    if (f.excludeGroupIds?.length) where.push(sql`(${t.stakeholders.groupId} is null or not ${anyOf(t.stakeholders.groupId, f.excludeGroupIds)})`);
    const rows = await this.db
      .select()
      .from(t.stakeholders)
      .where(and(...where))
      .orderBy(asc(t.stakeholders.number))
      .limit(200);
    return rows.map(toStakeholder);
  }

  async update(id: number, patch: StakeholderPatch): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.update(t.stakeholders).set(patch).where(eq(t.stakeholders.id, id));
  }

  async remove(id: number, at: Date): Promise<void> {
    await this.db.update(t.stakeholders).set({ removedAt: at }).where(eq(t.stakeholders.id, id));
  }

  async rate(stakeholderId: number, memberId: number, rating: Rating, at: Date): Promise<void> {
    const values = { power: rating.power, interest: rating.interest, legitimacy: rating.legitimacy, urgency: rating.urgency, ratedAt: at };
    await this.db
      .insert(t.stakeholderRatings)
      .values({ stakeholderId, memberId, ...values })
      .onConflictDoUpdate({ target: [t.stakeholderRatings.stakeholderId, t.stakeholderRatings.memberId], set: values });
  }

  async ratingBy(stakeholderId: number, memberId: number): Promise<Rating | null> {
    const [row] = await this.db
      .select()
      .from(t.stakeholderRatings)
      .where(and(eq(t.stakeholderRatings.stakeholderId, stakeholderId), eq(t.stakeholderRatings.memberId, memberId)));
    return row ? toRating(row) : null;
  }

  async ratings(stakeholderId: number): Promise<Rating[]> {
    const rows = await this.db.select().from(t.stakeholderRatings).where(eq(t.stakeholderRatings.stakeholderId, stakeholderId));
    return rows.map(toRating);
  }

  async ratingsOfMany(ids: readonly number[]): Promise<Map<number, Rating[]>> {
    const byStakeholder = new Map<number, Rating[]>();
    if (ids.length === 0) return byStakeholder;
    const rows = await this.db.select().from(t.stakeholderRatings).where(anyOf(t.stakeholderRatings.stakeholderId, ids));
    for (const row of rows) {
      const list = byStakeholder.get(row.stakeholderId) ?? [];
      list.push(toRating(row));
      byStakeholder.set(row.stakeholderId, list);
    }
    return byStakeholder;
  }

  async link(link: StakeholderLink, by: number, at: Date): Promise<boolean> {
    const rows = await this.db
      .insert(t.stakeholderLinks)
      .values({ ...link, createdBy: by, createdAt: at })
      .onConflictDoNothing()
      .returning({ id: t.stakeholderLinks.id });
    return rows.length > 0;
  }

  async links(stakeholderId: number): Promise<StakeholderLink[]> {
    const rows = await this.db
      .select()
      .from(t.stakeholderLinks)
      .where(or(eq(t.stakeholderLinks.fromId, stakeholderId), eq(t.stakeholderLinks.toId, stakeholderId)))
      .orderBy(asc(t.stakeholderLinks.id));
    return rows.map((r) => ({ fromId: r.fromId, toId: r.toId, type: r.type as LinkType, source: r.source }));
  }
}
