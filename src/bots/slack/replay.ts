// Refuses a signed request seen before, or one signed too far from now. Bolt checks signatures and staleness, not replays.

const WINDOW_MS = 5 * 60_000;

export type ReplayVerdict = 'fresh' | 'stale' | 'replayed' | 'malformed';

/** Slack's v0 signature: exactly one SHA-256 hex digest. Bolt would accept trailing text after it, which makes a new "signature". */
const SIGNATURE = /^v0=([0-9a-f]{64})$/;

/** The hex digest of a well-formed v0 signature header; null for anything else. */
export function signatureDigest(signature: string | undefined): string | null {
  return (signature && SIGNATURE.exec(signature)?.[1]) || null;
}

/**
 * A captured request stays valid for Bolt until its timestamp is five minutes old, so remembering
 * each signature for that long is enough to refuse it a second time. Memory is per process;
 * with several instances core's idempotency keys still make a replay harmless.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Claims the request's digest before its signature is checked, so two copies arriving together cannot both pass;
   * call `forget` when the signature turns out to be wrong, so forged requests do not fill the memory.
   */
  check(timestampHeader: string | undefined, signature: string | undefined): ReplayVerdict {
    // Missing headers are Bolt's to refuse; it answers 401 like every other verification failure.
    if (!timestampHeader || !signature) return 'fresh';
    const digest = signatureDigest(signature);
    if (!digest) return 'malformed';
    const sentAt = Number(timestampHeader) * 1000;
    const now = this.now();
    if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > WINDOW_MS) return 'stale';
    this.prune(now);
    if (this.seen.has(digest)) return 'replayed';
    this.seen.set(digest, sentAt + WINDOW_MS);
    return 'fresh';
  }

  /** Releases a claim made by `check` for a request whose signature did not verify. */
  forget(signature: string | undefined): void {
    const digest = signatureDigest(signature);
    if (digest) this.seen.delete(digest);
  }

  /** Requests arrive roughly in timestamp order, so expired entries sit at the front of the map. */
  private prune(now: number): void {
    for (const [signature, until] of this.seen) {
      if (until >= now) break;
      this.seen.delete(signature);
    }
  }
}
