// Plumbing every tally shares: quorum arithmetic, config defaults and assembling a TallyResult.
import { msg, type Msg } from '../../i18n/types.js';
import { DEFAULT_DOTS, DEFAULT_MIN_MEAN } from './choices.js';
import type {
  Fraction,
  Outcome,
  RankedRound,
  RuleConfig,
  RuleName,
  TallyInput,
  TallyLine,
  TallyResult,
} from './types.js';

/** Ballots needed for quorum: ceil(electorate × num / den), 0 when there is no usable quorum. */
export function quorumNeeded(quorum: Fraction | undefined, electorate: number): number {
  if (!quorum || !(quorum.num > 0) || !(quorum.den > 0) || !(electorate > 0)) return 0;
  const product = electorate * quorum.num;
  if (Number.isSafeInteger(product) && Number.isInteger(quorum.den)) {
    // Exact for integer inputs: a correctly rounded quotient of safe integers never crosses an integer.
    return Math.ceil(product / quorum.den);
  }
  // Fractional inputs (e.g. 0.6/1) carry representation error; don't let 3.0000000004 demand 4.
  return Math.ceil(product / quorum.den - 1e-9);
}

/** A configured threshold, or undefined when absent or unusable so the plain-majority default applies. */
export function validThreshold(config: RuleConfig): Fraction | undefined {
  const t = config.threshold;
  if (!t || !(t.den > 0) || !(t.num >= 0) || !Number.isFinite(t.num) || !Number.isFinite(t.den)) {
    return undefined;
  }
  return t;
}

export function minMeanOf(config: RuleConfig): number {
  const m = config.minMean;
  return typeof m === 'number' && Number.isFinite(m) ? m : DEFAULT_MIN_MEAN;
}

/** A dot budget must be a positive integer; anything else falls back to the default. */
export function dotsOf(config: RuleConfig): number {
  const d = config.dots;
  return typeof d === 'number' && Number.isSafeInteger(d) && d > 0 ? d : DEFAULT_DOTS;
}

export const formatFraction = (f: Fraction): string => `${f.num}/${f.den}`;
/** A language-neutral display of a mean ("2.33"); cards and messages write it in the reader's locale. */
export const formatMean = (x: number): string => x.toFixed(2);
/** A mean for a message: a number, rounded to the two decimals it is shown with (`{mean:2}`). */
export const roundMean = (x: number): number => Math.round(x * 100) / 100;
export const listNames = (names: readonly string[]): string => names.join(', ');

/** Reads a ballot record without picking up inherited properties such as "constructor". */
export function own(record: Record<string, number>, key: string): number | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export const countLine = (option: string, value: number): TallyLine => ({
  option,
  value,
  display: String(value),
});

/** What every rule knows before looking at ballot contents. */
export interface Frame {
  rule: RuleName;
  turnout: number;
  electorate: number;
  quorumNeeded: number;
  quorumMet: boolean;
}

export function frame(rule: RuleName, input: TallyInput, quorumApplies = true): Frame {
  const needed = quorumApplies ? quorumNeeded(input.config.quorum, input.electorate) : 0;
  const turnout = input.ballots.length;
  return { rule, turnout, electorate: input.electorate, quorumNeeded: needed, quorumMet: turnout >= needed };
}

export function finish(
  f: Frame,
  outcome: Outcome,
  winners: string[],
  lines: TallyLine[],
  explanation: Msg[],
  rounds?: RankedRound[],
): TallyResult {
  const result: TallyResult = {
    rule: f.rule,
    outcome,
    winners,
    lines,
    turnout: f.turnout,
    electorate: f.electorate,
    quorumNeeded: f.quorumNeeded,
    explanation,
  };
  if (rounds) result.rounds = rounds;
  return result;
}

/** Lines are still shown when quorum fails so members can see how close the vote came. */
export function noQuorum(f: Frame, lines: TallyLine[]): TallyResult {
  return finish(f, 'no-quorum', [], lines, [
    f.turnout === 0
      ? msg('tally.noQuorum.none', { needed: f.quorumNeeded, electorate: f.electorate })
      : msg('tally.noQuorum', { count: f.turnout, needed: f.quorumNeeded, electorate: f.electorate }),
  ]);
}

/** Opening sentences: quorum status (when a quorum is set) and any ballots the rule could not use. */
export function preamble(f: Frame, ignored: number): Msg[] {
  const out: Msg[] = [];
  if (f.quorumNeeded > 0) {
    out.push(msg('tally.quorumMet', { count: f.turnout, needed: f.quorumNeeded, electorate: f.electorate }));
  }
  if (ignored > 0) out.push(msg('tally.ignored', { count: ignored }));
  return out;
}
