// The private groups' storage port implemented with drizzle: visibility and invitations.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { GroupAccessRepo, GroupVisibility } from '../../core/groups/ports.js';
import type { Locale } from '../../core/i18n/types.js';
import type { Member } from '../../core/members/ports.js';
import { anyOf, rowsOf, type Db, type DbTx } from '../client.js';
import * as t from '../schema.js';

export class DrizzleGroupAccess implements GroupAccessRepo {
  constructor(private readonly db: Db | DbTx) {}

  async setVisibility(groupId: number, visibility: GroupVisibility): Promise<void> {
    await this.db.update(t.groups).set({ visibility }).where(eq(t.groups.id, groupId));
  }

  async invite(groupId: number, memberId: number, invitedBy: number, at: Date): Promise<boolean> {
    const rows = await this.db.insert(t.groupInvitations).values({ groupId, memberId, invitedBy, invitedAt: at }).onConflictDoNothing().returning();
    return rows.length > 0;
  }

  async revoke(groupId: number, memberId: number): Promise<boolean> {
    const rows = await this.db
      .delete(t.groupInvitations)
      .where(and(eq(t.groupInvitations.groupId, groupId), eq(t.groupInvitations.memberId, memberId)))
      .returning();
    return rows.length > 0;
  }

  async revokeAll(groupId: number): Promise<number> {
    const rows = await this.db.delete(t.groupInvitations).where(eq(t.groupInvitations.groupId, groupId)).returning();
    return rows.length;
  }

  async isInvited(groupId: number, memberId: number): Promise<boolean> {
    const [row] = await this.db
      .select({ memberId: t.groupInvitations.memberId })
      .from(t.groupInvitations)
      .where(and(eq(t.groupInvitations.groupId, groupId), eq(t.groupInvitations.memberId, memberId)));
    return !!row;
  }

  async invitees(groupId: number): Promise<Member[]> {
    const rows = await this.db
      .select({ member: t.members })
      .from(t.groupInvitations)
      .innerJoin(t.members, eq(t.members.id, t.groupInvitations.memberId))
      .where(eq(t.groupInvitations.groupId, groupId))
      .orderBy(asc(t.groupInvitations.invitedAt), asc(t.members.id));
    return rows.map(({ member: m }) => ({ ...m, locale: (m.locale as Locale | null) ?? null, timezone: m.timezone ?? null }));
  }

  async isMemberOrInvited(groupId: number, memberId: number): Promise<boolean> {
    const rows = rowsOf<{ ok: boolean }>(
      await this.db.execute(sql`
        select (exists (select 1 from group_members where group_id = ${groupId} and member_id = ${memberId})
             or exists (select 1 from group_invitations where group_id = ${groupId} and member_id = ${memberId})) as ok`),
    );
    return rows[0]?.ok === true;
  }

  async privateGroupsClosedTo(workspaceId: number, memberId: number): Promise<{ id: number; channelId: string }[]> {
    const rows = rowsOf<{ id: number; channel_id: string }>(
      await this.db.execute(sql`
        select g.id, g.channel_id from groups g
        where g.workspace_id = ${workspaceId} and g.visibility = 'private'
          and not exists (select 1 from group_members m where m.group_id = g.id and m.member_id = ${memberId})
          and not exists (select 1 from group_invitations i where i.group_id = g.id and i.member_id = ${memberId})
        order by g.id`),
    );
    return rows.map((r) => ({ id: Number(r.id), channelId: r.channel_id }));
  }

  async subjectsOf(workspaceId: number, groupIds: readonly number[]): Promise<string[]> {
    if (groupIds.length === 0) return [];
    const ids = [...groupIds];
    const [proposals, commitments, disputes, stakeholders, goals, retros, pledges, pools] = await Promise.all([
      this.db.select({ n: t.proposals.number }).from(t.proposals).where(and(eq(t.proposals.workspaceId, workspaceId), anyOf(t.proposals.groupId, ids))),
      this.db.select({ n: t.commitments.number }).from(t.commitments).where(and(eq(t.commitments.workspaceId, workspaceId), anyOf(t.commitments.groupId, ids))),
      this.db.select({ n: t.disputes.number }).from(t.disputes).where(and(eq(t.disputes.workspaceId, workspaceId), anyOf(t.disputes.groupId, ids))),
      // Removed stakeholders too: their entries stay as private as they were.
      this.db.select({ n: t.stakeholders.number }).from(t.stakeholders).where(and(eq(t.stakeholders.workspaceId, workspaceId), anyOf(t.stakeholders.groupId, ids))),
      this.db.select({ n: t.goals.number }).from(t.goals).where(and(eq(t.goals.workspaceId, workspaceId), anyOf(t.goals.groupId, ids))),
      this.db.select({ n: t.retros.number }).from(t.retros).where(and(eq(t.retros.workspaceId, workspaceId), anyOf(t.retros.groupId, ids))),
      this.db.select({ n: t.pledges.number }).from(t.pledges).where(and(eq(t.pledges.workspaceId, workspaceId), anyOf(t.pledges.groupId, ids))),
      this.db.select({ n: t.pools.number }).from(t.pools).where(and(eq(t.pools.workspaceId, workspaceId), anyOf(t.pools.groupId, ids))),
    ]);
    return [
      ...ids.map((id) => `group:${id}`),
      ...proposals.map((r) => `proposal:${r.n}`),
      ...commitments.map((r) => `commitment:${r.n}`),
      ...disputes.map((r) => `mediation:${r.n}`),
      ...stakeholders.map((r) => `stakeholder:${r.n}`),
      ...goals.map((r) => `goal:${r.n}`),
      ...retros.map((r) => `retro:${r.n}`),
      ...pledges.map((r) => `pledge:${r.n}`),
      ...pools.map((r) => `pool:${r.n}`),
    ];
  }
}
