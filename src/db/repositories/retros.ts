// Retrospectives, their items and dot votes, and kudos, implemented with drizzle.
import { and, asc, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Kudos, KudosRepo, Retro, RetroItem, RetroRepo, RetroSettings, RetroStatus, RetroVote } from '../../core/retros/ports.js';
import type { TemplateId } from '../../core/retros/templates.js';
import { anyOf, type Db, type DbTx } from '../client.js';
import * as t from '../schema.js';

const toRetro = (r: typeof t.retros.$inferSelect): Retro => ({ ...r, template: r.template as TemplateId, status: r.status as RetroStatus });

export class DrizzleRetros implements RetroRepo {
  constructor(private readonly db: Db | DbTx) {}

  async nextNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextRetroNumber: sql`${t.workspaces.nextRetroNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextRetroNumber });
    return row!.next - 1;
  }

  async insert(retro: Omit<Retro, 'id'>): Promise<Retro> {
    const [row] = await this.db.insert(t.retros).values(retro).returning();
    return toRetro(row!);
  }

  async find(workspaceId: number, number: number): Promise<Retro | null> {
    const [row] = await this.db
      .select()
      .from(t.retros)
      .where(and(eq(t.retros.workspaceId, workspaceId), eq(t.retros.number, number)));
    return row ? toRetro(row) : null;
  }

  async get(id: number): Promise<Retro | null> {
    const [row] = await this.db.select().from(t.retros).where(eq(t.retros.id, id));
    return row ? toRetro(row) : null;
  }

  async list(workspaceId: number, f: { groupIds?: readonly number[]; excludeGroupIds?: readonly number[]; limit: number }): Promise<Retro[]> {
    const where = [eq(t.retros.workspaceId, workspaceId)];
    if (f.groupIds) where.push(anyOf(t.retros.groupId, f.groupIds));
    if (f.excludeGroupIds?.length) where.push(sql`not ${anyOf(t.retros.groupId, f.excludeGroupIds)}`);
    const rows = await this.db
      .select()
      .from(t.retros)
      .where(and(...where))
      .orderBy(desc(t.retros.number))
      .limit(f.limit);
    return rows.map(toRetro);
  }

  async previous(retro: Retro): Promise<Retro | null> {
    const [row] = await this.db
      .select()
      .from(t.retros)
      .where(and(eq(t.retros.groupId, retro.groupId), lt(t.retros.number, retro.number)))
      .orderBy(desc(t.retros.number))
      .limit(1);
    return row ? toRetro(row) : null;
  }

  async update(id: number, patch: Partial<Pick<Retro, 'status' | 'closedAt'>>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.update(t.retros).set(patch).where(eq(t.retros.id, id));
  }

  async carryable(groupId: number): Promise<RetroItem[]> {
    const later = sql`exists (select 1 from ${t.retroItems} c where c.carried_from_id = ${t.retroItems.id})`;
    const rows = await this.db
      .select({ item: t.retroItems })
      .from(t.retroItems)
      .innerJoin(t.retros, eq(t.retros.id, t.retroItems.retroId))
      .where(and(eq(t.retros.groupId, groupId), eq(t.retros.status, 'closed'), eq(t.retroItems.discussed, false), sql`not ${later}`))
      .orderBy(asc(t.retros.number), asc(t.retroItems.number));
    return rows.map((r) => r.item);
  }

  async insertItem(item: Omit<RetroItem, 'id' | 'number'>): Promise<RetroItem> {
    // Numbered within the retro; the command holds the workspace's lock, so two items never take the same number.
    const number = sql`(select coalesce(max(${t.retroItems.number}), 0) + 1 from ${t.retroItems} where ${t.retroItems.retroId} = ${item.retroId})`;
    const [row] = await this.db
      .insert(t.retroItems)
      .values({ ...item, number })
      .returning();
    return row!;
  }

  async items(retroId: number): Promise<RetroItem[]> {
    return this.db.select().from(t.retroItems).where(eq(t.retroItems.retroId, retroId)).orderBy(asc(t.retroItems.number));
  }

  async getItems(ids: readonly number[]): Promise<RetroItem[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(t.retroItems).where(anyOf(t.retroItems.id, ids));
  }

  async findItem(retroId: number, number: number): Promise<RetroItem | null> {
    const [row] = await this.db
      .select()
      .from(t.retroItems)
      .where(and(eq(t.retroItems.retroId, retroId), eq(t.retroItems.number, number)));
    return row ?? null;
  }

  async updateItem(id: number, patch: Partial<Pick<RetroItem, 'discussed' | 'commitmentId'>>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.update(t.retroItems).set(patch).where(eq(t.retroItems.id, id));
  }

  async votes(retroId: number): Promise<RetroVote[]> {
    return this.db
      .select({ itemId: t.retroVotes.itemId, memberId: t.retroVotes.memberId, dots: t.retroVotes.dots })
      .from(t.retroVotes)
      .where(eq(t.retroVotes.retroId, retroId));
  }

  async setVote(retroId: number, itemId: number, memberId: number, dots: number): Promise<void> {
    if (dots <= 0) {
      await this.db.delete(t.retroVotes).where(and(eq(t.retroVotes.itemId, itemId), eq(t.retroVotes.memberId, memberId)));
      return;
    }
    await this.db
      .insert(t.retroVotes)
      .values({ retroId, itemId, memberId, dots })
      .onConflictDoUpdate({ target: [t.retroVotes.itemId, t.retroVotes.memberId], set: { dots } });
  }

  async settings(workspaceId: number): Promise<RetroSettings> {
    const [row] = await this.db
      .select({ dots: t.workspaces.retroDots, dotsPerItem: t.workspaces.retroDotsPerItem, kudosDailyLimit: t.workspaces.kudosDailyLimit })
      .from(t.workspaces)
      .where(eq(t.workspaces.id, workspaceId));
    return row!;
  }

  async updateSettings(workspaceId: number, patch: Partial<RetroSettings>): Promise<void> {
    const set = {
      ...(patch.dots !== undefined ? { retroDots: patch.dots } : {}),
      ...(patch.dotsPerItem !== undefined ? { retroDotsPerItem: patch.dotsPerItem } : {}),
      ...(patch.kudosDailyLimit !== undefined ? { kudosDailyLimit: patch.kudosDailyLimit } : {}),
    };
    if (Object.keys(set).length === 0) return;
    await this.db.update(t.workspaces).set(set).where(eq(t.workspaces.id, workspaceId));
  }
}

export class DrizzleKudos implements KudosRepo {
  constructor(private readonly db: Db | DbTx) {}

  async insert(kudos: Omit<Kudos, 'id'>): Promise<Kudos> {
    const [row] = await this.db.insert(t.kudos).values(kudos).returning();
    return row!;
  }

  async countGiven(giverId: number, from: Date, to: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(t.kudos)
      .where(and(eq(t.kudos.giverId, giverId), gte(t.kudos.createdAt, from), lt(t.kudos.createdAt, to)));
    return row?.n ?? 0;
  }

  async list(workspaceId: number, f: { groupIds?: readonly number[]; excludeGroupIds?: readonly number[]; from?: Date; to?: Date; limit: number }): Promise<Kudos[]> {
    const where = [eq(t.kudos.workspaceId, workspaceId)];
    if (f.groupIds) where.push(anyOf(t.kudos.groupId, f.groupIds));
    if (f.excludeGroupIds?.length) where.push(sql`(${t.kudos.groupId} is null or not ${anyOf(t.kudos.groupId, f.excludeGroupIds)})`);
    if (f.from) where.push(gte(t.kudos.createdAt, f.from));
    if (f.to) where.push(lt(t.kudos.createdAt, f.to));
    return this.db
      .select()
      .from(t.kudos)
      .where(and(...where))
      .orderBy(desc(t.kudos.createdAt), desc(t.kudos.id))
      .limit(f.limit);
  }
}
