// Refuses a signed request seen before, or one signed too far from now. Bolt checks signatures and staleness, not replays.

const WINDOW_MS = 5 * 60_000;

export type ReplayVerdict = 'fresh' | 'stale' | 'replayed';

/**
 * A captured request stays valid for Bolt until its timestamp is five minutes old, so remembering
 * each signature for that long is enough to refuse it a second time. Memory is per process;
 * with several instances core's idempotency keys still make a replay harmless.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  check(timestampHeader: string | undefined, signature: string | undefined): ReplayVerdict {
    // Missing headers are Bolt's to refuse; it answers 401 like every other verification failure.
    if (!timestampHeader || !signature) return 'fresh';
    const sentAt = Number(timestampHeader) * 1000;
    const now = this.now();
    if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > WINDOW_MS) return 'stale';
    this.prune(now);
    if (this.seen.has(signature)) return 'replayed';
    this.seen.set(signature, sentAt + WINDOW_MS);
    return 'fresh';
  }

  /** Requests arrive roughly in timestamp order, so expired entries sit at the front of the map. */
  private prune(now: number): void {
    for (const [signature, until] of this.seen) {
      if (until >= now) break;
      this.seen.delete(signature);
    }
  }
}
