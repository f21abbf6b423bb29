// `npm run bench`: the vote path, a large ranked close, a long audit verify and participation by sector on Postgres and PGlite, and closing an equal-shares pool, as one markdown table.
//
// Settings (environment): BENCH_DATABASE_URL (a database to connect to while creating and dropping
// concord_bench_<pid>), BENCH_RUNS, BENCH_BALLOTS (per run), BENCH_CONCURRENCY ("1,8,32"), BENCH_BACKENDS
// ("postgres,pglite"), BENCH_ONLY ("ballots,baseline,close,verify,inclusion,reminders,slack,instances,allocation"), BENCH_SWEEP
// (commitment counts for the reminder sweep, "100000,1000000"), BENCH_SLACK_DURATION (ms per cell), BENCH_POOL (pool size; default: the
// concurrency), BENCH_CLOSE_BALLOTS, BENCH_AUDIT_ENTRIES, BENCH_SYNCHRONOUS_COMMIT (on|off for the bench
// database; default: the server's setting), BENCH_INSTANCES_VOTES (votes per burst to the Concord processes, 4000),
// BENCH_INCLUSION_MEMBERS (eligible members of the proposal whose participation by sector is measured, 10000).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import postgres from 'postgres';
import { openPglite, type Database } from '../src/db/client.js';
import { measureBallots, setupBallots, type BallotsSetup } from './ballots.js';
import { measureRawBaseline } from './baseline.js';
import { measureClose, measureTally, rankedBallots, setupClose } from './close.js';
import { BenchDatabase, CpuMeter, log, openApp, type Backend, type BenchApp, type Summary } from './support.js';
import { INCLUSION_TARGET_MS, measureInclusion, setupInclusion } from './inclusion.js';
import { ALLOCATION_TARGET_MS, measureAllocation, setupAllocation } from './allocation.js';
import { measureVerify, setupVerify } from './verify.js';
import { benchReminderSweep } from './reminders.js';
import { benchSlack, slackNotes, slackRatios, slackTable } from './slack.js';
import { benchInstances, instancesTable } from './instances.js';

const env = process.env;
const list = (value: string | undefined, fallback: string) => (value?.trim() || fallback).split(',').map((s) => s.trim()).filter(Boolean);
const int = (value: string | undefined, fallback: number) => (value?.trim() ? Number.parseInt(value, 10) : fallback);

const settings = {
  url: env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres',
  runs: int(env.BENCH_RUNS, 5),
  ballots: int(env.BENCH_BALLOTS, 1000),
  concurrency: list(env.BENCH_CONCURRENCY, '1,8,32').map(Number),
  backends: list(env.BENCH_BACKENDS, 'postgres,pglite') as Backend[],
  only: new Set(list(env.BENCH_ONLY, 'ballots,baseline,close,verify,inclusion,reminders,slack,instances,allocation')),
  inclusionMembers: int(env.BENCH_INCLUSION_MEMBERS, 10_000),
  instancesVotes: int(env.BENCH_INSTANCES_VOTES, 4000),
  sweep: list(env.BENCH_SWEEP, '100000,1000000').map(Number),
  slackDurationMs: int(env.BENCH_SLACK_DURATION, 5000),
  pool: env.BENCH_POOL?.trim() ? Number(env.BENCH_POOL) : undefined,
  closeBallots: int(env.BENCH_CLOSE_BALLOTS, 10_000),
  auditEntries: int(env.BENCH_AUDIT_ENTRIES, 100_000),
  synchronousCommit: (['on', 'off'] as const).find((v) => v === env.BENCH_SYNCHRONOUS_COMMIT?.trim()),
};

interface Row {
  what: string;
  backend: string;
  unit: string;
  summary: Summary;
  target?: { text: string; met: boolean };
  ratio?: string;
  /** Share of the cores other processes kept busy meanwhile. */
  other?: number | null;
}

const rows: Row[] = [];
const BALLOT_TARGET = 2000;
const CLOSE_TARGET_MS = 200;
const VERIFY_TARGET_MS = 2000;

