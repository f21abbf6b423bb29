// Instant runoff: rounds, transfers, exhausted ballots, ties and every step of the elimination tie-break.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { RANKED_TIE_BREAK, tallyRanked } from '../../../src/core/proposals/rules/index.js';
import { drawLot, lotHash } from '../../../src/core/proposals/rules/ranked.js';
import type { Ballot } from '../../../src/core/proposals/rules/types.js';
import { input, keys, ranked } from './helpers.js';

const times = (n: number, spec: string): Ballot[] => Array.from({ length: n }, () => ranked(spec));
const opts = (...options: string[]) => ({ options });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** sha256("seed"): stands in for an audit chain head. */
const SEED = '19b25856e1c150ca834cffc8b59b23adbd0ec0389e58eb22b3b64768098d002b';

describe('ranked choice', () => {
  it('declares a first-round majority the winner', () => {
    const r = tallyRanked(input([...times(3, 'A>B'), ranked('B'), ranked('C>A')], opts('A', 'B', 'C')));
    expect(r.outcome).toBe('winner');
    expect(r.winners).toEqual(['A']);
    expect(r.rounds).toEqual([{ round: 1, counts: { A: 3, B: 1, C: 1 }, eliminated: [], exhausted: 0 }]);
    expect(r.explanation).toEqual([
      {
        key: 'tally.ranked.round.winner',
        params: { round: 1, counts: 'A 3, B 1, C 1', exhausted: 0, active: 5, option: 'A' },
      },
    ]);
  });

  it('transfers eliminated ballots to their next continuing preference', () => {
    const r = tallyRanked(input([...times(4, 'A'), ...times(3, 'B'), ...times(2, 'C>B')], opts('A', 'B', 'C')));
    expect(r.winners).toEqual(['B']);
    expect(r.rounds).toEqual([
      { round: 1, counts: { A: 4, B: 3, C: 2 }, eliminated: ['C'], exhausted: 0 },
      { round: 2, counts: { A: 4, B: 5 }, eliminated: [], exhausted: 0 },
    ]);
    expect(keys(r.explanation)).toEqual(['tally.ranked.round.eliminated', 'tally.ranked.round.winner']);
    // Lines keep proposal order and show each option's count in the last round it stood in.
    expect(r.lines).toEqual([
      { option: 'A', value: 4, display: '4' },
      { option: 'B', value: 5, display: '5' },
      { option: 'C', value: 2, display: '2' },
    ]);
  });

  it('leaves exhausted ballots out of the majority', () => {
    const r = tallyRanked(input([...times(4, 'A'), ...times(3, 'B>A'), ...times(2, 'C')], opts('A', 'B', 'C')));
    expect(r.winners).toEqual(['A']);
    expect(r.rounds?.[1]).toEqual({ round: 2, counts: { A: 4, B: 3 }, eliminated: [], exhausted: 2 });
    // 4 of 7 continuing ballots is a majority even though 4 of 9 cast is not.
    expect(r.explanation[1]?.params).toMatchObject({ exhausted: 2, active: 7, option: 'A' });
  });

  it('skips already-eliminated later preferences when transferring', () => {
    const ballots = [...times(6, 'A'), ...times(2, 'B>C'), ...times(4, 'C'), ranked('D>B>A')];
    const r = tallyRanked(input(ballots, opts('A', 'B', 'C', 'D')));
    // The D>B>A ballot moves to B, and when B goes too it lands on A.
    expect(r.rounds?.map((x) => x.counts)).toEqual([
      { A: 6, B: 2, C: 4, D: 1 },
      { A: 6, B: 3, C: 4 },
      { A: 7, C: 6 },
    ]);
    expect(r.winners).toEqual(['A']);
  });

  it('reports a tie when every remaining option has the same count', () => {
    const r = tallyRanked(input([...times(2, 'A'), ...times(2, 'B'), ranked('C')], opts('A', 'B', 'C')));
    expect(r.outcome).toBe('tie');
    expect(r.winners).toEqual(['A', 'B']);
    expect(r.rounds?.[1]).toEqual({ round: 2, counts: { A: 2, B: 2 }, eliminated: [], exhausted: 1 });
    expect(r.explanation[1]).toEqual({
      key: 'tally.ranked.round.tie',
      params: { round: 2, counts: 'A 2, B 2', exhausted: 1, active: 4, options: 'A, B' },
    });
  });

  it('reports a tie in round 1 rather than eliminating arbitrarily', () => {
    const r = tallyRanked(input([ranked('A>B'), ranked('B>A')], opts('A', 'B')));
    expect(r.outcome).toBe('tie');
    expect(r.rounds).toHaveLength(1);
  });

  describe('elimination tie-break', () => {
    it('first looks at the previous round', () => {
      const ballots = [...times(5, 'A'), ...times(4, 'B'), ...times(3, 'C>B'), ranked('D>C>B'), ranked('D')];
      const r = tallyRanked(input(ballots, opts('A', 'B', 'C', 'D')));
      expect(r.rounds?.map((x) => x.counts)).toEqual([
        { A: 5, B: 4, C: 3, D: 2 },
        { A: 5, B: 4, C: 4 },
        { A: 5, B: 8 },
      ]);
      expect(r.rounds?.map((x) => x.eliminated)).toEqual([['D'], ['C'], []]);
      expect(r.explanation[1]).toMatchObject({
        key: 'tally.ranked.round.eliminatedPrevious',
        params: { tied: 'B, C', option: 'C', previous: 1 },
      });
      expect(r.winners).toEqual(['B']);
    });

    it('walks back past rounds where the tied options were also level', () => {
      const ballots = [
        ...times(10, 'A'),
        ...times(4, 'B'),
        ...times(3, 'C'),
        ranked('D>B'),
        ranked('D>C'),
        ranked('E>C'),
      ];
      const r = tallyRanked(input(ballots, opts('A', 'B', 'C', 'D', 'E')));
      expect(r.rounds?.map((x) => x.counts)).toEqual([
        { A: 10, B: 4, C: 3, D: 2, E: 1 },
        { A: 10, B: 4, C: 4, D: 2 },
        { A: 10, B: 5, C: 5 },
        { A: 10, B: 5 },
      ]);
      expect(keys(r.explanation)).toEqual([
        'tally.ranked.round.eliminated',
        'tally.ranked.round.eliminated',
        'tally.ranked.round.eliminatedPrevious',
        'tally.ranked.round.winner',
      ]);
      expect(r.explanation[2]?.params).toMatchObject({ option: 'C', previous: 1 });
      expect(r.rounds?.[3]?.exhausted).toBe(5);
      expect(r.winners).toEqual(['A']);
    });

    it('then looks at total mentions across all ballots', () => {
      const ballots = [...times(2, 'A>C'), ranked('B'), ranked('C>D'), ...times(2, 'D')];
      const r = tallyRanked(input(ballots, opts('A', 'B', 'C', 'D')));
      expect(r.rounds?.[0]).toEqual({ round: 1, counts: { A: 2, B: 1, C: 1, D: 2 }, eliminated: ['B'], exhausted: 0, tieBreak: { by: 'mentions' } });
      expect(r.explanation[0]).toMatchObject({
        key: 'tally.ranked.round.eliminatedMentions',
        params: { tied: 'B, C', option: 'B' },
      });
      expect(r.rounds?.map((x) => x.eliminated)).toEqual([['B'], ['C'], []]);
      expect(r.winners).toEqual(['D']);
    });

    it('finally draws a lot that the listing order cannot steer', () => {
      const ballots = [...times(2, 'A'), ranked('B'), ranked('C')];
      const seeded = { hash: SEED, seq: 41 };
      const listed = tallyRanked({ ...input(ballots, opts('A', 'B', 'C')), seed: seeded });
      const reversed = tallyRanked({ ...input(ballots, opts('C', 'B', 'A')), seed: seeded });
      for (const r of [listed, reversed]) {
        // sha256sum: B draws 4e42aa51…, C draws fe98ff79…; the lowest is eliminated.
        expect(r.rounds?.[0]?.eliminated).toEqual(['B']);
        expect(r.rounds?.[0]?.tieBreak).toEqual({
          by: 'lot',
          draw: [
            { option: 'B', hash: '4e42aa51d60d801a00033d87635924d32b88c946e5378ea937c3a098b2da10fd' },
            { option: 'C', hash: 'fe98ff795922bcb9f28ac9006b6eaa7fed60bbabc5fd66c6f03c724fd5e23e62' },
          ],
        });
        expect(r.winners).toEqual(['A']);
        expect(r.seed).toEqual(seeded);
        expect(r.ties).toBe('lot');
      }
      expect(listed.explanation[0]).toMatchObject({ key: 'tally.ranked.round.eliminatedLot', params: { tied: 'B, C', option: 'B', seq: 41 } });
    });

    it('draws from the seed alone: re-running with the published seed gives the same draw, another seed may not', () => {
      const ballots = [...times(2, 'A'), ranked('B'), ranked('C')];
      const run = (hash: string) => tallyRanked({ ...input(ballots, opts('A', 'B', 'C')), seed: { hash, seq: 1 } });
      expect(run(SEED)).toEqual(run(SEED));
      // sha256("y") as the seed: C draws 0cfe7da4…, below B's 5a8e0fd7….
      expect(run(sha256('y')).rounds?.[0]?.eliminated).toEqual(['C']);
      // What the documentation tells members to type reproduces each ticket.
      for (const ticket of drawLot(SEED, ['Sa Pa', 'Hội An'])) expect(ticket.hash).toBe(sha256(`${SEED}\n${ticket.option}`));
      expect(drawLot(SEED, ['Sa Pa', 'Hội An']).map((d) => d.option)).toEqual(['Hội An', 'Sa Pa']);
    });

    it('draws the same for a label typed with combining accents as for the precomposed one', () => {
      const composed = 'Hội An';
      const decomposed = composed.normalize('NFD');
      expect(decomposed).not.toBe(composed);
      expect(lotHash(SEED, decomposed)).toBe(lotHash(SEED, composed));
      expect(lotHash(SEED, composed)).toBe('c1f016c6cba23851e19abcd3dc00b3f1cf7664d8bddd1a19783f939e29335b94');
    });

    it('uses the lot only after the earlier rounds and the ballot count leave the options level', () => {
      // The previous-round case above, with a seed that would favour eliminating B: C still goes.
      const ballots = [...times(5, 'A'), ...times(4, 'B'), ...times(3, 'C>B'), ranked('D>C>B'), ranked('D')];
      for (const hash of [SEED, sha256('y'), sha256('z')]) {
        const r = tallyRanked({ ...input(ballots, opts('A', 'B', 'C', 'D')), seed: { hash, seq: 1 } });
        expect(r.rounds?.[1]?.tieBreak).toEqual({ by: 'previous', round: 1 });
        expect(r.winners).toEqual(['B']);
      }
    });

    it('before voting ends, says a lot will decide instead of guessing it', () => {
      const r = tallyRanked(input([...times(2, 'A'), ranked('B'), ranked('C')], opts('A', 'B', 'C')));
      expect(r.outcome).toBe('undecided');
      expect(r.winners).toEqual([]);
      expect(r.rounds).toEqual([{ round: 1, counts: { A: 2, B: 1, C: 1 }, eliminated: [], exhausted: 0 }]);
      expect(r.explanation).toEqual([
        { key: 'tally.ranked.round.lotAtClose', params: { round: 1, counts: 'A 2, B 1, C 1', exhausted: 0, active: 4, tied: 'B, C' } },
      ]);
    });

    it('is documented in plain English for the README', () => {
      expect(RANKED_TIE_BREAK).toMatch(/previous round/);
      expect(RANKED_TIE_BREAK).toMatch(/fewer ballots overall/);
      expect(RANKED_TIE_BREAK).toMatch(/lot/);
      expect(RANKED_TIE_BREAK).toMatch(/SHA-256/);
      expect(RANKED_TIE_BREAK).not.toMatch(/listed later/);
      expect(RANKED_TIE_BREAK).toMatch(/batch/);
    });
  });

  describe('batch elimination', () => {
    const batch = (ballots: Ballot[], options: string[]) => tallyRanked({ ...input(ballots, { options }), ties: 'batch' });

    it('eliminates every option tied for fewest at once', () => {
      const r = batch([...times(2, 'A'), ranked('B'), ranked('C')], ['A', 'B', 'C']);
      expect(r.rounds?.[0]).toEqual({ round: 1, counts: { A: 2, B: 1, C: 1 }, eliminated: ['B', 'C'], exhausted: 0, tieBreak: { by: 'batch' } });
      expect(r.explanation[0]).toMatchObject({ key: 'tally.ranked.round.eliminatedBatch', params: { tied: 'B, C', option: 'B, C' } });
      expect(r.winners).toEqual(['A']);
      expect(r.ties).toBe('batch');
      expect(r.seed).toBeUndefined();
    });

    it('skips the earlier-round tie-break, as common reference counts do', () => {
      const ballots = [...times(5, 'A'), ...times(4, 'B'), ...times(3, 'C>B'), ranked('D>C>B'), ranked('D')];
      const r = batch(ballots, ['A', 'B', 'C', 'D']);
      // Round 2 has B 4, C 4: both go, and A is left alone (lot mode eliminates C and B wins).
      expect(r.rounds?.map((x) => x.eliminated)).toEqual([['D'], ['B', 'C'], []]);
      expect(r.winners).toEqual(['A']);
    });

    it('transfers ballots from every option eliminated together', () => {
      const ballots = [...times(4, 'A'), ...times(3, 'D'), ...times(2, 'B>D'), ...times(2, 'C>D')];
      const r = batch(ballots, ['A', 'B', 'C', 'D']);
      expect(r.rounds?.map((x) => x.counts)).toEqual([
        { A: 4, B: 2, C: 2, D: 3 },
        { A: 4, D: 7 },
      ]);
      expect(r.winners).toEqual(['D']);
    });

    it('still reports a tie when every remaining option is level', () => {
      const r = batch([ranked('A>B'), ranked('B>A'), ranked('C')], ['A', 'B', 'C']);
      expect(r.outcome).toBe('tie');
      expect(r.winners).toEqual(['A', 'B', 'C']);
    });

    it('never needs a seed', () => {
      expect(batch([...times(2, 'A'), ranked('B'), ranked('C')], ['A', 'B', 'C']).outcome).toBe('winner');
    });
  });

  it('ignores unknown names and repeats inside a ballot, and drops ballots with nothing usable', () => {
    const r = tallyRanked(input([ranked('Z>A>A>B'), ranked('Z'), ranked(''), ranked('B')], opts('A', 'B')));
    expect(r.rounds?.[0]?.counts).toEqual({ A: 1, B: 1 });
    expect(r.outcome).toBe('tie');
    expect(r.explanation[0]).toEqual({ key: 'tally.ignored', params: { count: 2 } });
  });

  it('reports no-votes without ballots', () => {
    const r = tallyRanked(input([], opts('A', 'B')));
    expect(r.outcome).toBe('no-votes');
    expect(r.rounds).toBeUndefined();
    expect(keys(r.explanation)).toEqual(['tally.noVotes']);
  });

  it('reports no-quorum with first preferences as lines and no rounds', () => {
    const r = tallyRanked(input([ranked('B>A')], { options: ['A', 'B'], quorum: { num: 1, den: 2 } }, 4));
    expect(r.outcome).toBe('no-quorum');
    expect(r.rounds).toBeUndefined();
    expect(r.lines.map((l) => l.value)).toEqual([0, 1]);
  });

  it('declares a sole option the winner', () => {
    expect(tallyRanked(input([ranked('A')], opts('A'))).winners).toEqual(['A']);
  });
});
