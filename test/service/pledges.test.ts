// Pledges through the core and a real database: the three kinds, amounts typed either way and shown per language,
// the owner's commitment and its evidence, totals per kind and per sector without singling anyone out, pools,
// private groups and the audit log.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DAY, expectReplies, useHarness } from '../support/harness.js';

const t = useHarness();
const { ok, refused } = expectReplies(t);

/** Intl puts a no-break space between a Vietnamese amount and its symbol; compared here as a plain one. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The harness starts on Tuesday 1 December 2026, 09:00 UTC; the workspace's zone is UTC. */
describe('making a pledge', () => {
  it('records money, hours or a thing, exactly one of them', async () => {
    await t.h.group(['alice', 'bob']);
    expect(await ok('alice', 'pledge "For the library fund" --amount 5000000 --currency VND --group Budget')).toContain(
      'Pledge PL-1 recorded: ₫5,000,000 for “For the library fund”, to Budget.',
    );
    expect(await ok('bob', 'pledge "Repair café shifts" --hours 10', { channel: 'budget' })).toContain('Pledge PL-2 recorded: 10 hours for “Repair café shifts”, to Budget.');
    expect(await ok('bob', 'pledge "For the clean-up day" --in-kind "two tents"')).toContain('Pledge PL-3 recorded: “two tents” for “For the clean-up day”, to the whole workspace.');

    expect(await refused('alice', 'pledge "Something"')).toContain('Say what you pledge with one of: `--amount 5000000 --currency VND` (money), `--hours 10` (time) or `--in-kind "<item>"`');
    expect(await refused('alice', 'pledge "Something" --amount 5tr --currency VND --hours 3')).toContain('give only one of `--amount`, `--hours` and `--in-kind`');
    expect(await refused('alice', 'pledge "Something" --amount 5tr')).toContain('In which currency is 5tr? Add `--currency VND`');
    expect(await refused('alice', 'pledge "Something" --amount 5tr --currency XYZ')).toContain('XYZ is not a currency code');
    expect(await refused('alice', 'pledge "Something" --amount lots --currency VND')).toContain('“lots” is not an amount.');
    expect(await refused('alice', 'pledge "Something" --amount 12.3456 --currency USD')).toContain('more decimals than USD has');
    expect(await refused('alice', 'pledge "Something" --amount 1.5 --currency VND')).toContain('more decimals than VND has');
    expect(await refused('carol', 'pledge "Something" --hours 2 --group Budget')).toContain('Only members of Budget can pledge to it.');
  });

  it('reads amounts in either convention and with k, m, tr and triệu, and shows them in the reader’s language', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('bob', 'settings locale vi');
    expect(plain(await ok('bob', 'pledge "Sách cho thư viện" --amount 5.000.000 --currency VND --group Budget'))).toContain(
      'Đã ghi nhận đóng góp PL-1: 5.000.000 ₫ cho “Sách cho thư viện”, tới Budget.',
    );
    expect(plain(await ok('bob', 'pledge "Bàn ghế" --amount "1,5 triệu" --currency VND --group Budget'))).toContain('PL-2: 1.500.000 ₫');
    expect(plain(await ok('bob', 'pledge "In ấn" --amount 5tr --currency vnd --group Budget'))).toContain('PL-3: 5.000.000 ₫');
    expect(plain(await ok('bob', 'pledge "Phần mềm" --amount 2k --currency USD --group Budget'))).toContain('PL-4: 2.000,00 US$');
    expect(await ok('alice', 'pledge "Hosting" --amount 1,234.50 --currency USD --group Budget')).toContain('PL-5 recorded: $1,234.50');
    expect(await ok('alice', 'pledge "Snacks" --amount 2.5m --currency VND --group Budget')).toContain('PL-6 recorded: ₫2,500,000');

    // The same pledges, in English for Alice and in Vietnamese for Bob, with totals per currency.
    const en = await ok('alice', 'pledges --group Budget');
    expect(en).toContain('PL-2 ₫1,500,000 — Bàn ghế');
    expect(en).toContain('PL-4 $2,000.00 — Phần mềm');
    expect(en).toContain('Total: $3,234.50 · ₫14,000,000');
    const vi = plain(await ok('bob', 'pledges --group Budget'));
    expect(vi).toContain('PL-2 1.500.000 ₫ — Bàn ghế');
    expect(vi).toContain('Tổng cộng: 3.234,50 US$ · 14.000.000 ₫');

    expect(await refused('bob', 'pledge "Gì đó"')).toContain('Hãy cho biết bạn đóng góp gì bằng một trong các cờ');
    expect(await refused('bob', 'pledge "Gì đó" --amount 5tr')).toContain('5tr là tiền gì? Thêm `--currency VND`');
  });
});

