// The core's Tx port implemented with drizzle: every read and write a command makes, inside one transaction.
import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { entryJsonAroundSeq, GENESIS_HASH } from '../../core/audit/chain.js';
import type { GroupKind, HideResults, Role } from '../../core/commands/types.js';
import type { Locale } from '../../core/i18n/types.js';
import type {
  AuditEntry,
  Group,
  Member,
  MessageRef,
  NewAuditEntry,
  NewJob,
  NewOutboxMessage,
  Proposal,
  ProposalFilter,
  ProposalStatus,
  StoredBallot,
  Tx,
  Workspace,
} from '../../core/ports.js';
import type { BallotValue, RuleConfig, RuleName, TallyResult } from '../../core/proposals/rules/types.js';
import { rowsOf, type Db, type DbTx } from '../client.js';
import * as t from '../schema.js';
import { DrizzleCommitments } from './commitments.js';

type Conn = Db | DbTx;

const toWorkspace = (r: typeof t.workspaces.$inferSelect): Workspace => ({
  id: r.id,
  platform: r.platform,
  externalId: r.externalId,
  name: r.name,
  locale: r.locale as Locale,
  timezone: r.timezone,
  reminderHours: r.reminderHours,
});

const toMember = (r: typeof t.members.$inferSelect): Member => ({
  id: r.id,
  workspaceId: r.workspaceId,
  externalId: r.externalId,
  displayName: r.displayName,
  locale: (r.locale as Locale | null) ?? null,
  timezone: r.timezone ?? null,
});

const toGroup = (r: typeof t.groups.$inferSelect): Group => ({ ...r, kind: r.kind as GroupKind });

const toProposal = (r: typeof t.proposals.$inferSelect): Proposal => ({
  ...r,
  rule: r.rule as RuleName,
  config: r.config as RuleConfig,
  hideResults: r.hideResults as HideResults,
  status: r.status as ProposalStatus,
  result: (r.result as TallyResult | null) ?? null,
  messageRef: (r.messageRef as MessageRef | null) ?? null,
});

const toAudit = (r: typeof t.auditLog.$inferSelect): AuditEntry => ({
  workspaceId: r.workspaceId,
  seq: r.seq,
  at: r.at,
  actorId: r.actorId,
  action: r.action,
  subject: r.subject,
  data: r.data as Record<string, unknown>,
  prevHash: r.prevHash,
  hash: r.hash,
});

export class DrizzleTx implements Tx {
  readonly commitments: DrizzleCommitments;

  constructor(private readonly db: Conn) {
    this.commitments = new DrizzleCommitments(db);
  }

  // ---- idempotency ----

  async claimCommandKey(workspaceId: number, key: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .insert(t.processedCommands)
      .values({ workspaceId, key, reply: {}, createdAt: at })
      .onConflictDoNothing()
      .returning({ key: t.processedCommands.key });
    return rows.length === 1;
  }

  async storedReply(workspaceId: number, key: string): Promise<unknown> {
    const [row] = await this.db
      .select({ reply: t.processedCommands.reply })
      .from(t.processedCommands)
      .where(and(eq(t.processedCommands.workspaceId, workspaceId), eq(t.processedCommands.key, key)));
    return row?.reply ?? null;
  }

  async saveReply(workspaceId: number, key: string, reply: unknown): Promise<void> {
    await this.db
      .update(t.processedCommands)
      .set({ reply })
      .where(and(eq(t.processedCommands.workspaceId, workspaceId), eq(t.processedCommands.key, key)));
  }

  // ---- workspaces and members ----

