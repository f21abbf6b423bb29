// Crowdfunding a pool the way Cobudget does: each member gets a share, puts it into buckets, and a bucket is funded at its maximum, or at close when it reached its minimum; money in unfunded buckets returns.
//
// Pure and immutable: every change returns a new state, so the caller can store it and audit the difference. All
// amounts are integer minor units (see money.ts), so a pool's total is conserved exactly.

export type MemberId = number;
export type BucketId = number;

/** What a bucket asks for. `min` is what it needs to go ahead; `max` is where funding stops. */
export interface BucketGoal {
  min: number;
  max: number;
}

export interface CrowdfundState {
  /** What each member was given to allocate. */
  readonly grants: ReadonlyMap<MemberId, number>;
  readonly buckets: ReadonlyMap<BucketId, BucketGoal>;
  /** Per bucket, what each member has put in (members with nothing in it are absent). */
  readonly contributions: ReadonlyMap<BucketId, ReadonlyMap<MemberId, number>>;
  /** The most one member may put into one bucket, or null for no limit. */
  readonly capPerBucket: number | null;
}

/**
 * While the pool is open: `funding` below the minimum, `minimum-reached` at or above it (it would be funded if the
 * pool closed now), `funded` at its maximum (it takes no more, and its money can no longer be taken back).
 * After close: `funded` or `not-funded`.
 */
export type BucketStatus = 'funding' | 'minimum-reached' | 'funded' | 'not-funded';

/**
 * The goal of a bucket in a pool that only collects (quadratic funding): no minimum, so it is funded with whatever
 * it raised, and no maximum, so only balances and the per-bucket cap limit what members put in.
 */
export const OPEN_ENDED: BucketGoal = Object.freeze({ min: 0, max: Number.MAX_SAFE_INTEGER });

export type GrantRefusal = 'no-members' | 'invalid-amount';

/**
 * Each member's share: `perMember` each, or the pool divided equally. What does not divide equally (fewer minor
 * units than members) stays in the pool as `unassigned`, so no member gets a unit more than another.
 */
export function grantShares(
  members: readonly MemberId[],
  how: { perMember: number } | { pool: number },
): { ok: true; grants: Map<MemberId, number>; unassigned: number } | { ok: false; reason: GrantRefusal } {
  const unique = [...new Set(members)];
  if (unique.length === 0) return { ok: false, reason: 'no-members' };
  const amount = 'perMember' in how ? how.perMember : how.pool;
  if (!Number.isSafeInteger(amount) || amount < 0) return { ok: false, reason: 'invalid-amount' };
  const each = 'perMember' in how ? how.perMember : Math.floor(how.pool / unique.length);
  if (!Number.isSafeInteger(each * unique.length)) return { ok: false, reason: 'invalid-amount' };
  const unassigned = 'pool' in how ? how.pool - each * unique.length : 0;
  return { ok: true, grants: new Map(unique.map((m) => [m, each])), unassigned };
}

export type BucketRefusal = 'invalid-amount' | 'minimum-above-maximum';

/** A bucket's goal as entered; `max` defaults to `min` (a bucket with one figure). */
export function bucketGoal(min: number, max: number = min): { ok: true; goal: BucketGoal } | { ok: false; reason: BucketRefusal } {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min <= 0 || max <= 0) return { ok: false, reason: 'invalid-amount' };
  if (min > max) return { ok: false, reason: 'minimum-above-maximum' };
  return { ok: true, goal: { min, max } };
}

export function openPool(grants: ReadonlyMap<MemberId, number>, buckets: ReadonlyMap<BucketId, BucketGoal>, capPerBucket: number | null = null): CrowdfundState {
  return { grants: new Map(grants), buckets: new Map(buckets), contributions: new Map(), capPerBucket };
}

/** What is in a bucket. */
export function raised(state: CrowdfundState, bucket: BucketId): number {
  let sum = 0;
  for (const amount of state.contributions.get(bucket)?.values() ?? []) sum += amount;
  return sum;
}

/** What a member has put into a bucket. */
export function contributionOf(state: CrowdfundState, bucket: BucketId, member: MemberId): number {
  return state.contributions.get(bucket)?.get(member) ?? 0;
}

/** What a member has left to allocate: their grant less everything they have put in. */
export function balance(state: CrowdfundState, member: MemberId): number {
  let spent = 0;
  for (const byMember of state.contributions.values()) spent += byMember.get(member) ?? 0;
  return (state.grants.get(member) ?? 0) - spent;
}

export function bucketStatus(state: CrowdfundState, bucket: BucketId, closed = false): BucketStatus {
  const goal = state.buckets.get(bucket);
  if (!goal) throw new RangeError(`no bucket ${bucket}`);
  const total = raised(state, bucket);
  if (total >= goal.max) return 'funded';
  if (closed) return total >= goal.min ? 'funded' : 'not-funded';
  return total >= goal.min ? 'minimum-reached' : 'funding';
}

