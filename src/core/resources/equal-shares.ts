// The Method of Equal Shares (Peters & Skowron) for approval ballots with costs: the budget is split equally among members, a bucket is funded only when its supporters can pay for it from their own shares, and the outcome is then completed with the leftover budget.
//
// This follows the reference computation published on equalshares.net:
// - cost utilities (a member values a bucket they approve by its cost), so each round funds the bucket with the
//   highest "effective vote count" cost/ρ, where ρ is the most any supporter pays when supporters pay equally
//   and those who cannot afford that pay all they have left; `utilities: 'approval'` picks the lowest ρ instead;
// - completion "Add1": raise every member's share by a fixed increment and run again, keeping the larger outcome
//   while it still fits the real budget and is not yet exhaustive (for at most `maxSteps` steps); then fill what is
//   left greedily by approvals.
// Ties go to more approvals, then the lower cost, then the lower id, so a close is the same every time.
//
// Budgets are floats: which buckets are funded depends on comparisons, and those are made with a relative
// tolerance so that sums like 1/3 + 1/3 + 1/3 compare equal to 1. Every amount that leaves this module (the cost of
// each funded bucket, what is spent and left over) is an integer computed from the integer costs.

export type MemberId = number;
export type BucketId = number;

export interface EqualSharesBucket {
  id: BucketId;
  /** Integer minor units, above zero. */
  cost: number;
  /** The members who approve it. */
  approvers: readonly MemberId[];
}

export interface EqualSharesOptions {
  utilities?: 'cost' | 'approval';
  /** How the outcome is completed with leftover budget; `none` returns the plain method's outcome. */
  completion?: 'add1' | 'greedy' | 'none';
  /**
   * Add1's step, in minor units per member. equalshares.net steps one currency unit a member; in a currency without
   * minor units (VND) that would take millions of runs, so the default is 1% of the initial share.
   */
  increment?: number;
  /**
   * The most Add1 steps before the greedy completion takes over. A lone member's expensive bucket would otherwise
   * have Add1 raise shares step by step until one share pays for it: tens of thousands of runs for nothing.
   * The default, 100 steps of 1%, lets shares double.
   */
  maxSteps?: number;
}

export interface FundedBucket {
  id: BucketId;
  cost: number;
  approvals: number;
  /** `equal-shares` when its supporters paid for it from their shares, `completion` when leftover budget did. */
  via: 'equal-shares' | 'completion';
}

export interface EqualSharesResult {
  /** In the order they were chosen. */
  funded: FundedBucket[];
  spent: number;
  leftover: number;
  /** Each member's share of the budget in the run whose outcome was kept (above budget/members after Add1). */
  share: number;
  /**
   * What each member paid towards buckets funded by equal shares, in fractional minor units: for the fairness
   * report, not for moving money. Buckets funded by completion are paid from the common leftover.
   */
  payments: Map<MemberId, number>;
}

const TOLERANCE = 1e-9;
const atLeast = (a: number, b: number) => a >= b - TOLERANCE * Math.max(1, Math.abs(b));

interface Prepared {
  members: MemberId[];
  buckets: Array<{ id: BucketId; cost: number; approvers: Int32Array }>;
}

function prepare(members: readonly MemberId[], buckets: readonly EqualSharesBucket[]): Prepared {
  const index = new Map<MemberId, number>();
  for (const m of members) if (!index.has(m)) index.set(m, index.size);
  const seen = new Set<BucketId>();
  const prepared = buckets.map((b) => {
    if (!Number.isSafeInteger(b.cost) || b.cost <= 0) throw new RangeError(`bucket ${b.id}: cost must be a positive whole number of minor units`);
    if (seen.has(b.id)) throw new RangeError(`bucket ${b.id} given twice`);
    seen.add(b.id);
    // Approvals from non-members are ignored: only members have a share to pay with.
    const approvers = [...new Set(b.approvers)].map((m) => index.get(m)).filter((i): i is number => i !== undefined);
    return { id: b.id, cost: b.cost, approvers: Int32Array.from(approvers) };
  });
  return { members: [...index.keys()], buckets: prepared };
}

/** Deterministic order among equally good buckets: more approvals, then lower cost, then lower id. */
function before(a: Prepared['buckets'][number], b: Prepared['buckets'][number]): boolean {
  if (a.approvers.length !== b.approvers.length) return a.approvers.length > b.approvers.length;
  if (a.cost !== b.cost) return a.cost < b.cost;
  return a.id < b.id;
}

/**
 * ρ for a bucket: the smallest payment such that supporters each paying min(budget, ρ) cover its cost, or
 * Infinity when they cannot. `scratch` avoids an allocation per call.
 */
function rho(cost: number, approvers: Int32Array, budget: Float64Array, scratch: Float64Array): number {
  const k = approvers.length;
  let total = 0;
  let lowest = Infinity;
  for (let j = 0; j < k; j++) {
    const b = budget[approvers[j]!]!;
    total += b;
    if (b < lowest) lowest = b;
  }
  if (k === 0 || !atLeast(total, cost)) return Infinity;
  // Usually every supporter can pay an equal part, and no sort is needed.
  if (atLeast(lowest, cost / k)) return cost / k;
  for (let j = 0; j < k; j++) scratch[j] = budget[approvers[j]!]!;
  const sorted = scratch.subarray(0, k).sort();
  let paid = 0;
  for (let j = 0; j < k; j++) {
    const equal = (cost - paid) / (k - j);
    if (atLeast(sorted[j]!, equal)) return equal;
    paid += sorted[j]!;
  }
  // Rounding left the last supporter a hair short; they pay what they have.
  return sorted[k - 1]!;
}

