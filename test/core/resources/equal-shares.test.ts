// The Method of Equal Shares: worked examples where it differs from funding the most approved buckets, its completion with leftover budget, and agreement with an exact-fraction transcription of the published reference computation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalShares, type EqualSharesBucket } from '../../../src/core/resources/equal-shares.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ids = (r: { funded: Array<{ id: number }> }) => r.funded.map((b) => b.id);

describe('equal shares', () => {
  it('gives a group of 3 in 10 members 3 in 10 of the budget, where the most approved would all go to the 7', () => {
    // 10 members with 100 each; 7 approve buckets 1–10, 3 approve buckets 11–20, every bucket costs 100.
    const buckets: EqualSharesBucket[] = [
      ...range(1, 10).map((id) => ({ id, cost: 100, approvers: range(1, 7) })),
      ...range(11, 20).map((id) => ({ id, cost: 100, approvers: range(8, 10) })),
    ];
    const r = equalShares(range(1, 10), buckets, 1000);
    expect(ids(r)).toEqual([1, 2, 3, 4, 5, 6, 7, 11, 12, 13]);
    expect(r.funded.every((b) => b.via === 'equal-shares')).toBe(true);
    expect([r.spent, r.leftover]).toEqual([1000, 0]);
    // Each member paid exactly their share.
    for (const paid of r.payments.values()) expect(paid).toBeCloseTo(100, 9);
  });

  it('splits 51% and 49% of members five buckets each, where the most approved would all go to the 51% (the method’s own motivating example)', () => {
    // 100 members with 10 each; 51 approve red buckets 1–10, 49 approve blue buckets 11–20, each costing 100.
    const buckets: EqualSharesBucket[] = [
      ...range(1, 10).map((id) => ({ id, cost: 100, approvers: range(1, 51) })),
      ...range(11, 20).map((id) => ({ id, cost: 100, approvers: range(52, 100) })),
    ];
    // With shares of 10 the blue members afford only four buckets (100/49 each, 10.20 for a fifth).
    const plain = equalShares(range(1, 100), buckets, 1000, { completion: 'none' });
    expect(ids(plain)).toEqual([1, 2, 3, 4, 5, 11, 12, 13, 14]);
    // Add1 raises the shares (by one unit a member: 1% of 10 is less than a unit) until the fifth blue bucket fits
    // the budget as well.
    const add1 = equalShares(range(1, 100), buckets, 1000);
    expect(ids(add1)).toEqual([1, 2, 3, 4, 5, 11, 12, 13, 14, 15]);
    expect(add1.share).toBe(11);
    expect(add1.leftover).toBe(0);
    // Greedy completion alone hands the last 100 to the larger group.
    const greedy = equalShares(range(1, 100), buckets, 1000, { completion: 'greedy' });
    expect(ids(greedy)).toEqual([1, 2, 3, 4, 5, 11, 12, 13, 14, 6]);
  });

  it('funds the bucket with the most effective votes first, and stops when supporters cannot pay', () => {
    // 4 members with 25 each. Z (30, all four): ρ = 7.5, 4 effective votes; X (60, members 1–3): ρ = 20, 3;
    // Y (40, member 4) is beyond one member's 25.
    const buckets = [
      { id: 1, cost: 60, approvers: [1, 2, 3] },
      { id: 2, cost: 40, approvers: [4] },
      { id: 3, cost: 30, approvers: [1, 2, 3, 4] },
    ];
    const plain = equalShares([1, 2, 3, 4], buckets, 100, { completion: 'none' });
    // After Z each holds 17.5: X would need 20 from each of three.
    expect(ids(plain)).toEqual([3]);
    expect([plain.spent, plain.leftover]).toEqual([30, 70]);

    // Add1, one unit a member at a time: at a share of 28 (27.5 is where X becomes affordable) Z and X cost 90,
    // within 100, and nothing else fits in the 10 left, so the outcome is exhaustive.
    const add1 = equalShares([1, 2, 3, 4], buckets, 100, { increment: 1 });
    expect(ids(add1)).toEqual([3, 1]);
    expect(add1.funded.map((b) => b.via)).toEqual(['equal-shares', 'equal-shares']);
    expect(add1.share).toBe(28);
    expect([add1.spent, add1.leftover]).toEqual([90, 10]);

    // Greedy completion alone reaches the same here, by approvals.
    const greedy = equalShares([1, 2, 3, 4], buckets, 100, { completion: 'greedy' });
    expect(greedy.funded.map((b) => [b.id, b.via])).toEqual([[3, 'equal-shares'], [1, 'completion']]);
  });

  it('stops raising shares after its last step and leaves a lone member’s expensive bucket to the greedy completion', () => {
    // 100 members with 10 each; bucket 1 (400, everyone) is funded at once; bucket 2 (500) has one supporter, whose
    // share would have to reach 500 — 4,900 steps of one unit — before equal shares could fund it.
    const buckets = [
      { id: 1, cost: 400, approvers: range(1, 100) },
      { id: 2, cost: 500, approvers: [7] },
    ];
    const r = equalShares(range(1, 100), buckets, 1000, { increment: 1 });
    expect(r.share).toBe(110);
    expect(r.funded.map((b) => [b.id, b.via])).toEqual([[1, 'equal-shares'], [2, 'completion']]);
    expect(r.leftover).toBe(100);
    expect(equalShares(range(1, 100), buckets, 1000, { increment: 1, maxSteps: 0 }).share).toBe(10);
  });

  it('with approval utilities funds the cheapest per supporter first', () => {
    // A (90, all four) against B (8, member 1 only), 25 each.
    const buckets = [
      { id: 1, cost: 90, approvers: [1, 2, 3, 4] },
      { id: 2, cost: 8, approvers: [1] },
    ];
    // Cost utilities: A's 4 effective votes beat B's 1; A leaves member 1 with 2.5, too little for B.
    expect(ids(equalShares([1, 2, 3, 4], buckets, 100, { completion: 'none' }))).toEqual([1]);
    // Approval utilities: B's ρ of 8 beats A's 22.5; member 1 pays 17 of their remaining 17 towards A, the others 24⅓.
    expect(ids(equalShares([1, 2, 3, 4], buckets, 100, { completion: 'none', utilities: 'approval' }))).toEqual([2, 1]);
  });

  it('breaks ties by more approvals, then lower cost, then lower id', () => {
    const members = [1, 2, 3, 4];
    // 10 each. Buckets 1 and 2 cost 20 with two supporters each (ρ = 10, 2 effective votes): a tie the lower id
    // wins. Bucket 3 (10, member 3 alone, 1 effective vote) comes after bucket 1 has taken member 3's share.
    const r = equalShares(
      members,
      [
        { id: 3, cost: 10, approvers: [3] },
        { id: 2, cost: 20, approvers: [1, 2] },
        { id: 1, cost: 20, approvers: [3, 4] },
      ],
      40,
      { completion: 'none' },
    );
    expect(ids(r)).toEqual([1, 2]);
  });

  it('ignores approvals from non-members, buckets nobody approves, and an empty pool', () => {
    const r = equalShares([1, 2], [{ id: 1, cost: 10, approvers: [9] }, { id: 2, cost: 10, approvers: [] }, { id: 3, cost: 10, approvers: [1, 2, 2] }], 100);
    expect(ids(r)).toEqual([3]);
    expect(r.funded[0]!.approvals).toBe(2);
    expect(equalShares([], [{ id: 1, cost: 10, approvers: [1] }], 100)).toMatchObject({ funded: [], spent: 0, leftover: 100 });
    expect(() => equalShares([1], [{ id: 1, cost: 0, approvers: [1] }], 10)).toThrow();
    expect(() => equalShares([1], [{ id: 1, cost: 1.5, approvers: [1] }], 10)).toThrow();
  });
});

