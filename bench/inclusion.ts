// Participation by sector for a proposal with 10,000 eligible members: the figures a card carries (counted in SQL,
// suppressed, put in words) and the `inclusion <n>` report through the service. Runs alone with `npx tsx bench/inclusion.ts` (PGlite, and
// Postgres when BENCH_DATABASE_URL is set).
import { sql } from 'drizzle-orm';
import type { App } from '../src/app.js';
import { participationFields } from '../src/core/inclusion/figures.js';
import { proposalParticipation } from '../src/core/inclusion/proposal.js';
import { translator } from '../src/core/i18n/index.js';
import type { Database } from '../src/db/client.js';
import { DrizzleTx } from '../src/db/repositories/tx.js';
import { BenchDatabase, contextFor, gatherStatistics, log, openApp, proposalNumber, replyText, run, runIfMain, seedGroup, summarise, timeMs, type Backend, type Summary } from './support.js';

const WORKSPACE = 'bench-inclusion';
const CHANNEL = 'inclusion';
export const INCLUSION_TARGET_MS = 200;

export interface InclusionSetup {
  workspaceId: number;
  number: number;
  members: number;
}

/**
 * `count` members in one group, most of them with a declared sector (one in eight declares none), and a proposal
 * they may all vote on, with a ballot from about 60% of them, fewer in some sectors than in others.
 */
export async function setupInclusion(app: App, database: Database, count: number): Promise<InclusionSetup> {
  const { workspaceId } = await seedGroup(app, database, { workspace: WORKSPACE, channel: CHANNEL, group: 'Inclusion', convener: 'chair', prefix: 'i', count });
  const at = new Date('2027-01-04T09:00:00Z').toISOString();
  await database.db.execute(sql`
    insert into member_profiles (member_id, workspace_id, sector, identities, updated_at)
    select id, ${workspaceId}, (array['government','nonprofit','business','community','academia','other','community'])[1 + id % 7], '[]'::jsonb, ${at}::timestamptz
    from members where workspace_id = ${workspaceId} and external_id like 'i%' and id % 8 <> 0
    on conflict do nothing`);
  const number = proposalNumber(await run(app, contextFor(WORKSPACE, 'chair', CHANNEL), `propose "Inclusion bench" --rule majority --closes "in 30 days"`));
  await database.db.execute(sql`
    insert into ballots (proposal_id, member_id, value, reason, cast_at, updated_at)
    select p.id, e.member_id, '{"kind":"choice","choice":"yes"}'::jsonb, null, ${at}::timestamptz, ${at}::timestamptz
    from proposals p join proposal_electorate e on e.proposal_id = p.id
    where p.workspace_id = ${workspaceId} and p.number = ${number} and (e.member_id * 7919) % 10 < 4 + e.member_id % 4`);
  await gatherStatistics(database);
  return { workspaceId, number, members: count };
}

/** The card's figures as a card refresh computes them, in a transaction of their own. */
async function cardFigures(database: Database, setup: InclusionSetup): Promise<string> {
  const t = translator('en');
  return database.db.transaction(async (db) => {
    const tx = new DrizzleTx(db);
    const p = await tx.proposals.find(setup.workspaceId, setup.number);
    if (!p) throw new Error(`no proposal ${setup.number}`);
    return participationFields(t, 'en', p.number, await proposalParticipation(tx, p))[0]?.value ?? '';
  });
}

/** The median and spread of the card's figures and of `inclusion <n>`, after one warm-up run of each. */
export async function measureInclusion(app: App, database: Database, setup: InclusionSetup, runs: number): Promise<{ figures: Summary; report: Summary }> {
  const ctx = () => contextFor(WORKSPACE, 'i00001', CHANNEL);
  const figures: number[] = [];
  const report: number[] = [];
  for (let i = 0; i <= runs; i++) {
    let field = '';
    const figuresMs = await timeMs(async () => {
      field = await cardFigures(database, setup);
    });
    if (!field.includes('community')) throw new Error(`no figures: ${field}`);
    let text = '';
    const reportMs = await timeMs(async () => {
      const reply = await run(app, ctx(), `inclusion ${setup.number}`);
      text = reply.ok ? JSON.stringify(reply.views) : replyText(reply);
    });
    if (!text.includes('community')) throw new Error(`inclusion ${setup.number}: ${text}`);
    // The first run warms up the JIT and the connection's prepared statements.
    if (i === 0) continue;
    log(`  run ${i}: card figures ${figuresMs.toFixed(1)} ms, inclusion ${setup.number} ${reportMs.toFixed(1)} ms`);
    figures.push(figuresMs);
    report.push(reportMs);
  }
  return { figures: summarise(figures), report: summarise(report) };
}

async function main(): Promise<void> {
  const members = Number(process.env.BENCH_INCLUSION_MEMBERS?.trim() || 10_000);
  const runs = Number(process.env.BENCH_RUNS?.trim() || 5);
  const backends: Backend[] = process.env.BENCH_DATABASE_URL?.trim() ? ['pglite', 'postgres'] : ['pglite'];
  const lines = ['| Measurement | Backend | Median | Min | Max | Runs | Target |', '|---|---|---:|---:|---:|---:|---|'];
  for (const backend of backends) {
    const bench = backend === 'postgres' ? await BenchDatabase.create(process.env.BENCH_DATABASE_URL!.trim(), 'inclusion') : null;
    const opened = await openApp(backend, bench ? { url: bench.url, poolSize: 2 } : {});
    try {
      log(`${backend}: inclusion figures for ${members} eligible members`);
      const setup = await setupInclusion(opened.app, opened.database, members);
      const { figures, report } = await measureInclusion(opened.app, opened.database, setup, runs);
      const row = (what: string, s: Summary) =>
        `| ${what} | ${backend} | ${s.median.toFixed(1)} ms | ${s.min.toFixed(1)} ms | ${s.max.toFixed(1)} ms | ${s.runs} | < ${INCLUSION_TARGET_MS} ms ${s.median < INCLUSION_TARGET_MS ? '(met)' : '(missed)'} |`;
      lines.push(row(`inclusion figures for a proposal with ${members.toLocaleString('en-US')} eligible members (card field)`, figures));
      lines.push(row(`inclusion figures for a proposal with ${members.toLocaleString('en-US')} eligible members (\`inclusion <n>\` report)`, report));
    } finally {
      await opened.close();
      await bench?.drop();
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

runIfMain(import.meta.url, main);
