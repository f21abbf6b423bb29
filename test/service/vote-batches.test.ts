// Votes that arrive together on one proposal are stored in one transaction: each is still checked,
// answered and made idempotent on its own, and the audit chain holds one entry per ballot.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, useHarness } from '../support/harness.js';
import { TEST_DATABASE_URL } from '../support/db.js';
import { rowsOf } from '../../src/db/client.js';

const t = useHarness();

const MEMBERS = ['alice', 'bob', 'carol', 'dan', 'erin', 'frank', 'gina', 'hal', 'ivy', 'jon'];

async function ballots(): Promise<{ member: string; choice: string }[]> {
  const rows = rowsOf<{ member: string; choice: string }>(
    await t.database.db.execute(sql`select m.external_id as member, b.value->>'choice' as choice from ballots b join members m on m.id = b.member_id order by m.external_id`),
  );
  return rows;
}

async function voteEntries(): Promise<{ actor: string | null; action: string; data: Record<string, unknown> }[]> {
  return rowsOf(
    await t.database.db.execute(
      sql`select m.external_id as actor, a.action, a.data from audit_log a left join members m on m.id = a.actor_id where a.action like 'ballot.%' order by a.seq`,
    ),
  );
}

describe('votes arriving together', () => {
  it('are each stored once, each answered, each with its own audit entry, and refresh the card once', async () => {
    await t.h.group(MEMBERS);
    await t.h.run('alice', 'propose "Adopt the charter" --rule majority --closes "in 3 days"', { channel: 'budget' });
    t.h.messenger.take();
    const voters = MEMBERS.slice(1, 9);
    const keys = voters.map((m) => `click-${m}`);
    const replies = await Promise.all(voters.map((m, i) => t.h.exec(m, `vote 1 ${i % 2 ? 'no' : 'yes'}`, { key: keys[i]! })));
    expect(replies.map((r) => r.ok)).toEqual(voters.map(() => true));
    replies.forEach((r, i) => expect(r.text).toContain(`Your vote on #1 is recorded: ${i % 2 ? 'No' : 'Yes'}.`));
    expect(await ballots()).toEqual(voters.map((member, i) => ({ member, choice: i % 2 ? 'no' : 'yes' })).sort((a, b) => a.member.localeCompare(b.member)));
    expect((await voteEntries()).map((e) => e.actor)).toEqual(voters);
    expect((await t.h.run('alice', 'audit verify')).text).toMatch(/intact/);
    await t.h.tick();
    expect(t.h.messenger.take().filter((s) => s.kind === 'update')).toHaveLength(1);

    // The same requests again (a platform retry) get their first answers and change nothing.
    const again = await Promise.all(voters.map((m, i) => t.h.exec(m, `vote 1 ${i % 2 ? 'no' : 'yes'}`, { key: keys[i]! })));
    expect(again.map((r) => r.replayed)).toEqual(voters.map(() => true));
    expect(again.map((r) => r.text)).toEqual(replies.map((r) => r.text));
    expect(await voteEntries()).toHaveLength(voters.length);
  });

  it('refuse each vote that would be refused alone, store the rest, and keep no key of a refused one', async () => {
    await t.h.group(MEMBERS.slice(0, 6));
    await t.h.run('alice', 'group role @frank observer', { channel: 'budget' });
    await t.h.run('alice', 'propose "Pick a venue" --rule consensus', { channel: 'budget' });
    await t.h.run('bob', 'vote 1 agree');
    const burst = await Promise.all([
      t.h.exec('bob', 'vote 1 agree', { key: 'same-again' }),
      t.h.exec('carol', 'vote 1 block', { key: 'no-reason' }),
      t.h.exec('dan', 'vote 1 disagree', { key: 'fine' }),
      t.h.exec('frank', 'vote 1 agree', { key: 'observer' }),
      t.h.exec('zoe', 'vote 1 agree', { key: 'outsider' }),
      t.h.exec('erin', 'vote 1 abstain', { key: 'first-click' }),
      t.h.exec('erin', 'vote 1 agree', { key: 'second-click' }),
    ]);
    expect(burst.map((r) => r.ok)).toEqual([true, false, true, false, false, true, true]);
    expect(burst[0]!.text).toMatch(/is already: Agree/);
    expect(burst[1]!.text).toMatch(/reason/i);
    expect(burst[3]!.text).toMatch(/Observers of "Budget" cannot vote/);
    expect(burst[4]!.text).toMatch(/Only members of "Budget" can vote/);
    // A double click: both are answered, in order, and the later choice stands.
    expect(burst[5]!.text).toMatch(/recorded/);
    expect(burst[6]!.text).toMatch(/is now: Agree/);
    expect(await ballots()).toEqual([
      { member: 'bob', choice: 'agree' },
      { member: 'dan', choice: 'disagree' },
      { member: 'erin', choice: 'agree' },
    ]);
    const kept = rowsOf<{ key: string }>(await t.database.db.execute(sql`select key from processed_commands where key in ('same-again', 'no-reason', 'fine', 'observer', 'outsider', 'first-click', 'second-click') order by key`));
    expect(kept.map((r) => r.key)).toEqual(['fine', 'first-click', 'same-again', 'second-click']);
    // A refused vote's key was given back: the member's retry runs again instead of replaying a refusal.
    const retried = await t.h.exec('carol', 'vote 1 block', { key: 'no-reason' });
    expect(retried.replayed).toBeUndefined();
    expect((await t.h.run('alice', 'audit verify')).text).toMatch(/intact/);
  });

  it('close the proposal once when they complete its electorate, and tell every voter of the batch', async () => {
    await t.h.group(MEMBERS.slice(0, 5));
    await t.h.run('alice', 'propose "Meet on Thursdays" --rule majority', { channel: 'budget' });
    t.h.messenger.take();
    const replies = await Promise.all(MEMBERS.slice(0, 5).map((m) => t.h.exec(m, 'vote 1 yes')));
    for (const r of replies) expect(r.text).toContain('Everyone has voted, so proposal #1 closed.');
    const closes = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'proposal.closed'`));
    expect(closes[0]!.n).toBe(1);
    const status = rowsOf<{ status: string }>(await t.database.db.execute(sql`select status from proposals`));
    expect(status[0]!.status).toBe('closed');
    const late = await t.h.exec('alice', 'vote 1 no');
    expect(late.text).toMatch(/has closed/);
  });

  it('on an anonymous proposal give each voter a receipt and name nobody in the audit log', async () => {
    await t.h.group(MEMBERS.slice(0, 6));
    await t.h.run('alice', 'propose "Pick a venue" --rule poll --options "Hall|Park" --anonymous', { channel: 'budget' });
    const voters = MEMBERS.slice(1, 5);
    const replies = await Promise.all(voters.map((m, i) => t.h.exec(m, `vote 1 ${i % 2 ? 'Park' : 'Hall'}`)));
    const receipts = replies.map((r) => /receipt: `([^`]+)`/.exec(r.text)?.[1]);
    expect(new Set(receipts).size).toBe(voters.length);
    const entries = await voteEntries();
    expect(entries).toHaveLength(voters.length);
    for (const e of entries) {
      expect(e.actor).toBeNull();
      expect(JSON.stringify(e.data)).not.toMatch(/Hall|Park/);
    }
    for (const [i, receipt] of receipts.entries()) {
      expect((await t.h.run(voters[i]!, `audit verify --receipt ${receipt}`)).text).toMatch(/It holds the ballot you have now\. The chain is intact through it/);
    }
  });

  it('answer each member in their own language', async () => {
    await t.h.group(MEMBERS.slice(0, 4));
    await t.h.run('alice', 'propose "Adopt the charter" --rule majority', { channel: 'budget' });
    const [en, vi] = await Promise.all([t.h.exec('bob', 'vote 1 yes'), t.h.exec('carol', 'vote 1 yes', { locale: 'vi' })]);
    expect(en!.text).toMatch(/is recorded/);
    expect(vi!.locale).toBe('vi');
    expect(vi!.text).not.toMatch(/is recorded/);
  });

  it('close the proposal when they complete its electorate even if the first of them changes nothing', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Meet on Thursdays" --rule majority', { channel: 'budget' });
    await t.h.run('alice', 'vote 1 yes');
    const replies = await Promise.all([t.h.exec('alice', 'vote 1 yes'), t.h.exec('bob', 'vote 1 yes'), t.h.exec('carol', 'vote 1 no')]);
    expect(replies[0]!.text).toMatch(/is already: Yes/);
    const [row] = rowsOf<{ status: string }>(await t.database.db.execute(sql`select status from proposals`));
    expect(row!.status).toBe('closed');
  });

  it('apply one member’s votes in the order they were sent, even when a later one would make a smaller, faster batch', async () => {
    const crowd = Array.from({ length: 60 }, (_, i) => `m${String(i).padStart(3, '0')}`);
    await t.h.group(['erin', ...crowd, 'zed']);
    await t.h.run('erin', 'propose "Adopt the charter" --rule majority --closes "in 3 days"', { channel: 'budget' });
    const big = [t.h.exec('erin', 'vote 1 yes'), ...crowd.map((m) => t.h.exec(m, 'vote 1 yes'))];
    // The big batch has started; erin's second vote arrives while it is under way.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const second = t.h.exec('erin', 'vote 1 no');
    const replies = await Promise.all([...big, second]);
    expect(replies[0]!.text).toMatch(/recorded: Yes/);
    expect(replies.at(-1)!.text).toMatch(/is now: No/);
    expect((await ballots()).find((b) => b.member === 'erin')?.choice).toBe('no');
  });

  it('share their keys with another process safely: the same request there runs once, and nothing waits on a deadlock', async () => {
    const crowd = Array.from({ length: 12 }, (_, i) => `m${String(i).padStart(3, '0')}`);
    await t.h.group(['alice', 'bob', ...crowd, 'zed']);
    await t.h.run('alice', 'propose "Adopt the charter" --rule majority --closes "in 3 days"', { channel: 'budget' });
    const other = await createHarness(t.database);
    const deadlocks = async () =>
      TEST_DATABASE_URL ? rowsOf<{ n: number }>(await t.database.db.execute(sql`select deadlocks::int as n from pg_stat_database where datname = current_database()`))[0]!.n : 0;
    const before = await deadlocks();
    for (const [round, delay] of [0, 1, 2, 4, 8].entries()) {
      const key = `retry-${delay}`;
      // A different choice each round, so each round's vote is one audit entry.
      const choice = round % 2 ? 'yes' : 'no';
      const batch = Promise.all([t.h.exec('bob', `vote 1 ${choice}`, { key }), ...crowd.map((m) => t.h.exec(m, `vote 1 ${choice}`))]);
      await new Promise((resolve) => setTimeout(resolve, delay));
      const alone = other.exec('bob', `vote 1 ${choice}`, { key });
      const [[here], there] = await Promise.all([batch, alone]);
      // Both are answered without an error; exactly one of them ran the vote, the other replayed its reply.
      expect([here!.ok, there.ok]).toEqual([true, true]);
      expect([here!.replayed ?? false, there.replayed ?? false].filter(Boolean)).toHaveLength(1);
    }
    expect((await voteEntries()).filter((e) => e.actor === 'bob')).toHaveLength(5);
    expect(await deadlocks()).toBe(before);
  });
});
