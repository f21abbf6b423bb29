// Concord as real processes on one Postgres, serving Slack over HTTP: the same burst of votes through a round-robin
// proxy to one instance and to two, and a burst during which the process is killed with SIGKILL and started again.
import type { Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { freePort, LocalSlack, roundRobin, slashRequest, startConcord, TEAM, until, type ConcordProcess } from '../test/e2e/slack-process.js';
import { BenchDatabase, contextFor, log, openApp, proposalNumber, run, runIfMain, scalar, seedGroup } from './support.js';
import type { Database } from '../src/db/client.js';

const CHANNEL = 'C0PLAN';
const CONVENER = 'U0CHAIR';

export interface InstancesRow {
  label: string;
  instances: number;
  sent: number;
  acknowledged: number;
  stored: number;
  answered: number;
  /** Acknowledged votes stored per second, from the first request to the last ballot stored. */
  ballotsPerSecond: number;
  answerP50Ms: number;
  answerP99Ms: number;
}

interface Setup {
  bench: BenchDatabase;
  database: Database;
  slack: LocalSlack;
  members: string[];
  close(): Promise<void>;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
};

async function setUp(adminUrl: string, count: number): Promise<Setup> {
  const bench = await BenchDatabase.create(adminUrl, 'instances');
  const opened = await openApp('postgres', { url: bench.url, poolSize: 2 });
  const { members } = await seedGroup(opened.app, opened.database, { workspace: TEAM.id, channel: CHANNEL, group: 'Plan', convener: CONVENER, prefix: 'U', count, platform: 'slack' });
  await opened.close();
  // The processes' own connection to count what they stored.
  const counter = await openApp('postgres', { url: bench.url, poolSize: 1 });
  const slack = await LocalSlack.start();
  return {
    bench,
    database: counter.database,
    slack,
    members,
    async close() {
      await slack.stop();
      await counter.close();
      await bench.drop();
    },
  };
}

/** Opens a proposal for the burst, as the convener, through an app of its own (the processes may be down). */
async function propose(setup: Setup, label: string): Promise<number> {
  const opened = await openApp('postgres', { url: setup.bench.url, poolSize: 1 });
  try {
    return proposalNumber(await run(opened.app, contextFor(TEAM.id, CONVENER, CHANNEL, 'slack'), `propose "${label}" --rule majority --closes "in 30 days"`));
  } finally {
    await opened.close();
  }
}

const storedOn = async (database: Database, number: number) =>
  Number(await scalar(database, sql`select count(*)::int from ballots b join proposals p on p.id = b.proposal_id where p.number = ${number}`));

/**
 * Sends one vote per member, `concurrency` at a time, to `port`; `onAck` is told of each acknowledgement.
 * Returns the members whose vote was acknowledged and when each request was sent.
 */
async function burst(setup: Setup, port: number, voters: string[], number: number, concurrency: number, onAck?: (count: number) => void) {
  const acknowledged: string[] = [];
  const sentAt = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < voters.length) {
      const user = voters[next++]!;
      const request = slashRequest(setup.slack, user, `vote ${number} ${next % 3 ? 'yes' : 'no'}`);
      sentAt.set(user, Date.now());
      const status = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: request.headers, body: request.body }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) {
        acknowledged.push(user);
        onAck?.(acknowledged.length);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { acknowledged, sentAt };
}

function answers(setup: Setup, users: string[], sentAt: Map<string, number>): number[] {
  const first = new Map<string, number>();
  for (const hook of setup.slack.hooks) {
    const user = hook.path.split('/')[2]!;
    if (sentAt.has(user) && !first.has(user)) first.set(user, hook.at);
  }
  return users.flatMap((u) => (first.has(u) ? [first.get(u)! - sentAt.get(u)!] : []));
}

async function start(setup: Setup, count: number): Promise<{ processes: ConcordProcess[]; proxy: { server: Server; port: number } }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', RATE_LIMITS: 'off', INTAKE_LEASE_SECONDS: '2', DATABASE_URL: setup.bench.url };
  delete env.CONCORD_DATA_DIR;
  const processes: ConcordProcess[] = [];
  for (let i = 0; i < count; i++) processes.push(await startConcord(env, await freePort(), setup.slack));
  return { processes, proxy: await roundRobin(processes.map((p) => p.port)) };
}

async function stop(processes: ConcordProcess[], proxy: { server: Server }): Promise<void> {
  proxy.server.close();
  for (const p of processes) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await p.exited;
  }
}

