// A goal's job kinds: asking an indicator's owner for a value on the indicator's schedule; the handler is in service.ts.
import { z } from 'zod';
import { storedId, type JobUnion } from '../jobs/payloads.js';

export const goalJobPayloads = {
  /** `at`: the check-in this job asks for, which fixes the period a value must fall in. */
  'indicator.checkin': z.object({ indicatorId: storedId, at: z.iso.datetime() }),
};

export type GoalJob = JobUnion<typeof goalJobPayloads>;
