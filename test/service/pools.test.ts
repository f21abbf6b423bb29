// Pools through the core and a real database: each rule end to end (crowdfund, equal shares, quadratic funding),
// refusals that say what is left, totals conserved at close, the fairness report, who may do what, private groups,
// Vietnamese, the audit log, and one member's allocations at once never overspending.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { DAY, expectReplies, useHarness } from '../support/harness.js';

const t = useHarness();
const replies = expectReplies(t);
/** Intl puts a no-break space between a Vietnamese amount and its ₫; tests write a plain one. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const ok = async (...a: Parameters<typeof replies.ok>) => plain(await replies.ok(...a));
const refused = async (...a: Parameters<typeof replies.refused>) => plain(await replies.refused(...a));

const MEMBERS = ['alice', 'bob', 'carol', 'dave'];

/** 4 000 000 ₫ among four members: 1 000 000 ₫ each, at most 800 000 ₫ from one member in one bucket. */
async function streetFund() {
  await t.h.group(MEMBERS);
  const created = await ok('alice', 'pool create "Street fund" --amount 4tr --currency VND --group Budget --rule crowdfund --cap 800k');
  expect(created).toContain('Pool P-1 “Street fund” opened for Budget: ₫4,000,000, shared among 4 members');
  expect(await ok('bob', 'bucket add P-1 "Garden" --min 1tr --max 1.5tr')).toContain('Bucket B-1 “Garden” asks P-1 for ₫1,000,000 to ₫1,500,000; @bob delivers it.');
  expect(await ok('carol', 'bucket add P-1 "Mural" --min 2.000.000 --max "3 triệu" --owner @dave')).toContain('Bucket B-2 “Mural” asks P-1 for ₫2,000,000 to ₫3,000,000; @dave delivers it.');
}

async function balances(): Promise<Map<string, number>> {
  const rows = rowsOf<{ name: string; left: number }>(
    await t.database.db.execute(sql`
      select m.display_name as name, (pm.grant_minor - coalesce((select sum(a.amount_minor) from allocations a where a.pool_id = pm.pool_id and a.member_id = pm.member_id), 0))::float8 as left
      from pool_members pm join members m on m.id = pm.member_id`),
  );
  return new Map(rows.map((r) => [r.name, Number(r.left)]));
}