// The equalshares.net reference computation for a fixed budget, transcribed with exact fractions, as an oracle.
type Q = [bigint, bigint];
const q = (n: bigint, d = 1n): Q => {
  const g = gcd(n < 0n ? -n : n, d);
  return [n / g, d / g];
};
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a === 0n ? 1n : a) : gcd(b, a % b));
const add = (a: Q, b: Q) => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const sub = (a: Q, b: Q) => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const div = (a: Q, b: Q) => q(a[0] * b[1] * (b[0] < 0n ? -1n : 1n), a[1] * (b[0] < 0n ? -b[0] : b[0]));
const cmp = (a: Q, b: Q) => {
  const x = a[0] * b[1] - b[0] * a[1];
  return x > 0n ? 1 : x < 0n ? -1 : 0;
};

function reference(members: number[], buckets: EqualSharesBucket[], share: Q): number[] {
  const budget = new Map(members.map((m) => [m, share]));
  const remaining = new Set(buckets.filter((b) => b.approvers.length > 0).map((b) => b.id));
  const byId = new Map(buckets.map((b) => [b.id, b]));
  const winners: number[] = [];
  for (;;) {
    let best: EqualSharesBucket | null = null;
    let bestValue: Q = q(0n);
    let bestRho: Q = q(0n);
    for (const id of [...remaining]) {
      const b = byId.get(id)!;
      const cost = q(BigInt(b.cost));
      const total = b.approvers.reduce((s, m) => add(s, budget.get(m)!), q(0n));
      if (cmp(total, cost) < 0) {
        remaining.delete(id);
        continue;
      }
      const sorted = [...b.approvers].sort((x, y) => cmp(budget.get(x)!, budget.get(y)!));
      let paid = q(0n);
      let left = BigInt(sorted.length);
      for (const m of sorted) {
        const rho = div(sub(cost, paid), q(left));
        if (cmp(rho, budget.get(m)!) > 0) {
          paid = add(paid, budget.get(m)!);
          left -= 1n;
          continue;
        }
        const value = div(cost, rho);
        const c = best ? cmp(value, bestValue) : 1;
        const wins = c > 0 || (c === 0 && best !== null && (b.approvers.length > best.approvers.length || (b.approvers.length === best.approvers.length && (b.cost < best.cost || (b.cost === best.cost && b.id < best.id)))));
        if (wins) [best, bestValue, bestRho] = [b, value, rho];
        break;
      }
    }
    if (!best) return winners;
    winners.push(best.id);
    remaining.delete(best.id);
    for (const m of best.approvers) {
      const b = budget.get(m)!;
      budget.set(m, cmp(b, bestRho) > 0 ? sub(b, bestRho) : q(0n));
    }
  }
}

