// How a feature's declared job kinds are bound to their handlers, and how the runtime looks them up.
import { z } from 'zod';
import type { Tx } from '../ports.js';
import type { JobPayloads, JobUnion } from './payloads.js';

/** Handlers for kinds whose due jobs run many to one transaction: a few queries for the whole batch. */
export type JobBatches<S extends JobPayloads> = { [K in keyof S & string]?: (tx: Tx, jobs: Extract<JobUnion<S>, { kind: K }>[], now: Date) => Promise<void> };

/** The job kinds one feature owns, and what running one does inside the job's transaction. */
export interface JobFamily<S extends JobPayloads> {
  readonly payloads: S;
  readonly run: (tx: Tx, job: JobUnion<S>, now: Date) => Promise<void>;
  readonly batches: JobBatches<S>;
}

export function defineJobs<S extends JobPayloads>(payloads: S, handlers: { run: (tx: Tx, job: JobUnion<S>, now: Date) => Promise<void>; batches?: JobBatches<S> }): JobFamily<S> {
  return { payloads, run: handlers.run, batches: handlers.batches ?? {} };
}

/** A job as stored: its kind and its payload, not yet checked. */
export interface StoredJob {
  kind: string;
  payload: unknown;
}

/** What the runtime needs of the core to run the jobs it claims. */
export interface JobHandler<J extends { kind: string }> {
  /** The job a stored row holds, its payload checked against its kind; or why it cannot run (unknown kind, payload of another shape). */
  read(job: StoredJob): { ok: true; job: J } | { ok: false; reason: string };
  /** Does one job's work inside the caller's transaction; the runtime marks the job done in the same one. */
  run(tx: Tx, job: J, now: Date): Promise<void>;
  /** Whether due jobs of this kind run many to one transaction (see runBatch). */
  canBatch(kind: string): boolean;
  /** Does the work of many jobs of one kind inside the caller's transaction. */
  runBatch(tx: Tx, kind: string, jobs: J[], now: Date): Promise<void>;
}

/** Any family, as the registry holds it: its handlers are only called with jobs read for their own kinds. */
interface RegisteredFamily {
  readonly payloads: JobPayloads;
  readonly run: (tx: Tx, job: never, now: Date) => Promise<void>;
  readonly batches: Partial<Record<string, (tx: Tx, jobs: never[], now: Date) => Promise<void>>>;
}

/** The handler of every kind the families declare; a kind declared twice is a mistake caught at start-up. */
export function jobRegistry<J extends { kind: string }>(families: readonly RegisteredFamily[]): JobHandler<J> {
  const byKind = new Map<string, RegisteredFamily>();
  for (const family of families) {
    for (const kind of Object.keys(family.payloads)) {
      if (byKind.has(kind)) throw new Error(`job kind ${kind} is declared twice`);
      byKind.set(kind, family);
    }
  }
  const batchOf = (kind: string) => byKind.get(kind)?.batches[kind];
  return {
    read(job) {
      const family = byKind.get(job.kind);
      if (!family) return { ok: false, reason: `unknown job kind ${job.kind}` };
      const payload = family.payloads[job.kind]!.safeParse(job.payload);
      if (!payload.success) return { ok: false, reason: `the payload of ${job.kind} does not fit its kind: ${z.prettifyError(payload.error)}` };
      return { ok: true, job: { kind: job.kind, payload: payload.data } as unknown as J };
    },
    run(tx, job, now) {
      return byKind.get(job.kind)!.run(tx, job as never, now);
    },
    canBatch(kind) {
      return batchOf(kind) !== undefined;
    },
    async runBatch(tx, kind, jobs, now) {
      const batch = batchOf(kind);
      if (batch) return batch(tx, jobs as never[], now);
      for (const job of jobs) await this.run(tx, job, now);
    },
  };
}
