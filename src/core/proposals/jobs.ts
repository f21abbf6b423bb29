// A proposal's job kinds: closing at the deadline, reminding those who have not voted, refreshing the posted card, announcing a review; their handler is in service.ts.
import { z } from 'zod';
import { storedId, type JobUnion } from '../jobs/payloads.js';

const ofProposal = z.object({ proposalId: storedId });

export const proposalJobPayloads = { 'proposal.close': ofProposal, 'proposal.remind': ofProposal, 'proposal.card': ofProposal, 'proposal.review': ofProposal };

export type ProposalJob = JobUnion<typeof proposalJobPayloads>;
