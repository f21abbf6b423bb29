// Proposals and their ballots as stored.
import type { MessageRef } from '../outbox/ports.js';
import type { Ballot, BallotValue, RuleConfig, RuleName, TallyResult, TieMode } from './rules/types.js';

export const HIDE_RESULTS = ['never', 'until-vote', 'until-close'] as const;
export type HideResults = (typeof HIDE_RESULTS)[number];

export type ProposalStatus = 'open' | 'closed' | 'withdrawn';

export interface Proposal {
  id: number;
  workspaceId: number;
  number: number;
  groupId: number;
  authorId: number;
  title: string;
  body: string | null;
  rule: RuleName;
  config: RuleConfig;
  anonymous: boolean;
  hideResults: HideResults;
  /** Ranked choice: how a tie for fewest votes is settled; fixed when the proposal opens. */
  ties: TieMode;
  deciderId: number | null;
  status: ProposalStatus;
  electorateSize: number;
  closesAt: Date | null;
  closedAt: Date | null;
  result: TallyResult | null;
  outcome: string | null;
  outcomeBy: number | null;
  outcomeAt: Date | null;
  /** Who withdrew it; absent where a proposal is read without it (a voter's read) and null before it was recorded. */
  withdrawnBy?: number | null;
  reviewAt: Date | null;
  channelId: string;
  messageRef: MessageRef | null;
  cardHash: string | null;
  createdAt: Date;
}

export interface StoredBallot extends Ballot {
  memberId: number;
  value: BallotValue;
  castAt: Date;
  updatedAt: Date;
}

export interface ProposalFilter {
  status?: ProposalStatus[];
  groupIds?: number[];
  /** Leaves out the proposals of these groups (private groups the reader may not see). */
  excludeGroupIds?: readonly number[];
  decided?: boolean;
  limit?: number;
}