describe('a pledge with a due date', () => {
  it('is its owner’s commitment: reminded before, and done with a note as evidence closes the pledge', async () => {
    await t.h.group(['alice', 'bob']);
    const made = await ok('alice', 'pledge "For the library fund" --amount 500k --currency VND --group Budget --due "2026-12-10 17:00"');
    expect(made).toContain('Pledge PL-1 recorded: ₫500,000');
    expect(made).toContain('It is also your commitment #1, due Thu 10 Dec 2026, 17:00');
    expect(await ok('alice', 'commitments --mine')).toContain('Pledge PL-1: ₫500,000 — For the library fund');
    await ok('alice', 'extend 1 --due "2026-12-09 17:00" --reason "Pay day moved"');
    expect(await ok('bob', 'pledges')).toContain('@alice · open · due Wed 9 Dec 2026, 17:00');

    t.h.messenger.take();
    await t.h.advance(8 * DAY);
    const reminders = t.h.messenger.take().filter((m) => m.kind === 'dm' && m.to === 'alice');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders[0]!.text).toContain('Pledge PL-1: ₫500,000 — For the library fund');

    const done = await ok('alice', 'done 1 "https://example.org/receipt/118"');
    expect(done).toContain('Commitment #1');
    expect(done).toContain('Pledge PL-1 is done: ₫500,000 for “For the library fund”.');
    const list = await ok('bob', 'pledges');
    expect(list).toContain('PL-1 ₫500,000 — For the library fund');
    expect(list).toContain('@alice · done · evidence: https://example.org/receipt/118');
    expect(await refused('alice', 'pledge done PL-1 --evidence "again"')).toContain('PL-1 is already done.');
  });

  it('closes its commitment when the pledge is marked done, and cancels it with the pledge', async () => {
    await t.h.group(['alice']);
    await ok('alice', 'pledge "Shifts" --hours 6 --group Budget --due "2026-12-20"');
    expect(await ok('alice', 'pledge done PL-1 --evidence "Signed sheet in the drive"')).toContain('Pledge PL-1 is done: 6 hours for “Shifts”.');
    expect(await refused('alice', 'done 1')).toContain('#1');

    await ok('alice', 'pledge "Tents" --in-kind "two tents" --group Budget --due "2026-12-20"');
    const cancelled = await ok('alice', 'pledge cancel PL-2');
    expect(cancelled).toContain('Pledge PL-2 “Tents” is cancelled.');
    expect(await ok('alice', 'commitments --mine')).not.toContain('Tents');
    expect(await ok('alice', 'pledges')).not.toContain('Tents');
  });
});

describe('marking a pledge done without a due date', () => {
  it('asks for evidence and takes it afterwards; only the owner or a convener may', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await ok('bob', 'pledge "Printing" --amount 300k --currency VND --group Budget');
    expect(await refused('carol', 'pledge done PL-1')).toContain('Only whoever pledged PL-1, a convener of its group or a workspace admin');
    expect(await ok('bob', 'pledge done PL-1')).toContain('A note or a link shows the group it was kept: `/concord pledge done PL-1 --evidence "<note or link>"`');
    expect(await ok('bob', 'pledge done PL-1 --evidence "Receipt in the drive"')).toContain('Evidence added to PL-1 “Printing”.');
    expect(await ok('carol', 'pledges')).toContain('evidence: Receipt in the drive');
    expect(await refused('bob', 'pledge done PL-7')).toContain('There is no pledge PL-7 you can see.');
    expect(await refused('bob', 'pledge done X-1')).toContain('must be a pledge such as PL-3');
  });
});

