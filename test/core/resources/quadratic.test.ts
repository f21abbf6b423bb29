// Quadratic funding: many small contributors matched over one large one, cluster matching by sector, the per-bucket cap with its excess shared out, and a pool that adds up to the last unit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, closePool, grantShares, OPEN_ENDED, openPool, type CrowdfundState } from '../../../src/core/resources/crowdfund.js';
import { contributionsOf, quadraticFunding, type Contribution } from '../../../src/core/resources/quadratic.js';

let nextMember = 1;
/** `count` different members each giving `amount` to `bucket`. */
const crowd = (bucket: number, count: number, amount: number): Contribution[] => Array.from({ length: count }, () => ({ member: nextMember++, bucket, amount }));
const matching = (r: ReturnType<typeof quadraticFunding>) => Object.fromEntries(r.buckets.map((b) => [b.bucket, b.matching]));

describe('quadratic funding', () => {
  it('funds N contributors of c at N²c: the match is the difference, and one big giver gets none', () => {
    // Four members give 1 each to bucket 1, one member gives 4 to bucket 2: the same money, (4·√1)² − 4 = 12 against 0.
    const r = quadraticFunding([...crowd(1, 4, 1), ...crowd(2, 1, 4)], 12);
    expect(r.buckets.map((b) => [b.bucket, b.contributed, b.ideal, b.matching])).toEqual([
      [1, 4, 12, 12],
      [2, 4, 0, 0],
    ]);
    expect([r.matched, r.unmatched]).toEqual([12, 0]);
  });

  it('shares the pool in proportion to each bucket’s ideal match', () => {
    // Ideal matches 1,200 (4 × 100), 0 (1 × 400) and 200 (2 × 100) share a pool of 700 as 600 and 100.
    const r = quadraticFunding([...crowd(1, 4, 100), ...crowd(2, 1, 400), ...crowd(3, 2, 100)], 700);
    expect(matching(r)).toEqual({ 1: 600, 2: 0, 3: 100 });
  });

  it('counts a member once per bucket, however many times they give', () => {
    const r = quadraticFunding([{ member: 1, bucket: 1, amount: 1 }, { member: 1, bucket: 1, amount: 3 }, ...crowd(2, 2, 2)], 100);
    expect(r.buckets[0]).toMatchObject({ contributed: 4, ideal: 0, matching: 0 });
    expect(r.buckets[1]).toMatchObject({ contributed: 4, matching: 100 });
    expect(r.buckets[1]!.ideal).toBeCloseTo(4, 12);
  });

  it('with cluster matching, a sector giving as a bloc counts as one contributor', () => {
    // Bucket 1: four government members give 1 each. Bucket 2: one member from each of four sectors gives 1.
    const bloc = crowd(1, 4, 1);
    const broad = crowd(2, 4, 1);
    const clusters = new Map<number, string>([...bloc.map((c) => [c.member, 'government'] as const), ...broad.map((c, i) => [c.member, ['government', 'community', 'business', 'academia'][i]!] as const)]);
    expect(matching(quadraticFunding([...bloc, ...broad], 12))).toEqual({ 1: 6, 2: 6 });
    const clustered = quadraticFunding([...bloc, ...broad], 12, { clusters });
    expect(clustered.buckets.map((b) => b.ideal)).toEqual([0, 12]);
    expect(matching(clustered)).toEqual({ 1: 0, 2: 12 });
  });

  it('sums within a cluster before the square root: (√2 + √1)² − 3 for two members of one sector and one of another', () => {
    const c = crowd(1, 3, 1);
    const clusters = new Map([[c[0]!.member, 'community'], [c[1]!.member, 'community'], [c[2]!.member, 'business']]);
    const r = quadraticFunding(c, 0, { clusters });
    expect(r.buckets[0]!.ideal).toBeCloseTo(2 * Math.SQRT2, 12);
    // A member without a declared sector counts on their own.
    const partly = quadraticFunding(c, 0, { clusters: new Map([[c[0]!.member, 'community'], [c[1]!.member, 'community']]) });
    expect(partly.buckets[0]!.ideal).toBeCloseTo(2 * Math.SQRT2, 12);
  });

  it('caps a bucket’s matching and shares the excess among the others, again if need be', () => {
    // Ideal 1,200, 200 and 200; pool 700, cap half of it (350): 525 for bucket 1 is over, so it gets 350 and the
    // other 350 is shared by buckets 2 and 3.
    const contributions = [...crowd(1, 4, 100), ...crowd(2, 2, 100), ...crowd(3, 2, 100)];
    const r = quadraticFunding(contributions, 700, { cap: { share: 0.5 } });
    expect(matching(r)).toEqual({ 1: 350, 2: 175, 3: 175 });
    expect(r.buckets.map((b) => b.capped)).toEqual([true, false, false]);
    // A cap of 250: bucket 1 is capped first, then the 450 left would give the others 225 each, within it.
    expect(matching(quadraticFunding(contributions, 700, { cap: { amount: 250 } }))).toEqual({ 1: 250, 2: 225, 3: 225 });
    // A cap of 200: after bucket 1, the 500 left would give 250 each, over the cap too; all capped, 100 unmatched.
    const tight = quadraticFunding(contributions, 700, { cap: { amount: 200 } });
    expect(matching(tight)).toEqual({ 1: 200, 2: 200, 3: 200 });
    expect(tight.unmatched).toBe(100);
  });

  it('rounds to whole units that add up to the pool, the extra unit to the lower id on a tie', () => {
    const r = quadraticFunding([...crowd(3, 2, 1), ...crowd(1, 2, 1), ...crowd(2, 2, 1)], 10);
    expect(matching(r)).toEqual({ 1: 4, 2: 3, 3: 3 });
  });

  it('leaves the pool unmatched when no bucket has more than one contributor', () => {
    const r = quadraticFunding(crowd(1, 1, 500), 1000);
    expect([r.matched, r.unmatched]).toEqual([0, 1000]);
    expect(quadraticFunding([], 1000).unmatched).toBe(1000);
  });

  it('matches what members contributed from their balances', () => {
    const grants = grantShares([1, 2, 3, 4], { perMember: 1000 });
    if (!grants.ok) throw new Error(grants.reason);
    let state: CrowdfundState = openPool(grants.grants, new Map([[1, OPEN_ENDED], [2, OPEN_ENDED]]), 600);
    for (const [member, bucket, amount] of [[1, 1, 100], [2, 1, 100], [3, 1, 100], [4, 2, 600]] as const) {
      const r = allocate(state, member, bucket, amount);
      if (!r.ok) throw new Error(JSON.stringify(r.refusal));
      state = r.allocation.state;
    }
    // The balance and the cap still hold: member 4 has 400 left, and 600 is the most for one bucket.
    expect(allocate(state, 4, 1, 500)).toEqual({ ok: false, refusal: { reason: 'over-balance', available: 400 } });
    expect(allocate(state, 1, 2, 700)).toEqual({ ok: false, refusal: { reason: 'over-cap', cap: 600 } });
    // Three members of 100 against one of 600: all matching to the first.
    expect(matching(quadraticFunding(contributionsOf(state), 5000))).toEqual({ 1: 5000, 2: 0 });
    // No minimum: every bucket keeps what it raised.
    expect(closePool(state).buckets.map((b) => b.status)).toEqual(['funded', 'funded']);
  });

  it('conserves the pool, never goes negative and respects the cap', () => {
    const contribution = fc.record({ member: fc.integer({ min: 1, max: 12 }), bucket: fc.integer({ min: 1, max: 6 }), amount: fc.integer({ min: 0, max: 5_000_000 }) });
    fc.assert(
      fc.property(
        fc.array(contribution, { maxLength: 40 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.option(fc.oneof(fc.record({ share: fc.double({ min: 0, max: 1, noNaN: true }) }), fc.record({ amount: fc.integer({ min: 0, max: 1_000_000_000 }) })), { nil: undefined }),
        fc.boolean(),
        (contributions, pool, cap, clustered) => {
          const clusters = clustered ? new Map(Array.from({ length: 12 }, (_, i) => [i + 1, ['a', 'b', 'c'][i % 3]!] as const)) : undefined;
          const r = quadraticFunding(contributions, pool, { ...(cap ? { cap } : {}), ...(clusters ? { clusters } : {}) });
          expect(r.matched + r.unmatched).toBe(pool);
          expect(r.buckets.reduce((s, b) => s + b.matching, 0)).toBe(r.matched);
          const limit = cap === undefined ? Infinity : 'amount' in cap ? cap.amount : Math.floor(pool * cap.share + 1e-9);
          for (const b of r.buckets) {
            expect(Number.isInteger(b.matching)).toBe(true);
            expect(b.matching).toBeGreaterThanOrEqual(0);
            expect(b.matching).toBeLessThanOrEqual(limit);
            if (b.ideal === 0) expect(b.matching).toBe(0);
          }
          // Something is unmatched only when nothing can take it: no support, or every supported bucket at its cap.
          const supported = r.buckets.filter((b) => b.ideal > 0);
          if (r.unmatched > 0) expect(supported.every((b) => b.matching === limit)).toBe(true);
        },
      ),
    );
  });
});