describe('a crowdfund pool', () => {
  it('funds a bucket at its maximum, or at close at its minimum, returns the rest and refuses what would overspend', async () => {
    await streetFund();
    expect(await ok('alice', 'allocate B-1 800k')).toContain('You have ₫800,000 in B-1 “Garden”, which has raised ₫800,000. Your balance is ₫200,000.');
    expect(await refused('alice', 'allocate B-1 100k')).toContain('One member may put at most ₫800,000 into one bucket. Your balance is ₫200,000.');
    expect(await refused('bob', 'allocate B-1 1tr')).toContain('That would overfund B-1 “Garden”: you can have at most ₫700,000 in it.');
    expect(await ok('bob', 'allocate B-1 700.000')).toContain('which has raised ₫1,500,000. Your balance is ₫300,000.');
    expect(await refused('carol', 'allocate B-1 10k')).toContain('B-1 “Garden” is fully funded');
    expect(await ok('carol', 'allocate B-2 500k')).toContain('Your balance is ₫500,000.');
    expect(await refused('bob', 'allocate B-2 400k')).toContain('That is more than you have: you can have at most ₫300,000 in B-2 “Mural”. Your balance is ₫300,000.');
    // --set replaces, and may lower what is in a bucket that is not yet funded.
    expect(await ok('carol', 'allocate B-2 450k --set')).toContain('You have ₫450,000 in B-2 “Mural”');
    expect([...(await balances()).values()].every((b) => b >= 0)).toBe(true);

    const open = await ok('dave', 'pool show P-1');
    expect(open).toContain('B-1 Garden: ₫1,500,000 raised · minimum ₫1,000,000, maximum ₫1,500,000 · fully funded');
    expect(open).toContain('B-2 Mural: ₫450,000 raised · minimum ₫2,000,000, maximum ₫3,000,000 · below its minimum');
    expect(open).toContain('Your balance: ₫1,000,000');
    const bucket = await ok('dave', 'bucket show B-2');
    expect(bucket).toContain('Asks for: ₫2,000,000 to ₫3,000,000');
    expect(bucket).toContain('Delivered by: @dave');
    expect(bucket).toContain('Raised: ₫450,000');
    expect(await ok('dave', 'pools')).toContain('P-1 Street fund');

    t.h.messenger.take();
    const result = await ok('alice', 'pool close P-1');
    expect(result).toContain('Result of pool P-1: Street fund');
    expect(result).toContain('B-1 Garden: ₫1,500,000');
    expect(result).toContain('Not funded: B-2 Mural');
    expect(result).toContain('₫1,500,000 of ₫4,000,000 funded; ₫2,500,000 returns to the group.');
    expect(result).toContain('Allocated nothing: @dave');
    // The group's channel gets the result, with a button that makes the funded bucket its owner's commitment.
    const posted = t.h.messenger.take().filter((m) => m.kind === 'post');
    expect(posted.map((p) => p.text).join('\n')).toContain('Result of pool P-1: Street fund');
    expect(result).toContain('commit "Garden" --due "in 1 month" --owner @bob --group "Budget"');

    // Totals are conserved: funded plus returned is the pool.
    const [pool] = rowsOf<{ result: { totals: { total: number; funded: number; returned: number } } }>(await t.database.db.execute(sql`select result from pools`));
    expect(pool!.result.totals.funded + pool!.result.totals.returned).toBe(pool!.result.totals.total);
    const funded = rowsOf<{ number: number; funded: number }>(await t.database.db.execute(sql`select number, funded_minor::float8 as funded from buckets order by number`));
    expect(funded.map((b) => [b.number, Number(b.funded)])).toEqual([
      [1, 1_500_000],
      [2, 0],
    ]);

    expect(await refused('bob', 'allocate B-2 100k')).toContain('P-1 “Street fund” is closed');
    expect(await refused('alice', 'bucket add P-1 "Late" --min 1tr')).toContain('is closed');
  });

  it('closes by itself at --closes and posts the result', async () => {
    await t.h.group(MEMBERS);
    await ok('alice', 'pool create "Street fund" --amount 4tr --currency VND --rule crowdfund --closes "in 3 days"', { channel: 'budget' });
    await ok('bob', 'bucket add P-1 "Garden" --min 1tr --max 1.5tr');
    await ok('alice', 'allocate B-1 1tr');
    t.h.messenger.take();
    await t.h.advance(3 * DAY + 60_000);
    const posted = t.h.messenger.take().filter((m) => m.kind === 'post').map((m) => m.text).join('\n');
    expect(posted).toContain('Result of pool P-1: Street fund');
    expect(posted).toContain('B-1 Garden: ₫1,000,000');
    expect(await ok('bob', 'pool show P-1')).toContain('₫1,000,000 of ₫4,000,000 funded; ₫3,000,000 returns to the group.');
  });

  it('reports allocation by sector against targets, withholding sectors smaller than the minimum cell', async () => {
    await t.h.group(MEMBERS);
    await ok('alice', 'settings inclusion-min-cell 2', { admin: true });
    await ok('alice', 'profile --sector community');
    await ok('bob', 'profile --sector community');
    await ok('carol', 'profile --sector business');
    await ok('alice', 'pool create "Street fund" --amount 4tr --currency VND --group Budget --rule crowdfund --target-shares "community=50%,business=30%"');
    await ok('bob', 'bucket add P-1 "Garden" --min 1tr --max 2tr');
    await ok('alice', 'allocate B-1 600k');
    await ok('bob', 'allocate B-1 600k');
    await ok('carol', 'allocate B-1 800k');
    const result = await ok('alice', 'pool close P-1');
    expect(result).toContain('community (2 members): ₫1,200,000, 60% (target 50%)');
    expect(result).toContain('business (fewer than 2 members): withheld (target 30%)');
    expect(result).toContain('no sector declared (fewer than 2 members): withheld');
    // Members 0, 600k, 600k, 800k: (2·Σ i·x₍ᵢ₎ − (n+1)·Σx) / (n·Σx) = (2·6 200 000 − 5·2 000 000) / 8 000 000 = 0.3;
    // sectors business 800k and community 1 200k: (2·3 200 000 − 3·2 000 000) / 4 000 000 = 0.1.
    expect(result).toContain('Gini coefficient: across members 0.30, across sectors 0.10');
    expect(result).toContain('Allocated nothing: @dave');
  });
});

