// The audit log as members read it: who may read what, readable entries, verification, and anonymous ballots.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useHarness } from '../support/harness.js';
import { rowsOf } from '../../src/db/client.js';

const t = useHarness();

async function deleteEntry(seq: number) {
  // Someone with owner rights disables the append-only trigger and removes history.
  await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  await t.database.db.execute(sql`delete from audit_log where seq = ${seq}`);
  await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
}

describe('audit verify', () => {
  it('names the entry deleted from the middle of the chain as missing, in English and Vietnamese', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Audit me" --rule consent');
    await t.h.run('bob', 'vote 1 consent');
    expect((await t.h.run('alice', 'audit verify')).text).toMatch(/intact: 5 entries/);
    await deleteEntry(3);
    const en = await t.h.run('alice', 'audit verify');
    expect(en.text).toMatch(/entry #3 is missing/);
    expect(en.text).toMatch(/2 entries before it are intact/);
    expect(en.text).not.toMatch(/#4/);
    const vi = await t.h.run('bob', 'audit verify', { locale: 'vi' });
    expect(vi.text).toMatch(/mục #3 đã bị mất/);
  });

  it('says entries were cut off the end when the newest one is deleted', async () => {
    await t.h.group(['alice', 'bob']);
    await deleteEntry(2);
    expect((await t.h.run('alice', 'audit verify')).text).toMatch(/entries from #2 on were removed from its end\. The 1 entry before them is intact/);
    expect((await t.h.run('alice', 'audit verify', { locale: 'vi' })).text).toMatch(/các mục từ #2 trở đi đã bị xóa/);
  });
});

describe('reading the audit log', () => {
  it('shows names, readable values and times in the reader’s own zone and language', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'settings timezone Asia/Ho_Chi_Minh');
    await t.h.run('alice', 'propose "Open the books" --rule majority --closes "2026-12-05 17:00"', { channel: 'budget' });
    await t.h.run('bob', 'vote 1 yes --reason "Sunlight helps"');
    await t.h.run('bob', 'commit "Book the venue" --owner @bob,@carol --due "2026-12-20 12:00"', { channel: 'budget' });
    const en = await t.h.run('alice', 'audit');
    expect(en.text).toMatch(/@bob voted on proposal #1/);
    expect(en.text).toMatch(/Ballot: Yes · Reason: Sunlight helps/);
    expect(en.text).toMatch(/@alice opened proposal #1/);
    expect(en.text).toMatch(/Rule: Majority vote \(Passes when yes is more than half of the yes and no votes/);
    expect(en.text).toMatch(/Owners: @bob, @carol/);
    // 09:00 UTC is 16:00 in Ho Chi Minh City.
    expect(en.text).toMatch(/Tue 1 Dec 2026, 16:00 GMT\+7/);
    expect(en.text).not.toMatch(/\{"kind"|owners=\[|value=|\d\d:\d\dZ/);
    const vi = await t.h.run('carol', 'audit', { locale: 'vi' });
    expect(vi.text).toMatch(/@bob đã bỏ phiếu cho đề xuất #1/);
    expect(vi.text).toMatch(/Lá phiếu: Đồng ý|Lá phiếu: Có/);
    expect(vi.text).toMatch(/Người phụ trách: @bob, @carol/);
    expect(vi.text).toMatch(/T3, 01\/12\/2026 09:00 \(GMT\+0\)|T3, 01\/12\/2026 09:00/);
    expect(vi.text).not.toMatch(/\{"kind"|owners=\[/);
  });

  it('shows a member only the entries of their own groups, and nobody in no group anything', async () => {
    await t.h.group(['alice', 'bob']);
    await t.h.run('alice', 'propose "Budget secret plan" --rule consent', { channel: 'budget' });
    await t.h.group(['gina'], 'Garden', 'garden');
    await t.h.run('gina', 'propose "Plant tomatoes" --rule consent', { channel: 'garden' });
    const outsider = await t.h.run('zed', 'audit');
    expect(outsider.text).toMatch(/You are in no group/);
    expect(outsider.text).not.toMatch(/Budget|Garden|proposal/);
    const outsiderVi = await t.h.run('zed', 'audit', { locale: 'vi' });
    expect(outsiderVi.text).toMatch(/Bạn chưa ở trong nhóm nào/);
    const gardener = await t.h.run('gina', 'audit --limit 200');
    expect(gardener.text).toMatch(/proposal #2/);
    expect(gardener.text).not.toMatch(/proposal #1|@alice|@bob|Budget/);
    const budget = await t.h.run('bob', 'audit --limit 200');
    expect(budget.text).toMatch(/proposal #1/);
    expect(budget.text).not.toMatch(/proposal #2|@gina|Garden|tomatoes/);
  });
});

describe('hidden results in the audit log', () => {
  it('withholds ballots until the reader has voted with --hide-results until-vote', async () => {
    await t.h.group(['alice', 'bob', 'carol', 'dan']);
    await t.h.run('alice', 'propose "Paint it blue" --rule majority --hide-results until-vote', { channel: 'budget' });
    await t.h.run('bob', 'vote 1 no --reason "Too dark"');
    const before = await t.h.run('carol', 'audit');
    expect(before.text).toMatch(/@bob voted on proposal #1/);
    expect(before.text).toMatch(/The ballot stays hidden until you may see the results/);
    expect(before.text).not.toMatch(/Ballot: No|Too dark/);
    expect((await t.h.run('carol', 'audit', { locale: 'vi' })).text).toMatch(/Lá phiếu được ẩn cho đến khi bạn được xem kết quả/);
    await t.h.run('carol', 'vote 1 yes');
    const after = await t.h.run('carol', 'audit');
    expect(after.text).toMatch(/Ballot: No · Reason: Too dark/);
    // Someone who has not voted still sees no value.
    expect((await t.h.run('dan', 'audit')).text).not.toMatch(/Ballot: (No|Yes)/);
  });

  it('withholds ballots from everyone until the close with --hide-results until-close', async () => {
    await t.h.group(['alice', 'bob', 'carol', 'dan']);
    await t.h.run('alice', 'propose "Paint it red" --rule majority --hide-results until-close', { channel: 'budget' });
    await t.h.run('bob', 'vote 1 no');
    await t.h.run('carol', 'vote 1 yes');
    for (const reader of ['alice', 'bob', 'carol', 'dan']) expect((await t.h.run(reader, 'audit')).text).not.toMatch(/Ballot: (No|Yes)/);
    await t.h.run('alice', 'close 1');
    expect((await t.h.run('dan', 'audit')).text).toMatch(/Ballot: No/);
  });
});

describe('anonymous ballots in the audit log', () => {
  /**
   * Two runs in which the same ballots are cast at the same moments, by different members: bob and
   * carol swap places. Whatever a reader who is not the voter can read after each step must be the
   * same in both runs, or it tells them who cast which ballot.
   */
  async function observe(steps: [string, string][]): Promise<string[]> {
    await t.database.reset();
    await t.restart();
    await t.h.group(['alice', 'bob', 'carol', 'dan', 'erin']);
    await t.h.run('alice', 'propose "Choose the venue" --rule majority --anonymous', { channel: 'budget' });
    const seen: string[] = [];
    const look = async () => {
      for (const reader of ['alice', 'dan']) {
        for (const view of ['audit --limit 200', 'audit verify', 'proposal 1', 'proposals --all', 'decisions']) {
          seen.push(`${reader} ${view}\n${(await t.h.run(reader, view)).text}`);
        }
      }
      seen.push(t.h.messenger.take().map((s) => `${s.kind} ${s.to}\n${s.text}`).join('\n'));
    };
    await look();
    for (const [member, ballot] of steps) {
      t.h.clock.advance(60_000);
      await t.h.run(member, `vote 1 ${ballot}`);
      await look();
    }
    await t.h.run('alice', 'close 1');
    await look();
    return seen;
  }

  it('lets a reader who is not the voter learn nothing from what they read as votes are cast and changed', async () => {
    const first = await observe([
      ['bob', 'yes --reason "Zulu is close"'],
      ['carol', 'no --reason "Alpha costs less"'],
      ['bob', 'no --reason "Zulu is closed"'],
    ]);
    const second = await observe([
      ['carol', 'yes --reason "Zulu is close"'],
      ['bob', 'no --reason "Alpha costs less"'],
      ['carol', 'no --reason "Zulu is closed"'],
    ]);
    // Hashes differ between any two runs (each commits to a secret salt and a fresh nonce): they are
    // compared as "some hash" so that everything else must match exactly.
    const masked = (views: string[]) => views.map((v) => v.replace(/hash [0-9a-f]{12}/g, 'hash …'));
    expect(first.length).toBe(second.length);
    for (let i = 0; i < first.length; i++) expect(masked(second)[i], `view ${i}`).toBe(masked(first)[i]);
    // And the runs did read something: the reasons on the card, the totals at the close.
    expect(first.join('\n')).toMatch(/Alpha costs less/);
    expect(first.at(-11)).toMatch(/Turnout: 2 of 5/);
  });

  it('never names the member whose ballot completed the vote', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Choose the date" --rule majority --anonymous', { channel: 'budget' });
    await t.h.run('alice', 'vote 1 yes');
    await t.h.run('bob', 'vote 1 yes');
    await t.h.run('carol', 'vote 1 no');
    const audit = await t.h.run('bob', 'audit');
    expect(audit.text).toMatch(/Concord closed proposal #1/);
    expect(audit.text).toMatch(/Ballots were anonymous: the log shows only these totals/);
    expect(audit.text).not.toMatch(/voted on proposal #1|@carol closed/);
    const stored = rowsOf<{ actor_id: number | null }>(await t.database.db.execute(sql`select actor_id from audit_log where action = 'proposal.closed'`));
    expect(stored).toEqual([{ actor_id: null }]);
  });
});

describe('sealed ballot entries and receipts', () => {
  const receiptOf = (text: string) => /receipt: `([^`]+)`/.exec(text)?.[1] ?? '';

  it('stores no member id and no value in an anonymous ballot’s entry, and keeps the proposal’s secret out of every message', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Pick a venue" --rule poll --options "Hall|Park|Online" --anonymous', { channel: 'budget' });
    await t.h.run('bob', 'vote 1 Park');
    await t.h.run('bob', 'vote 1 Hall');
    const rows = rowsOf<{ actor_id: number | null; action: string; data: Record<string, unknown> }>(
      await t.database.db.execute(sql`select actor_id, action, data from audit_log where action like 'ballot.%' order by seq`),
    );
    expect(rows.map((r) => r.action)).toEqual(['ballot.cast', 'ballot.changed']);
    for (const row of rows) {
      expect(row.actor_id).toBeNull();
      expect(Object.keys(row.data).sort()).toEqual(['anonymous', 'ballot', 'voter']);
      expect(JSON.stringify(row.data)).not.toMatch(/Park|Hall|bob/);
    }
    // A fresh commitment per ballot: the cast and the change cannot be matched with each other.
    expect(rows[0]!.data.voter).not.toBe(rows[1]!.data.voter);
    const salt = rowsOf<{ ballot_salt: string }>(await t.database.db.execute(sql`select ballot_salt from proposals`))[0]!.ballot_salt;
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    const everything = await t.database.db.execute(sql`select (select coalesce(string_agg(view::text, ''), '') from outbox) || (select string_agg(data::text, '') from audit_log) as all`);
    expect(JSON.stringify(everything)).not.toContain(salt);
    expect((await t.h.run('alice', 'audit verify')).text).toMatch(/intact/);
  });

  it('gives the voter a receipt that confirms their ballot is in the chain, and tells nobody else anything', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Pick a venue" --rule poll --options "Hall|Park|Online" --anonymous', { channel: 'budget' });
    const first = await t.h.run('bob', 'vote 1 Park');
    const receipt = receiptOf(first.text);
    expect(receipt).toMatch(/^1-[0-9a-f]{32}$/);
    const mine = await t.h.run('bob', `audit verify --receipt ${receipt}`);
    expect(mine.text).toMatch(/Your ballot on proposal #1 is entry #5 of the audit log, recorded Tue 1 Dec 2026, 09:00 UTC\. It holds the ballot you have now\. The chain is intact through it/);
    // Anyone else holding the receipt learns nothing: not even that it is a real one.
    const theirs = await t.h.run('carol', `audit verify --receipt ${receipt}`);
    const made = await t.h.run('carol', `audit verify --receipt 1-${'0'.repeat(32)}`);
    expect(theirs.ok).toBe(false);
    expect(theirs.text).toMatch(/No ballot of yours on proposal #1 matches this receipt/);
    expect(theirs.text).toBe(made.text);
    // A change of ballot: the old receipt still finds its entry, and says a later one counts.
    const changed = await t.h.run('bob', 'vote 1 Hall');
    expect((await t.h.run('bob', `audit verify --receipt ${receipt}`)).text).toMatch(/You changed your ballot after it/);
    const latest = receiptOf(changed.text);
    expect((await t.h.run('bob', `audit verify --receipt ${latest}`, { locale: 'vi' })).text).toMatch(
      /Lá phiếu của bạn cho đề xuất #1 là mục #6 .*Mục này chứa lá phiếu hiện tại của bạn/,
    );
  });

  it('seals ballots on an anonymous proposal opened before proposals had a secret', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Old venue vote" --rule poll --options "Hall|Park" --anonymous', { channel: 'budget' });
    await t.database.db.execute(sql`update proposals set ballot_salt = null`);
    const vote = await t.h.run('bob', 'vote 1 Park');
    expect(vote.ok).toBe(true);
    const salt = rowsOf<{ ballot_salt: string | null }>(await t.database.db.execute(sql`select ballot_salt from proposals`))[0]!.ballot_salt;
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.h.run('bob', `audit verify --receipt ${receiptOf(vote.text)}`)).text).toMatch(/It holds the ballot you have now/);
  });

  it('explains a mistyped receipt in English and Vietnamese', async () => {
    await t.h.group(['alice', 'bob']);
    const en = await t.h.run('bob', 'audit verify --receipt 1-xyz');
    expect(en.ok).toBe(false);
    expect(en.text).toMatch(/"1-xyz" is not a ballot receipt\. A receipt looks like/);
    const vi = await t.h.run('bob', 'audit verify --receipt abc', { locale: 'vi' });
    expect(vi.text).toMatch(/"abc" không phải là biên nhận phiếu bầu/);
  });
});
