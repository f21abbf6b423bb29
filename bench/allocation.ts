// Closing an equal-shares pool of 1,000 members and 100 buckets (the Method of Equal Shares with its completion), pure computation. Runs alone with `npx tsx bench/allocation.ts`.
import { equalShares, type EqualSharesBucket } from '../src/core/resources/equal-shares.js';
import { log, runIfMain, summarise, type Summary } from './support.js';

export const ALLOCATION_TARGET_MS = 1000;

export interface AllocationSetup {
  members: number[];
  buckets: EqualSharesBucket[];
  budget: number;
}

/** A small deterministic generator, so every run closes the same pool. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * `members` members sharing 500 triệu đồng over `buckets` buckets costing 1–50 triệu each. Buckets differ in
 * popularity (each approved by 5–45% of members), so some win easily, some need Add1 and some never fit.
 */
export function setupAllocation(members = 1000, buckets = 100, seed = 42): AllocationSetup {
  const random = seeded(seed);
  const ids = Array.from({ length: members }, (_, i) => i + 1);
  return {
    members: ids,
    buckets: Array.from({ length: buckets }, (_, i) => {
      const popularity = 0.05 + random() * 0.4;
      return { id: i + 1, cost: 1_000_000 * (1 + Math.floor(random() * 50)), approvers: ids.filter(() => random() < popularity) };
    }),
    budget: 500_000_000,
  };
}

/** The median and spread of `runs` closes, after one warm-up close. */
export function measureAllocation(setup: AllocationSetup, runs: number): { summary: Summary; funded: number; completion: number; leftover: number } {
  const samples: number[] = [];
  let last = equalShares(setup.members, setup.buckets, setup.budget);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = equalShares(setup.members, setup.buckets, setup.budget);
    samples.push(performance.now() - start);
  }
  return { summary: summarise(samples), funded: last.funded.length, completion: last.funded.filter((b) => b.via === 'completion').length, leftover: last.leftover };
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS?.trim() || 10);
  const setup = setupAllocation();
  log(`equal shares: ${setup.members.length} members, ${setup.buckets.length} buckets, ${runs} runs`);
  const { summary: s, funded, completion, leftover } = measureAllocation(setup, runs);
  const lines = [
    '| Measurement | Median | Min | Max | Runs | Target |',
    '|---|---:|---:|---:|---:|---|',
    `| close equal shares, ${setup.members.length.toLocaleString('en-US')} members, ${setup.buckets.length} buckets (${funded} funded, ${completion} by completion, ${leftover.toLocaleString('en-US')} ₫ left) | ${s.median.toFixed(1)} ms | ${s.min.toFixed(1)} ms | ${s.max.toFixed(1)} ms | ${s.runs} | < ${ALLOCATION_TARGET_MS} ms ${s.median < ALLOCATION_TARGET_MS ? '(met)' : '(missed)'} |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

runIfMain(import.meta.url, main);
