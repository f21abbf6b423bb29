// Housekeeping: delivered messages, stored replies, finished jobs and handled platform requests are deleted once their own
// short retention has passed.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type DbTx } from '../db/client.js';

/** The job that sweeps; it schedules its next run in the transaction that completes it. */
export const SWEEP_JOB = { kind: 'data.sweep', key: 'data:sweep' } as const;
const SWEEP_EVERY_MS = 3_600_000;
/**
 * A handled platform request is kept an hour: long past Slack's retries and the five minutes a signed request stays
 * valid (older ones are refused by their timestamp), and short, since it holds what the member sent and, for Discord,
 * the interaction's token.
 */
const INTAKE_KEEP_MS = 3_600_000;

export interface Retention {
  /** Hours a delivered (or given-up) message, and a finished job, is kept. */
  outboxHours: number;
  /** Hours the reply to a processed command is kept, for platforms that send a request again. */
  replyHours: number;
}

export interface Swept {
  messages: number;
  replies: number;
  jobs: number;
  requests: number;
}

/** Deletes what has outlived its retention at `now`. Pending and in-flight messages and jobs are never touched. */
export async function sweep(db: Db | DbTx, now: Date, retention: Retention): Promise<Swept> {
  const outboxCut = new Date(now.getTime() - retention.outboxHours * 3_600_000).toISOString();
  const replyCut = new Date(now.getTime() - retention.replyHours * 3_600_000).toISOString();
  const messages = rowsOf(
    await db.execute(sql`
      delete from outbox
      where (status = 'sent' and sent_at < ${outboxCut}::timestamptz) or (status = 'failed' and created_at < ${outboxCut}::timestamptz)
      returning id`),
  );
  const replies = rowsOf(await db.execute(sql`delete from processed_commands where created_at < ${replyCut}::timestamptz returning key`));
  const jobs = rowsOf(
    await db.execute(sql`delete from jobs where status in ('done', 'cancelled') and coalesce(done_at, run_at) < ${outboxCut}::timestamptz returning id`),
  );
  const intakeCut = new Date(now.getTime() - INTAKE_KEEP_MS).toISOString();
  const requests = rowsOf(await db.execute(sql`delete from intake where status <> 'running' and received_at < ${intakeCut}::timestamptz returning id`));
  // Processes long gone: their rows were taken over when they stopped renewing.
  await db.execute(sql`delete from intake_holders where alive_until < ${intakeCut}::timestamptz`);
  return { messages: messages.length, replies: replies.length, jobs: jobs.length, requests: requests.length };
}

/** Runs one sweep and books the next, in the job's own transaction. */
export async function runSweepJob(tx: DbTx, now: Date, retention: Retention): Promise<Swept> {
  const swept = await sweep(tx, now, retention);
  await scheduleSweep(tx, new Date(now.getTime() + SWEEP_EVERY_MS));
  return swept;
}

/** Books a sweep at `at` unless one is already pending. */
export async function scheduleSweep(db: Db | DbTx, at: Date): Promise<void> {
  await db.execute(sql`
    insert into jobs (kind, key, run_at, payload) values (${SWEEP_JOB.kind}, ${SWEEP_JOB.key}, ${at.toISOString()}::timestamptz, '{}'::jsonb)
    on conflict (key) where status = 'pending' do nothing`);
}
