// Poll, approval, score and dot tallies: winners, ties, empty votes and stable line order.
import { describe, expect, it } from 'vitest';
import { tallyApproval, tallyDot, tallyPoll, tallyScore } from '../../../src/core/proposals/rules/index.js';
import { approval, choice, choices, dot, input, keys, score } from './helpers.js';

const ABC = { options: ['A', 'B', 'C'] };

describe('poll', () => {
  it('picks the plurality winner and keeps lines in option order', () => {
    const r = tallyPoll(input(choices('C', 'C', 'A', 'B', 'C'), ABC));
    expect(r.outcome).toBe('winner');
    expect(r.winners).toEqual(['C']);
    expect(r.lines).toEqual([
      { option: 'A', value: 1, display: '1' },
      { option: 'B', value: 1, display: '1' },
      { option: 'C', value: 3, display: '3' },
    ]);
    expect(r.explanation).toEqual([{ key: 'tally.poll.winner', params: { option: 'C', count: 3 } }]);
  });

  it('reports every option sharing the top as a tie', () => {
    const r = tallyPoll(input(choices('B', 'A', 'A', 'B', 'C'), ABC));
    expect(r.outcome).toBe('tie');
    expect(r.winners).toEqual(['A', 'B']);
    expect(r.explanation).toEqual([{ key: 'tally.poll.tie', params: { options: 'A, B', count: 2 } }]);
  });

  it('reports no-votes when nothing usable was cast', () => {
    const r = tallyPoll(input([choice('Z')], ABC));
    expect(r.outcome).toBe('no-votes');
    expect(r.winners).toEqual([]);
    expect(keys(r.explanation)).toEqual(['tally.ignored', 'tally.noVotes']);
    expect(tallyPoll(input([], ABC)).outcome).toBe('no-votes');
  });

  it('reports no-quorum before anything else', () => {
    const r = tallyPoll(input(choices('A'), { ...ABC, quorum: { num: 1, den: 3 } }, 9));
    expect(r.outcome).toBe('no-quorum');
    expect(r.winners).toEqual([]);
    expect(r.explanation).toEqual([{ key: 'tally.noQuorum', params: { count: 1, needed: 3, electorate: 9 } }]);
  });
});

describe('approval', () => {
  it('counts each approval once per ballot', () => {
    const r = tallyApproval(input([approval('A,C'), approval('C'), approval('B,C,C')], ABC));
    expect(r.outcome).toBe('winner');
    expect(r.winners).toEqual(['C']);
    expect(r.lines.map((l) => l.value)).toEqual([1, 1, 3]);
  });

  it('reports ties', () => {
    const r = tallyApproval(input([approval('A,B'), approval('B,A'), approval('C')], ABC));
    expect(r.outcome).toBe('tie');
    expect(r.winners).toEqual(['A', 'B']);
    expect(r.explanation).toEqual([{ key: 'tally.approval.tie', params: { options: 'A, B', count: 2 } }]);
  });

  it('drops ballots that approve nothing known', () => {
    const r = tallyApproval(input([approval('Z'), approval('A')], ABC));
    expect(r.winners).toEqual(['A']);
    expect(r.explanation[0]).toEqual({ key: 'tally.ignored', params: { count: 1 } });
  });

  it('reports no-votes with no ballots', () => {
    expect(tallyApproval(input([], ABC)).outcome).toBe('no-votes');
  });
});

describe('score', () => {
  it('wins on the highest mean over all ballots, unscored options counting as 0', () => {
    const r = tallyScore(input([score({ A: 5, B: 3 }), score({ B: 4 }), score({ A: 1, C: 5 })], ABC));
    expect(r.outcome).toBe('winner');
    expect(r.winners).toEqual(['B']);
    expect(r.lines).toEqual([
      { option: 'A', value: 2, display: '2.00' },
      { option: 'B', value: 7 / 3, display: '2.33' },
      { option: 'C', value: 5 / 3, display: '1.67' },
    ]);
    expect(r.explanation).toEqual([{ key: 'tally.score.winner', params: { option: 'B', mean: 2.33 } }]);
  });

  it('reports ties on equal means', () => {
    const r = tallyScore(input([score({ A: 4, B: 2 }), score({ A: 0, C: 4 })], ABC));
    expect(r.outcome).toBe('tie');
    expect(r.winners).toEqual(['A', 'C']);
    expect(r.explanation).toEqual([{ key: 'tally.score.tie', params: { options: 'A, C', mean: 2 } }]);
  });

  it('drops ballots with out-of-range or unknown scores instead of counting them in part', () => {
    const r = tallyScore(input([score({ A: 9 }), score({ Z: 1, B: 5 }), score({ C: 2 })], ABC));
    expect(r.winners).toEqual(['C']);
    expect(r.lines[2]).toEqual({ option: 'C', value: 2, display: '2.00' });
  });

  it('reports no-votes with no ballots', () => {
    const r = tallyScore(input([], ABC));
    expect(r.outcome).toBe('no-votes');
    expect(r.lines.map((l) => l.display)).toEqual(['0.00', '0.00', '0.00']);
  });

  it('is not fooled by options named after object properties', () => {
    const r = tallyScore(input([score({ constructor: 2 })], { options: ['constructor', 'toString'] }));
    expect(r.winners).toEqual(['constructor']);
    expect(r.lines.map((l) => l.value)).toEqual([2, 0]);
  });
});

describe('dot', () => {
  it('sums dots and picks the most', () => {
    const r = tallyDot(input([dot({ A: 3, B: 2 }), dot({ B: 5 }), dot({ C: 4, A: 1 })], ABC));
    expect(r.outcome).toBe('winner');
    expect(r.winners).toEqual(['B']);
    expect(r.lines.map((l) => l.value)).toEqual([4, 7, 4]);
    expect(r.explanation).toEqual([{ key: 'tally.dot.winner', params: { option: 'B', count: 7 } }]);
  });

  it('drops ballots over the dot budget', () => {
    const r = tallyDot(input([dot({ A: 6 }), dot({ B: 1 })], ABC));
    expect(r.winners).toEqual(['B']);
    const custom = tallyDot(input([dot({ A: 6 }), dot({ B: 1 })], { ...ABC, dots: 6 }));
    expect(custom.winners).toEqual(['A']);
  });

  it('drops empty and negative ballots', () => {
    const r = tallyDot(input([dot({}), dot({ A: -1, B: 2 }), dot({ C: 1 })], ABC));
    expect(r.winners).toEqual(['C']);
    expect(r.explanation[0]).toEqual({ key: 'tally.ignored', params: { count: 2 } });
  });

  it('reports ties', () => {
    const r = tallyDot(input([dot({ A: 2, C: 3 }), dot({ A: 3, C: 2 })], ABC));
    expect(r.outcome).toBe('tie');
    expect(r.winners).toEqual(['A', 'C']);
  });
});