/** The same burst through the proxy to `instances` processes: every vote acknowledged, then stored and answered. */
async function measureBurst(setup: Setup, voters: string[], instances: number, concurrency: number): Promise<InstancesRow> {
  const number = await propose(setup, `${instances} instance(s)`);
  const { processes, proxy } = await start(setup, instances);
  try {
    log(`instances: ${instances} process(es), ${voters.length} votes at ${concurrency} connections`);
    const began = Date.now();
    const { acknowledged, sentAt } = await burst(setup, proxy.port, voters, number, concurrency);
    await until('every acknowledged vote stored', async () => (await storedOn(setup.database, number)) >= acknowledged.length, 300_000);
    const elapsed = Date.now() - began;
    await until('every member answered', () => answers(setup, acknowledged, sentAt).length >= acknowledged.length, 60_000).catch(() => {});
    const waits = answers(setup, acknowledged, sentAt);
    return {
      label: instances === 1 ? 'one instance' : `${instances} instances`,
      instances,
      sent: voters.length,
      acknowledged: acknowledged.length,
      stored: await storedOn(setup.database, number),
      answered: waits.length,
      ballotsPerSecond: (acknowledged.length / elapsed) * 1000,
      answerP50Ms: quantile(waits, 0.5),
      answerP99Ms: quantile(waits, 0.99),
    };
  } finally {
    await stop(processes, proxy);
  }
}

/** A burst to one process, killed with SIGKILL right after the last acknowledgement, then started again on the same port. */
async function measureCrash(setup: Setup, voters: string[], concurrency: number): Promise<InstancesRow> {
  const number = await propose(setup, 'crash');
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', RATE_LIMITS: 'off', INTAKE_LEASE_SECONDS: '2', DATABASE_URL: setup.bench.url };
  delete env.CONCORD_DATA_DIR;
  const port = await freePort();
  const first = await startConcord(env, port, setup.slack);
  log(`crash: ${voters.length} votes at ${concurrency} connections, SIGKILL after the last acknowledgement`);
  let killed = false;
  const { acknowledged, sentAt } = await burst(setup, port, voters, number, concurrency, (count) => {
    if (count === voters.length && !killed) {
      killed = true;
      first.child.kill('SIGKILL');
    }
  });
  if (!killed) first.child.kill('SIGKILL');
  await first.exited;
  const storedAtKill = await storedOn(setup.database, number);
  log(`crash: ${acknowledged.length} acknowledged, ${storedAtKill} stored when killed; restarting`);
  const again = await startConcord(env, port, setup.slack);
  try {
    await until('every acknowledged vote stored after the restart', async () => (await storedOn(setup.database, number)) >= acknowledged.length, 300_000).catch(() => {});
    await until('every member answered', () => answers(setup, acknowledged, sentAt).length >= acknowledged.length, 120_000).catch(() => {});
    const waits = answers(setup, acknowledged, sentAt);
    return {
      label: `killed after the last acknowledgement (${storedAtKill} stored at the kill)`,
      instances: 1,
      sent: voters.length,
      acknowledged: acknowledged.length,
      stored: await storedOn(setup.database, number),
      answered: waits.length,
      ballotsPerSecond: NaN,
      answerP50Ms: quantile(waits, 0.5),
      answerP99Ms: quantile(waits, 0.99),
    };
  } finally {
    again.child.kill('SIGTERM');
    await again.exited;
  }
}

export async function benchInstances(adminUrl: string, opts: { votes: number; concurrency: number }): Promise<InstancesRow[]> {
  const setup = await setUp(adminUrl, opts.votes * 3);
  try {
    const [a, b, c] = [0, 1, 2].map((i) => setup.members.slice(i * opts.votes, (i + 1) * opts.votes));
    const one = await measureBurst(setup, a!, 1, opts.concurrency);
    const two = await measureBurst(setup, b!, 2, opts.concurrency);
    const crash = await measureCrash(setup, c!, opts.concurrency);
    return [one, two, crash];
  } finally {
    await setup.close();
  }
}

const fmt = (n: number, unit = '') => (Number.isFinite(n) ? `${Math.round(n).toLocaleString('en-US')}${unit}` : '—');

export function instancesTable(rows: InstancesRow[]): string {
  const lines = [
    '| Run | Processes | Sent | Acknowledged | Stored | Answered | Ballots/s | Answer p50 | Answer p99 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.label} | ${r.instances} | ${r.sent} | ${r.acknowledged} | ${r.stored} | ${r.answered} | ${fmt(r.ballotsPerSecond, '/s')} | ${fmt(r.answerP50Ms, ' ms')} | ${fmt(r.answerP99Ms, ' ms')} |`),
  ];
  const [one, two] = rows;
  if (one && two && Number.isFinite(one.ballotsPerSecond)) lines.push('', `Two instances vs one: ${(two.ballotsPerSecond / one.ballotsPerSecond).toFixed(2)}× the ballots per second on the same burst.`);
  const lost = rows.filter((r) => r.stored !== r.acknowledged);
  lines.push(lost.length ? `Acknowledged but not stored exactly once: ${lost.map((r) => r.label).join('; ')}.` : 'Every acknowledged vote was stored, once, in every run.');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const adminUrl = process.env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
  const votes = Number(process.env.BENCH_INSTANCES_VOTES?.trim() || 4000);
  const concurrency = Number(process.env.BENCH_INSTANCES_CONCURRENCY?.trim() || 100);
  const rows = await benchInstances(adminUrl, { votes, concurrency });
  process.stdout.write(`## Processes on one Postgres\n\n${instancesTable(rows)}\n`);
}

runIfMain(import.meta.url, main);