describe('equal shares against the reference computation', () => {
  const instance = fc
    .record({ n: fc.integer({ min: 1, max: 12 }), budget: fc.integer({ min: 1, max: 500 }), buckets: fc.array(fc.record({ cost: fc.integer({ min: 1, max: 200 }), mask: fc.integer({ min: 0, max: 4095 }) }), { minLength: 1, maxLength: 8 }) })
    .map(({ n, budget, buckets }) => ({
      members: range(1, n),
      budget,
      buckets: buckets.map((b, i) => ({ id: i + 1, cost: b.cost, approvers: range(1, n).filter((m) => (b.mask >> (m - 1)) & 1) })),
    }));

  it('funds the same buckets in the same order', () => {
    fc.assert(
      fc.property(instance, ({ members, budget, buckets }) => {
        const ours = equalShares(members, buckets, budget, { completion: 'none' });
        expect(ids(ours)).toEqual(reference(members, buckets, q(BigInt(budget), BigInt(members.length))));
      }),
      { numRuns: 300 },
    );
  });

  it('never spends more than the budget, accounts for every unit and charges nobody beyond their share', () => {
    fc.assert(
      fc.property(instance, fc.constantFrom('add1' as const, 'greedy' as const, 'none' as const), ({ members, budget, buckets }, completion) => {
        const r = equalShares(members, buckets, budget, { completion });
        expect(r.spent + r.leftover).toBe(budget);
        expect(r.leftover).toBeGreaterThanOrEqual(0);
        expect(r.spent).toBe(r.funded.reduce((s, b) => s + b.cost, 0));
        expect(new Set(ids(r)).size).toBe(r.funded.length);
        for (const paid of r.payments.values()) {
          expect(paid).toBeGreaterThanOrEqual(0);
          expect(paid).toBeLessThanOrEqual(r.share * (1 + 1e-9));
        }
        const paidTotal = [...r.payments.values()].reduce((a, b) => a + b, 0);
        const byShares = r.funded.filter((b) => b.via === 'equal-shares').reduce((s, b) => s + b.cost, 0);
        expect(paidTotal).toBeCloseTo(byShares, 6);
        if (completion !== 'none') {
          // Completed: nothing approved and unfunded would still fit.
          const taken = new Set(ids(r));
          expect(buckets.some((b) => !taken.has(b.id) && b.approvers.length > 0 && b.cost <= r.leftover)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
