// Ranked choice by instant runoff, with a fixed elimination tie-break so every close gives the same result.
//
// Each round counts every ballot for its highest-ranked option still in the race; a ballot with
// none left is exhausted. An option with more than half of the non-exhausted ballots wins.
// Otherwise exactly one option is eliminated: the one with the fewest votes. When several share
// the fewest, the first rule below that separates them decides:
//   1. fewer votes in the previous round, then the round before that, back to round 1
//      (round 1 being first preferences);
//   2. fewer mentions at any rank across all ballots;
//   3. listed later in the proposal's options.
// When every remaining option has the same count there is nobody to single out, so the result is
// a tie between them rather than an arbitrary pick.
import { msg, type Msg } from '../../i18n/types.js';
import { countLine, finish, frame, listNames, noQuorum, preamble } from './common.js';
import { optionIndex } from './option-rules.js';
import type { RankedRound, TallyInput, TallyLine, TallyResult } from './types.js';

export const RANKED_TIE_BREAK =
  'When several options share the fewest votes in a round, the one eliminated is the one with ' +
  'fewer votes in the previous round, going back round by round to the first preferences; if they ' +
  'are still tied, the one ranked on fewer ballots overall; if still tied, the one listed later in ' +
  "the proposal's options. If all remaining options have the same number of votes, the result is a tie.";

/** Ballots as flat option indexes so rounds walk typed arrays instead of re-reading strings. */
interface Prepared {
  prefs: Int32Array;
  start: Int32Array;
  end: Int32Array;
  mentions: number[];
  usable: number;
  ignored: number;
}

function prepare(input: TallyInput): Prepared {
  const { options } = input.config;
  const index = optionIndex(options);
  const flat: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const mentions = options.map(() => 0);
  const seen = new Uint8Array(options.length);
  for (const ballot of input.ballots) {
    if (ballot.value.kind !== 'ranked') continue;
    const from = flat.length;
    // Unknown names are skipped and a repeated name keeps its highest rank, so a damaged ballot
    // still counts for what it clearly says.
    for (const name of ballot.value.order) {
      const i = index.get(name);
      if (i === undefined || seen[i]) continue;
      seen[i] = 1;
      flat.push(i);
      mentions[i] = (mentions[i] ?? 0) + 1;
    }
    for (let p = from; p < flat.length; p++) seen[flat[p] ?? 0] = 0;
    if (flat.length > from) {
      starts.push(from);
      ends.push(flat.length);
    }
  }
  return {
    prefs: Int32Array.from(flat),
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    mentions,
    usable: starts.length,
    ignored: input.ballots.length - starts.length,
  };
}

type TieBreak = { by: 'fewest' } | { by: 'previous'; round: number } | { by: 'mentions' } | { by: 'order' };

/** Picks the option to eliminate among `tied` (ascending indexes), following the documented chain. */
function breakTie(tied: number[], history: readonly number[][], mentions: readonly number[]): [number, TieBreak] {
  let pool = tied;
  if (pool.length === 1) return [pool[0] ?? -1, { by: 'fewest' }];
  // history[last] is the current round, which is what produced the tie.
  for (let r = history.length - 2; r >= 0; r--) {
    const counts = history[r] ?? [];
    pool = narrow(pool, (i) => counts[i] ?? 0);
    if (pool.length === 1) return [pool[0] ?? -1, { by: 'previous', round: r + 1 }];
  }
  pool = narrow(pool, (i) => mentions[i] ?? 0);
  if (pool.length === 1) return [pool[0] ?? -1, { by: 'mentions' }];
  return [pool[pool.length - 1] ?? -1, { by: 'order' }];
}

function narrow(pool: number[], score: (i: number) => number): number[] {
  let min = Infinity;
  for (const i of pool) min = Math.min(min, score(i));
  return pool.filter((i) => score(i) === min);
}

