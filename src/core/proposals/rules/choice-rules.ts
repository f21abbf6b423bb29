// Tallies for the single-word rules: consensus, consent, majority, fist-of-five and advice.
import { msg, type Msg } from '../../i18n/types.js';
import {
  ADVICE_CHOICES,
  CONSENSUS_CHOICES,
  CONSENT_CHOICES,
  FIST_OF_FIVE_CHOICES,
  MAJORITY_CHOICES,
} from './choices.js';
import {
  countLine,
  finish,
  formatFraction,
  roundMean,
  frame,
  minMeanOf,
  noQuorum,
  preamble,
  validThreshold,
} from './common.js';
import type { Ballot, TallyInput, TallyLine, TallyResult } from './types.js';

interface ChoiceCounts<C extends string> {
  count: Record<C, number>;
  lines: TallyLine[];
  usable: number;
  ignored: number;
}

/** Ballots whose value is not one of the rule's choices are counted for turnout only. */
function countChoices<C extends string>(ballots: readonly Ballot[], choices: readonly C[]): ChoiceCounts<C> {
  const index = new Map<string, number>(choices.map((c, i) => [c, i]));
  const totals = choices.map(() => 0);
  let ignored = 0;
  for (const ballot of ballots) {
    const i = ballot.value.kind === 'choice' ? index.get(ballot.value.choice) : undefined;
    if (i === undefined) ignored++;
    else totals[i] = (totals[i] ?? 0) + 1;
  }
  const count = Object.fromEntries(choices.map((c, i) => [c, totals[i] ?? 0])) as Record<C, number>;
  return {
    count,
    lines: choices.map((c) => countLine(c, count[c])),
    usable: ballots.length - ignored,
    ignored,
  };
}

export function tallyConsensus(input: TallyInput): TallyResult {
  const f = frame('consensus', input);
  const { count, lines, ignored } = countChoices(input.ballots, CONSENSUS_CHOICES);
  if (!f.quorumMet) return noQuorum(f, lines);
  const explanation = preamble(f, ignored);
  const reasons: Msg[] = [];
  if (count.block > 0) reasons.push(msg('tally.consensus.blocked', { count: count.block }));
  if (count.agree === 0) reasons.push(msg('tally.consensus.nobodyAgreed'));
  if (reasons.length > 0) return finish(f, 'failed', [], lines, [...explanation, ...reasons]);
  explanation.push(
    msg('tally.consensus.passed', { agree: count.agree, disagree: count.disagree, abstain: count.abstain }),
  );
  return finish(f, 'passed', [], lines, explanation);
}

export function tallyConsent(input: TallyInput): TallyResult {
  const f = frame('consent', input);
  const { count, lines, usable, ignored } = countChoices(input.ballots, CONSENT_CHOICES);
  if (!f.quorumMet) return noQuorum(f, lines);
  const explanation = preamble(f, ignored);
  if (count.object > 0) {
    explanation.push(msg('tally.consent.objected', { count: count.object }));
    return finish(f, 'failed', [], lines, explanation);
  }
  // Silence is not consent: with no quorum configured, an empty vote must still fail.
  if (usable === 0) {
    explanation.push(msg('tally.consent.noBallots'));
    return finish(f, 'failed', [], lines, explanation);
  }
  explanation.push(msg('tally.consent.passed', { count: count.consent }));
  return finish(f, 'passed', [], lines, explanation);
}

export function tallyMajority(input: TallyInput): TallyResult {
  const f = frame('majority', input);
  const { count, lines, ignored } = countChoices(input.ballots, MAJORITY_CHOICES);
  if (!f.quorumMet) return noQuorum(f, lines);
  const explanation = preamble(f, ignored);
  const { yes, no, abstain } = count;
  if (abstain > 0) explanation.push(msg('tally.majority.abstained', { count: abstain }));
  const decided = yes + no;
  if (decided === 0) {
    explanation.push(msg('tally.majority.noVotes'));
    return finish(f, 'failed', [], lines, explanation);
  }
  const threshold = validThreshold(input.config);
  // Cross-multiplying keeps 2/3-style thresholds exact; floating shares would misjudge the boundary.
  const passed = threshold ? yes * threshold.den >= threshold.num * decided : yes > no;
  const params = { yes, no, decided };
  if (threshold) {
    const key = passed ? 'tally.majority.passedThreshold' : 'tally.majority.failedThreshold';
    explanation.push(msg(key, { ...params, threshold: formatFraction(threshold) }));
  } else {
    explanation.push(msg(passed ? 'tally.majority.passed' : 'tally.majority.failed', params));
  }
  return finish(f, passed ? 'passed' : 'failed', [], lines, explanation);
}

export function tallyFistOfFive(input: TallyInput): TallyResult {
  const f = frame('fist-of-five', input);
  const { count, lines, usable, ignored } = countChoices(input.ballots, FIST_OF_FIVE_CHOICES);
  if (!f.quorumMet) return noQuorum(f, lines);
  const explanation = preamble(f, ignored);
  const minMean = minMeanOf(input.config);
  const min = minMean;
  if (usable === 0) {
    explanation.push(msg('tally.fist-of-five.noBallots'));
    return finish(f, 'failed', [], lines, explanation);
  }
  let sum = 0;
  for (const c of FIST_OF_FIVE_CHOICES) sum += Number(c) * count[c];
  const mean = roundMean(sum / usable);
  explanation.push(msg('tally.fist-of-five.mean', { mean, count: usable, min }));
  const low = count['0'] + count['1'];
  // Compare sum against minMean × n rather than the rounded mean, with slack for fractional minimums.
  const meanOk = sum - minMean * usable >= -1e-9;
  if (low > 0) explanation.push(msg('tally.fist-of-five.lowFingers', { count: low }));
  if (!meanOk) explanation.push(msg('tally.fist-of-five.lowMean', { mean, min }));
  if (low > 0 || !meanOk) return finish(f, 'failed', [], lines, explanation);
  explanation.push(msg('tally.fist-of-five.passed', { mean, min }));
  return finish(f, 'passed', [], lines, explanation);
}

/** Advice never fails or lacks quorum: the decider owns the decision whatever the stances are. */
export function tallyAdvice(input: TallyInput): TallyResult {
  const f = frame('advice', input, false);
  const { count, lines, ignored } = countChoices(input.ballots, ADVICE_CHOICES);
  const explanation = preamble(f, ignored);
  explanation.push(
    msg('tally.advice.summary', { support: count.support, concern: count.concern, abstain: count.abstain }),
    msg('tally.advice.decider'),
  );
  return finish(f, 'advice-given', [], lines, explanation);
}
