// Retrospective job kinds: closing a retro at the time set with --closes, and offering a blameless post-mortem
// when a goal's due date comes with an indicator off track; the handlers are in service.ts.
import { z } from 'zod';
import { storedId, type JobUnion } from '../jobs/payloads.js';

export const retroJobPayloads = {
  'retro.close': z.object({ retroId: storedId }),
  'goal.postmortem': z.object({ goalId: storedId }),
};

export type RetroJob = JobUnion<typeof retroJobPayloads>;

export const retroJobKeys = {
  close: (retroId: number) => `retro:${retroId}:close`,
  /** One per goal: moving the due date moves the check. */
  postmortem: (goalId: number) => `goal:${goalId}:postmortem`,
};
