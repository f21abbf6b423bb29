// Consensus, consent, majority, fist-of-five and advice tallies against the product spec.
import { describe, expect, it } from 'vitest';
import {
  tally,
  tallyAdvice,
  tallyConsensus,
  tallyConsent,
  tallyFistOfFive,
  tallyMajority,
} from '../../../src/core/proposals/rules/index.js';
import { choice, choices, input, keys, repeat } from './helpers.js';

describe('consensus', () => {
  it('passes with an agree and no block, listing lines in canonical order', () => {
    const r = tallyConsensus(input(choices('disagree', 'agree', 'abstain', 'agree')));
    expect(r.outcome).toBe('passed');
    expect(r.winners).toEqual([]);
    expect(r.lines).toEqual([
      { option: 'agree', value: 2, display: '2' },
      { option: 'abstain', value: 1, display: '1' },
      { option: 'disagree', value: 1, display: '1' },
      { option: 'block', value: 0, display: '0' },
    ]);
    expect(r.explanation).toEqual([
      { key: 'tally.consensus.passed', params: { agree: 2, disagree: 1, abstain: 1 } },
    ]);
    expect(r.turnout).toBe(4);
    expect(r.electorate).toBe(10);
    expect(r.quorumNeeded).toBe(0);
  });

  it('fails when anyone blocks, however many agree', () => {
    const r = tallyConsensus(input([...repeat(9, 'agree'), choice('block', 'unsafe')]));
    expect(r.outcome).toBe('failed');
    expect(r.explanation).toEqual([{ key: 'tally.consensus.blocked', params: { count: 1 } }]);
  });

  it('fails when nobody agrees, even with no blocks', () => {
    const r = tallyConsensus(input(choices('abstain', 'disagree')));
    expect(r.outcome).toBe('failed');
    expect(keys(r.explanation)).toEqual(['tally.consensus.nobodyAgreed']);
  });

  it('gives both reasons when blocked and nobody agreed', () => {
    const r = tallyConsensus(input(choices('block', 'block', 'abstain')));
    expect(r.outcome).toBe('failed');
    expect(r.explanation).toEqual([
      { key: 'tally.consensus.blocked', params: { count: 2 } },
      { key: 'tally.consensus.nobodyAgreed' },
    ]);
  });

  it('fails with no ballots and no quorum set', () => {
    expect(tallyConsensus(input([])).outcome).toBe('failed');
  });

  it('reports no-quorum with ballots cast vs needed, abstentions counting', () => {
    const r = tallyConsensus(input(choices('agree', 'abstain'), { quorum: { num: 1, den: 2 } }, 5));
    expect(r.outcome).toBe('no-quorum');
    expect(r.quorumNeeded).toBe(3);
    expect(r.explanation).toEqual([{ key: 'tally.noQuorum', params: { count: 2, needed: 3, electorate: 5 } }]);
    // Lines stay visible so the card can show how close the vote came.
    expect(r.lines[0]).toEqual({ option: 'agree', value: 1, display: '1' });
  });

  it('meets quorum exactly at the threshold and says so first', () => {
    const r = tallyConsensus(input(choices('agree', 'abstain', 'abstain'), { quorum: { num: 1, den: 2 } }, 5));
    expect(r.outcome).toBe('passed');
    expect(r.explanation[0]).toEqual({ key: 'tally.quorumMet', params: { count: 3, needed: 3, electorate: 5 } });
  });

  it('counts ballots of the wrong shape for turnout only and says so', () => {
    const r = tallyConsensus(input([choice('agree'), choice('yes'), { value: { kind: 'ranked', order: ['a'] } }]));
    expect(r.outcome).toBe('passed');
    expect(r.turnout).toBe(3);
    expect(r.lines.reduce((s, l) => s + l.value, 0)).toBe(1);
    expect(r.explanation[0]).toEqual({ key: 'tally.ignored', params: { count: 2 } });
  });
});