/** One run of the method with each member holding `share`. */
function run(p: Prepared, share: number, utilities: 'cost' | 'approval'): { chosen: number[]; payments: Float64Array } {
  const n = p.members.length;
  const budget = new Float64Array(n).fill(share);
  const scratch = new Float64Array(n);
  // Each bucket's last known value (higher is better). Budgets only shrink, so values only fall: a bucket whose
  // last value is already below the best found this round cannot win it, and need not be recomputed.
  const value = new Float64Array(p.buckets.length);
  const open: number[] = [];
  for (let c = 0; c < p.buckets.length; c++) {
    const bucket = p.buckets[c]!;
    if (bucket.approvers.length === 0) continue;
    value[c] = Infinity;
    open.push(c);
  }
  const chosen: number[] = [];
  while (open.length > 0) {
    open.sort((a, b) => value[b]! - value[a]! || (before(p.buckets[a]!, p.buckets[b]!) ? -1 : 1));
    let best = -1;
    let bestValue = -Infinity;
    let bestRho = 0;
    for (let i = 0; i < open.length; i++) {
      const c = open[i]!;
      if (best >= 0 && !atLeast(value[c]!, bestValue)) break;
      const bucket = p.buckets[c]!;
      const r = rho(bucket.cost, bucket.approvers, budget, scratch);
      if (r === Infinity) {
        open.splice(i--, 1);
        continue;
      }
      const v = utilities === 'cost' ? bucket.cost / r : 1 / r;
      value[c] = v;
      const tie = best >= 0 && atLeast(v, bestValue) && atLeast(bestValue, v);
      if (best < 0 || (!tie && v > bestValue) || (tie && before(bucket, p.buckets[best]!))) {
        best = c;
        bestValue = v;
        bestRho = r;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    open.splice(open.indexOf(best), 1);
    for (const m of p.buckets[best]!.approvers) budget[m] = Math.max(0, budget[m]! - bestRho);
  }
  const payments = new Float64Array(n);
  for (let m = 0; m < n; m++) payments[m] = share - budget[m]!;
  return { chosen, payments };
}

/**
 * Closes an equal-shares pool: which buckets `budget` (integer minor units) funds, given each member's approvals.
 */
export function equalShares(members: readonly MemberId[], buckets: readonly EqualSharesBucket[], budget: number, options: EqualSharesOptions = {}): EqualSharesResult {
  if (!Number.isSafeInteger(budget) || budget < 0) throw new RangeError('budget must be a whole number of minor units');
  const utilities = options.utilities ?? 'cost';
  const completion = options.completion ?? 'add1';
  const p = prepare(members, buckets);
  const n = p.members.length;
  const result = (chosen: number[], payments: Float64Array, share: number): EqualSharesResult => {
    const funded: FundedBucket[] = chosen.map((c) => ({ id: p.buckets[c]!.id, cost: p.buckets[c]!.cost, approvals: p.buckets[c]!.approvers.length, via: 'equal-shares' }));
    const spent = funded.reduce((sum, b) => sum + b.cost, 0);
    return { funded, spent, leftover: budget - spent, share, payments: new Map(p.members.map((m, i) => [m, payments[i]!])) };
  };
  if (n === 0) return result([], new Float64Array(0), 0);

  const initial = budget / n;
  let share = initial;
  let outcome = run(p, share, utilities);
  const cost = (chosen: number[]) => chosen.reduce((sum, c) => sum + p.buckets[c]!.cost, 0);
  const exhaustive = (chosen: number[]) => {
    const left = budget - cost(chosen);
    const taken = new Set(chosen);
    return p.buckets.every((b, c) => taken.has(c) || b.approvers.length === 0 || b.cost > left);
  };

  if (completion === 'add1') {
    const step = options.increment ?? Math.max(1, Math.ceil(initial / 100));
    if (!(step > 0)) throw new RangeError('increment must be above zero');
    // Once a share alone covers every approved bucket, raising it further cannot change the outcome.
    const ceiling = p.buckets.reduce((sum, b) => sum + (b.approvers.length > 0 ? b.cost : 0), 0);
    const maxSteps = options.maxSteps ?? 100;
    for (let steps = 0; steps < maxSteps && !exhaustive(outcome.chosen) && share < ceiling; steps++) {
      const next = run(p, share + step, utilities);
      if (cost(next.chosen) > budget) break;
      share += step;
      outcome = next;
    }
  }
  const done = result(outcome.chosen, outcome.payments, share);
  if (completion === 'none') return done;

  // Greedy by approvals with what is left: the utilitarian completion that ends equalshares.net's computation.
  const taken = new Set(outcome.chosen);
  const rest = p.buckets.map((_, c) => c).filter((c) => !taken.has(c) && p.buckets[c]!.approvers.length > 0);
  rest.sort((a, b) => (before(p.buckets[a]!, p.buckets[b]!) ? -1 : 1));
  let left = done.leftover;
  for (const c of rest) {
    const b = p.buckets[c]!;
    if (b.cost > left) continue;
    left -= b.cost;
    done.funded.push({ id: b.id, cost: b.cost, approvals: b.approvers.length, via: 'completion' });
  }
  done.spent = budget - left;
  done.leftover = left;
  return done;
}
