// The handler of every job kind the core declares, bound where Concord is built (nothing inside the core imports this file); the runtime runs them through coreJobs.
import { commitmentJobPayloads } from '../commitments/jobs.js';
import { runCommitmentJob, runCommitmentReminders } from '../commitments/service.js';
import { goalJobPayloads } from '../goals/jobs.js';
import { runGoalJob } from '../goals/service.js';
import { mediationJobPayloads } from '../mediation/jobs.js';
import { runMediationJob } from '../mediation/service.js';
import { proposalJobPayloads } from '../proposals/jobs.js';
import { runProposalJob } from '../proposals/service.js';
import { poolJobPayloads } from '../resources/pool-jobs.js';
import { runPoolJob } from '../resources/pools.js';
import { retroJobPayloads } from '../retros/jobs.js';
import { runRetroJob } from '../retros/service.js';
import { defineJobs, jobRegistry, type JobHandler } from './define.js';
import type { Job } from './kinds.js';

export type { Job } from './kinds.js';

export const coreJobs: JobHandler<Job> = jobRegistry<Job>([
  defineJobs(proposalJobPayloads, { run: runProposalJob }),
  defineJobs(commitmentJobPayloads, { run: runCommitmentJob, batches: { 'commitment.remind': runCommitmentReminders } }),
  defineJobs(mediationJobPayloads, { run: runMediationJob }),
  defineJobs(goalJobPayloads, { run: runGoalJob }),
  defineJobs(retroJobPayloads, { run: runRetroJob }),
  defineJobs(poolJobPayloads, { run: runPoolJob }),
]);
