// Fair use: token buckets per member and per workspace, so one member or one team cannot starve the others.

/** How fast commands may come. Costs are in tokens; a bucket refills at `perSecond` up to `burst`. */
export interface RateLimits {
  member: { burst: number; perSecond: number };
  workspace: { burst: number; perSecond: number };
}

/**
 * A member may fire a burst of 20 commands, then one every two seconds; a workspace 300, then 10 a
 * second. Votes do not draw on the workspace's bucket: everyone clicking a card at once is the
 * normal case, and each member's own bucket already bounds what they can send.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  member: { burst: 20, perSecond: 0.5 },
  workspace: { burst: 300, perSecond: 10 },
};

/** What one command costs. Reading or verifying the whole audit chain is far dearer than a vote. */
export function commandCost(name: string | null): { member: number; workspace: number } {
  switch (name) {
    case 'vote':
      return { member: 1, workspace: 0 };
    case 'audit.verify':
      return { member: 5, workspace: 30 };
    case 'audit':
      return { member: 2, workspace: 5 };
    default:
      return { member: 1, workspace: 1 };
  }
}

interface Bucket {
  tokens: number;
  at: number;
}

/** The buckets an idle key can be dropped after: by then it has refilled to the brim anyway. */
const SWEEP_EVERY = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private takes = 0;

  /** `now` is a monotonic millisecond clock: limits follow real time, whatever the domain clock says. */
  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Takes the command's cost from both buckets, or from neither. Returns 0 when the command may
   * run, else the whole seconds to wait before it would be allowed.
   */
  take(memberKey: string, workspaceKey: string, cost: { member: number; workspace: number }): number {
    const now = this.now();
    if (++this.takes % SWEEP_EVERY === 0) this.sweep(now);
    const member = this.fill(`m:${memberKey}`, this.limits.member, now);
    const workspace = this.fill(`w:${workspaceKey}`, this.limits.workspace, now);
    const waitMember = wait(member, cost.member, this.limits.member.perSecond);
    const waitWorkspace = wait(workspace, cost.workspace, this.limits.workspace.perSecond);
    const seconds = Math.max(waitMember, waitWorkspace);
    if (seconds > 0) return Math.ceil(seconds);
    member.tokens -= cost.member;
    workspace.tokens -= cost.workspace;
    return 0;
  }

  private fill(key: string, limit: RateLimits['member'], now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: limit.burst, at: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
    bucket.at = now;
    return bucket;
  }

  private sweep(now: number): void {
    const longest = Math.max(this.limits.member.burst / this.limits.member.perSecond, this.limits.workspace.burst / this.limits.workspace.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > longest) this.buckets.delete(key);
  }
}

function wait(bucket: Bucket, cost: number, perSecond: number): number {
  return bucket.tokens >= cost ? 0 : (cost - bucket.tokens) / perSecond;
}