async function benchBackend(backend: Backend, bench: BenchDatabase | null): Promise<void> {
  const pglite: Database | undefined = backend === 'pglite' ? await openPglite() : undefined;
  const open = (poolSize?: number): Promise<BenchApp> => openApp(backend, { ...(bench ? { url: bench.url } : {}), ...(poolSize ? { poolSize } : {}), ...(pglite ? { pglite } : {}) });
  try {
    if (settings.only.has('ballots')) {
      let setup: BallotsSetup | null = null;
      for (const concurrency of settings.concurrency) {
        const pool = settings.pool ?? concurrency;
        const opened = await open(pool);
        try {
          setup ??= await setupBallots(opened.app, opened.database, settings.ballots);
          log(`${backend}: ${settings.ballots} ballots per run at concurrency ${concurrency}${backend === 'postgres' ? `, pool ${pool}` : ''}`);
          const meter = new CpuMeter();
          const summary = await measureBallots(opened.app, opened.database, setup, { concurrency, runs: settings.runs, label: `${backend} c=${concurrency}` });
          const other = meter.otherShare();
          rows.push({
            what: `ballots/s, service, concurrency ${concurrency}${backend === 'postgres' && settings.pool ? ` (pool ${pool})` : ''}`,
            backend,
            unit: '/s',
            summary,
            other,
            ...(backend === 'postgres' && concurrency === 8 ? { target: { text: `≥ ${BALLOT_TARGET}/s`, met: summary.median >= BALLOT_TARGET } } : {}),
          });
        } finally {
          await opened.close();
        }
      }
    }
    // Right after the service's ballots, before the bulk loads below leave autovacuum work behind.
    if (bench && settings.only.has('baseline')) await rawBaseline(bench);
    if (settings.only.has('close')) {
      const opened = await open(4);
      try {
        log(`${backend}: ranked close with ${settings.closeBallots} ballots`);
        const setup = await setupClose(opened.app, opened.database, settings.closeBallots);
        const meter = new CpuMeter();
        const summary = await measureClose(opened.app, opened.database, setup, settings.runs);
        rows.push({ what: `close ranked, ${settings.closeBallots} ballots, 5 options`, backend, unit: 'ms', summary, other: meter.otherShare(), target: { text: `< ${CLOSE_TARGET_MS} ms`, met: summary.median < CLOSE_TARGET_MS } });
        // The same size with a tie for last that only the lot settles: one more audit entry and a second count.
        const tiedMeter = new CpuMeter();
        const tied = await measureClose(opened.app, opened.database, { ...setup, ballots: rankedBallots(settings.closeBallots, 42, true) }, settings.runs);
        rows.push({ what: `close ranked, ${settings.closeBallots} ballots, 5 options, tie for last settled by lot`, backend, unit: 'ms', summary: tied, other: tiedMeter.otherShare(), target: { text: `< ${CLOSE_TARGET_MS} ms`, met: tied.median < CLOSE_TARGET_MS } });
      } finally {
        await opened.close();
      }
    }
    if (settings.only.has('verify')) {
      const opened = await open(4);
      try {
        log(`${backend}: audit verify over ${settings.auditEntries} entries`);
        await setupVerify(opened.app, opened.database, settings.auditEntries);
        const meter = new CpuMeter();
        const summary = await measureVerify(opened.app, settings.auditEntries, settings.runs);
        rows.push({ what: `audit verify, ${settings.auditEntries} entries`, backend, unit: 'ms', summary, other: meter.otherShare(), target: { text: `< ${VERIFY_TARGET_MS} ms`, met: summary.median < VERIFY_TARGET_MS } });
      } finally {
        await opened.close();
      }
    }
    if (settings.only.has('inclusion')) {
      const opened = await open(4);
      try {
        log(`${backend}: inclusion figures for ${settings.inclusionMembers} eligible members`);
        const setup = await setupInclusion(opened.app, opened.database, settings.inclusionMembers);
        const meter = new CpuMeter();
        const { figures, report } = await measureInclusion(opened.app, opened.database, setup, settings.runs);
        const other = meter.otherShare();
        const size = settings.inclusionMembers.toLocaleString('en-US');
        const target = (s: Summary) => ({ text: `< ${INCLUSION_TARGET_MS} ms`, met: s.median < INCLUSION_TARGET_MS });
        rows.push({ what: `inclusion figures for a proposal with ${size} eligible members (card field)`, backend, unit: 'ms', summary: figures, other, target: target(figures) });
        rows.push({ what: `inclusion figures for a proposal with ${size} eligible members (\`inclusion <n>\` report)`, backend, unit: 'ms', summary: report, other, target: target(report) });
      } finally {
        await opened.close();
      }
    }
  } finally {
    await pglite?.close();
  }
}

