// Groups and their memberships in drizzle.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Group, GroupRepo, Role } from '../../core/groups/ports.js';
import type { TieMode } from '../../core/proposals/rules/types.js';
import * as t from '../schema.js';
import { toGroup, toMember, type Conn } from './rows.js';

export class DrizzleGroups implements GroupRepo {
  constructor(private readonly db: Conn) {}


  async create(input: Omit<Group, 'id'>): Promise<Group | null> {
    const [row] = await this.db.insert(t.groups).values(input).onConflictDoNothing().returning();
    return row ? toGroup(row) : null;
  }

  async findByName(workspaceId: number, name: string): Promise<Group | null> {
    const [row] = await this.db
      .select()
      .from(t.groups)
      .where(and(eq(t.groups.workspaceId, workspaceId), sql`lower(${t.groups.name}) = lower(${name})`));
    return row ? toGroup(row) : null;
  }

  async findByChannel(workspaceId: number, channelId: string): Promise<Group | null> {
    const [row] = await this.db
      .select()
      .from(t.groups)
      .where(and(eq(t.groups.workspaceId, workspaceId), eq(t.groups.channelId, channelId)))
      .orderBy(asc(t.groups.id))
      .limit(1);
    return row ? toGroup(row) : null;
  }

  async get(id: number): Promise<Group> {
    const [row] = await this.db.select().from(t.groups).where(eq(t.groups.id, id));
    if (!row) throw new Error(`group ${id} not found`);
    return toGroup(row);
  }

  async list(workspaceId: number) {
    const rows = await this.db
      .select({ group: t.groups, memberCount: count(t.groupMembers.memberId) })
      .from(t.groups)
      .leftJoin(t.groupMembers, eq(t.groupMembers.groupId, t.groups.id))
      .where(eq(t.groups.workspaceId, workspaceId))
      .groupBy(t.groups.id)
      .orderBy(asc(t.groups.name));
    return rows.map((r) => ({ ...toGroup(r.group), memberCount: Number(r.memberCount) }));
  }

  async ofMember(memberId: number) {
    const rows = await this.db
      .select({ group: t.groups, role: t.groupMembers.role })
      .from(t.groupMembers)
      .innerJoin(t.groups, eq(t.groups.id, t.groupMembers.groupId))
      .where(eq(t.groupMembers.memberId, memberId))
      .orderBy(asc(t.groups.name));
    return rows.map((r) => ({ ...toGroup(r.group), role: r.role as Role }));
  }

  async lock(groupId: number): Promise<void> {
    await this.db.select({ id: t.groups.id }).from(t.groups).where(eq(t.groups.id, groupId)).for('update');
  }

  async roleIn(groupId: number, memberId: number): Promise<Role | null> {
    const [row] = await this.db
      .select({ role: t.groupMembers.role })
      .from(t.groupMembers)
      .where(and(eq(t.groupMembers.groupId, groupId), eq(t.groupMembers.memberId, memberId)));
    return (row?.role as Role | undefined) ?? null;
  }

  async setMembership(groupId: number, memberId: number, role: Role, at: Date): Promise<void> {
    await this.db
      .insert(t.groupMembers)
      .values({ groupId, memberId, role, joinedAt: at })
      .onConflictDoUpdate({ target: [t.groupMembers.groupId, t.groupMembers.memberId], set: { role } });
  }

  async removeMembership(groupId: number, memberId: number): Promise<void> {
    await this.db.delete(t.groupMembers).where(and(eq(t.groupMembers.groupId, groupId), eq(t.groupMembers.memberId, memberId)));
  }

  async members(groupId: number) {
    const rows = await this.db
      .select({ member: t.members, role: t.groupMembers.role })
      .from(t.groupMembers)
      .innerJoin(t.members, eq(t.members.id, t.groupMembers.memberId))
      .where(eq(t.groupMembers.groupId, groupId))
      .orderBy(asc(t.groupMembers.joinedAt), asc(t.members.id));
    return rows.map((r) => ({ member: toMember(r.member), role: r.role as Role }));
  }

  async setRankedTies(groupId: number, ties: TieMode): Promise<void> {
    await this.db.update(t.groups).set({ rankedTies: ties }).where(eq(t.groups.id, groupId));
  }
}
