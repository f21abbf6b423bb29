// Crowdfunding as Cobudget does it: a bucket's states from funding to funded, the refusals a member meets, and at close the funded buckets and the money returned.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, balance, bucketGoal, bucketStatus, closePool, grantShares, openPool, raised, type BucketGoal, type CrowdfundState } from '../../../src/core/resources/crowdfund.js';

const M = 1_000_000; // one triệu đồng

function pool(members: number[], perMember: number, buckets: Record<number, [number, number]>, cap: number | null = null): CrowdfundState {
  const grants = grantShares(members, { perMember });
  if (!grants.ok) throw new Error(grants.reason);
  const goals = new Map<number, BucketGoal>(Object.entries(buckets).map(([id, [min, max]]) => [Number(id), { min, max }]));
  return openPool(grants.grants, goals, cap);
}

function give(state: CrowdfundState, member: number, bucket: number, amount: number, mode: 'add' | 'set' = 'add'): CrowdfundState {
  const r = allocate(state, member, bucket, amount, mode);
  if (!r.ok) throw new Error(JSON.stringify(r.refusal));
  return r.allocation.state;
}

describe('shares', () => {
  it('gives each member the same, from --per-member or the pool divided equally', () => {
    expect(grantShares([1, 2, 3], { perMember: 5 * M })).toEqual({ ok: true, grants: new Map([[1, 5 * M], [2, 5 * M], [3, 5 * M]]), unassigned: 0 });
    // 10 triệu over 3 members: 3,333,333 each and one đồng stays in the pool.
    expect(grantShares([1, 2, 3], { pool: 10 * M })).toEqual({ ok: true, grants: new Map([[1, 3_333_333], [2, 3_333_333], [3, 3_333_333]]), unassigned: 1 });
    expect(grantShares([], { pool: 10 })).toEqual({ ok: false, reason: 'no-members' });
    expect(grantShares([1], { pool: -1 })).toEqual({ ok: false, reason: 'invalid-amount' });
  });

  it('takes a bucket with a minimum and a maximum, or one figure for both', () => {
    expect(bucketGoal(2 * M, 3 * M)).toEqual({ ok: true, goal: { min: 2 * M, max: 3 * M } });
    expect(bucketGoal(2 * M)).toEqual({ ok: true, goal: { min: 2 * M, max: 2 * M } });
    expect(bucketGoal(3 * M, 2 * M)).toEqual({ ok: false, reason: 'minimum-above-maximum' });
    expect(bucketGoal(0)).toEqual({ ok: false, reason: 'invalid-amount' });
  });
});

describe('a bucket through its states', () => {
  // B-4 needs 3 triệu to go ahead and would use up to 5.
  const start = pool([1, 2, 3], 4 * M, { 4: [3 * M, 5 * M] });

  it('is funding below its minimum, has reached it in between, and is funded at its maximum', () => {
    let s = give(start, 1, 4, 2 * M);
    expect(bucketStatus(s, 4)).toBe('funding');
    s = give(s, 2, 4, 1 * M);
    expect(bucketStatus(s, 4)).toBe('minimum-reached');
    s = give(s, 3, 4, 2 * M);
    expect(bucketStatus(s, 4)).toBe('funded');
    expect(raised(s, 4)).toBe(5 * M);
  });

  it('refuses to overfund, and says how much room is left', () => {
    const s = give(give(start, 1, 4, 3 * M), 2, 4, 1 * M);
    expect(allocate(s, 3, 4, 2 * M)).toEqual({ ok: false, refusal: { reason: 'overfund', room: 1 * M } });
  });

  it('refuses more than the member has left, counting what they hold elsewhere', () => {
    const two = pool([1, 2], 4 * M, { 4: [3 * M, 5 * M], 5: [1 * M, 9 * M] });
    const s = give(two, 1, 5, 3 * M);
    expect(balance(s, 1)).toBe(1 * M);
    expect(allocate(s, 1, 4, 2 * M)).toEqual({ ok: false, refusal: { reason: 'over-balance', available: 1 * M } });
    // With --set the member's own contribution to the bucket counts as available again.
    expect(allocate(s, 1, 5, 4 * M, 'set').ok).toBe(true);
    expect(allocate(s, 1, 5, 5 * M, 'set')).toEqual({ ok: false, refusal: { reason: 'over-balance', available: 4 * M } });
  });

  it('refuses more than the per-bucket cap for one member', () => {
    const capped = pool([1, 2], 4 * M, { 4: [3 * M, 5 * M] }, 2 * M);
    const s = give(capped, 1, 4, 1_500_000);
    expect(allocate(s, 1, 4, 1 * M)).toEqual({ ok: false, refusal: { reason: 'over-cap', cap: 2 * M } });
    expect(allocate(s, 1, 4, 2 * M, 'set').ok).toBe(true);
  });

  it('lets a member lower or take back a contribution with --set until the bucket is funded', () => {
    let s = give(start, 1, 4, 2 * M);
    const lowered = allocate(s, 1, 4, 500_000, 'set');
    expect(lowered.ok && [lowered.allocation.before, lowered.allocation.after]).toEqual([2 * M, 500_000]);
    s = give(s, 1, 4, 0, 'set');
    expect(balance(s, 1)).toBe(4 * M);
    s = give(give(give(s, 1, 4, 2 * M), 2, 4, 2 * M), 3, 4, 1 * M);
    expect(bucketStatus(s, 4)).toBe('funded');
    expect(allocate(s, 1, 4, 0, 'set')).toEqual({ ok: false, refusal: { reason: 'bucket-funded' } });
    expect(allocate(s, 1, 4, 1)).toEqual({ ok: false, refusal: { reason: 'bucket-funded' } });
  });

  it('refuses strangers, unknown buckets and amounts that are not whole minor units', () => {
    expect(allocate(start, 9, 4, 1)).toEqual({ ok: false, refusal: { reason: 'not-a-member' } });
    expect(allocate(start, 1, 9, 1)).toEqual({ ok: false, refusal: { reason: 'unknown-bucket' } });
    expect(allocate(start, 1, 4, 1.5)).toEqual({ ok: false, refusal: { reason: 'invalid-amount' } });
    expect(allocate(start, 1, 4, -1)).toEqual({ ok: false, refusal: { reason: 'invalid-amount' } });
    expect(allocate(start, 1, 4, 0)).toEqual({ ok: false, refusal: { reason: 'invalid-amount' } });
  });
});

