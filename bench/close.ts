// Closing a large ranked-choice proposal: `close <id>` through the service, and the pure instant-runoff tally alone.
import { sql } from 'drizzle-orm';
import type { App } from '../src/app.js';
import { tallyRanked, type Ballot, type BallotValue } from '../src/core/proposals/rules/index.js';
import type { Database } from '../src/db/client.js';
import { contextFor, gatherStatistics, log, proposalNumber, replyText, run, seedGroup, seeded, START, summarise, timeMs, type Summary } from './support.js';

const WORKSPACE = 'bench-ranked';
const CHANNEL = 'ranked';
export const OPTIONS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];

/**
 * First preferences are spread so that no option has a majority and instant runoff needs several
 * rounds; later preferences are shuffled and some ballots rank only a few options (they exhaust).
 * With `tied`, the second half mirrors the first with Delta and Echo swapped: the two then share
 * the fewest votes on every count, so the close has to draw its lot.
 */
export function rankedBallots(count: number, seed = 42, tied = false): BallotValue[] {
  if (tied) {
    const half = rankedBallots(Math.ceil(count / 2), seed);
    const swap = (o: string) => (o === 'Delta' ? 'Echo' : o === 'Echo' ? 'Delta' : o);
    const mirrored = half.map((b): BallotValue => (b.kind === 'ranked' ? { kind: 'ranked', order: b.order.map(swap) } : b));
    return [...half, ...mirrored].slice(0, count);
  }
  const random = seeded(seed);
  const weights = [0.28, 0.26, 0.22, 0.14, 0.1];
  const ballots: BallotValue[] = [];
  for (let i = 0; i < count; i++) {
    let r = random();
    let first = 0;
    while (first < weights.length - 1 && r >= weights[first]!) r -= weights[first++]!;
    const rest = OPTIONS.filter((_, j) => j !== first);
    for (let j = rest.length - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      [rest[j], rest[k]] = [rest[k]!, rest[j]!];
    }
    const length = 1 + Math.floor(random() * OPTIONS.length);
    ballots.push({ kind: 'ranked', order: [OPTIONS[first]!, ...rest].slice(0, length) });
  }
  return ballots;
}

export interface CloseSetup {
  workspaceId: number;
  ballots: BallotValue[];
}

export async function setupClose(app: App, database: Database, ballots: number): Promise<CloseSetup> {
  const { workspaceId } = await seedGroup(app, database, { workspace: WORKSPACE, channel: CHANNEL, group: 'Ranked', convener: 'chair', prefix: 'r', count: ballots });
  return { workspaceId, ballots: rankedBallots(ballots) };
}

/** Opens a ranked proposal and stores one ballot per member in one statement; returns its number. */
async function openWithBallots(app: App, database: Database, setup: CloseSetup, label: string): Promise<number> {
  const number = proposalNumber(
    await run(app, contextFor(WORKSPACE, 'chair', CHANNEL), `propose "${label}" --rule ranked --options "${OPTIONS.join('|')}" --closes "in 30 days"`),
  );
  const at = START.toISOString();
  await database.db.execute(sql`
    insert into ballots (proposal_id, member_id, value, reason, cast_at, updated_at)
    select p.id, m.id, v.value, null, ${at}::timestamptz, ${at}::timestamptz
    from jsonb_array_elements(${JSON.stringify(setup.ballots)}::jsonb) with ordinality as v(value, i)
    join members m on m.workspace_id = ${setup.workspaceId} and m.external_id = 'r' || lpad(v.i::text, 5, '0')
    join proposals p on p.workspace_id = ${setup.workspaceId} and p.number = ${number}`);
  await gatherStatistics(database);
  return number;
}

export async function measureClose(app: App, database: Database, setup: CloseSetup, runs: number): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const number = await openWithBallots(app, database, setup, `Ranked ${i}`);
    let text = '';
    const ms = await timeMs(async () => {
      text = replyText(await run(app, contextFor(WORKSPACE, 'chair', CHANNEL), `close ${number}`));
    });
    if (!/Closed proposal/.test(text)) throw new Error(`close ${number}: ${text}`);
    // The first close warms up the JIT and the connection's prepared statements.
    if (i === 0) continue;
    log(`  close of ${setup.ballots.length} ranked ballots run ${i}: ${ms.toFixed(1)} ms`);
    samples.push(ms);
  }
  return summarise(samples);
}

export function measureTally(ballots: BallotValue[], runs: number): { summary: Summary; outcome: string; rounds: number } {
  // A seed as the close would take it from the audit chain, so a tie for last is settled by lot.
  const input = { config: { options: OPTIONS }, ballots: ballots.map((value): Ballot => ({ value, reason: null })), electorate: ballots.length + 1, seed: { hash: 'ab'.repeat(32), seq: 1 } };
  let result = tallyRanked(input);
  for (let i = 0; i < 5; i++) result = tallyRanked(input);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = tallyRanked(input);
    samples.push(performance.now() - start);
  }
  return { summary: summarise(samples), outcome: `${result.outcome} ${result.winners.join(',')}`, rounds: result.rounds?.length ?? 0 };
}
