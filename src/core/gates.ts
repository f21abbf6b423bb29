// Bounded concurrency per key, first come first served.

/**
 * At most `limit` holders per key at a time, the others queued in arrival order. Core uses it per
 * workspace for votes: they arrive in bursts (everyone clicks the card's buttons) and all queue on the
 * workspace lock anyway, so more than one in the lock and one getting ready only add waiting backends
 * and connections that the other workspaces could use. Adapters use it to bound the work they run
 * after acknowledging, so that new requests are acknowledged promptly during a burst.
 */
export class Gates {
  private readonly gates = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let gate = this.gates.get(key);
    if (!gate) this.gates.set(key, (gate = { active: 0, waiting: [] }));
    if (gate.active >= this.limit) await new Promise<void>((resolve) => gate.waiting.push(resolve));
    else gate.active++;
    try {
      return await fn();
    } finally {
      const next = gate.waiting.shift();
      // The permit passes straight to the next in line; an idle gate is dropped.
      if (next) next();
      else if (--gate.active === 0) this.gates.delete(key);
    }
  }
}
