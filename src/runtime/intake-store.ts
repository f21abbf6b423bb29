// Storing platform requests in the intake: one statement for a batch, telling new requests from retries and replays.
// Kept apart from the intake's runner so that a thread with a database connection of its own (the Slack front door's,
// on Postgres) can store requests without the rest of Concord.
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { rowsOf } from '../db/client.js';

export type IntakeSource = 'slack' | 'discord';

/** A request as it arrives, before it is stored. */
export interface IntakeRequest {
  source: IntakeSource;
  /** The platform's own identity of the request: the same key again is a retry or a replay of it. */
  key: string;
  /** Who sent it; one member's requests run in arrival order. */
  member: string;
  /** The request's signature, when it was signed: the same key with the same signature is a replay. */
  signature: string | null;
  payload: unknown;
}

/** A stored request, as its handler gets it. */
export interface IntakeRow {
  id: number;
  source: IntakeSource;
  key: string;
  member: string;
  payload: unknown;
  /** 1 for the instance that received it; more when it is taken over after a crash or a failure. */
  attempts: number;
  receivedAt: Date;
}

/**
 * `new`: stored now, held by this instance, to be run. `retry`: the platform sent a request it had sent before
 * (stored already, by this instance or another): acknowledge it, run nothing. `replayed`: the very same signed
 * request again: refuse it.
 */
export type Admission = { verdict: 'new'; row: IntakeRow } | { verdict: 'retry' } | { verdict: 'replayed' };

/** The database's clock `seconds` from now: leases and backoffs are measured by it, the same for every instance. */
export function secondsFromNow(seconds: number): SQL {
  return sql`now() + make_interval(secs => ${seconds}::float8)`;
}

/** Who holds the rows a batch stores, and the grace period before a row is anyone's if its holder never renews. */
export interface Holder {
  workerId: string;
  leaseSeconds: number;
}

/**
 * Stores a batch of requests in one statement: new keys are stored, held by `holder`; a key stored before (or earlier
 * in the same batch) is a retry, or a replay when its signature is the same. Two instances storing the same key at the
 * same instant: one stores it, the other sees a retry.
 */
/** Rows per statement: far below Postgres's 65,535 parameters at five a row. */
const MAX_BATCH = 1000;

/** Any drizzle Postgres database: Concord's own, or a bare connection of another thread. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = PgDatabase<PgQueryResultHKT, any>;

/**
 * Admissions arriving while the writes under way are busy wait for the next free one and go together: one statement,
 * and one commit, for however many arrived meanwhile. The first of a quiet moment waits only for the current turn of
 * the event loop, so that requests arriving together share it.
 */
export class GroupCommit {
  private waiting: Array<{ request: IntakeRequest; resolve: (a: Admission) => void; reject: (e: unknown) => void }> = [];
  /** Writes under way: each lane takes whatever waits when it is free, so a commit's wait is shared. */
  private readonly lanes = new Set<Promise<void>>();

  constructor(
    private readonly db: AnyDb,
    private readonly holder: Holder,
    /** Told of each new row, before its admission resolves. */
    private readonly onNew: (row: IntakeRow) => void = () => {},
    /**
     * Writes in flight at once. With one, a request arriving during a commit waits for that commit and then its own;
     * with two, it usually waits for its own only.
     */
    private readonly maxLanes = 2,
  ) {}

  admit(request: IntakeRequest): Promise<Admission> {
    return new Promise<Admission>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (this.lanes.size < this.maxLanes) {
        const lane: Promise<void> = this.flush().finally(() => this.lanes.delete(lane));
        this.lanes.add(lane);
      }
    });
  }

  /** Resolves once every admission asked for so far is written (or has failed). */
  async settled(): Promise<void> {
    while (this.lanes.size) await Promise.allSettled([...this.lanes]);
  }

  private async flush(): Promise<void> {
    // Whatever else arrives in this turn of the event loop joins the batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      try {
        const admissions = await admitBatch(
          this.db,
          this.holder,
          batch.map((w) => w.request),
        );
        for (const admission of admissions) if (admission.verdict === 'new') this.onNew(admission.row);
        batch.forEach((w, i) => w.resolve(admissions[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
  }
}

export async function admitBatch(db: AnyDb, holder: Holder, requests: readonly IntakeRequest[]): Promise<Admission[]> {
  // Within one batch a key's first copy is the one stored; the others are judged against it like earlier copies.
  const first = new Map<string, number>();
  requests.forEach((r, i) => {
    const id = `${r.source}\u0000${r.key}`;
    if (!first.has(id)) first.set(id, i);
  });
  const fresh = [...first.values()].map((i) => requests[i]!);
  const values = sql.join(
    fresh.map((r) => sql`(${r.source}, ${r.key}, ${r.member}, ${r.signature}, ${JSON.stringify(r.payload)}::jsonb)`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with incoming (source, request_key, member_key, signature, payload) as (values ${values}),
    stored as (
      insert into intake (source, request_key, member_key, signature, payload, locked_by, locked_until)
      select source, request_key, member_key, signature, payload, ${holder.workerId}, ${secondsFromNow(holder.leaseSeconds)}
      from incoming
      on conflict (source, request_key) do nothing
      returning id, source, request_key, member_key, attempts, received_at
    )
    select s.id, i.source, i.request_key, s.member_key, s.attempts, s.received_at, known.signature as known_signature
    from incoming i
    left join stored s on s.source = i.source and s.request_key = i.request_key
    left join intake known on s.id is null and known.source = i.source and known.request_key = i.request_key`);
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of rowsOf<Record<string, unknown>>(result)) byKey.set(`${String(row.source)}\u0000${String(row.request_key)}`, row);
  return requests.map((r, i) => {
    const id = `${r.source}\u0000${r.key}`;
    const row = byKey.get(id);
    if (row && row.id !== null && row.id !== undefined && first.get(id) === i) {
      return { verdict: 'new', row: rowOf({ ...row, payload: r.payload }) };
    }
    // Stored before (or earlier in this batch): the same signature is the same request sent again by someone else.
    const knownSignature = first.get(id) === i ? (row?.known_signature as string | null | undefined) : requests[first.get(id)!]!.signature;
    return r.signature !== null && knownSignature === r.signature ? { verdict: 'replayed' } : { verdict: 'retry' };
  });
}

export function rowOf(r: Record<string, unknown>): IntakeRow {
  return {
    id: Number(r.id),
    source: String(r.source) as IntakeSource,
    key: String(r.request_key),
    member: String(r.member_key),
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as unknown) : r.payload,
    attempts: Number(r.attempts),
    receivedAt: r.received_at instanceof Date ? r.received_at : new Date(String(r.received_at)),
  };
}
