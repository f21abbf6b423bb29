// Tallies for rules that pick among the proposal's options in one pass: poll, approval, score and dot.
import { msg, type Msg } from '../../i18n/types.js';
import { MAX_SCORE } from './choices.js';
import { countLine, dotsOf, finish, formatMean, frame, listNames, noQuorum, preamble, roundMean, type Frame } from './common.js';
import type { BallotValue, TallyInput, TallyLine, TallyResult } from './types.js';

/** Exact label → position. Ballots reaching a tally are already canonical, so no fuzzy matching here. */
export function optionIndex(options: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  options.forEach((o, i) => {
    if (!index.has(o)) index.set(o, i);
  });
  return index;
}

/**
 * Adds one ballot's contribution to `totals`, or returns false (leaving totals untouched) when the
 * ballot does not fit the rule. A malformed ballot is dropped whole rather than partly counted.
 */
type Accumulate = (value: BallotValue, totals: number[]) => boolean;

interface Counted {
  totals: number[];
  usable: number;
  ignored: number;
}

function accumulate(input: TallyInput, add: Accumulate): Counted {
  const totals = input.config.options.map(() => 0);
  let usable = 0;
  for (const ballot of input.ballots) if (add(ballot.value, totals)) usable++;
  return { totals, usable, ignored: input.ballots.length - usable };
}

/** Sentence for a single winner or a tie, given the winners and the top total. */
type Verdict = (winners: string[], top: number) => Msg;

function decideTop(
  f: Frame,
  options: readonly string[],
  counted: Counted,
  lines: TallyLine[],
  winnerMsg: Verdict,
  tieMsg: Verdict,
): TallyResult {
  if (!f.quorumMet) return noQuorum(f, lines);
  const explanation = preamble(f, counted.ignored);
  if (counted.usable === 0 || options.length === 0) {
    explanation.push(msg('tally.noVotes'));
    return finish(f, 'no-votes', [], lines, explanation);
  }
  // Totals are integers (counts, points, score sums), so ties are exact comparisons.
  const top = Math.max(...counted.totals);
  const winners = options.filter((_, i) => counted.totals[i] === top);
  if (winners.length === 1) {
    explanation.push(winnerMsg(winners, top));
    return finish(f, 'winner', winners, lines, explanation);
  }
  explanation.push(tieMsg(winners, top));
  return finish(f, 'tie', winners, lines, explanation);
}

const countLines = (options: readonly string[], totals: readonly number[]): TallyLine[] =>
  options.map((o, i) => countLine(o, totals[i] ?? 0));

export function tallyPoll(input: TallyInput): TallyResult {
  const { options } = input.config;
  const index = optionIndex(options);
  const counted = accumulate(input, (value, totals) => {
    const i = value.kind === 'choice' ? index.get(value.choice) : undefined;
    if (i === undefined) return false;
    totals[i] = (totals[i] ?? 0) + 1;
    return true;
  });
  return decideTop(
    frame('poll', input),
    options,
    counted,
    countLines(options, counted.totals),
    ([w], top) => msg('tally.poll.winner', { option: w ?? '', count: top }),
    (ws, top) => msg('tally.poll.tie', { options: listNames(ws), count: top }),
  );
}

export function tallyApproval(input: TallyInput): TallyResult {
  const { options } = input.config;
  const index = optionIndex(options);
  const counted = accumulate(input, (value, totals) => {
    if (value.kind !== 'approval') return false;
    // Approving the same option twice in one ballot still counts once.
    const picked = new Set<number>();
    for (const c of value.choices) {
      const i = index.get(c);
      if (i !== undefined) picked.add(i);
    }
    if (picked.size === 0) return false;
    for (const i of picked) totals[i] = (totals[i] ?? 0) + 1;
    return true;
  });
  return decideTop(
    frame('approval', input),
    options,
    counted,
    countLines(options, counted.totals),
    ([w], top) => msg('tally.approval.winner', { option: w ?? '', count: top }),
    (ws, top) => msg('tally.approval.tie', { options: listNames(ws), count: top }),
  );
}

/** Checks a name → integer record against known options and a per-entry range; null if unusable. */
function entries(
  record: Record<string, number>,
  index: Map<string, number>,
  max: number,
): Array<[number, number]> | null {
  const out: Array<[number, number]> = [];
  for (const [name, n] of Object.entries(record)) {
    const i = index.get(name);
    if (i === undefined || !Number.isSafeInteger(n) || n < 0 || n > max) return null;
    out.push([i, n]);
  }
  return out;
}

/** Score: options a ballot leaves out count as 0, so every mean is over the same number of ballots. */
export function tallyScore(input: TallyInput): TallyResult {
  const { options } = input.config;
  const index = optionIndex(options);
  const counted = accumulate(input, (value, totals) => {
    if (value.kind !== 'score') return false;
    const scored = entries(value.scores, index, MAX_SCORE);
    if (!scored) return false;
    for (const [i, n] of scored) totals[i] = (totals[i] ?? 0) + n;
    return true;
  });
  const mean = (sum: number): number => (counted.usable === 0 ? 0 : sum / counted.usable);
  const lines = options.map((o, i) => {
    const m = mean(counted.totals[i] ?? 0);
    return { option: o, value: m, display: formatMean(m) };
  });
  return decideTop(
    frame('score', input),
    options,
    counted,
    lines,
    ([w], top) => msg('tally.score.winner', { option: w ?? '', mean: roundMean(mean(top)) }),
    (ws, top) => msg('tally.score.tie', { options: listNames(ws), mean: roundMean(mean(top)) }),
  );
}

export function tallyDot(input: TallyInput): TallyResult {
  const { options } = input.config;
  const index = optionIndex(options);
  const budget = dotsOf(input.config);
  const counted = accumulate(input, (value, totals) => {
    if (value.kind !== 'dot') return false;
    const placed = entries(value.dots, index, budget);
    if (!placed) return false;
    const total = placed.reduce((s, [, n]) => s + n, 0);
    if (total < 1 || total > budget) return false;
    for (const [i, n] of placed) totals[i] = (totals[i] ?? 0) + n;
    return true;
  });
  return decideTop(
    frame('dot', input),
    options,
    counted,
    countLines(options, counted.totals),
    ([w], top) => msg('tally.dot.winner', { option: w ?? '', count: top }),
    (ws, top) => msg('tally.dot.tie', { options: listNames(ws), count: top }),
  );
}
