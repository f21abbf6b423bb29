// Who counts as a supporter under each rule, and the requirement applied to a result: pure, so each boundary stands alone.
import { describe, expect, it } from 'vitest';
import { applyCrossSector, supports, supportSectors } from '../../../src/core/proposals/cross-sector.js';
import { tally } from '../../../src/core/proposals/rules/index.js';
import type { BallotValue } from '../../../src/core/proposals/rules/types.js';

const choice = (c: string): BallotValue => ({ kind: 'choice', choice: c });

describe('supporters', () => {
  it('are those who say yes to the proposal, by rule', () => {
    expect(supports('consensus', choice('agree'))).toBe(true);
    expect(supports('consensus', choice('abstain'))).toBe(false);
    expect(supports('consent', choice('consent'))).toBe(true);
    expect(supports('consent', choice('object'))).toBe(false);
    expect(supports('majority', choice('yes'))).toBe(true);
    expect(supports('majority', choice('abstain'))).toBe(false);
    expect(['0', '1', '2', '3', '4', '5'].filter((f) => supports('fist-of-five', choice(f)))).toEqual(['3', '4', '5']);
    expect(supports('poll', choice('yes'))).toBe(false);
  });

  it('count their sectors once each, the undeclared together', () => {
    const ballots = [1, 2, 3, 4, 5].map((memberId) => ({ memberId, value: choice(memberId === 5 ? 'no' : 'yes') }));
    const declared = new Map([
      [1, 'government'],
      [2, 'government'],
      [5, 'business'],
    ]);
    // 1 and 2 government, 3 and 4 undeclared; 5 declared business but voted no.
    expect(supportSectors('majority', ballots, declared)).toBe(2);
    expect(supportSectors('majority', [], declared)).toBe(0);
  });
});

describe('the requirement', () => {
  const passed = tally('majority', { config: { options: [] }, ballots: [{ value: choice('yes') }], electorate: 3 });

  it('turns a pass into "not passed" below N sectors, and leaves it at exactly N', () => {
    expect(applyCrossSector(passed, 3, 2)).toMatchObject({ outcome: 'failed', crossSector: { needed: 3, sectors: 2, met: false, decisive: true } });
    expect(applyCrossSector(passed, 3, 3)).toMatchObject({ outcome: 'passed', crossSector: { needed: 3, sectors: 3, met: true, decisive: false } });
  });

  it('leaves another outcome as it was, saying only how many sectors there were', () => {
    const failed = tally('majority', { config: { options: [] }, ballots: [{ value: choice('no') }], electorate: 3 });
    const applied = applyCrossSector(failed, 2, 0);
    expect(applied).toMatchObject({ outcome: 'failed', crossSector: { met: false, decisive: false } });
    expect(applied.explanation.at(-1)).toEqual({ key: 'tally.crossSector.short', params: { count: 0, needed: 2 } });
  });
});
