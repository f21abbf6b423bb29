// A pool's job kind: closing it at its --closes time; the handler is in pools.ts.
import { z } from 'zod';
import { storedId, type JobUnion } from '../jobs/payloads.js';

export const poolJobPayloads = {
  'pool.close': z.object({ poolId: storedId }),
};

export type PoolJob = JobUnion<typeof poolJobPayloads>;
