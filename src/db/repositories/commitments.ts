// The commitments module's storage port implemented with drizzle.
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Commitment, CommitmentFilter, CommitmentRepo, CommitmentSettings, CommitmentStatus, GroupCommitmentSettings, MemberRecord } from '../../core/commitments/ports.js';
import type { Locale } from '../../core/i18n/types.js';
import type { Member } from '../../core/members/ports.js';
import { anyOf, rowsOf, type Db, type DbTx } from '../client.js';
import * as t from '../schema.js';

const toCommitment = (r: typeof t.commitments.$inferSelect): Commitment => ({
  ...r,
  status: r.status as CommitmentStatus,
  reminders: (r.reminders as string[] | null) ?? null,
});

export class DrizzleCommitments implements CommitmentRepo {
  constructor(private readonly db: Db | DbTx) {}

  async nextNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextCommitmentNumber: sql`${t.workspaces.nextCommitmentNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextCommitmentNumber });
    return row!.next - 1;
  }

  async insert(input: Omit<Commitment, 'id' | 'doneAt' | 'note' | 'blockedReason'>, ownerIds: number[], pendingIds: number[] = []): Promise<Commitment> {
    const [row] = await this.db.insert(t.commitments).values(input).returning();
    if (ownerIds.length) {
      await this.db.insert(t.commitmentOwners).values(ownerIds.map((memberId) => ({ commitmentId: row!.id, memberId, accepted: !pendingIds.includes(memberId) })));
    }
    return toCommitment(row!);
  }

  async pendingOwners(id: number): Promise<number[]> {
    const rows = await this.db
      .select({ memberId: t.commitmentOwners.memberId })
      .from(t.commitmentOwners)
      .where(and(eq(t.commitmentOwners.commitmentId, id), eq(t.commitmentOwners.accepted, false)));
    return rows.map((r) => r.memberId);
  }

  async accept(id: number, memberId: number): Promise<void> {
    await this.db
      .update(t.commitmentOwners)
      .set({ accepted: true })
      .where(and(eq(t.commitmentOwners.commitmentId, id), eq(t.commitmentOwners.memberId, memberId)));
  }

  async find(workspaceId: number, number: number): Promise<Commitment | null> {
    const [row] = await this.db.select().from(t.commitments).where(and(eq(t.commitments.workspaceId, workspaceId), eq(t.commitments.number, number)));
    return row ? toCommitment(row) : null;
  }

  async get(id: number): Promise<Commitment | null> {
    const [row] = await this.db.select().from(t.commitments).where(eq(t.commitments.id, id));
    return row ? toCommitment(row) : null;
  }

  async owners(id: number): Promise<Member[]> {
    const rows = await this.db
      .select({ member: t.members })
      .from(t.commitmentOwners)
      .innerJoin(t.members, eq(t.members.id, t.commitmentOwners.memberId))
      .where(eq(t.commitmentOwners.commitmentId, id))
      .orderBy(asc(t.members.id));
    return rows.map(({ member: m }) => ({ ...m, locale: (m.locale as Locale | null) ?? null, timezone: m.timezone ?? null }));
  }

  async getMany(ids: number[]): Promise<Commitment[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.select().from(t.commitments).where(anyOf(t.commitments.id, ids));
    return rows.map(toCommitment);
  }

  async ownersOfMany(ids: number[]): Promise<Map<number, Member[]>> {
    const byCommitment = new Map<number, Member[]>();
    if (ids.length === 0) return byCommitment;
    const rows = await this.db
      .select({ commitmentId: t.commitmentOwners.commitmentId, member: t.members })
      .from(t.commitmentOwners)
      .innerJoin(t.members, eq(t.members.id, t.commitmentOwners.memberId))
      .where(anyOf(t.commitmentOwners.commitmentId, ids))
      .orderBy(asc(t.members.id));
    for (const { commitmentId, member: m } of rows) {
      const list = byCommitment.get(commitmentId) ?? [];
      list.push({ ...m, locale: (m.locale as Locale | null) ?? null, timezone: m.timezone ?? null });
      byCommitment.set(commitmentId, list);
    }
    return byCommitment;
  }

  async update(id: number, patch: Partial<Pick<Commitment, 'dueAt' | 'status' | 'doneAt' | 'note' | 'blockedReason'>>): Promise<void> {
    await this.db.update(t.commitments).set(patch).where(eq(t.commitments.id, id));
  }

  async list(workspaceId: number, f: CommitmentFilter): Promise<Commitment[]> {
    const where = [eq(t.commitments.workspaceId, workspaceId)];
    if (f.status) where.push(inArray(t.commitments.status, f.status));
    if (f.groupId !== undefined) where.push(eq(t.commitments.groupId, f.groupId));
    if (f.excludeGroupIds?.length) where.push(sql`(${t.commitments.groupId} is null or not ${anyOf(t.commitments.groupId, f.excludeGroupIds)})`);
    if (f.dueBefore) where.push(lt(t.commitments.dueAt, f.dueBefore));
    if (f.dueAfter) where.push(gt(t.commitments.dueAt, f.dueAfter));
    if (f.doneAfter) where.push(gt(t.commitments.doneAt, f.doneAfter));
    if (f.ownerId !== undefined) {
      where.push(sql`exists (select 1 from commitment_owners o where o.commitment_id = ${t.commitments.id} and o.member_id = ${f.ownerId})`);
    }
    const rows = await this.db
      .select()
      .from(t.commitments)
      .where(and(...where))
      .orderBy(asc(t.commitments.dueAt), asc(t.commitments.number))
      .limit(f.limit ?? 100);
    return rows.map(toCommitment);
  }

  async records(workspaceId: number, groupId: number | null, now: Date, excludeGroupIds: readonly number[] = []): Promise<MemberRecord[]> {
    const nowIso = now.toISOString();
    const rows = rowsOf<{ member_id: number; display_name: string; on_time: number; late: number; missed: number; open: number }>(
      await this.db.execute(sql`
        select m.id as member_id, m.display_name,
          count(*) filter (where c.status = 'done' and c.done_at <= c.due_at)::int as on_time,
          count(*) filter (where c.status = 'done' and c.done_at > c.due_at)::int as late,
          count(*) filter (where c.status in ('open', 'blocked') and c.due_at < ${nowIso}::timestamptz)::int as missed,
          count(*) filter (where c.status in ('open', 'blocked') and c.due_at >= ${nowIso}::timestamptz)::int as open
        from commitments c
        join commitment_owners o on o.commitment_id = c.id
        join members m on m.id = o.member_id
        where c.workspace_id = ${workspaceId} and c.status in ('open', 'blocked', 'done')
          ${groupId === null ? sql`` : sql`and c.group_id = ${groupId}`}
          ${excludeGroupIds.length ? sql`and (c.group_id is null or not c.group_id = any(${`{${excludeGroupIds.map((id) => Math.trunc(id)).join(',')}}`}::int8[]))` : sql``}
        group by m.id, m.display_name
        order by m.display_name`),
    );
    return rows.map((r) => ({ memberId: Number(r.member_id), displayName: r.display_name, onTime: Number(r.on_time), late: Number(r.late), missed: Number(r.missed), open: Number(r.open) }));
  }

  async cancelJobs(id: number): Promise<void> {
    await this.db.execute(sql`update jobs set status = 'cancelled' where status = 'pending' and key like ${`commitment:${id}:%`}`);
  }

  async settings(workspaceId: number): Promise<CommitmentSettings> {
    const [w] = await this.db.select().from(t.workspaces).where(eq(t.workspaces.id, workspaceId));
    return { reminders: w!.commitmentReminders as string[], quietFrom: w!.quietFrom, quietTo: w!.quietTo, escalationHours: w!.escalationHours };
  }

  async updateSettings(workspaceId: number, patch: Partial<CommitmentSettings>): Promise<void> {
    const set: Partial<typeof t.workspaces.$inferInsert> = {};
    if (patch.reminders) set.commitmentReminders = patch.reminders;
    if (patch.quietFrom !== undefined) set.quietFrom = patch.quietFrom;
    if (patch.quietTo !== undefined) set.quietTo = patch.quietTo;
    if (patch.escalationHours !== undefined) set.escalationHours = patch.escalationHours;
    await this.db.update(t.workspaces).set(set).where(eq(t.workspaces.id, workspaceId));
  }

  async groupSettings(groupId: number): Promise<GroupCommitmentSettings> {
    const [g] = await this.db.select().from(t.groups).where(eq(t.groups.id, groupId));
    return { reminders: (g!.commitmentReminders as string[] | null) ?? null, digestDay: g!.digestDay, digestHour: g!.digestHour, digestEmpty: g!.digestEmpty };
  }

  async updateGroupSettings(groupId: number, patch: Partial<GroupCommitmentSettings>): Promise<void> {
    const set: Partial<typeof t.groups.$inferInsert> = {};
    if (patch.reminders !== undefined) set.commitmentReminders = patch.reminders;
    if (patch.digestDay !== undefined) set.digestDay = patch.digestDay;
    if (patch.digestHour !== undefined) set.digestHour = patch.digestHour;
    if (patch.digestEmpty !== undefined) set.digestEmpty = patch.digestEmpty;
    await this.db.update(t.groups).set(set).where(eq(t.groups.id, groupId));
  }
}
