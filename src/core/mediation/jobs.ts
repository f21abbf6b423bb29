// A mediation's job: deleting a closed case's private texts once its retention period has passed.
import { z } from 'zod';
import { defineJobs, storedId, type JobUnion } from '../jobs/define.js';
import { runMediationJob } from './service.js';

const payloads = { 'dispute.purge': z.object({ disputeId: storedId }) };

export type MediationJob = JobUnion<typeof payloads>;

export const mediationJobs = defineJobs(payloads, { run: (tx, job, now) => runMediationJob(tx, job, now) });
