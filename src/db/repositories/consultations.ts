// Stakeholders consulted on proposals and the advice given for them, in drizzle.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Member } from '../../core/members/ports.js';
import type { Advice, Consultation, ConsultationRepo, ConsultedOn, ProposalStatus } from '../../core/proposals/ports.js';
import { anyOf } from '../client.js';
import * as t from '../schema.js';
import { toMember, type Conn } from './rows.js';

/** Whether anyone answered for the consultation's stakeholder on its proposal. */
const answered = sql<boolean>`exists (select 1 from ${t.proposalAdvice} a where a.proposal_id = ${t.proposalConsultations.proposalId} and a.stakeholder_id = ${t.proposalConsultations.stakeholderId})`;

export class DrizzleConsultations implements ConsultationRepo {
  constructor(private readonly db: Conn) {}

  async add(proposalId: number, stakeholderIds: readonly number[], at: Date): Promise<void> {
    if (stakeholderIds.length === 0) return;
    await this.db
      .insert(t.proposalConsultations)
      .values(stakeholderIds.map((stakeholderId) => ({ proposalId, stakeholderId, askedAt: at })))
      .onConflictDoNothing();
  }

  async of(proposalId: number): Promise<Consultation[]> {
    const rows = await this.db
      .select({
        stakeholderId: t.stakeholders.id,
        number: t.stakeholders.number,
        name: t.stakeholders.name,
        groupId: t.stakeholders.groupId,
        contactId: t.stakeholders.contactId,
        removedAt: t.stakeholders.removedAt,
        answered,
      })
      .from(t.proposalConsultations)
      .innerJoin(t.stakeholders, eq(t.stakeholders.id, t.proposalConsultations.stakeholderId))
      .where(eq(t.proposalConsultations.proposalId, proposalId))
      .orderBy(asc(t.stakeholders.number));
    return rows.map(({ removedAt, ...r }) => ({ ...r, removed: removedAt !== null, answered: Boolean(r.answered) }));
  }

  async representatives(stakeholderIds: readonly number[]): Promise<{ stakeholderId: number; member: Member }[]> {
    if (stakeholderIds.length === 0) return [];
    const rows = await this.db
      .select({ stakeholderId: t.memberProfiles.representsId, member: t.members })
      .from(t.memberProfiles)
      .innerJoin(t.members, eq(t.members.id, t.memberProfiles.memberId))
      .where(anyOf(t.memberProfiles.representsId, stakeholderIds))
      .orderBy(asc(t.members.id));
    return rows.map((r) => ({ stakeholderId: r.stakeholderId!, member: toMember(r.member) }));
  }

  async advice(proposalId: number): Promise<Advice[]> {
    return this.db
      .select()
      .from(t.proposalAdvice)
      .where(eq(t.proposalAdvice.proposalId, proposalId))
      .orderBy(asc(t.proposalAdvice.givenAt), asc(t.proposalAdvice.advice));
  }

  async give(a: Advice): Promise<string | null> {
    const key = and(eq(t.proposalAdvice.proposalId, a.proposalId), eq(t.proposalAdvice.stakeholderId, a.stakeholderId), eq(t.proposalAdvice.memberId, a.memberId));
    const [before] = await this.db.select({ advice: t.proposalAdvice.advice }).from(t.proposalAdvice).where(key);
    await this.db
      .insert(t.proposalAdvice)
      .values(a)
      .onConflictDoUpdate({
        target: [t.proposalAdvice.proposalId, t.proposalAdvice.stakeholderId, t.proposalAdvice.memberId],
        set: { advice: a.advice, givenAt: a.givenAt },
      });
    return before?.advice ?? null;
  }

  async ofStakeholder(stakeholderId: number, limit: number): Promise<ConsultedOn[]> {
    const rows = await this.db
      .select({
        proposalId: t.proposals.id,
        number: t.proposals.number,
        title: t.proposals.title,
        groupId: t.proposals.groupId,
        status: t.proposals.status,
        answered,
      })
      .from(t.proposalConsultations)
      .innerJoin(t.proposals, eq(t.proposals.id, t.proposalConsultations.proposalId))
      .where(eq(t.proposalConsultations.stakeholderId, stakeholderId))
      .orderBy(desc(t.proposals.number))
      .limit(limit);
    return rows.map((r) => ({ ...r, status: r.status as ProposalStatus, answered: Boolean(r.answered) }));
  }
}