describe('an equal-shares pool', () => {
  it('funds what supporters can pay for from equal shares, then completes with the leftover', async () => {
    await t.h.group(MEMBERS);
    await ok('alice', 'pool create "Small grants" --amount 1000 --currency USD --group Budget --rule equal-shares');
    await ok('alice', 'bucket add P-1 "Library" --min 600 --max 600');
    await ok('bob', 'bucket add P-1 "Playground" --min 500');
    await ok('dave', 'bucket add P-1 "Bench" --min 300');
    expect(await refused('alice', 'allocate B-1 100')).toContain('shares by equal shares: approve a bucket with `/concord allocate B-1 approve`');
    for (const m of ['alice', 'bob', 'carol']) await ok(m, 'allocate B-1 approve');
    expect(await ok('dave', 'allocate B-2 approve')).toContain('You approve B-2 “Playground”; 1 member approves it.');
    expect(await ok('dave', 'allocate B-2 withdraw')).toContain('You no longer approve B-2');
    await ok('dave', 'allocate B-3 approve');
    expect(await ok('carol', 'pool show P-1')).toContain('B-1 Library: costs $600.00 · 3 approvals');
    const result = await ok('alice', 'pool close P-1');
    // Shares of $250: alice, bob and carol pay $200 each for the library; dave's $250 cannot pay for the bench
    // alone until the completion raises the shares, and $100 is left.
    expect(result).toContain('B-1 Library: $600.00');
    expect(result).toContain('B-3 Bench: $300.00');
    expect(result).toContain('Not funded: B-2 Playground');
    expect(result).toContain('$900.00 of $1,000.00 funded; $100.00 returns to the group.');
    expect(result).toContain('Everyone allocated something.');
  });
});

describe('a quadratic pool', () => {
  it('matches broad support across sectors, not a bloc of one sector or one large contribution', async () => {
    await t.h.group(MEMBERS);
    await ok('alice', 'profile --sector community');
    await ok('bob', 'profile --sector business');
    await ok('carol', 'profile --sector community');
    await ok('dave', 'profile --sector community');
    expect(await refused('alice', 'pool create "Matching" --amount 1000 --currency USD --rule quadratic', { channel: 'budget' })).toContain('A quadratic pool needs `--per-member`');
    expect(await ok('alice', 'pool create "Matching" --amount 1000 --currency USD --rule quadratic --per-member 100', { channel: 'budget' })).toContain('a matching fund of $1,000.00');
    await ok('alice', 'bucket add P-1 "Across sectors" --min 10');
    await ok('alice', 'bucket add P-1 "One sector" --min 10');
    await ok('alice', 'allocate B-1 10');
    await ok('bob', 'allocate B-1 10');
    await ok('carol', 'allocate B-2 10');
    await ok('dave', 'allocate B-2 10');
    expect(await refused('alice', 'allocate B-2 95')).toContain('you can have at most $90.00 in B-2');
    const result = await ok('alice', 'pool close P-1');
    // B-1: (√10 + √10)² − 20 = 20; B-2: carol and dave are one community cluster, (√20)² − 20 = 0.
    expect(result).toContain('B-1 Across sectors: $1,020.00 (matching $1,000.00)');
    expect(result).toContain('B-2 One sector: $20.00 (matching $0.00)');
    expect(result).toContain('$1,040.00 of $1,040.00 funded; $0.00 returns to the group.');
  });
});

describe('who may do what', () => {
  it('lets only conveners and admins open and close pools, and only the pool’s members allocate', async () => {
    await streetFund();
    expect(await refused('bob', 'pool create "Mine" --amount 1tr --currency VND --rule crowdfund', { channel: 'budget' })).toContain('Only a convener of Budget or a workspace admin');
    expect(await refused('bob', 'pool close P-1')).toContain('Only a convener of Budget');
    expect(await refused('zoe', 'allocate B-1 100k')).toContain('Only the members P-1 “Street fund” was shared among can allocate it.');
    expect(await refused('zoe', 'bucket add P-1 "Mine" --min 1tr')).toContain('Only members of Budget can ask its pools for funds.');
    expect(await refused('alice', 'pool create "Odd" --amount 4tr --currency XYZ --rule crowdfund', { channel: 'budget' })).toContain('“XYZ” is not a currency code');
    expect(await refused('alice', 'pool create "Odd" --amount lots --currency VND --rule crowdfund', { channel: 'budget' })).toContain('“lots” is not an amount');
    expect(await refused('alice', 'pool create "Odd" --amount 4tr --currency VND --rule crowdfund --per-member 2tr', { channel: 'budget' })).toContain('4 members at ₫2,000,000 each is more than the pool’s ₫4,000,000.');
    expect(await refused('bob', 'bucket add P-1 "Upside down" --min 2tr --max 1tr')).toContain('The minimum (₫2,000,000) is above the maximum (₫1,000,000).');
  });

  it('keeps a private group’s pools from everyone else', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'group create "Board" --private', { channel: 'board' });
    await ok('alice', 'pool create "Secret fund" --amount 1tr --currency VND --group Board --rule crowdfund', { channel: 'board' });
    expect(await refused('bob', 'pool show P-1')).toContain('There is no pool P-1 you can see.');
    expect(await ok('bob', 'pools')).not.toContain('Secret fund');
    expect(await ok('alice', 'pools')).toContain('P-1 Secret fund');
    expect(await ok('bob', 'audit')).not.toContain('P-1');
  });
});

