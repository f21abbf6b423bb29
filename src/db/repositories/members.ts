// Workspaces and members in drizzle: created on first sight, renamed as the platform renames them.
import { and, eq } from 'drizzle-orm';
import { GENESIS_HASH } from '../../core/audit/chain.js';
import type { Locale } from '../../core/i18n/types.js';
import type { GroupCreation, Member, MemberRepo, Workspace, WorkspaceRepo } from '../../core/members/ports.js';
import { anyOf } from '../client.js';
import * as t from '../schema.js';
import { toMember, toWorkspace, type Conn } from './rows.js';

export class DrizzleWorkspaces implements WorkspaceRepo {
  constructor(private readonly db: Conn) {}

  async ensure(input: { platform: string; externalId: string; name: string; locale: Locale; timezone: string; reminderHours: number; at: Date }): Promise<Workspace> {
    const where = and(eq(t.workspaces.platform, input.platform), eq(t.workspaces.externalId, input.externalId));
    const [existing] = await this.db.select().from(t.workspaces).where(where);
    if (existing) return toWorkspace(existing);
    const [inserted] = await this.db
      .insert(t.workspaces)
      .values({ platform: input.platform, externalId: input.externalId, name: input.name, locale: input.locale, timezone: input.timezone, reminderHours: input.reminderHours, createdAt: input.at })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      await this.db.insert(t.auditHeads).values({ workspaceId: inserted.id, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
      return toWorkspace(inserted);
    }
    const [raced] = await this.db.select().from(t.workspaces).where(where);
    return toWorkspace(raced!);
  }

  async get(id: number): Promise<Workspace> {
    const [row] = await this.db.select().from(t.workspaces).where(eq(t.workspaces.id, id));
    if (!row) throw new Error(`workspace ${id} not found`);
    return toWorkspace(row);
  }

  async update(id: number, patch: Partial<Pick<Workspace, 'locale' | 'timezone' | 'reminderHours'>>): Promise<void> {
    await this.db.update(t.workspaces).set(patch).where(eq(t.workspaces.id, id));
  }

  async groupCreation(workspaceId: number): Promise<GroupCreation> {
    const [row] = await this.db.select({ policy: t.workspaces.groupCreation }).from(t.workspaces).where(eq(t.workspaces.id, workspaceId));
    return row?.policy === 'admins' ? 'admins' : 'anyone';
  }

  async setGroupCreation(workspaceId: number, policy: GroupCreation): Promise<void> {
    await this.db.update(t.workspaces).set({ groupCreation: policy }).where(eq(t.workspaces.id, workspaceId));
  }
}

export class DrizzleMembers implements MemberRepo {
  constructor(private readonly db: Conn) {}

  async ensure(input: { workspaceId: number; externalId: string; displayName: string; at: Date }): Promise<Member> {
    const where = and(eq(t.members.workspaceId, input.workspaceId), eq(t.members.externalId, input.externalId));
    const [existing] = await this.db.select().from(t.members).where(where);
    if (existing) {
      // Platforms may rename people; a mention only knows the id, so it never overwrites a real name.
      if (input.displayName !== input.externalId && existing.displayName !== input.displayName) {
        await this.db.update(t.members).set({ displayName: input.displayName }).where(eq(t.members.id, existing.id));
        existing.displayName = input.displayName;
      }
      return toMember(existing);
    }
    const [inserted] = await this.db
      .insert(t.members)
      .values({ workspaceId: input.workspaceId, externalId: input.externalId, displayName: input.displayName, createdAt: input.at })
      .onConflictDoNothing()
      .returning();
    if (inserted) return toMember(inserted);
    const [raced] = await this.db.select().from(t.members).where(where);
    return toMember(raced!);
  }

  async find(workspaceId: number, externalId: string): Promise<Member | null> {
    const [row] = await this.db.select().from(t.members).where(and(eq(t.members.workspaceId, workspaceId), eq(t.members.externalId, externalId)));
    return row ? toMember(row) : null;
  }

  async get(id: number): Promise<Member> {
    const [row] = await this.db.select().from(t.members).where(eq(t.members.id, id));
    if (!row) throw new Error(`member ${id} not found`);
    return toMember(row);
  }

  async getMany(ids: readonly number[]): Promise<Member[]> {
    if (!ids.length) return [];
    const rows = await this.db.select().from(t.members).where(anyOf(t.members.id, ids));
    return rows.map(toMember);
  }

  async update(id: number, patch: Partial<Pick<Member, 'locale' | 'timezone'>>): Promise<void> {
    await this.db.update(t.members).set(patch).where(eq(t.members.id, id));
  }
}
