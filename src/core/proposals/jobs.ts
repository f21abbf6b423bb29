// A proposal's jobs: closing at the deadline, reminding those who have not voted, refreshing the posted card, announcing a review.
import { z } from 'zod';
import { defineJobs, storedId, type JobUnion } from '../jobs/define.js';
import { runProposalJob } from './service.js';

const ofProposal = z.object({ proposalId: storedId });

const payloads = { 'proposal.close': ofProposal, 'proposal.remind': ofProposal, 'proposal.card': ofProposal, 'proposal.review': ofProposal };

export type ProposalJob = JobUnion<typeof payloads>;

export const proposalJobs = defineJobs(payloads, { run: (tx, job, now) => runProposalJob(tx, job, now) });
