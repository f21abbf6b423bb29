// A real Concord process serving Slack, killed with SIGKILL while a burst of votes is under way, then started again:
// every vote it acknowledged is stored exactly once, and every member who was acknowledged hears back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, rowsOf, type Database } from '../../src/db/client.js';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/db.js';
import { freePort, LocalSlack, slashRequest, startConcord, until, type ConcordProcess } from './slack-process.js';

const MEMBERS = 80;

let slack: LocalSlack;
const dirs: string[] = [];
const databases: TestDatabase[] = [];
const processes: ConcordProcess[] = [];

beforeAll(async () => {
  slack = await LocalSlack.start();
});
afterEach(async () => {
  for (const p of processes.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await p.exited;
  }
  for (const d of databases.splice(0)) await d.close();
});
afterAll(async () => {
  await slack.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A database the processes share: a fresh Postgres database, or an embedded data folder of their own. */
async function storage(): Promise<{ env: NodeJS.ProcessEnv; open: () => Promise<Database & { shared: boolean }> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', INTAKE_LEASE_SECONDS: '2', RATE_LIMITS: 'off' };
  delete env.DATABASE_URL;
  delete env.CONCORD_DATA_DIR;
  if (TEST_DATABASE_URL) {
    const database = await openTestDatabase();
    databases.push(database);
    return { env: { ...env, DATABASE_URL: database.url! }, open: async () => ({ ...database, shared: true }) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'concord-crash-'));
  dirs.push(dir);
  return { env: { ...env, CONCORD_DATA_DIR: join(dir, 'data') }, open: async () => ({ ...(await openPglite(join(dir, 'data'))), shared: false }) };
}

function slash(port: number, user: string, text: string): Promise<Response> {
  const request = slashRequest(slack, user, text);
  return fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: request.headers, body: request.body });
}

const member = (n: number) => `U${String(n).padStart(7, '0')}`;
const choiceOf = (n: number) => (n % 3 === 0 ? 'no' : 'yes');
const answered = (user: string) => slack.hooks.some((h) => h.path.startsWith(`/hooks/${user}/`));

/**
 * Sends one vote per member, all at once, and kills the process when `killAfter` of them have been acknowledged
 * (all of them: right after the last acknowledgement). Returns the members whose vote was acknowledged.
 */
async function burstAndKill(p: ConcordProcess, killAfter: number): Promise<string[]> {
  const acknowledged: string[] = [];
  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    p.child.kill('SIGKILL');
  };
  await Promise.all(
    Array.from({ length: MEMBERS }, async (_, i) => {
      const user = member(i + 1);
      const response = await slash(p.port, user, `vote 1 ${choiceOf(i + 1)}`).catch(() => null);
      // A response that came back before the kill was sent by the process; anything after is not acknowledged.
      if (response?.status === 200 && !killed) acknowledged.push(user);
      if (acknowledged.length >= killAfter) kill();
    }),
  );
  kill();
  await p.exited;
  return acknowledged;
}

async function stored(
  open: () => Promise<Database & { shared: boolean }>,
): Promise<{ ballots: Map<string, string>; castEntries: number; running: number; takenOver: number }> {
  const database = await open();
  try {
    const ballots = rowsOf<{ external_id: string; value: unknown }>(
      await database.db.execute(sql`select m.external_id, b.value from ballots b join members m on m.id = b.member_id where b.proposal_id = 1`),
    );
    const [cast] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from audit_log where action in ('ballot.cast', 'ballot.changed')`));
    const [intake] = rowsOf<{ running: number; taken_over: number }>(
      await database.db.execute(sql`select count(*) filter (where status = 'running')::int as running, count(*) filter (where attempts > 1)::int as taken_over from intake`),
    );
    return {
      ballots: new Map(ballots.map((b) => [b.external_id, JSON.stringify(b.value)])),
      castEntries: Number(cast!.n),
      running: Number(intake!.running),
      takenOver: Number(intake!.taken_over),
    };
  } finally {
    if (!database.shared) await database.close();
  }
}

describe.each([
  ['right after the last acknowledgement', MEMBERS],
  ['in the middle of the burst', Math.floor(MEMBERS / 3)],
])('Concord killed %s', (_when, killAfter) => {
  it('stores every acknowledged vote exactly once after a restart, and answers every acknowledged member', async () => {
    slack.calls.length = 0;
    slack.hooks.length = 0;
    const { env, open } = await storage();
    const port = await freePort();
    const first = await startConcord(env, port, slack);
    processes.push(first);
    expect((await slash(port, 'UCHAIR', 'group create "Plan"')).status).toBe(200);
    await until('the group is created', () => answered('UCHAIR'));
    const everyone = Array.from({ length: MEMBERS }, (_, i) => member(i + 1));
    await Promise.all(everyone.map((user) => slash(port, user, 'group join')));
    await until('every member has joined', () => everyone.every(answered));
    expect((await slash(port, 'UCHAIR', 'propose "Adopt the plan" --rule majority')).status).toBe(200);
    await until('the proposal card is posted', () => slack.calls.some((c) => c.method === 'chat.postMessage' && c.params.channel === 'C0PLAN'));
    slack.hooks.length = 0;

    const acknowledged = await burstAndKill(first, killAfter);
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter === MEMBERS ? MEMBERS : 1);

    const second = await startConcord(env, port, slack);
    processes.push(second);
    await until('every acknowledged member is answered', () => acknowledged.every(answered));
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const { ballots, castEntries, running, takenOver } = await stored(open);
    // The kill left work unfinished, which the restarted process took over.
    expect(takenOver).toBeGreaterThan(0);
    for (const user of acknowledged) expect(ballots.get(user), `${user}: ${JSON.stringify(slack.hooks.filter((h) => h.path.includes(user)).map((h) => h.body.text))}`).toBeDefined();
    for (const [user, value] of ballots) expect(value, user).toContain(choiceOf(Number(user.slice(1))));
    // Exactly once: one audited ballot per member who has one, none cast twice.
    expect(castEntries).toBe(ballots.size);
    expect(running).toBe(0);
  }, 180_000);
});
