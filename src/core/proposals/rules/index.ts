// Public face of the decision rules: one tally per rule plus ballot parsing and descriptions.
import { tallyAdvice, tallyConsensus, tallyConsent, tallyFistOfFive, tallyMajority } from './choice-rules.js';
import { tallyApproval, tallyDot, tallyPoll, tallyScore } from './option-rules.js';
import { tallyRanked } from './ranked.js';
import type { RuleName, TallyInput, TallyResult } from './types.js';

export * from './types.js';
export { quorumNeeded } from './common.js';
export { choicesFor, parseBallot, requiresReason, ballotExample, type ParsedBallot } from './ballots.js';
export { choiceLabel, describeRule } from './describe.js';
export { RANKED_TIE_BREAK } from './ranked.js';
export { rulesMessages } from './messages.js';
export {
  tallyAdvice,
  tallyApproval,
  tallyConsensus,
  tallyConsent,
  tallyDot,
  tallyFistOfFive,
  tallyMajority,
  tallyPoll,
  tallyRanked,
  tallyScore,
};

const TALLIES: Record<RuleName, (input: TallyInput) => TallyResult> = {
  consensus: tallyConsensus,
  consent: tallyConsent,
  majority: tallyMajority,
  'fist-of-five': tallyFistOfFive,
  poll: tallyPoll,
  approval: tallyApproval,
  ranked: tallyRanked,
  score: tallyScore,
  dot: tallyDot,
  advice: tallyAdvice,
};

export function tally(rule: RuleName, input: TallyInput): TallyResult {
  return TALLIES[rule](input);
}
