// Ranked choice by instant runoff, with an elimination tie-break that nobody can steer and anyone can re-check.
//
// Each round counts every ballot for its highest-ranked option still in the race; a ballot with
// none left is exhausted. An option with more than half of the non-exhausted ballots wins.
// Otherwise the option with the fewest votes is eliminated. When several share the fewest, the
// proposal's tie mode decides.
//
// lot (the default): exactly one is eliminated, by the first rule below that separates them:
//   1. fewer votes in the previous round, then the round before that, back to round 1
//      (round 1 being first preferences);
//   2. ranked on fewer ballots (at any rank);
//   3. a lot: each tied option gets SHA-256(seed + "\n" + label), label in Unicode NFC, and the
//      lowest hash is eliminated. The seed is the audit chain's head hash when voting ended, so
//      nobody knows it before then, and the listing order of the options plays no part.
// batch: every option sharing the fewest votes is eliminated at once, as common reference counts do.
//
// When every remaining option has the same count there is nobody to single out, so the result is
// a tie between them rather than an arbitrary pick.
import { createHash } from 'node:crypto';
import { msg, type Msg } from '../../i18n/types.js';
import { countLine, finish, frame, listNames, noQuorum, preamble } from './common.js';
import { optionIndex } from './option-rules.js';
import {
  DEFAULT_TIE_MODE,
  type LotSeed,
  type LotTicket,
  type RankedRound,
  type RankedTieBreak,
  type TallyInput,
  type TallyLine,
  type TallyResult,
} from './types.js';

export const RANKED_TIE_BREAK =
  'When several options share the fewest votes in a round, the one eliminated is the one with ' +
  'fewer votes in the previous round, going back round by round to the first preferences; if they ' +
  'are still tied, the one ranked on fewer ballots overall; if still tied, a lot decides: each tied ' +
  'option gets SHA-256 of the seed, a line break and its label, and the lowest is eliminated. The ' +
  'seed is the audit chain head hash when voting ended, so the order options are listed in plays no ' +
  'part. With ties set to batch, all options sharing the fewest votes are eliminated at once. If all ' +
  'remaining options have the same number of votes, the result is a tie.';

/** The label as it enters the lot: Unicode NFC, so the same text typed either way draws the same. */
export const lotLabel = (option: string): string => option.normalize('NFC');

/** SHA-256 (hex) of seed + "\n" + label: what `printf '%s\n%s' SEED LABEL | sha256sum` prints. */
export function lotHash(seed: string, option: string): string {
  return createHash('sha256').update(`${seed}\n${lotLabel(option)}`, 'utf8').digest('hex');
}

/** The tied options in draw order, lowest hash first; the first is eliminated. */
export function drawLot(seed: string, options: readonly string[]): LotTicket[] {
  return options
    .map((option) => ({ option, hash: lotHash(seed, option) }))
    // Equal hashes would need equal labels; the code-unit order only keeps the sort total.
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.option < b.option ? -1 : a.option > b.option ? 1 : 0));
}

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

/** What breakTie settles: an elimination, or a lot that still needs its seed. */
type Settled = { out: number[]; how: RankedTieBreak | null } | { pending: number[] };

/** Picks what to eliminate among `tied` (ascending indexes), following the documented chain. */
function breakTie(
  tied: number[],
  history: readonly number[][],
  mentions: readonly number[],
  options: readonly string[],
  input: TallyInput,
): Settled {
  if (tied.length === 1) return { out: tied, how: null };
  if ((input.ties ?? DEFAULT_TIE_MODE) === 'batch') return { out: tied, how: { by: 'batch' } };
  let pool = tied;
  // history[last] is the current round, which is what produced the tie.
  for (let r = history.length - 2; r >= 0; r--) {
    const counts = history[r] ?? [];
    pool = narrow(pool, (i) => counts[i] ?? 0);
    if (pool.length === 1) return { out: pool, how: { by: 'previous', round: r + 1 } };
  }
  pool = narrow(pool, (i) => mentions[i] ?? 0);
  if (pool.length === 1) return { out: pool, how: { by: 'mentions' } };
  if (!input.seed) return { pending: pool };
  const draw = drawLot(
    input.seed.hash,
    pool.map((i) => options[i] ?? ''),
  );
  const first = draw[0]?.option;
  return { out: pool.filter((i) => options[i] === first).slice(0, 1), how: { by: 'lot', draw } };
}

function narrow(pool: number[], score: (i: number) => number): number[] {
  let min = Infinity;
  for (const i of pool) min = Math.min(min, score(i));
  return pool.filter((i) => score(i) === min);
}

function eliminationMsg(
  base: Record<string, string | number>,
  eliminated: string[],
  tied: string[],
  tb: RankedTieBreak | null,
  seed: LotSeed | undefined,
): Msg {
  const params = { ...base, option: listNames(eliminated), tied: listNames(tied) };
  if (!tb) return msg('tally.ranked.round.eliminated', params);
  switch (tb.by) {
    case 'previous':
      return msg('tally.ranked.round.eliminatedPrevious', { ...params, previous: tb.round });
    case 'mentions':
      return msg('tally.ranked.round.eliminatedMentions', params);
    case 'lot':
      // The lot only ran among those the earlier tie-breaks left level.
      return msg('tally.ranked.round.eliminatedLot', { ...params, tied: listNames(tied.filter((o) => tb.draw.some((d) => d.option === o))), seq: seed?.seq ?? 0 });
    case 'batch':
      return msg('tally.ranked.round.eliminatedBatch', params);
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
  const withTies = (result: TallyResult): TallyResult => {
    result.ties = input.ties ?? DEFAULT_TIE_MODE;
    if (input.seed && result.ties === 'lot') result.seed = { hash: input.seed.hash, seq: input.seed.seq };
    return result;
  };

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
      return withTies(finish(f, 'winner', [winner], lines(), explanation, rounds));
    }
    if (min === max) {
      const tied = alive.map((i) => options[i] ?? '');
      rounds.push({ round, counts: shown, eliminated: [], exhausted });
      explanation.push(msg('tally.ranked.round.tie', { ...base, options: listNames(tied) }));
      return withTies(finish(f, 'tie', tied, lines(), explanation, rounds));
    }
    const lowest = alive.filter((i) => (counts[i] ?? 0) === min);
    const settled = breakTie(lowest, history, p.mentions, options, input);
    const tiedNames = lowest.map((i) => options[i] ?? '');
    if ('pending' in settled) {
      // Before voting ends there is no seed: say a lot will decide rather than guess its draw.
      rounds.push({ round, counts: shown, eliminated: [], exhausted });
      explanation.push(msg('tally.ranked.round.lotAtClose', { ...base, tied: listNames(settled.pending.map((i) => options[i] ?? '')) }));
      return withTies(finish(f, 'undecided', [], lines(), explanation, rounds));
    }
    for (const i of settled.out) continuing[i] = 0;
    const names = settled.out.map((i) => options[i] ?? '');
    const record: RankedRound = { round, counts: shown, eliminated: names, exhausted };
    if (settled.how) record.tieBreak = settled.how;
    rounds.push(record);
    explanation.push(eliminationMsg(base, names, tiedNames, settled.how, input.seed));
  }
}
