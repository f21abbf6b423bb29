// A mediation's job kind: deleting a closed case's private texts once its retention period has passed; its handler is in service.ts.
import { z } from 'zod';
import { storedId, type JobUnion } from '../jobs/payloads.js';

export const mediationJobPayloads = { 'dispute.purge': z.object({ disputeId: storedId }) };

export type MediationJob = JobUnion<typeof mediationJobPayloads>;
