// A member's ballot as the vote storage records: the ballot itself and what its audit entry says.
import type { SealedBallot } from '../audit/receipts.js';
import type { Proposal, Vote } from './ports.js';
import type { Ballot } from './rules/types.js';

/**
 * The vote of `memberId` on `p`. Its audit entry names the member and holds the ballot, unless it is
 * `sealed` (an anonymous proposal): then it names nobody and holds only the sealed commitments.
 */
export function voteEntry(p: Pick<Proposal, 'id' | 'workspaceId' | 'number'>, memberId: number, ballot: Ballot, at: Date, sealed: SealedBallot | null = null): Vote {
  return {
    workspaceId: p.workspaceId,
    proposalId: p.id,
    memberId,
    value: ballot.value,
    reason: ballot.reason ?? null,
    at,
    entry: {
      subject: `proposal:${p.number}`,
      data: sealed ? sealed.data : { value: ballot.value, reason: ballot.reason ?? null },
      actorId: sealed ? null : memberId,
    },
  };
}
