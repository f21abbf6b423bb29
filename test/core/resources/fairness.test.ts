// The fairness report: the Gini coefficient at its boundaries, target shares as typed, allocation per sector against them, and who allocated nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairnessReport, gini, parseTargets } from '../../../src/core/resources/fairness.js';
import type { Sector } from '../../../src/core/stakeholders/ports.js';

describe('gini', () => {
  it('is 0 when everyone has the same, and (n − 1)/n when one has everything', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([1_000_000, 1_000_000, 1_000_000])).toBe(0);
    expect(gini([0, 0, 0, 10])).toBe(3 / 4);
    expect(gini([0, 7])).toBe(1 / 2);
    expect(gini([...Array(999).fill(0), 1])).toBeCloseTo(999 / 1000, 12);
  });

  it('is 0 with nothing to compare: no amounts, one, or all zero', () => {
    expect(gini([])).toBe(0);
    expect(gini([42])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
  });

  it('matches the mean absolute difference for a worked example', () => {
    // 1, 2, 3, 4: Σ|xi − xj| over ordered pairs is 20; 20 / (2 · 16 · 2.5) = 0.25.
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 15);
    expect(gini([0.5, 1.5])).toBeCloseTo(0.25, 15);
  });

  it('refuses negative amounts', () => {
    expect(() => gini([1, -1])).toThrow();
    expect(() => gini([Number.NaN])).toThrow();
  });

  it('stays between 0 and (n − 1)/n and ignores order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 50 }), (xs) => {
        const g = gini(xs);
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThanOrEqual((xs.length - 1) / xs.length + 1e-12);
        expect(gini([...xs].reverse())).toBeCloseTo(g, 12);
        const pairs = xs.reduce((s, a) => s + xs.reduce((t, b) => t + Math.abs(a - b), 0), 0);
        const sum = xs.reduce((a, b) => a + b, 0);
        expect(g).toBeCloseTo(sum === 0 ? 0 : pairs / (2 * xs.length * sum), 9);
      }),
    );
  });
});

describe('target shares', () => {
  it('reads sector=percent lists', () => {
    const r = parseTargets('government=20%,community=40%');
    expect(r).toEqual({ ok: true, targets: new Map([['government', 0.2], ['community', 0.4]]) });
    expect(parseTargets('Government: 12,5 %; business=30')).toEqual({ ok: true, targets: new Map([['government', 0.125], ['business', 0.3]]) });
    expect(parseTargets('government=33.33%,community=33.33%,business=33.34%').ok).toBe(true);
  });

  it('refuses unknown sectors, repeats, totals over 100% and anything else', () => {
    expect(parseTargets('church=20%')).toEqual({ ok: false, refusal: { reason: 'unknown-sector', item: 'church=20%' } });
    expect(parseTargets('government=20%,government=30%')).toEqual({ ok: false, refusal: { reason: 'duplicate', item: 'government=30%' } });
    expect(parseTargets('government=60%,community=50%')).toEqual({ ok: false, refusal: { reason: 'over-100', total: 110 } });
    expect(parseTargets('government')).toEqual({ ok: false, refusal: { reason: 'not-a-target', item: 'government' } });
    expect(parseTargets('')).toMatchObject({ ok: false });
  });
});

describe('fairness report', () => {
  const sectors = new Map<number, Sector | null>([
    [1, 'government'],
    [2, 'community'],
    [3, 'community'],
    [4, 'business'],
    [5, null],
  ]);

  it('puts allocation per sector against its target and names who allocated nothing', () => {
    const r = fairnessReport({
      members: [5, 4, 3, 2, 1],
      allocated: new Map([[1, 300], [2, 500], [3, 100], [5, 100]]),
      sectors,
      targets: new Map<Sector, number>([['government', 0.2], ['community', 0.4], ['academia', 0.1]]),
    });
    expect(r.total).toBe(1000);
    expect(r.bySector.map((s) => [s.sector, s.members, s.amount, s.target])).toEqual([
      ['government', 1, 300, 0.2],
      ['business', 1, 0, null],
      ['community', 2, 600, 0.4],
      ['academia', 0, 0, 0.1],
      ['undeclared', 1, 100, null],
    ]);
    expect(r.bySector.map((s) => s.deviation)).toEqual([expect.closeTo(0.1, 12), null, expect.closeTo(0.2, 12), expect.closeTo(-0.1, 12), null]);
    expect(r.allocatedNothing).toEqual([4]);
    // Members 0, 100, 100, 300, 500.
    expect(r.giniMembers).toBeCloseTo(gini([0, 100, 100, 300, 500]), 15);
    // Sectors: government 300, business 0, community 600, academia 0 (no members, but a target).
    expect(r.giniSectors).toBeCloseTo(gini([300, 0, 600, 0]), 15);
  });

  it('reports shares of zero and a Gini of zero when nothing was allocated', () => {
    const r = fairnessReport({ members: [1, 2, 3, 4, 5], allocated: new Map(), sectors });
    expect(r.total).toBe(0);
    expect(r.bySector.every((s) => s.share === 0 && s.deviation === null)).toBe(true);
    expect([r.giniMembers, r.giniSectors]).toEqual([0, 0]);
    expect(r.allocatedNothing).toEqual([1, 2, 3, 4, 5]);
  });
});