  async ensureWorkspace(input: { platform: string; externalId: string; name: string; locale: Locale; timezone: string; reminderHours: number; at: Date }): Promise<Workspace> {
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

  async getWorkspace(id: number): Promise<Workspace> {
    const [row] = await this.db.select().from(t.workspaces).where(eq(t.workspaces.id, id));
    if (!row) throw new Error(`workspace ${id} not found`);
    return toWorkspace(row);
  }

  async updateWorkspace(id: number, patch: Partial<Pick<Workspace, 'locale' | 'timezone' | 'reminderHours'>>): Promise<void> {
    await this.db.update(t.workspaces).set(patch).where(eq(t.workspaces.id, id));
  }

  async ensureMember(input: { workspaceId: number; externalId: string; displayName: string; at: Date }): Promise<Member> {
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

  async findMember(workspaceId: number, externalId: string): Promise<Member | null> {
    const [row] = await this.db.select().from(t.members).where(and(eq(t.members.workspaceId, workspaceId), eq(t.members.externalId, externalId)));
    return row ? toMember(row) : null;
  }

  async getMember(id: number): Promise<Member> {
    const [row] = await this.db.select().from(t.members).where(eq(t.members.id, id));
    if (!row) throw new Error(`member ${id} not found`);
    return toMember(row);
  }

  async updateMember(id: number, patch: Partial<Pick<Member, 'locale' | 'timezone'>>): Promise<void> {
    await this.db.update(t.members).set(patch).where(eq(t.members.id, id));
  }

  // ---- groups ----

  async createGroup(input: Omit<Group, 'id'>): Promise<Group | null> {
    const [row] = await this.db.insert(t.groups).values(input).onConflictDoNothing().returning();
    return row ? toGroup(row) : null;
  }

  async findGroupByName(workspaceId: number, name: string): Promise<Group | null> {
    const [row] = await this.db
      .select()
      .from(t.groups)
      .where(and(eq(t.groups.workspaceId, workspaceId), sql`lower(${t.groups.name}) = lower(${name})`));
    return row ? toGroup(row) : null;
  }

  async findGroupByChannel(workspaceId: number, channelId: string): Promise<Group | null> {
    const [row] = await this.db
      .select()
      .from(t.groups)
      .where(and(eq(t.groups.workspaceId, workspaceId), eq(t.groups.channelId, channelId)))
      .orderBy(asc(t.groups.id))
      .limit(1);
    return row ? toGroup(row) : null;
  }

  async getGroup(id: number): Promise<Group> {
    const [row] = await this.db.select().from(t.groups).where(eq(t.groups.id, id));
    if (!row) throw new Error(`group ${id} not found`);
    return toGroup(row);
  }

  async listGroups(workspaceId: number) {
    const rows = await this.db
      .select({ group: t.groups, memberCount: count(t.groupMembers.memberId) })
      .from(t.groups)
      .leftJoin(t.groupMembers, eq(t.groupMembers.groupId, t.groups.id))
      .where(eq(t.groups.workspaceId, workspaceId))
      .groupBy(t.groups.id)
      .orderBy(asc(t.groups.name));
    return rows.map((r) => ({ ...toGroup(r.group), memberCount: Number(r.memberCount) }));
  }

  async groupsOfMember(memberId: number) {
    const rows = await this.db
      .select({ group: t.groups, role: t.groupMembers.role })
      .from(t.groupMembers)
      .innerJoin(t.groups, eq(t.groups.id, t.groupMembers.groupId))
      .where(eq(t.groupMembers.memberId, memberId))
      .orderBy(asc(t.groups.name));
    return rows.map((r) => ({ ...toGroup(r.group), role: r.role as Role }));
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

  async groupMembers(groupId: number) {
    const rows = await this.db
      .select({ member: t.members, role: t.groupMembers.role })
      .from(t.groupMembers)
      .innerJoin(t.members, eq(t.members.id, t.groupMembers.memberId))
      .where(eq(t.groupMembers.groupId, groupId))
      .orderBy(asc(t.groupMembers.joinedAt), asc(t.members.id));
    return rows.map((r) => ({ member: toMember(r.member), role: r.role as Role }));
  }

  // ---- proposals and ballots ----

  async nextProposalNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextProposalNumber: sql`${t.workspaces.nextProposalNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextProposalNumber });
    return row!.next - 1;
  }

  async insertProposal(input: Parameters<Tx['insertProposal']>[0]): Promise<Proposal> {
    const [row] = await this.db.insert(t.proposals).values(input).returning();
    return toProposal(row!);
  }

  async insertElectorate(proposalId: number, memberIds: number[]): Promise<void> {
    if (memberIds.length === 0) return;
    await this.db.insert(t.electorate).values(memberIds.map((memberId) => ({ proposalId, memberId })));
  }

  async getProposal(id: number, opts?: { forUpdate?: boolean }): Promise<Proposal | null> {
    const query = this.db.select().from(t.proposals).where(eq(t.proposals.id, id));
    const [row] = opts?.forUpdate ? await query.for('update') : await query;
    return row ? toProposal(row) : null;
  }

  async findProposal(workspaceId: number, number: number, opts?: { forUpdate?: boolean }): Promise<Proposal | null> {
    const query = this.db.select().from(t.proposals).where(and(eq(t.proposals.workspaceId, workspaceId), eq(t.proposals.number, number)));
    const [row] = opts?.forUpdate ? await query.for('update') : await query;
    return row ? toProposal(row) : null;
  }

  async listProposals(workspaceId: number, filter: ProposalFilter): Promise<Proposal[]> {
    const conditions = [eq(t.proposals.workspaceId, workspaceId)];
    if (filter.status) conditions.push(inArray(t.proposals.status, filter.status));
    if (filter.groupIds) conditions.push(inArray(t.proposals.groupId, filter.groupIds));
    const rows = await this.db
      .select()
      .from(t.proposals)
      .where(and(...conditions))
      .orderBy(desc(t.proposals.number))
      .limit(filter.limit ?? 100);
    return rows.map(toProposal);
  }

  async updateProposal(id: number, patch: Partial<Omit<Proposal, 'id' | 'workspaceId' | 'number'>>): Promise<void> {
    await this.db.update(t.proposals).set(patch).where(eq(t.proposals.id, id));
  }

  async inElectorate(proposalId: number, memberId: number): Promise<boolean> {
    const [row] = await this.db
      .select({ memberId: t.electorate.memberId })
      .from(t.electorate)
      .where(and(eq(t.electorate.proposalId, proposalId), eq(t.electorate.memberId, memberId)));
    return !!row;
  }

  async nonVoters(proposalId: number): Promise<Member[]> {
    const rows = await this.db
      .select({ member: t.members })
      .from(t.electorate)
      .innerJoin(t.members, eq(t.members.id, t.electorate.memberId))
      .leftJoin(t.ballots, and(eq(t.ballots.proposalId, t.electorate.proposalId), eq(t.ballots.memberId, t.electorate.memberId)))
      .where(and(eq(t.electorate.proposalId, proposalId), isNull(t.ballots.memberId)))
      .orderBy(asc(t.members.id));
    return rows.map((r) => toMember(r.member));
  }

  async upsertBallot(input: { proposalId: number; memberId: number; value: BallotValue; reason: string | null; at: Date }): Promise<boolean> {
    // One statement, so two clicks at the same moment leave exactly one ballot: no delete-then-insert window.
    const [row] = await this.db
      .insert(t.ballots)
      .values({ proposalId: input.proposalId, memberId: input.memberId, value: input.value, reason: input.reason, castAt: input.at, updatedAt: input.at })
      .onConflictDoUpdate({
        target: [t.ballots.proposalId, t.ballots.memberId],
        set: { value: input.value, reason: input.reason, updatedAt: input.at },
      })
      .returning({ replaced: sql<boolean>`(xmax <> 0)` });
    return Boolean(row?.replaced);
  }

  async ballots(proposalId: number): Promise<StoredBallot[]> {
    const rows = await this.db.select().from(t.ballots).where(eq(t.ballots.proposalId, proposalId)).orderBy(asc(t.ballots.memberId));
    return rows.map((r) => ({ memberId: r.memberId, value: r.value as BallotValue, reason: r.reason, castAt: r.castAt, updatedAt: r.updatedAt }));
  }

  async ballotOf(proposalId: number, memberId: number): Promise<StoredBallot | null> {
    const [r] = await this.db.select().from(t.ballots).where(and(eq(t.ballots.proposalId, proposalId), eq(t.ballots.memberId, memberId)));
    return r ? { memberId: r.memberId, value: r.value as BallotValue, reason: r.reason, castAt: r.castAt, updatedAt: r.updatedAt } : null;
  }

  async countBallots(proposalId: number): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(t.ballots).where(eq(t.ballots.proposalId, proposalId));
    return Number(row?.n ?? 0);
  }

  // ---- audit ----

  async lockWorkspace(workspaceId: number): Promise<void> {
    const [row] = await this.db.select({ seq: t.auditHeads.seq }).from(t.auditHeads).where(eq(t.auditHeads.workspaceId, workspaceId)).for('update');
    if (!row) {
      await this.db.insert(t.auditHeads).values({ workspaceId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
      await this.db.select({ seq: t.auditHeads.seq }).from(t.auditHeads).where(eq(t.auditHeads.workspaceId, workspaceId)).for('update');
    }
  }

  async appendAudit(workspaceId: number, at: Date, entry: NewAuditEntry): Promise<AuditEntry> {
    const content = {
      workspaceId,
      at: at.toISOString(),
      actorId: entry.actorId,
      action: entry.action,
      subject: entry.subject,
      data: JSON.parse(JSON.stringify(entry.data)) as Record<string, unknown>,
    };
    const { before, after } = entryJsonAroundSeq(content);
    // Lock the head, hash, insert and move the head in one statement: the workspace stays locked
    // for one round trip instead of three. The hash is the same one hashEntry() computes.
    const append = async () =>
      rowsOf<{ seq: number | string; prev_hash: string; hash: string }>(
        await this.db.execute(sql`
          with old as (select seq, hash from audit_heads where workspace_id = ${workspaceId} for update),
          moved as (
            update audit_heads h
            set seq = old.seq + 1,
                hash = encode(sha256(convert_to(old.hash || ${before} || (old.seq + 1)::text || ${after}, 'UTF8')), 'hex')
            from old where h.workspace_id = ${workspaceId}
            returning h.seq, h.hash, old.hash as prev_hash
          )
          insert into audit_log (workspace_id, seq, at, actor_id, action, subject, data, prev_hash, hash)
          select ${workspaceId}, seq, ${content.at}, ${content.actorId}, ${content.action}, ${content.subject}, ${JSON.stringify(content.data)}::jsonb, prev_hash, hash
          from moved
          returning seq, prev_hash, hash`),
      );
    let [row] = await append();
    if (!row) {
      await this.lockWorkspace(workspaceId);
      [row] = await append();
    }
    return { ...content, seq: Number(row!.seq), prevHash: row!.prev_hash, hash: row!.hash };
  }

  async proposalState(proposalId: number): Promise<{ status: ProposalStatus; ballots: number }> {
    const [row] = rowsOf<{ status: string; ballots: number | string }>(
      await this.db.execute(sql`select status, (select count(*) from ballots where proposal_id = ${proposalId}) as ballots from proposals where id = ${proposalId}`),
    );
    return { status: row!.status as ProposalStatus, ballots: Number(row!.ballots) };
  }

  async recentAudit(workspaceId: number, limit: number): Promise<AuditEntry[]> {
    const rows = await this.db.select().from(t.auditLog).where(eq(t.auditLog.workspaceId, workspaceId)).orderBy(desc(t.auditLog.seq)).limit(limit);
    return rows.map(toAudit);
  }

  async auditPage(workspaceId: number, afterSeq: number, limit: number): Promise<AuditEntry[]> {
    const rows = await this.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.workspaceId, workspaceId), gt(t.auditLog.seq, afterSeq)))
      .orderBy(asc(t.auditLog.seq))
      .limit(limit);
    return rows.map(toAudit);
  }

  async auditHead(workspaceId: number): Promise<{ seq: number; hash: string } | null> {
    const [head] = await this.db.select().from(t.auditHeads).where(eq(t.auditHeads.workspaceId, workspaceId));
    return head ? { seq: head.seq, hash: head.hash } : null;
  }

  // ---- delivery ----

  async enqueue(message: NewOutboxMessage, at: Date): Promise<void> {
    await this.db.insert(t.outbox).values({
      workspaceId: message.workspaceId,
      kind: message.target.kind,
      target: message.target,
      view: message.view,
      proposalId: message.cardOf ?? null,
      nextAttemptAt: at,
      createdAt: at,
    });
  }

  async schedule(job: NewJob, mode: 'replace' | 'keep'): Promise<void> {
    const insert = this.db.insert(t.jobs).values({ kind: job.kind, key: job.key, runAt: job.runAt, payload: job.payload });
    if (mode === 'keep') {
      await insert.onConflictDoNothing({ target: t.jobs.key, where: sql`status = 'pending'` });
    } else {
      await insert.onConflictDoUpdate({ target: t.jobs.key, targetWhere: sql`status = 'pending'`, set: { runAt: job.runAt, payload: job.payload, kind: job.kind } });
    }
  }

  async cancelJobs(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.update(t.jobs).set({ status: 'cancelled' }).where(and(inArray(t.jobs.key, keys), eq(t.jobs.status, 'pending')));
  }
}

export function drizzleStore(db: Db) {
  return {
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return db.transaction((dbTx) => fn(new DrizzleTx(dbTx)));
    },
  };
}