/** Why an allocation was refused, with the figure the member needs to put it right. */
export type AllocationRefusal =
  | { reason: 'not-a-member' }
  | { reason: 'unknown-bucket' }
  | { reason: 'invalid-amount' }
  /** The bucket is at its maximum: its funds are committed and can be neither added to nor taken back. */
  | { reason: 'bucket-funded' }
  /** More than the bucket still needs to reach its maximum; `room` is what it can still take from this member. */
  | { reason: 'overfund'; room: number }
  /** More than the member has left; `available` is what they could put in this bucket in total. */
  | { reason: 'over-balance'; available: number }
  /** More than one member may put into one bucket; `cap` is that limit. */
  | { reason: 'over-cap'; cap: number };

export interface Allocation {
  state: CrowdfundState;
  /** The member's contribution to the bucket before and after, for the audit entry. */
  before: number;
  after: number;
  status: BucketStatus;
}

/**
 * `allocate B-4 <amount>` adds to what the member has in the bucket; with `set` it replaces it (and may lower it, or
 * take it back with 0). Refused when the bucket would go past its maximum, the member's contribution past the
 * per-bucket cap, or the member past their balance. The checks come in Cobudget's order, the limits that are the
 * same for everyone first, so two members asking for the same thing are told the same thing.
 */
export function allocate(
  state: CrowdfundState,
  member: MemberId,
  bucket: BucketId,
  amount: number,
  mode: 'add' | 'set' = 'add',
): { ok: true; allocation: Allocation } | { ok: false; refusal: AllocationRefusal } {
  if (!state.grants.has(member)) return { ok: false, refusal: { reason: 'not-a-member' } };
  const goal = state.buckets.get(bucket);
  if (!goal) return { ok: false, refusal: { reason: 'unknown-bucket' } };
  if (!Number.isSafeInteger(amount) || amount < 0 || (mode === 'add' && amount === 0)) return { ok: false, refusal: { reason: 'invalid-amount' } };
  const before = contributionOf(state, bucket, member);
  const after = mode === 'add' ? before + amount : amount;
  if (after === before) return { ok: true, allocation: { state, before, after, status: bucketStatus(state, bucket) } };
  const total = raised(state, bucket);
  if (total >= goal.max) return { ok: false, refusal: { reason: 'bucket-funded' } };
  const othersIn = total - before;
  if (othersIn + after > goal.max) return { ok: false, refusal: { reason: 'overfund', room: goal.max - othersIn } };
  if (state.capPerBucket !== null && after > state.capPerBucket) return { ok: false, refusal: { reason: 'over-cap', cap: state.capPerBucket } };
  const free = balance(state, member) + before;
  if (after > free) return { ok: false, refusal: { reason: 'over-balance', available: free } };

  const contributions = new Map(state.contributions);
  const byMember = new Map(state.contributions.get(bucket) ?? []);
  if (after === 0) byMember.delete(member);
  else byMember.set(member, after);
  if (byMember.size === 0) contributions.delete(bucket);
  else contributions.set(bucket, byMember);
  const next: CrowdfundState = { ...state, contributions };
  return { ok: true, allocation: { state: next, before, after, status: bucketStatus(next, bucket) } };
}

export interface ClosedBucket {
  bucket: BucketId;
  status: 'funded' | 'not-funded';
  raised: number;
  goal: BucketGoal;
}

export interface CloseResult {
  /** Every bucket in id order, funded or not. */
  buckets: ClosedBucket[];
  /** What each member gets back from buckets that were not funded (members with nothing to get back are absent). */
  refunds: Map<MemberId, number>;
  /** What each member put into funded buckets. */
  spent: Map<MemberId, number>;
  /** Each member's balance after the refunds: their grant less what they spent. */
  balances: Map<MemberId, number>;
  /** Sums, so the caller can show that nothing was lost: granted = funded + returned to balances. */
  totals: { granted: number; funded: number; refunded: number; unallocated: number };
}

/** Closes the pool: buckets at or above their minimum are funded with what they raised; the rest is returned. */
export function closePool(state: CrowdfundState): CloseResult {
  const buckets: ClosedBucket[] = [];
  const refunds = new Map<MemberId, number>();
  const spent = new Map<MemberId, number>();
  let funded = 0;
  let refunded = 0;
  for (const [bucket, goal] of [...state.buckets].sort((a, b) => a[0] - b[0])) {
    const status = bucketStatus(state, bucket, true) as ClosedBucket['status'];
    const total = raised(state, bucket);
    buckets.push({ bucket, status, raised: total, goal });
    const into = status === 'funded' ? spent : refunds;
    for (const [member, amount] of state.contributions.get(bucket) ?? []) into.set(member, (into.get(member) ?? 0) + amount);
    if (status === 'funded') funded += total;
    else refunded += total;
  }
  const balances = new Map<MemberId, number>();
  let granted = 0;
  for (const [member, grant] of state.grants) {
    granted += grant;
    balances.set(member, grant - (spent.get(member) ?? 0));
  }
  return { buckets, refunds, spent, balances, totals: { granted, funded, refunded, unallocated: granted - funded - refunded } };
}
