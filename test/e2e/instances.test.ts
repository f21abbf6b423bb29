// Two Concord processes on one Postgres behind a round-robin proxy: a burst of votes, Slack's retries and captured
// replays sent to the other instance. Each request has its effect once, whichever instance it reaches.
import type { Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/db.js';
import { freePort, LocalSlack, roundRobin, signed, slashRequest, startConcord, until, type ConcordProcess, type Signed } from './slack-process.js';

const MEMBERS = 60;

const post = (port: number, r: Signed, extra: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { ...r.headers, ...extra }, body: r.body }).then((res) => res.status);

describe.runIf(TEST_DATABASE_URL)('two instances on one Postgres', () => {
  let slack: LocalSlack;
  let database: TestDatabase;
  const instances: ConcordProcess[] = [];
  let proxy: { server: Server; port: number };

  beforeAll(async () => {
    slack = await LocalSlack.start();
    database = await openTestDatabase();
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', RATE_LIMITS: 'off', DATABASE_URL: database.url! };
    delete env.CONCORD_DATA_DIR;
    // One after the other: both migrate the same database at start-up.
    for (let i = 0; i < 2; i++) instances.push(await startConcord(env, await freePort(), slack));
    proxy = await roundRobin(instances.map((p) => p.port));
  }, 120_000);

  afterAll(async () => {
    proxy?.server.close();
    for (const p of instances) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    await slack?.stop();
    await database?.close();
  });

  const answered = (user: string) => slack.hooks.some((h) => h.path.startsWith(`/hooks/${user}/`));

  it('stores each vote once, refuses replays and ignores retries on the other instance, and posts the card once', async () => {
    const [a, b] = instances as [ConcordProcess, ConcordProcess];
    expect(await post(proxy.port, slashRequest(slack, 'UCHAIR', 'group create "Plan"'))).toBe(200);
    await until('the group is created', () => answered('UCHAIR'));
    const everyone = Array.from({ length: MEMBERS }, (_, i) => `U${String(i + 1).padStart(7, '0')}`);
    await Promise.all(everyone.map((user) => post(proxy.port, slashRequest(slack, user, 'group join'))));
    await until('every member has joined', () => everyone.every(answered));
    expect(await post(proxy.port, slashRequest(slack, 'UCHAIR', 'propose "Adopt the plan" --rule majority'))).toBe(200);
    await until('the proposal card is posted', () => slack.calls.some((c) => c.method === 'chat.postMessage' && c.params.channel === 'C0PLAN'));
    slack.hooks.length = 0;

    // The burst through the balancer; each request also sent again, straight to the instance it did not reach
    // first: half of them as Slack's retry (signed afresh), half as a captured replay (the same signature).
    const votes = everyone.map((user, i) => ({ user, request: slashRequest(slack, user, `vote 1 ${i % 2 ? 'yes' : 'no'}`) }));
    const statuses = await Promise.all(
      votes.map(async ({ request: r }, i) => {
        const first = await post(proxy.port, r);
        const other = i % 2 ? a.port : b.port;
        const again =
          i % 4 < 2
            ? await post(other, { body: r.body, headers: signed(r.body, Math.floor(Date.now() / 1000) + 1) }, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })
            : await post(other, r);
        return { first, again, replay: i % 4 >= 2 };
      }),
    );
    expect(statuses.every((s) => s.first === 200)).toBe(true);
    expect(statuses.filter((s) => !s.replay).every((s) => s.again === 200)).toBe(true);
    expect(statuses.filter((s) => s.replay).every((s) => s.again === 401)).toBe(true);
    await until('every member is answered', () => everyone.every(answered));
    await until('every request is finished', async () => {
      const [left] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from intake where status <> 'done'`));
      return left!.n === 0;
    });

    const [counts] = rowsOf<{ ballots: number; audited: number; cards: number; unfinished: number; holders: number }>(
      await database.db.execute(sql`
        select (select count(*)::int from ballots where proposal_id = 1) as ballots,
               (select count(*)::int from audit_log where action in ('ballot.cast', 'ballot.changed')) as audited,
               (select count(*)::int from outbox where proposal_id = 1 and kind = 'post') as cards,
               (select count(*)::int from intake where status <> 'done') as unfinished,
               (select count(distinct locked_by)::int from intake) as holders`),
    );
    // Both instances took their share of the requests.
    expect(counts).toEqual({ ballots: MEMBERS, audited: MEMBERS, cards: 1, unfinished: 0, holders: 2 });
    // Each member heard back once for their vote, whichever instance ran it.
    for (const { user } of votes) expect(slack.hooks.filter((h) => h.path.startsWith(`/hooks/${user}/`)), user).toHaveLength(1);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'C0PLAN')).toHaveLength(1);
  }, 180_000);
});