describe('close', () => {
  it('funds buckets at their maximum or above their minimum and returns the rest', () => {
    // B-1 reaches its maximum, B-2 is between minimum and maximum, B-3 falls short.
    let s = pool([1, 2, 3], 4 * M, { 1: [2 * M, 3 * M], 2: [3 * M, 6 * M], 3: [5 * M, 5 * M] });
    s = give(give(s, 1, 1, 2 * M), 2, 1, 1 * M);
    s = give(give(s, 2, 2, 2 * M), 3, 2, 1 * M);
    s = give(give(s, 1, 3, 1 * M), 3, 3, 2 * M);
    const r = closePool(s);
    expect(r.buckets.map((b) => [b.bucket, b.status, b.raised])).toEqual([
      [1, 'funded', 3 * M],
      [2, 'funded', 3 * M],
      [3, 'not-funded', 3 * M],
    ]);
    expect(r.refunds).toEqual(new Map([[1, 1 * M], [3, 2 * M]]));
    expect(r.balances).toEqual(new Map([[1, 2 * M], [2, 1 * M], [3, 3 * M]]));
    expect(r.totals).toEqual({ granted: 12 * M, funded: 6 * M, refunded: 3 * M, unallocated: 3 * M });
  });

  it('never leaves a balance negative and conserves every đồng, whatever members try', () => {
    const op = fc.record({ member: fc.integer({ min: 1, max: 5 }), bucket: fc.integer({ min: 1, max: 4 }), amount: fc.integer({ min: 0, max: 3000 }), set: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 3000 })), { minLength: 4, maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 2000 }), { nil: null }),
        fc.array(op, { maxLength: 60 }),
        (goals, cap, ops) => {
          let s = pool([1, 2, 3, 4, 5], 2000, Object.fromEntries(goals.map(([min, extra], i) => [i + 1, [min, min + extra]])), cap);
          for (const o of ops) {
            const r = allocate(s, o.member, o.bucket, o.amount, o.set ? 'set' : 'add');
            if (r.ok) s = r.allocation.state;
            for (const m of [1, 2, 3, 4, 5]) expect(balance(s, m)).toBeGreaterThanOrEqual(0);
            for (const [b, goal] of s.buckets) expect(raised(s, b)).toBeLessThanOrEqual(goal.max);
            if (cap !== null) for (const byMember of s.contributions.values()) for (const v of byMember.values()) expect(v).toBeLessThanOrEqual(cap);
          }
          const r = closePool(s);
          const balances = [...r.balances.values()];
          expect(balances.every((b) => b >= 0)).toBe(true);
          expect(balances.reduce((a, b) => a + b, 0) + r.totals.funded).toBe(r.totals.granted);
          expect(r.totals.granted).toBe(10_000);
          for (const b of r.buckets) expect(b.status === 'funded').toBe(b.raised >= b.goal.min);
        },
      ),
    );
  });
});