function eliminationMsg(
  base: Record<string, string | number>,
  option: string,
  tied: string[],
  tb: TieBreak,
): Msg {
  const params = { ...base, option, tied: listNames(tied) };
  switch (tb.by) {
    case 'fewest':
      return msg('tally.ranked.round.eliminated', params);
    case 'previous':
      return msg('tally.ranked.round.eliminatedPrevious', { ...params, previous: tb.round });
    case 'mentions':
      return msg('tally.ranked.round.eliminatedMentions', params);
    case 'order':
      return msg('tally.ranked.round.eliminatedOrder', params);
  }
}

export function tallyRanked(input: TallyInput): TallyResult {
  const { options } = input.config;
  const f = frame('ranked', input);
  const p = prepare(input);
  const n = options.length;
  const b = p.usable;
  const ptr = p.start.slice();
  const continuing = new Uint8Array(n).fill(1);
  const history: number[][] = [];
  const lastCount = options.map(() => 0);
  const rounds: RankedRound[] = [];
  const explanation: Msg[] = [];

  const countRound = (): { counts: number[]; exhausted: number } => {
    const counts = new Array<number>(n).fill(0);
    let exhausted = 0;
    for (let k = 0; k < b; k++) {
      // Pointers only move forward: an eliminated option never returns, so each ballot is scanned
      // once across all rounds.
      let q = ptr[k] ?? 0;
      const e = p.end[k] ?? 0;
      while (q < e && !continuing[p.prefs[q] ?? 0]) q++;
      ptr[k] = q;
      if (q === e) exhausted++;
      else {
        const opt = p.prefs[q] ?? 0;
        counts[opt] = (counts[opt] ?? 0) + 1;
      }
    }
    return { counts, exhausted };
  };

  // Lines show each option's count in the last round it took part in, in proposal order.
  const lines = (): TallyLine[] => options.map((o, i) => countLine(o, lastCount[i] ?? 0));

  if (!f.quorumMet || b === 0 || n === 0) {
    const first = countRound();
    first.counts.forEach((c, i) => (lastCount[i] = c));
    if (!f.quorumMet) return noQuorum(f, lines());
    return finish(f, 'no-votes', [], lines(), [...preamble(f, p.ignored), msg('tally.noVotes')]);
  }

  explanation.push(...preamble(f, p.ignored));
  for (;;) {
    const { counts, exhausted } = countRound();
    history.push(counts);
    const alive: number[] = [];
    for (let i = 0; i < n; i++) if (continuing[i]) alive.push(i);
    for (const i of alive) lastCount[i] = counts[i] ?? 0;
    const round = history.length;
    const active = b - exhausted;
    const shown = Object.fromEntries(alive.map((i) => [options[i] ?? '', counts[i] ?? 0]));
    const base = {
      round,
      counts: alive.map((i) => `${options[i] ?? ''} ${counts[i] ?? 0}`).join(', '),
      exhausted,
      active,
    };
    let max = -1;
    let min = Infinity;
    for (const i of alive) {
      max = Math.max(max, counts[i] ?? 0);
      min = Math.min(min, counts[i] ?? 0);
    }
    const leader = alive.find((i) => (counts[i] ?? 0) === max) ?? -1;
    if (max * 2 > active || alive.length === 1) {
      const winner = options[leader] ?? '';
      rounds.push({ round, counts: shown, eliminated: [], exhausted });
      explanation.push(msg('tally.ranked.round.winner', { ...base, option: winner }));
      return finish(f, 'winner', [winner], lines(), explanation, rounds);
    }
    if (min === max) {
      const tied = alive.map((i) => options[i] ?? '');
      rounds.push({ round, counts: shown, eliminated: [], exhausted });
      explanation.push(msg('tally.ranked.round.tie', { ...base, options: listNames(tied) }));
      return finish(f, 'tie', tied, lines(), explanation, rounds);
    }
    const lowest = alive.filter((i) => (counts[i] ?? 0) === min);
    const [out, how] = breakTie(lowest, history, p.mentions);
    continuing[out] = 0;
    const name = options[out] ?? '';
    rounds.push({ round, counts: shown, eliminated: [name], exhausted });
    explanation.push(
      eliminationMsg(
        base,
        name,
        lowest.map((i) => options[i] ?? ''),
        how,
      ),
    );
  }
}
