// Ballots per second through the core service: distinct members voting on one open majority proposal.
import { sql } from 'drizzle-orm';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/client.js';
import { contextFor, CpuMeter, gatherStatistics, log, proposalNumber, run, scalar, seedGroup, summarise, timeMs, type Summary } from './support.js';

const WORKSPACE = 'bench';
const CHANNEL = 'assembly';

export interface BallotsSetup {
  members: string[];
}

/** One group large enough that no run ever reaches the whole electorate (which would close the proposal early). */
export async function setupBallots(app: App, database: Database, ballotsPerRun: number): Promise<BallotsSetup> {
  const { members } = await seedGroup(app, database, {
    workspace: WORKSPACE,
    channel: CHANNEL,
    group: 'Assembly',
    convener: 'chair',
    prefix: 'v',
    count: ballotsPerRun,
  });
  return { members };
}

/** Opens a proposal and has `voters` cast one ballot each, `concurrency` at a time; returns ballots per second. */
async function castAll(app: App, database: Database, voters: string[], concurrency: number, label: string): Promise<number> {
  const number = proposalNumber(await run(app, contextFor(WORKSPACE, 'chair', CHANNEL), `propose "${label}" --rule majority --closes "in 30 days"`));
  const command = `vote ${number} yes`;
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < voters.length) {
      const voter = voters[next++]!;
      const reply = await app.core.execute(contextFor(WORKSPACE, voter, CHANNEL), command);
      if (!reply.ok) failed++;
    }
  };
  const ms = await timeMs(() => Promise.all(Array.from({ length: concurrency }, worker)));
  const stored = Number(
    await scalar(database, sql`select count(*)::int from ballots b join proposals p on p.id = b.proposal_id where p.number = ${number} and p.workspace_id = (select id from workspaces where external_id = ${WORKSPACE})`),
  );
  if (failed > 0 || stored !== voters.length) throw new Error(`${label}: ${failed} ballots refused, ${stored} of ${voters.length} stored`);
  return (voters.length / ms) * 1000;
}

export async function measureBallots(
  app: App,
  database: Database,
  setup: BallotsSetup,
  opts: { concurrency: number; runs: number; label: string; warmup?: number },
): Promise<Summary> {
  const warmup = opts.warmup ?? Math.min(200, setup.members.length);
  await castAll(app, database, setup.members.slice(0, warmup), opts.concurrency, `${opts.label} warm-up`);
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    // As autovacuum would by now on a server that has run this long: statements prepared on a
    // connection keep the plan made when they were first prepared until the statistics change, and a
    // plan made for a table of 200 ballots reads every row of one holding thousands.
    await gatherStatistics(database);
    const meter = new CpuMeter();
    const rate = await castAll(app, database, setup.members, opts.concurrency, `${opts.label} run ${i + 1}`);
    const spent = meter.spentMs();
    const perBallot = spent ? `, CPU per ballot: node ${(spent.node / setup.members.length).toFixed(2)} ms, Postgres ${(spent.postgres / setup.members.length).toFixed(2)} ms` : '';
    log(`  ${opts.label} run ${i + 1}: ${rate.toFixed(0)} ballots/s${perBallot}`);
    samples.push(rate);
  }
  return summarise(samples);
}
