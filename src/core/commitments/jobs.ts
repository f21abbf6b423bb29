// A commitment's job kinds (reminders to its owners, the overdue notice, the escalation) and a group's weekly digest, which reports its commitments and decisions; their handlers are in service.ts.
import { z } from 'zod';
import { storedId, type JobUnion } from '../jobs/payloads.js';

const ofCommitment = z.object({ commitmentId: storedId });

export const commitmentJobPayloads = {
  /** One per owner and offset; `offset` only names the reminder in its key. */
  'commitment.remind': z.object({ commitmentId: storedId, memberId: storedId, offset: z.string().optional() }),
  'commitment.overdue': ofCommitment,
  'commitment.escalate': ofCommitment,
  'group.digest': z.object({ groupId: storedId }),
};

export type CommitmentJob = JobUnion<typeof commitmentJobPayloads>;