async function machineFacts(): Promise<string[]> {
  const cpus = os.cpus();
  const pgliteVersion = (JSON.parse(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const facts = [
    `- cores: ${os.availableParallelism()} (${cpus[0]?.model.trim() ?? 'unknown CPU'}), memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}`,
    `- node: ${process.version}`,
    `- PGlite: ${pgliteVersion} (in memory)`,
  ];
  if (settings.backends.includes('postgres')) {
    const sql = postgres(settings.url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ version: string; sync: string; fsync: string; buffers: string }[]>`
        select current_setting('server_version') as version, current_setting('synchronous_commit') as sync,
               current_setting('fsync') as fsync, current_setting('shared_buffers') as buffers`;
      const sync = settings.synchronousCommit ? `${settings.synchronousCommit} for the bench database (server: ${row!.sync})` : row!.sync;
      facts.push(`- Postgres: ${row!.version} (synchronous_commit=${sync}, fsync=${row!.fsync}, shared_buffers=${row!.buffers}), ${settings.url.replace(/\/\/[^@]*@/, '//')}`);
    } finally {
      await sql.end();
    }
  }
  return facts;
}

function format(value: number, unit: string): string {
  if (unit === '/s') return `${Math.round(value).toLocaleString('en-US')}/s`;
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

function table(): string {
  const lines = ['| Measurement | Backend | Median | Min | Max | Runs | Target | Ratio | Other load |', '|---|---|---:|---:|---:|---:|---|---|---:|'];
  for (const r of rows) {
    const target = r.target ? `${r.target.text} ${r.target.met ? '(met)' : '(missed)'}` : '';
    lines.push(`| ${r.what} | ${r.backend} | ${format(r.summary.median, r.unit)} | ${format(r.summary.min, r.unit)} | ${format(r.summary.max, r.unit)} | ${r.summary.runs} | ${target} | ${r.ratio ?? ''} | ${r.other === undefined || r.other === null ? '' : `${Math.round(r.other * 100)}%`} |`);
  }
  return lines.join('\n');
}

async function rawBaseline(bench: BenchDatabase): Promise<void> {
  log('raw postgres.js baseline at concurrency 8');
  const { summary: raw, other } = await measureRawBaseline(bench.url, { concurrency: 8, runs: settings.runs, ballots: settings.ballots });
  rows.push({ what: 'raw upsert + count tx/s, postgres.js, concurrency 8', backend: 'postgres', unit: '/s', summary: raw, ratio: '1.00', other });
  for (const r of rows) {
    if (r.backend === 'postgres' && r.what.startsWith('ballots/s') && / concurrency 8\b/.test(r.what)) r.ratio = `${(r.summary.median / raw.median).toFixed(2)} of raw`;
  }
}

async function main(): Promise<void> {
  const facts = await machineFacts();
  const bench = settings.backends.includes('postgres')
    ? await BenchDatabase.create(settings.url, '', settings.synchronousCommit ? { synchronousCommit: settings.synchronousCommit } : {})
    : null;
  try {
    for (const backend of settings.backends) await benchBackend(backend, backend === 'postgres' ? bench : null);
  } finally {
    await bench?.drop();
  }
  if (settings.only.has('close')) {
    const tally = measureTally(rankedBallots(settings.closeBallots), Math.max(settings.runs, 5) * 4);
    rows.push({ what: `tallyRanked alone, ${settings.closeBallots} ballots (${tally.rounds} rounds, ${tally.outcome})`, backend: 'none', unit: 'ms', summary: tally.summary });
    const tied = measureTally(rankedBallots(settings.closeBallots, 42, true), Math.max(settings.runs, 5) * 4);
    rows.push({ what: `tallyRanked alone, ${settings.closeBallots} ballots, tie for last (${tied.rounds} rounds, ${tied.outcome})`, backend: 'none', unit: 'ms', summary: tied.summary });
  }
  if (settings.only.has('allocation')) {
    // Pure computation, no database: at least 10 runs, as the spread of a 20 ms figure needs them.
    const setup = setupAllocation();
    const { summary, funded, completion } = measureAllocation(setup, Math.max(settings.runs, 10));
    rows.push({
      what: `close equal shares, ${setup.members.length.toLocaleString('en-US')} members, ${setup.buckets.length} buckets (${funded} funded, ${completion} by completion)`,
      backend: 'none',
      unit: 'ms',
      summary,
      target: { text: `< ${ALLOCATION_TARGET_MS} ms`, met: summary.median < ALLOCATION_TARGET_MS },
    });
  }
  if (settings.only.has('reminders') && settings.backends.includes('postgres')) {
    for (const total of settings.sweep) {
      const sweep = await benchReminderSweep(settings.url, total, Math.min(settings.runs, 3));
      rows.push({
        what: `reminder sweep: ${sweep.due} due among ${total} commitments (find, claim, hand to outbox)`,
        backend: 'postgres',
        unit: 'ms',
        summary: sweep.sweep,
        ...(total === 1_000_000 ? { target: { text: '< 3000 ms', met: sweep.sweep.median < 3000 } } : {}),
      });
    }
  }
  let slack = '';
  if (settings.only.has('slack')) {
    // On Postgres when it is among the backends: a deployment that takes bursts runs there.
    const onPostgres = settings.backends.includes('postgres');
    const slackRows = await benchSlack({ durationMs: settings.slackDurationMs, connections: [10, 100], ...(onPostgres ? { databaseUrl: settings.url } : {}) });
    slack = `\n\n### Slack HTTP receiver (signed requests, Web API stubbed locally)\n\n${slackTable(slackRows)}\n\n${slackRatios(slackRows)}\n\n${slackNotes(slackRows)}`;
  }
  // Real processes on Postgres: one against two on the same burst, and one killed mid-work.
  if (settings.only.has('instances') && settings.backends.includes('postgres')) {
    const rows = await benchInstances(settings.url, { votes: settings.instancesVotes, concurrency: 100 });
    slack += `\n\n### Concord processes on one Postgres (Slack over HTTP through a round-robin proxy)\n\n${instancesTable(rows)}`;
  }
  const note =
    'Other load: the share of all cores that processes other than this benchmark and its Postgres backends kept busy during the measurement; above a few percent, the figure is pessimistic.';
  process.stdout.write(`## Concord benchmarks\n\n${facts.join('\n')}\n\n${table()}\n\n${note}${slack}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(String(error instanceof Error ? (error.stack ?? error.message) : error));
    process.exit(1);
  },
);
