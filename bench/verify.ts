// `audit verify` over a long chain: the entries are hashed here and bulk inserted, then verified through the service.
import { sql } from 'drizzle-orm';
import type { App } from '../src/app.js';
import { GENESIS_HASH, hashEntry, type StoredAuditEntry } from '../src/core/audit/chain.js';
import type { Database } from '../src/db/client.js';
import * as t from '../src/db/schema.js';
import { contextFor, gatherStatistics, log, replyText, run, scalar, START, summarise, timeMs, type Summary } from './support.js';

const WORKSPACE = 'bench-audit';
const CHANNEL = 'audit';
const BATCH = 2000;

/** Entries shaped like the ones commands write: mostly ballots, some proposal and group events. */
function contentOf(i: number, workspaceId: number): Omit<StoredAuditEntry, 'prevHash' | 'hash'> {
  const at = new Date(START.getTime() + i * 1000).toISOString();
  const subject = `proposal:${1 + Math.floor(i / 500)}`;
  if (i % 500 === 1) {
    return { workspaceId, seq: i, at, actorId: 1, action: 'proposal.created', subject, data: { title: `Proposal ${i}`, group: 'Assembly', rule: 'majority', config: { options: [] }, anonymous: false, hideResults: 'never', closesAt: null, electorate: 500 } };
  }
  if (i % 500 === 0) {
    return { workspaceId, seq: i, at, actorId: null, action: 'proposal.closed', subject, data: { reason: 'deadline', outcome: 'passed', winners: [], turnout: 498, electorate: 500 } };
  }
  const choice = ['yes', 'no', 'abstain'][i % 3]!;
  return { workspaceId, seq: i, at, actorId: 2 + (i % 400), action: 'ballot.cast', subject, data: { value: { kind: 'choice', choice }, reason: i % 7 === 0 ? 'Costs are “fine” — ok' : null } };
}

export async function setupVerify(app: App, database: Database, entries: number): Promise<void> {
  // Any command creates the workspace and its (empty) chain head.
  await run(app, contextFor(WORKSPACE, 'auditor', CHANNEL), 'help');
  const workspaceId = Number(await scalar(database, sql`select id from workspaces where external_id = ${WORKSPACE}`));
  let prevHash = GENESIS_HASH;
  let batch: (typeof t.auditLog.$inferInsert)[] = [];
  const started = performance.now();
  for (let seq = 1; seq <= entries; seq++) {
    const content = contentOf(seq, workspaceId);
    const hash = hashEntry(prevHash, content);
    batch.push({ ...content, prevHash, hash });
    prevHash = hash;
    if (batch.length === BATCH || seq === entries) {
      await database.db.insert(t.auditLog).values(batch);
      batch = [];
    }
  }
  await database.db.update(t.auditHeads).set({ seq: entries, hash: prevHash }).where(sql`${t.auditHeads.workspaceId} = ${workspaceId}`);
  await gatherStatistics(database);
  log(`  ${entries} audit entries written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export async function measureVerify(app: App, entries: number, runs: number): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    let text = '';
    const ms = await timeMs(async () => {
      text = replyText(await run(app, contextFor(WORKSPACE, 'auditor', CHANNEL), 'audit verify'));
    });
    if (!text.includes('intact') || !text.replace(/[,.\s]/g, '').includes(String(entries))) throw new Error(`audit verify: ${text}`);
    if (i === 0) continue;
    log(`  audit verify of ${entries} entries run ${i}: ${ms.toFixed(0)} ms`);
    samples.push(ms);
  }
  return summarise(samples);
}