describe('consent', () => {
  it('passes when nobody objects', () => {
    const r = tallyConsent(input(choices('consent', 'consent')));
    expect(r.outcome).toBe('passed');
    expect(r.lines).toEqual([
      { option: 'consent', value: 2, display: '2' },
      { option: 'object', value: 0, display: '0' },
    ]);
    expect(r.explanation).toEqual([{ key: 'tally.consent.passed', params: { count: 2 } }]);
  });

  it('fails on a single objection', () => {
    const r = tallyConsent(input([...repeat(5, 'consent'), choice('object', 'harms support team')]));
    expect(r.outcome).toBe('failed');
    expect(r.explanation).toEqual([{ key: 'tally.consent.objected', params: { count: 1 } }]);
  });

  it('fails with no ballots at all', () => {
    const r = tallyConsent(input([]));
    expect(r.outcome).toBe('failed');
    expect(keys(r.explanation)).toEqual(['tally.consent.noBallots']);
  });

  it('fails when only unusable ballots were cast', () => {
    expect(tallyConsent(input(choices('agree'))).outcome).toBe('failed');
  });

  it('reports no-quorum', () => {
    const r = tallyConsent(input(choices('consent'), { quorum: { num: 2, den: 3 } }, 3));
    expect(r.outcome).toBe('no-quorum');
    expect(r.quorumNeeded).toBe(2);
  });
});

describe('majority', () => {
  it('passes when yes outnumbers no; abstentions do not count against', () => {
    const r = tallyMajority(input([...repeat(3, 'yes'), ...repeat(2, 'no'), ...repeat(4, 'abstain')]));
    expect(r.outcome).toBe('passed');
    expect(r.lines.map((l) => l.option)).toEqual(['yes', 'no', 'abstain']);
    expect(r.explanation).toEqual([
      { key: 'tally.majority.abstained', params: { count: 4 } },
      { key: 'tally.majority.passed', params: { yes: 3, no: 2, decided: 5 } },
    ]);
  });

  it('fails on an even split without a threshold', () => {
    const r = tallyMajority(input(choices('yes', 'no')));
    expect(r.outcome).toBe('failed');
    expect(keys(r.explanation)).toEqual(['tally.majority.failed']);
  });

  it('fails when everyone abstains', () => {
    const r = tallyMajority(input(repeat(3, 'abstain')));
    expect(r.outcome).toBe('failed');
    expect(keys(r.explanation)).toEqual(['tally.majority.abstained', 'tally.majority.noVotes']);
  });

  it('applies a 2/3 threshold exactly at the boundary', () => {
    const two3 = { threshold: { num: 2, den: 3 } };
    const pass = tallyMajority(input([...repeat(2, 'yes'), choice('no')], two3));
    expect(pass.outcome).toBe('passed');
    expect(pass.explanation).toEqual([
      { key: 'tally.majority.passedThreshold', params: { yes: 2, no: 1, decided: 3, threshold: '2/3' } },
    ]);
    // 66 of 100 is just short of 2/3; floating shares would be the usual way to get this wrong.
    const fail = tallyMajority(input([...repeat(66, 'yes'), ...repeat(34, 'no')], two3, 100));
    expect(fail.outcome).toBe('failed');
    expect(keys(fail.explanation)).toEqual(['tally.majority.failedThreshold']);
    expect(tallyMajority(input([...repeat(67, 'yes'), ...repeat(33, 'no')], two3, 100)).outcome).toBe('passed');
  });

  it('lets an even split pass a 1/2 threshold (>=, unlike the default >)', () => {
    const r = tallyMajority(input(choices('yes', 'no'), { threshold: { num: 1, den: 2 } }));
    expect(r.outcome).toBe('passed');
  });

  it('fails with a threshold when nobody voted yes or no', () => {
    const r = tallyMajority(input(choices('abstain'), { threshold: { num: 0, den: 1 } }));
    expect(r.outcome).toBe('failed');
  });

  it('counts abstentions toward quorum', () => {
    const q = { quorum: { num: 1, den: 2 } };
    expect(tallyMajority(input([choice('yes'), ...repeat(4, 'abstain')], q, 10)).outcome).toBe('passed');
    expect(tallyMajority(input([choice('yes'), ...repeat(3, 'abstain')], q, 10)).outcome).toBe('no-quorum');
  });
});