describe('one member’s allocations at once', () => {
  it('never overspend: with enough for one, exactly one succeeds', async () => {
    await t.h.group(MEMBERS);
    await ok('alice', 'pool create "Street fund" --amount 4tr --currency VND --group Budget --rule crowdfund');
    await ok('bob', 'bucket add P-1 "Garden" --min 1tr --max 2tr');
    await ok('bob', 'bucket add P-1 "Mural" --min 1tr --max 2tr');
    const replies = await Promise.all([t.h.exec('bob', 'allocate B-1 700k', { key: 'first' }), t.h.exec('bob', 'allocate B-2 700k', { key: 'second' })]);
    expect(replies.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(replies.find((r) => !r.ok)!.text).toContain('you can have at most ₫300,000');
    expect((await balances()).get('bob')).toBe(300_000);
  });
});

describe('in Vietnamese', () => {
  it('reads amounts either way and shows them as Vietnamese write them', async () => {
    await t.h.group(MEMBERS);
    const created = await ok('alice', 'pool create "Quỹ khu phố" --amount "4 triệu" --currency VND --group Budget --rule crowdfund', { locale: 'vi' });
    expect(created).toContain('Đã mở quỹ P-1 “Quỹ khu phố” cho Budget: 4.000.000 ₫, chia cho 4 thành viên');
    await ok('bob', 'bucket add P-1 "Vườn rau" --min 1,5tr --max 2.000.000đ', { locale: 'vi' });
    expect(await ok('bob', 'allocate B-1 750.000', { locale: 'vi' })).toContain('Bạn đã góp 750.000 ₫ vào B-1 “Vườn rau”, hạng mục đã huy động được 750.000 ₫. Số dư của bạn là 250.000 ₫.');
    expect(await refused('carol', 'allocate B-1 1,5 triệu', { locale: 'vi' })).toContain('Như vậy là góp quá cho B-1 “Vườn rau”');
    expect(await refused('carol', 'allocate B-1 nhiều', { locale: 'vi' })).toContain('“nhiều” không phải số tiền');
    const result = await ok('alice', 'pool close P-1', { locale: 'vi' });
    expect(result).toContain('Kết quả quỹ P-1: Quỹ khu phố');
    expect(result).toContain('Không hạng mục nào được cấp tiền.');
    expect(result).toContain('Đã cấp 0 ₫ trên 4.000.000 ₫; 4.000.000 ₫ trở về nhóm.');
    // One of four members allocated: the Gini coefficient is (n − 1)/n, written with a decimal comma.
    expect(result).toContain('Hệ số Gini: giữa các thành viên 0,75');
    expect(result).toContain('Không phân bổ gì: @alice, @carol, @dave');
  });
});

describe('closing in the pool’s own channel', () => {
  it('answers briefly there, since the result is posted in that channel', async () => {
    await streetFund();
    await ok('alice', 'allocate B-1 800k');
    t.h.messenger.take();
    const reply = await ok('alice', 'pool close P-1', { channel: 'budget' });
    expect(reply).toContain('P-1 “Street fund” is closed. Its result is posted in this channel.');
    expect(reply).not.toContain('Result of pool P-1');
    const posted = t.h.messenger.take().filter((m) => m.kind === 'post' && m.to === 'budget');
    expect(posted.map((p) => p.text).join('\n')).toContain('Result of pool P-1: Street fund');
  });
});

describe('the audit log', () => {
  it('records the pool, its buckets, every allocation and the result', async () => {
    await streetFund();
    await ok('alice', 'allocate B-1 800k');
    await ok('bob', 'allocate B-1 700k');
    await ok('alice', 'pool close P-1');
    const log = await ok('alice', 'audit');
    expect(log).toContain('opened pool P-1');
    expect(log).toContain('added a bucket to pool P-1');
    expect(log.match(/allocated in pool P-1/g)).toHaveLength(2);
    expect(log).toContain('Amount: ₫700,000');
    expect(log).toContain('Rule: crowdfund');
    expect(log).toContain('closed pool P-1');
    expect((await t.h.run('alice', 'audit verify')).text).toMatch(/intact/);
  });
});
