// Every job kind the core declares, as one typed union; declarations only, so the Tx port can type scheduling without reaching a handler.
import type { CommitmentJob } from '../commitments/jobs.js';
import type { GoalJob } from '../goals/jobs.js';
import type { MediationJob } from '../mediation/jobs.js';
import type { ProposalJob } from '../proposals/jobs.js';
import type { PoolJob } from '../resources/pool-jobs.js';
import type { RetroJob } from '../retros/jobs.js';

export type Job = ProposalJob | CommitmentJob | MediationJob | GoalJob | RetroJob | PoolJob;
