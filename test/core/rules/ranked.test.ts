// Instant runoff: rounds, transfers, exhausted ballots, ties and every step of the elimination tie-break.
import { describe, expect, it } from 'vitest';
import { RANKED_TIE_BREAK, tallyRanked } from '../../../src/core/proposals/rules/index.js';
import type { Ballot } from '../../../src/core/proposals/rules/types.js';
import { input, keys, ranked } from './helpers.js';

const times = (n: number, spec: string): Ballot[] => Array.from({ length: n }, () => ranked(spec));
const opts = (...options: string[]) => ({ options });

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
      expect(r.rounds?.[0]).toEqual({ round: 1, counts: { A: 2, B: 1, C: 1, D: 2 }, eliminated: ['B'], exhausted: 0 });
      expect(r.explanation[0]).toMatchObject({
        key: 'tally.ranked.round.eliminatedMentions',
        params: { tied: 'B, C', option: 'B' },
      });
      expect(r.rounds?.map((x) => x.eliminated)).toEqual([['B'], ['C'], []]);
      expect(r.winners).toEqual(['D']);
    });

    it('finally eliminates the option listed later in the proposal', () => {
      const r = tallyRanked(input([...times(2, 'A'), ranked('B'), ranked('C')], opts('A', 'B', 'C')));
      expect(r.rounds?.[0]?.eliminated).toEqual(['C']);
      expect(r.explanation[0]).toMatchObject({
        key: 'tally.ranked.round.eliminatedOrder',
        params: { tied: 'B, C', option: 'C' },
      });
      expect(r.winners).toEqual(['A']);
      // Same ballots with the options listed the other way round eliminate B instead.
      const flipped = tallyRanked(input([...times(2, 'A'), ranked('B'), ranked('C')], opts('A', 'C', 'B')));
      expect(flipped.rounds?.[0]?.eliminated).toEqual(['B']);
    });

    it('is documented in plain English for the README', () => {
      expect(RANKED_TIE_BREAK).toMatch(/previous round/);
      expect(RANKED_TIE_BREAK).toMatch(/fewer ballots overall/);
      expect(RANKED_TIE_BREAK).toMatch(/listed later/);
      expect(RANKED_TIE_BREAK).toMatch(/tie/);
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

  it('closes 10,000 ballots over 5 options well under 50 ms', () => {
    const options = ['A', 'B', 'C', 'D', 'E'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const ballots: Ballot[] = Array.from({ length: 10_000 }, () => {
      const order = [...options].sort(() => next() - 0.5).slice(0, 1 + Math.floor(next() * 5));
      return { value: { kind: 'ranked', order } };
    });
    const run = () => tallyRanked({ config: { options }, ballots, electorate: 10_000 });
    run();
    const start = performance.now();
    const r = run();
    const elapsed = performance.now() - start;
    expect(['winner', 'tie']).toContain(r.outcome);
    expect(elapsed).toBeLessThan(50);
  });
});