describe('totals per sector', () => {
  async function pledgers() {
    await t.h.group(['alice', 'bob', 'carol', 'dave']);
    await ok('alice', 'settings inclusion-min-cell 2', { admin: true });
    await ok('alice', 'profile --sector community');
    await ok('bob', 'profile --sector community');
    await ok('carol', 'profile --sector government');
    await ok('alice', 'pledge "Books" --amount 1tr --currency VND --group Budget');
    await ok('bob', 'pledge "Shelves" --amount 2tr --currency VND --group Budget');
    await ok('carol', 'pledge "Paint" --amount 2.5tr --currency VND --group Budget');
  }

  it('shows a sector’s totals only when enough members pledged, and never one small sector’s by subtraction', async () => {
    await pledgers();
    await ok('dave', 'pledge "Painting" --hours 4 --group Budget');
    const list = await ok('bob', 'pledges');
    expect(list).toContain('Total: ₫5,500,000 · 4 hours');
    expect(list).toContain('community: 2 members · ₫3,000,000');
    expect(list).toContain('government: fewer than 2 members · amounts withheld so as not to single anyone out');
    expect(list).toContain('no sector declared: fewer than 2 members · amounts withheld');
    expect(list).not.toContain('government: fewer than 2 members · ₫2,500,000');
  });

  it('withholds a second sector when only one is small, so the total does not give it away', async () => {
    await pledgers();
    const list = await ok('bob', 'pledges');
    expect(list).toContain('government: fewer than 2 members · amounts withheld');
    expect(list).toContain('community: 2 members · amounts withheld');
    expect(list).not.toContain('₫3,000,000');
    // Your own pledges need no sector lines.
    expect(await ok('carol', 'pledges --mine')).not.toContain('By sector');
  });
});

describe('pledges into a pool', () => {
  async function pool(currency: string) {
    await t.h.group(['alice', 'bob']);
    await t.database.db.execute(sql`
      insert into pools (workspace_id, number, group_id, name, currency, total_minor, rule, channel_id, created_by, created_at)
      select g.workspace_id, 1, g.id, 'Library fund', ${currency}, 0, 'crowdfund', g.channel_id, m.id, now()
      from groups g, members m where g.name = 'Budget' and m.external_id = 'alice'`);
  }

  it('links money to a pool of the same currency, in the pool’s group', async () => {
    await pool('VND');
    const made = await ok('bob', 'pledge "For the library" --amount 2tr --pool P-1');
    expect(made).toContain('Pledge PL-1 recorded: ₫2,000,000 for “For the library”, to Budget.');
    expect(made).toContain('PL-1 goes into pool P-1 “Library fund”.');
    expect(await ok('alice', 'pledges --group Budget')).toContain('@bob · open · → P-1');
    expect(await refused('bob', 'pledge "Dollars" --amount 200 --currency USD --pool P-1')).toContain('Pool P-1 counts in VND; this pledge is in USD.');
    expect(await refused('bob', 'pledge "Hours" --hours 3 --pool P-1')).toContain('Only money goes into a pool');
    expect(await refused('bob', 'pledge "Elsewhere" --amount 2tr --pool P-9')).toContain('There is no pool P-9 you can see.');
  });
});

describe('private groups and the audit log', () => {
  it('keeps a private group’s pledges to its members', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'group create "Board" --private', { channel: 'board' });
    await ok('alice', 'pledge "Secret gift" --amount 9tr --currency VND --group Board', { channel: 'board' });
    expect(await ok('bob', 'pledges')).not.toContain('Secret gift');
    expect(await refused('bob', 'pledge done PL-1')).toContain('There is no pledge PL-1 you can see.');
    expect(await ok('bob', 'audit')).not.toContain('PL-1');
    expect(await ok('alice', 'pledges', { channel: 'board' })).toContain('Secret gift');
  });

  it('records every pledge, its keeping and its cancelling', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'pledge "Books" --amount 1tr --currency VND --group Budget');
    await ok('alice', 'pledge done PL-1 --evidence "Delivered"');
    await ok('bob', 'pledge "Tents" --in-kind "two tents" --group Budget');
    await ok('bob', 'pledge cancel PL-2');
    const log = plain(await ok('alice', 'audit'));
    expect(log).toContain('pledged pledge PL-1');
    expect(log).toContain('Pledged: VND 1,000,000');
    expect(log).toContain('kept pledge PL-1');
    expect(log).toContain('Evidence: Delivered');
    expect(log).toContain('pledged pledge PL-2');
    expect(log).toContain('cancelled pledge PL-2');
    await ok('alice', 'settings locale vi');
    expect(await ok('alice', 'audit')).toContain('đã cam kết đóng góp PL-1');
  });
});
