// Time-driven work a command schedules: a row in the jobs table, written in the command's transaction.

export interface NewJob {
  kind: string;
  /** At most one pending job per key. */
  key: string;
  runAt: Date;
  payload: Record<string, unknown>;
}
