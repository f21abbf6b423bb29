// The contract between proposals and decision rules: ballots in, a readable result out.
import type { Msg } from '../../i18n/types.js';

export const RULES = [
  'consensus',
  'consent',
  'majority',
  'fist-of-five',
  'poll',
  'approval',
  'ranked',
  'score',
  'dot',
  'advice',
] as const;
export type RuleName = (typeof RULES)[number];

export const isRuleName = (value: unknown): value is RuleName => (RULES as readonly unknown[]).includes(value);

/** A fraction such as 2/3 or 60/100. */
export interface Fraction {
  num: number;
  den: number;
}

export interface RuleConfig {
  /** Options for poll, approval, ranked, score and dot. Empty for the others. */
  options: string[];
  /** majority: share of yes among yes+no needed (default: more than half). */
  threshold?: Fraction;
  /** fist-of-five: minimum mean (default 3). */
  minMean?: number;
  /** dot: dots per member (default 5). */
  dots?: number;
  /** Share of the electorate that must cast a ballot (any ballot, abstain included). */
  quorum?: Fraction;
}

/** What a member cast. Which variant is valid depends on the rule. */
export type BallotValue =
  | { kind: 'choice'; choice: string } // consensus, consent, majority, poll, advice, fist-of-five ("0".."5")
  | { kind: 'approval'; choices: string[] }
  | { kind: 'ranked'; order: string[] }
  | { kind: 'score'; scores: Record<string, number> }
  | { kind: 'dot'; dots: Record<string, number> };

export interface Ballot {
  value: BallotValue;
  reason?: string | null;
}

export type Outcome =
  | 'passed' // yes/no style rules
  | 'failed'
  | 'no-quorum'
  | 'winner' // option rules: exactly one winner
  | 'tie' // option rules: several options share the top
  | 'no-votes' // option rules with no usable ballot
  | 'advice-given' // advice: the decider still has to record the decision
  | 'undecided'; // ranked, before close: a lot is needed and is only drawn when voting ends

export interface TallyLine {
  /** Option or choice label, e.g. "agree", "B", "4". */
  option: string;
  /** Count, points, mean or approvals, depending on the rule. */
  value: number;
  /** How to show the value, e.g. "3", "3.67", "12 pts". */
  display: string;
}

/**
 * How ranked choice eliminates among options tied for the fewest votes once the earlier rounds and
 * the number of ballots ranking them cannot separate them: `lot` draws one by a seeded lot, `batch`
 * eliminates all of them at once (and skips the earlier tie-breaks, as common reference counts do).
 */
export const TIE_MODES = ['lot', 'batch'] as const;
export type TieMode = (typeof TIE_MODES)[number];
export const DEFAULT_TIE_MODE: TieMode = 'lot';

/** What the lot is drawn from: the audit chain's head when voting ended. */
export interface LotSeed {
  /** Hash of the audit entry (hex), the seed itself. */
  hash: string;
  /** That entry's sequence number, so anyone can find it in the audit log. */
  seq: number;
}

/** One option's place in a draw: its SHA-256(seed + "\n" + label), lowest first. */
export interface LotTicket {
  option: string;
  hash: string;
}

/** Which tie-break decided a round's elimination, when several options shared the fewest votes. */
export type RankedTieBreak =
  | { by: 'previous'; round: number }
  | { by: 'mentions' }
  | { by: 'lot'; draw: LotTicket[] }
  | { by: 'batch' }
  /** Results frozen before the lot existed: the option listed later was eliminated. */
  | { by: 'order' };

export interface RankedRound {
  round: number;
  counts: Record<string, number>;
  eliminated: string[];
  exhausted: number;
  /** Set only when several options shared the fewest votes. */
  tieBreak?: RankedTieBreak;
}

export interface TallyResult {
  rule: RuleName;
  outcome: Outcome;
  /** Winning option(s): one for 'winner', several for 'tie', empty otherwise. */
  winners: string[];
  lines: TallyLine[];
  rounds?: RankedRound[];
  /** Ranked: how ties for last were settled, and the seed of the lot when one was available. */
  ties?: TieMode;
  seed?: LotSeed;
  turnout: number;
  electorate: number;
  quorumNeeded: number;
  /**
   * Proposals opened with `--cross-sector`: how many sectors were needed and how many the supporters came from,
   * counted when voting ended. `decisive` when the requirement alone kept a passing vote from passing.
   */
  crossSector?: CrossSectorResult;
  /** Sentences a person can read, in order, explaining how the outcome was reached. */
  explanation: Msg[];
}

/** Only counts: which sectors, or who, are never part of a result. */
export interface CrossSectorResult {
  needed: number;
  sectors: number;
  met: boolean;
  decisive: boolean;
}

export interface TallyInput {
  config: RuleConfig;
  ballots: Ballot[];
  /** Voting members at the moment the proposal opened. */
  electorate: number;
  /** Ranked: the proposal's tie mode (default lot). */
  ties?: TieMode;
  /** Ranked, lot mode: the seed, known only once voting has ended. Without it a needed lot leaves the result undecided. */
  seed?: LotSeed;
}
