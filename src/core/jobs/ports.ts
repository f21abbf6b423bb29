// Time-driven work a command schedules: a row in the jobs table, written in the command's transaction.
import type { Job } from './kinds.js';

/** A job to schedule: one of the kinds the features declare (see kinds.ts), with its payload. */
export type NewJob = Job & {
  /** At most one pending job per key. */
  key: string;
  runAt: Date;
};

export interface JobRepo {
  /** `keep` leaves a pending job with the same key as it is; `replace` moves it to this one's time and payload. */
  schedule(job: NewJob, mode: 'replace' | 'keep'): Promise<void>;
  /** Cancels the pending jobs with these keys. */
  cancel(keys: string[]): Promise<void>;
}
