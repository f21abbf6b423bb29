// A commitment's jobs (reminders to its owners, the overdue notice, the escalation) and a group's weekly digest, which reports its commitments and decisions.
import { z } from 'zod';
import { defineJobs, storedId, type JobUnion } from '../jobs/define.js';
import { runCommitmentJob, runCommitmentReminders } from './service.js';

const ofCommitment = z.object({ commitmentId: storedId });

const payloads = {
  /** One per owner and offset; `offset` only names the reminder in its key. */
  'commitment.remind': z.object({ commitmentId: storedId, memberId: storedId, offset: z.string().optional() }),
  'commitment.overdue': ofCommitment,
  'commitment.escalate': ofCommitment,
  'group.digest': z.object({ groupId: storedId }),
};

export type CommitmentJob = JobUnion<typeof payloads>;

export const commitmentJobs = defineJobs(payloads, {
  run: (tx, job, now) => runCommitmentJob(tx, job, now),
  batches: { 'commitment.remind': (tx, jobs, now) => runCommitmentReminders(tx, jobs, now) },
});
