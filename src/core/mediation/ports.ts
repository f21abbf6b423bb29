// What mediation needs from storage, inside the command's transaction.
import type { Member } from '../members/ports.js';

/** awaiting-consent: a named party has not agreed yet, so nothing is announced; declined: one said no. */
export type DisputeStatus = 'awaiting-consent' | 'declined' | 'awaiting-mediator' | 'open' | 'paused' | 'closed';
export type Consent = 'pending' | 'accepted' | 'declined';
export const STAGES = ['statements', 'interests', 'options', 'agreement'] as const;
export type Stage = (typeof STAGES)[number];
export const DISPUTE_OUTCOMES = ['resolved', 'partial', 'unresolved', 'escalated'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

export interface Dispute {
  id: number;
  workspaceId: number;
  number: number;
  groupId: number | null;
  proposalId: number | null;
  topic: string;
  requestedBy: number;
  mediatorId: number | null;
  status: DisputeStatus;
  stage: Stage;
  confidential: boolean;
  channelId: string;
  spaceId: string | null;
  outcome: DisputeOutcome | null;
  summary: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

export interface Agreement {
  id: number;
  disputeId: number;
  terms: string;
  proposedBy: number;
  status: 'pending' | 'accepted' | 'declined' | 'superseded';
  responses: Record<string, 'accepted' | 'declined'>;
}

export interface PurgeCounts {
  notes: number;
  agreements: number;
  messages: number;
  replies: number;
}

export interface DisputeRepo {
  nextNumber(workspaceId: number): Promise<number>;
  /** Parties in `pending` are asked for their consent; the others have given it. */
  insert(input: Omit<Dispute, 'id' | 'spaceId' | 'outcome' | 'summary' | 'closedAt'>, partyIds: number[], pending?: number[]): Promise<Dispute>;
  /** Each party's consent, by member id. */
  consents(disputeId: number): Promise<Map<number, Consent>>;
  setConsent(disputeId: number, memberId: number, consent: Consent, at: Date): Promise<void>;
  find(workspaceId: number, number: number): Promise<Dispute | null>;
  get(id: number): Promise<Dispute | null>;
  bySpace(workspaceId: number, spaceId: string): Promise<Dispute | null>;
  parties(id: number): Promise<Member[]>;
  update(id: number, patch: Partial<Pick<Dispute, 'status' | 'stage' | 'mediatorId' | 'spaceId' | 'outcome' | 'summary' | 'closedAt'>>): Promise<void>;
  /** Cases the member is a party to or mediates, and cases of groups the member convenes. */
  visibleTo(workspaceId: number, memberId: number): Promise<Dispute[]>;
  /** Closed cases, newest first; those filed under `excludeGroupIds` (private groups the reader may not see) left out. */
  closed(workspaceId: number, groupId: number | null, limit: number, excludeGroupIds?: readonly number[]): Promise<Dispute[]>;
  addNote(disputeId: number, authorId: number, body: string, at: Date): Promise<void>;
  noteCount(disputeId: number): Promise<number>;
  /**
   * Deletes every stored copy of the case's private texts: notes, agreements, the topic, the messages
   * sent about the case, and stored replies quoting any of them. Returns how many of each.
   */
  purge(disputeId: number): Promise<PurgeCounts>;
  proposeAgreement(disputeId: number, terms: string, by: number, at: Date): Promise<Agreement>;
  pendingAgreement(disputeId: number): Promise<Agreement | null>;
  latestAgreement(disputeId: number): Promise<Agreement | null>;
  respond(agreementId: number, memberId: number, response: 'accepted' | 'declined'): Promise<Agreement>;
  setAgreementStatus(agreementId: number, status: Agreement['status']): Promise<void>;
  lastMediator(groupId: number): Promise<number | null>;
  setLastMediator(groupId: number, memberId: number): Promise<void>;
  retentionDays(workspaceId: number): Promise<number>;
}
