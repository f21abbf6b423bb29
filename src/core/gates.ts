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

/**
 * Work gathered per batch key while a permit of `gates` is awaited, and run as one batch when it is
 * given: under load the batches grow by themselves (everything that arrived while the previous ones
 * held the permits), and an idle key runs a lone item at once. A batch closes at `max` items; the next
 * item then starts a new one.
 */
export class Batches<T, R> {
  private readonly open = new Map<string, { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[]>();

  constructor(
    private readonly gates: Gates,
    private readonly max: number,
    private readonly run: (items: T[]) => Promise<R[]>,
  ) {}

  add(gateKey: string, batchKey: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const waiting = this.open.get(batchKey);
      if (waiting) {
        waiting.push({ item, resolve, reject });
        if (waiting.length >= this.max) this.open.delete(batchKey);
        return;
      }
      const batch = [{ item, resolve, reject }];
      this.open.set(batchKey, batch);
      // After the callbacks already queued: the members answered by the batch before this one send their
      // next items in those callbacks, and they join this batch instead of each starting their own.
      setImmediate(() => void this.gates.run(gateKey, async () => {
        if (this.open.get(batchKey) === batch) this.open.delete(batchKey);
        try {
          const results = await this.run(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i]!));
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }));
    });
  }
}
