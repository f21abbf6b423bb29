// Quadratic funding of buckets from a matching pool: matching follows (Σ√c)² − Σc, with contributions first summed within each sector (cluster matching), a per-bucket cap whose excess goes to the others, and whole minor units that add up to the pool exactly.
//
// Plain quadratic funding (Buterin, Hitzig & Weyl) rewards many small contributors over one large one. Cluster
// matching (as Gitcoin describes it) first sums contributions within each cluster, here a member's sector, so that
// a sector acting as a bloc counts as one contributor and broad support across sectors is what is matched.
// Members without a sector each count as a cluster of their own.

import type { CrowdfundState } from './crowdfund.js';

export type MemberId = number;
export type BucketId = number;

export interface Contribution {
  member: MemberId;
  bucket: BucketId;
  /** Integer minor units, not negative. */
  amount: number;
}

/**
 * The contributions of a pool whose members put money in with crowdfund's `allocate` (buckets with the OPEN_ENDED
 * goal), which already refuses more than a member's balance or the per-bucket cap.
 */
export function contributionsOf(state: CrowdfundState): Contribution[] {
  const out: Contribution[] = [];
  for (const [bucket, byMember] of state.contributions) for (const [member, amount] of byMember) out.push({ member, bucket, amount });
  return out;
}

export interface QuadraticOptions {
  /** Each member's sector; when given, matching is by cluster. */
  clusters?: ReadonlyMap<MemberId, string>;
  /** The most matching any one bucket receives: an amount, or a share of the pool (0–1). */
  cap?: { amount: number } | { share: number };
}

export interface MatchedBucket {
  bucket: BucketId;
  contributed: number;
  /** (Σ√c)² − Σc before scaling to the pool, for showing how matching was decided. */
  ideal: number;
  matching: number;
  capped: boolean;
}

export interface QuadraticResult {
  /** In bucket id order, every bucket that received a contribution. */
  buckets: MatchedBucket[];
  matched: number;
  /** What is left of the pool: everything when no bucket has broad support, or what caps kept back. */
  unmatched: number;
}

/** (Σ_k √C_k)² − Σ_k C_k over the groups' totals: zero for a single group, growing with the number of them. */
function idealMatch(groups: Iterable<number>): number {
  const roots = [...groups].map(Math.sqrt);
  const sum = roots.reduce((a, b) => a + b, 0);
  // Written as Σ√C_k·(Σ√C − √C_k), the cross terms alone: exactly zero for a single group, where (√c)² − c in
  // floats can come out a hair above zero and would take the whole pool.
  return roots.reduce((total, r) => total + r * (sum - r), 0);
}

/**
 * Shares out `pool` (integer minor units) as matching for the buckets in `contributions`. The whole pool is shared
 * in proportion to each bucket's ideal match, except what caps keep back when every bucket with support is capped.
 */
export function quadraticFunding(contributions: readonly Contribution[], pool: number, options: QuadraticOptions = {}): QuadraticResult {
  if (!Number.isSafeInteger(pool) || pool < 0) throw new RangeError('pool must be a whole number of minor units');
  const cap = capAmount(pool, options.cap);
  // Per bucket, per group (a cluster, or a member on their own): the sum contributed.
  const groups = new Map<BucketId, Map<string, number>>();
  const contributed = new Map<BucketId, number>();
  for (const c of contributions) {
    if (!Number.isSafeInteger(c.amount) || c.amount < 0) throw new RangeError(`contribution of member ${c.member}: amount must be a whole number of minor units`);
    const sector = options.clusters?.get(c.member);
    const group = sector === undefined ? `member:${c.member}` : `sector:${sector}`;
    const byGroup = groups.get(c.bucket) ?? new Map<string, number>();
    byGroup.set(group, (byGroup.get(group) ?? 0) + c.amount);
    groups.set(c.bucket, byGroup);
    contributed.set(c.bucket, (contributed.get(c.bucket) ?? 0) + c.amount);
  }
  const ids = [...groups.keys()].sort((a, b) => a - b);
  const ideal = new Map(ids.map((id) => [id, idealMatch(groups.get(id)!.values())]));

  // Water-filling: share what is left among uncapped buckets in proportion; any bucket over the cap is fixed at it
  // and the rest shared again, until no share exceeds the cap.
  const matching = new Map<BucketId, number>(ids.map((id) => [id, 0]));
  const capped = new Set<BucketId>();
  let active = ids.filter((id) => ideal.get(id)! > 0);
  let left = pool;
  let exact = new Map<BucketId, number>();
  while (active.length > 0) {
    const total = active.reduce((s, id) => s + ideal.get(id)!, 0);
    exact = new Map(active.map((id) => [id, (left * ideal.get(id)!) / total]));
    const over = cap === null ? [] : active.filter((id) => exact.get(id)! > cap);
    if (over.length === 0) break;
    for (const id of over) {
      matching.set(id, cap!);
      capped.add(id);
      left -= cap!;
    }
    active = active.filter((id) => !capped.has(id));
    exact = new Map();
  }
  // When every bucket with support is capped, or none has any, what is left stays unmatched.
  if (active.length > 0) for (const [id, share] of largestRemainder(active, exact, left, cap)) matching.set(id, share);
  const matched = [...matching.values()].reduce((s, m) => s + m, 0);
  return {
    buckets: ids.map((id) => ({ bucket: id, contributed: contributed.get(id)!, ideal: ideal.get(id)!, matching: matching.get(id)!, capped: capped.has(id) })),
    matched,
    unmatched: pool - matched,
  };
}

function capAmount(pool: number, cap: QuadraticOptions['cap']): number | null {
  if (!cap) return null;
  if ('amount' in cap) {
    if (!Number.isSafeInteger(cap.amount) || cap.amount < 0) throw new RangeError('cap must be a whole number of minor units');
    return cap.amount;
  }
  if (!(cap.share >= 0 && cap.share <= 1)) throw new RangeError('cap share must be between 0 and 1');
  // Rounded down: a cap of a third of 100 đồng is 33, never 34.
  return Math.floor(pool * cap.share + 1e-9);
}

/**
 * Whole minor units adding up to `total` exactly: each bucket's share rounded down, then one more unit to the largest
 * remainders (ties to the lower id), never past the cap.
 */
function largestRemainder(ids: BucketId[], exact: ReadonlyMap<BucketId, number>, total: number, cap: number | null): Map<BucketId, number> {
  const out = new Map<BucketId, number>();
  let given = 0;
  for (const id of ids) {
    // A hair of float error must not lose a whole unit: 2.9999999999 is 3.
    const v = Math.floor(exact.get(id)! + 1e-9);
    const bounded = Math.max(0, cap === null ? v : Math.min(cap, v));
    out.set(id, bounded);
    given += bounded;
  }
  const order = [...ids].sort((a, b) => exact.get(b)! - out.get(b)! - (exact.get(a)! - out.get(a)!) || a - b);
  let rest = total - given;
  // Normally fewer units than buckets; the loop only goes round again if floats left a larger gap.
  while (rest > 0) {
    let moved = false;
    for (const id of order) {
      if (rest === 0) break;
      if (cap !== null && out.get(id)! >= cap) continue;
      out.set(id, out.get(id)! + 1);
      rest--;
      moved = true;
    }
    if (!moved) break;
  }
  while (rest < 0) {
    for (const id of [...order].reverse()) {
      if (rest === 0) break;
      if (out.get(id)! === 0) continue;
      out.set(id, out.get(id)! - 1);
      rest++;
    }
  }
  return out;
}
