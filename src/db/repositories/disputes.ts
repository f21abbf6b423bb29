// The mediation module's storage port implemented with drizzle.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Agreement, Consent, Dispute, DisputeOutcome, DisputeRepo, DisputeStatus, PurgeCounts, Stage } from '../../core/mediation/ports.js';
import type { Locale } from '../../core/i18n/types.js';
import type { Member } from '../../core/members/ports.js';
import { anyOf, rowsOf, type Db, type DbTx } from '../client.js';
import * as t from '../schema.js';

const toDispute = (r: typeof t.disputes.$inferSelect): Dispute => ({
  ...r,
  status: r.status as DisputeStatus,
  stage: r.stage as Stage,
  outcome: (r.outcome as DisputeOutcome | null) ?? null,
});

const toAgreement = (r: typeof t.disputeAgreements.$inferSelect): Agreement => ({
  id: r.id,
  disputeId: r.disputeId,
  terms: r.terms,
  proposedBy: r.proposedBy,
  status: r.status as Agreement['status'],
  responses: r.responses as Agreement['responses'],
});

export class DrizzleDisputes implements DisputeRepo {
  constructor(private readonly db: Db | DbTx) {}

  async nextNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextDisputeNumber: sql`${t.workspaces.nextDisputeNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextDisputeNumber });
    return row!.next - 1;
  }

  async insert(input: Omit<Dispute, 'id' | 'spaceId' | 'outcome' | 'summary' | 'closedAt'>, partyIds: number[], pending: number[] = []): Promise<Dispute> {
    const [row] = await this.db.insert(t.disputes).values(input).returning();
    await this.db.insert(t.disputeParties).values(
      partyIds.map((memberId) =>
        pending.includes(memberId) ? { disputeId: row!.id, memberId, consent: 'pending' } : { disputeId: row!.id, memberId, consent: 'accepted', consentAt: input.createdAt },
      ),
    );
    return toDispute(row!);
  }

  async consents(disputeId: number): Promise<Map<number, Consent>> {
    const rows = await this.db
      .select({ memberId: t.disputeParties.memberId, consent: t.disputeParties.consent })
      .from(t.disputeParties)
      .where(eq(t.disputeParties.disputeId, disputeId));
    return new Map(rows.map((r) => [r.memberId, r.consent as Consent]));
  }

  async setConsent(disputeId: number, memberId: number, consent: Consent, at: Date): Promise<void> {
    await this.db
      .update(t.disputeParties)
      .set({ consent, consentAt: at })
      .where(and(eq(t.disputeParties.disputeId, disputeId), eq(t.disputeParties.memberId, memberId)));
  }

  async find(workspaceId: number, number: number): Promise<Dispute | null> {
    const [row] = await this.db.select().from(t.disputes).where(and(eq(t.disputes.workspaceId, workspaceId), eq(t.disputes.number, number)));
    return row ? toDispute(row) : null;
  }

  async get(id: number): Promise<Dispute | null> {
    const [row] = await this.db.select().from(t.disputes).where(eq(t.disputes.id, id));
    return row ? toDispute(row) : null;
  }

  async bySpace(workspaceId: number, spaceId: string): Promise<Dispute | null> {
    const [row] = await this.db.select().from(t.disputes).where(and(eq(t.disputes.workspaceId, workspaceId), eq(t.disputes.spaceId, spaceId)));
    return row ? toDispute(row) : null;
  }

  async parties(id: number): Promise<Member[]> {
    const rows = await this.db
      .select({ m: t.members })
      .from(t.disputeParties)
      .innerJoin(t.members, eq(t.members.id, t.disputeParties.memberId))
      .where(eq(t.disputeParties.disputeId, id))
      .orderBy(t.members.id);
    return rows.map(({ m }) => ({ ...m, locale: (m.locale as Locale | null) ?? null, timezone: m.timezone ?? null }));
  }

  async update(id: number, patch: Partial<Pick<Dispute, 'status' | 'stage' | 'mediatorId' | 'spaceId' | 'outcome' | 'summary' | 'closedAt'>>): Promise<void> {
    await this.db.update(t.disputes).set(patch).where(eq(t.disputes.id, id));
  }

  async visibleTo(workspaceId: number, memberId: number): Promise<Dispute[]> {
    const rows = await this.db
      .select()
      .from(t.disputes)
      .where(
        and(
          eq(t.disputes.workspaceId, workspaceId),
          sql`(${t.disputes.mediatorId} = ${memberId}
            or exists (select 1 from dispute_parties p where p.dispute_id = ${t.disputes.id} and p.member_id = ${memberId})
            or exists (select 1 from group_members g where g.group_id = ${t.disputes.groupId} and g.member_id = ${memberId} and g.role = 'convener'))`,
        ),
      )
      .orderBy(desc(t.disputes.number))
      .limit(50);
    return rows.map(toDispute);
  }

  async closed(workspaceId: number, groupId: number | null, limit: number, excludeGroupIds: readonly number[] = []): Promise<Dispute[]> {
    const where = [eq(t.disputes.workspaceId, workspaceId), eq(t.disputes.status, 'closed')];
    if (groupId !== null) where.push(eq(t.disputes.groupId, groupId));
    if (excludeGroupIds.length) where.push(sql`(${t.disputes.groupId} is null or not ${anyOf(t.disputes.groupId, excludeGroupIds)})`);
    const rows = await this.db.select().from(t.disputes).where(and(...where)).orderBy(desc(t.disputes.closedAt)).limit(limit);
    return rows.map(toDispute);
  }

  async addNote(disputeId: number, authorId: number, body: string, at: Date): Promise<void> {
    await this.db.insert(t.disputeNotes).values({ disputeId, authorId, body, createdAt: at });
  }

  async noteCount(disputeId: number): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(t.disputeNotes).where(eq(t.disputeNotes.disputeId, disputeId));
    return Number(row?.n ?? 0);
  }

  async purge(disputeId: number): Promise<PurgeCounts> {
    const [dispute] = await this.db.select().from(t.disputes).where(eq(t.disputes.id, disputeId));
    if (!dispute) return { notes: 0, agreements: 0, messages: 0, replies: 0 };
    const notes = await this.db.delete(t.disputeNotes).where(eq(t.disputeNotes.disputeId, disputeId)).returning({ body: t.disputeNotes.body });
    const agreements = await this.db.delete(t.disputeAgreements).where(eq(t.disputeAgreements.disputeId, disputeId)).returning({ terms: t.disputeAgreements.terms });
    await this.db.update(t.disputes).set({ topic: '' }).where(eq(t.disputes.id, disputeId));
    // What members wrote, as it appears inside stored JSON: copies are found by these.
    const texts = [dispute.topic, ...notes.map((n) => n.body), ...agreements.map((a) => a.terms)]
      .filter((text) => text.trim() !== '')
      .map((text) => JSON.stringify(text).slice(1, -1));
    const quoting = (column: SQL) => sql`exists (select 1 from jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb) as q(text) where strpos(${column}::text, q.text) > 0)`;
    const since = dispute.createdAt.toISOString();
    // Messages sent about the case (caucus texts and decline reasons live only there), and older copies quoting it.
    const messages = rowsOf<{ id: number }>(
      await this.db.execute(sql`
        delete from outbox where dispute_id = ${disputeId}
          or (dispute_id is null and workspace_id = ${dispute.workspaceId} and created_at >= ${since}::timestamptz
              and status in ('sent', 'failed') and ${quoting(sql`view`)})
        returning id`),
    );
    const replies = texts.length === 0
      ? []
      : rowsOf<{ key: string }>(
          await this.db.execute(sql`
            delete from processed_commands
            where workspace_id = ${dispute.workspaceId} and created_at >= ${since}::timestamptz and ${quoting(sql`reply`)}
            returning key`),
        );
    return { notes: notes.length, agreements: agreements.length, messages: messages.length, replies: replies.length };
  }

  async proposeAgreement(disputeId: number, terms: string, by: number, at: Date): Promise<Agreement> {
    await this.db
      .update(t.disputeAgreements)
      .set({ status: 'superseded' })
      .where(and(eq(t.disputeAgreements.disputeId, disputeId), eq(t.disputeAgreements.status, 'pending')));
    const [row] = await this.db.insert(t.disputeAgreements).values({ disputeId, terms, proposedBy: by, proposedAt: at, status: 'pending', responses: {} }).returning();
    return toAgreement(row!);
  }

  async pendingAgreement(disputeId: number): Promise<Agreement | null> {
    const [row] = await this.db
      .select()
      .from(t.disputeAgreements)
      .where(and(eq(t.disputeAgreements.disputeId, disputeId), eq(t.disputeAgreements.status, 'pending')))
      .for('update');
    return row ? toAgreement(row) : null;
  }

  async latestAgreement(disputeId: number): Promise<Agreement | null> {
    const [row] = await this.db.select().from(t.disputeAgreements).where(eq(t.disputeAgreements.disputeId, disputeId)).orderBy(desc(t.disputeAgreements.id)).limit(1);
    return row ? toAgreement(row) : null;
  }

  async respond(agreementId: number, memberId: number, response: 'accepted' | 'declined'): Promise<Agreement> {
    const [row] = await this.db
      .update(t.disputeAgreements)
      .set({ responses: sql`${t.disputeAgreements.responses} || ${JSON.stringify({ [memberId]: response })}::jsonb` })
      .where(eq(t.disputeAgreements.id, agreementId))
      .returning();
    return toAgreement(row!);
  }

  async setAgreementStatus(agreementId: number, status: Agreement['status']): Promise<void> {
    await this.db.update(t.disputeAgreements).set({ status }).where(eq(t.disputeAgreements.id, agreementId));
  }

  async lastMediator(groupId: number): Promise<number | null> {
    const [row] = await this.db.select({ id: t.groups.lastMediatorId }).from(t.groups).where(eq(t.groups.id, groupId));
    return row?.id ?? null;
  }

  async setLastMediator(groupId: number, memberId: number): Promise<void> {
    await this.db.update(t.groups).set({ lastMediatorId: memberId }).where(eq(t.groups.id, groupId));
  }

  async retentionDays(workspaceId: number): Promise<number> {
    const [row] = await this.db.select({ days: t.workspaces.mediationRetentionDays }).from(t.workspaces).where(eq(t.workspaces.id, workspaceId));
    return row?.days ?? 90;
  }
}