describe('fist of five', () => {
  it('passes when nobody shows 0 or 1 and the mean reaches 3, showing the mean with 2 decimals', () => {
    const r = tallyFistOfFive(input(choices('3', '4', '4')));
    expect(r.outcome).toBe('passed');
    expect(r.lines.map((l) => l.option)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(r.lines.map((l) => l.value)).toEqual([0, 0, 0, 1, 2, 0]);
    expect(r.explanation).toEqual([
      { key: 'tally.fist-of-five.mean', params: { mean: 3.67, count: 3, min: 3 } },
      { key: 'tally.fist-of-five.passed', params: { mean: 3.67, min: 3 } },
    ]);
  });

  it('fails when someone shows 1 even with a high mean', () => {
    const r = tallyFistOfFive(input([...repeat(9, '5'), choice('1')]));
    expect(r.outcome).toBe('failed');
    expect(r.explanation[1]).toEqual({ key: 'tally.fist-of-five.lowFingers', params: { count: 1 } });
  });

  it('fails when the mean is below the minimum', () => {
    const r = tallyFistOfFive(input(choices('2', '3')));
    expect(r.outcome).toBe('failed');
    expect(r.explanation[1]).toEqual({ key: 'tally.fist-of-five.lowMean', params: { mean: 2.5, min: 3 } });
  });

  it('gives both reasons when both apply', () => {
    const r = tallyFistOfFive(input(choices('0', '2')));
    expect(keys(r.explanation)).toEqual([
      'tally.fist-of-five.mean',
      'tally.fist-of-five.lowFingers',
      'tally.fist-of-five.lowMean',
    ]);
  });

  it('respects a custom minMean, including fractional ones', () => {
    expect(tallyFistOfFive(input(choices('4', '4', '3'), { minMean: 4 })).outcome).toBe('failed');
    expect(tallyFistOfFive(input(choices('4', '4', '4'), { minMean: 4 })).outcome).toBe('passed');
    expect(tallyFistOfFive(input(choices('3', '4'), { minMean: 3.5 })).outcome).toBe('passed');
  });

  it('fails with no ballots', () => {
    const r = tallyFistOfFive(input([]));
    expect(r.outcome).toBe('failed');
    expect(keys(r.explanation)).toEqual(['tally.fist-of-five.noBallots']);
  });

  it('reports no-quorum', () => {
    expect(tallyFistOfFive(input(choices('5'), { quorum: { num: 1, den: 2 } }, 4)).outcome).toBe('no-quorum');
  });
});

describe('advice', () => {
  it('is always advice-given and counts each stance', () => {
    const r = tallyAdvice(input(choices('concern', 'support', 'support', 'abstain')));
    expect(r.outcome).toBe('advice-given');
    expect(r.lines).toEqual([
      { option: 'support', value: 2, display: '2' },
      { option: 'concern', value: 1, display: '1' },
      { option: 'abstain', value: 1, display: '1' },
    ]);
    expect(r.explanation).toEqual([
      { key: 'tally.advice.summary', params: { support: 2, concern: 1, abstain: 1 } },
      { key: 'tally.advice.decider' },
    ]);
  });

  it('ignores quorum entirely', () => {
    const r = tallyAdvice(input([], { quorum: { num: 1, den: 1 } }, 50));
    expect(r.outcome).toBe('advice-given');
    expect(r.quorumNeeded).toBe(0);
  });
});

describe('tally dispatch', () => {
  it('routes each rule to its own tally', () => {
    expect(tally('consensus', input(choices('agree'))).rule).toBe('consensus');
    expect(tally('majority', input(choices('yes'))).outcome).toBe('passed');
    expect(tally('advice', input([])).outcome).toBe('advice-given');
    expect(tally('ranked', input([], { options: ['A'] })).outcome).toBe('no-votes');
  });
});
