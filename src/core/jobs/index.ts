// Every job kind the core runs, registered by the feature that owns it; the runtime runs them through coreJobs.
import { commitmentJobs, type CommitmentJob } from '../commitments/jobs.js';
import { mediationJobs, type MediationJob } from '../mediation/jobs.js';
import { proposalJobs, type ProposalJob } from '../proposals/jobs.js';
import { jobRegistry, type JobHandler } from './define.js';

export type Job = ProposalJob | CommitmentJob | MediationJob;

export const coreJobs: JobHandler<Job> = jobRegistry<Job>([proposalJobs, commitmentJobs, mediationJobs]);
