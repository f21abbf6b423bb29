// Ranked-choice ties through the service: the lot is seeded when voting ends, shown on the result card and in the audit log.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useHarness } from '../support/harness.js';
import { rowsOf } from '../../src/db/client.js';

const t = useHarness();

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface AuditRow {
  seq: number;
  action: string;
  hash: string;
  data: Record<string, unknown>;
}

async function auditEntries(): Promise<AuditRow[]> {
  return rowsOf<AuditRow>(await t.database.db.execute(sql`select seq, action, hash, data from audit_log order by seq`)).map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** Two first preferences for Hội An, one each for Đà Lạt and Sa Pa: the last two tie on every count. */
async function tiedTrip(extra = '', members = ['alice', 'bob', 'carol', 'dan']): Promise<void> {
  await t.h.group(members, 'Trip', 'trip');
  const created = await t.h.run('alice', `propose "Team offsite" --rule ranked --options "Hội An|Đà Lạt|Sa Pa" --closes "in 3 days"${extra}`, { channel: 'trip' });
  expect(created.ok).toBe(true);
}

async function voteAll(): Promise<void> {
  for (const [member, ballot] of [
    ['alice', '"Hội An"'],
    ['bob', '"Hội An"'],
    ['carol', '"Đà Lạt"'],
    ['dan', '"Sa Pa"'],
  ] as const) {
    expect((await t.h.run(member, `vote 1 ${ballot}`)).ok).toBe(true);
  }
}

describe('ranked choice: the lot', () => {
  it('seeds the lot from the audit chain head when voting ends and shows seed and draw on the card and in the log', async () => {
    await tiedTrip();
    const [card] = t.h.messenger.take();
    expect(card!.text).toContain('then a lot drawn when voting ends; if all remaining options are level, the result is a tie.');
    await voteAll();
    const sent = t.h.messenger.take();

    const entries = await auditEntries();
    const ended = entries.find((e) => e.action === 'proposal.voting-ended')!;
    const closed = entries.find((e) => e.action === 'proposal.closed')!;
    // The seed is the head of the chain right after the last ballot: the entry marking the end of voting.
    expect(entries[entries.indexOf(ended) - 1]?.action).toBe('ballot.cast');
    expect(closed.seq).toBe(ended.seq + 1);

    const seed = ended.hash;
    const draw = ['Đà Lạt', 'Sa Pa'].map((option) => ({ option, hash: sha256(`${seed}\n${option}`) })).sort((a, b) => (a.hash < b.hash ? -1 : 1));
    const loser = draw[0]!.option;
    expect(closed.data).toMatchObject({
      outcome: 'winner',
      winners: ['Hội An'],
      ties: 'lot',
      seed: { hash: seed, seq: ended.seq },
      draws: [{ round: 1, draw, eliminated: loser }],
    });

    const result = sent.find((s) => s.kind === 'post' && s.text.includes('Result of proposal #1'))!;
    expect(result.text).toContain(`Seed ${seed} (hash of audit entry #${ended.seq})`);
    expect(result.text).toContain(`Round 1: ${draw[0]!.option} ${draw[0]!.hash.slice(0, 16)}… < ${draw[1]!.option} ${draw[1]!.hash.slice(0, 16)}…; ${loser} eliminated.`);
    expect(result.text).toMatch(/Tie-breaks used: round 1: lot/);
    expect(result.text).toContain(`in the lot seeded by audit entry #${ended.seq}, ${loser} drew the lowest hash and is eliminated`);
  });

  it('says the same in Vietnamese', async () => {
    await t.h.group(['alice', 'bob', 'carol', 'dan'], 'Trip', 'trip');
    await t.h.run('alice', 'settings locale vi --workspace', { admin: true });
    const created = await t.h.run('alice', 'propose "Team offsite" --rule ranked --options "Hội An|Đà Lạt|Sa Pa" --closes "in 3 days"', { channel: 'trip' });
    expect(created.ok).toBe(true);
    const [card] = t.h.messenger.take();
    expect(card!.text).toContain('sau cùng là bốc thăm khi việc bỏ phiếu kết thúc; nếu mọi phương án còn lại bằng phiếu nhau thì kết quả là hòa.');
    await voteAll();
    const sent = t.h.messenger.take();
    const ended = (await auditEntries()).find((e) => e.action === 'proposal.voting-ended')!;
    const result = sent.find((s) => s.kind === 'post' && s.text.includes('Kết quả đề xuất #1'))!;
    expect(result.text).toContain(`Hạt giống (seed) ${ended.hash}, là mã băm của mục #${ended.seq} trong nhật ký kiểm toán.`);
    expect(result.text).toMatch(/Tiêu chí phụ đã dùng: vòng 1: bốc thăm/);
    expect(result.text).toMatch(/Vòng 1: (Đà Lạt|Sa Pa) [0-9a-f]{16}… < (Đà Lạt|Sa Pa) [0-9a-f]{16}…; (Đà Lạt|Sa Pa) bị loại\./);
  });

  it('while voting is open, says a lot will decide rather than guessing the draw', async () => {
    await tiedTrip('', ['alice', 'bob', 'carol', 'dan', 'eve']);
    t.h.messenger.take();
    for (const [member, ballot] of [
      ['alice', '"Hội An"'],
      ['bob', '"Hội An"'],
      ['carol', '"Đà Lạt"'],
      ['dan', '"Sa Pa"'],
    ] as const) {
      await t.h.run(member, `vote 1 ${ballot}`);
    }
    const shown = await t.h.run('bob', 'proposal 1');
    expect(shown.text).toContain('which of them is eliminated will be drawn by lot when voting ends, so the result is not known yet.');
    expect((await auditEntries()).some((e) => e.action === 'proposal.voting-ended')).toBe(false);
  });

  it('draws no lot, and adds no entry, when no tie needs one', async () => {
    await tiedTrip();
    t.h.messenger.take();
    for (const [member, ballot] of [
      ['alice', '"Hội An"'],
      ['bob', '"Hội An"'],
      ['carol', '"Hội An"'],
      ['dan', '"Sa Pa"'],
    ] as const) {
      await t.h.run(member, `vote 1 ${ballot}`);
    }
    const entries = await auditEntries();
    expect(entries.some((e) => e.action === 'proposal.voting-ended')).toBe(false);
    const closed = entries.find((e) => e.action === 'proposal.closed')!;
    expect(closed.data).toMatchObject({ ties: 'lot', winners: ['Hội An'] });
    expect(closed.data).not.toHaveProperty('seed');
    const result = t.h.messenger.take().find((s) => s.kind === 'post' && s.text.includes('Result of proposal #1'))!;
    expect(result.text).toContain('Tie-breaks used: none: no round had a tie for fewest votes');
    expect(result.text).not.toContain('Seed ');
  });
});

describe('ranked choice: lot or batch, per group and per proposal', () => {
  const tie = [
    ['alice', '"Hội An"'],
    ['bob', '"Hội An"'],
    ['carol', '"Đà Lạt"'],
    ['dan', '"Sa Pa"'],
  ] as const;

  it('a convener sets batch for the group; its proposals then eliminate all options tied for fewest at once', async () => {
    await t.h.group(['alice', 'bob', 'carol', 'dan'], 'Trip', 'trip');
    const set = await t.h.run('alice', 'settings ties batch', { channel: 'trip' });
    expect(set.ok).toBe(true);
    expect(set.text).toContain('Ranked-choice proposals opened in Trip from now on eliminate all options tied for fewest votes at once.');
    expect((await t.h.run('alice', 'propose "Team offsite" --rule ranked --options "Hội An|Đà Lạt|Sa Pa"', { channel: 'trip' })).ok).toBe(true);
    const [card] = t.h.messenger.take();
    expect(card!.text).toContain('Options tied for fewest are all eliminated together; if all remaining options are level, the result is a tie.');
    for (const [member, ballot] of tie) await t.h.run(member, `vote 1 ${ballot}`);
    const entries = await auditEntries();
    expect(entries.find((e) => e.action === 'proposal.created')?.data).toMatchObject({ ties: 'batch' });
    expect(entries.find((e) => e.action === 'settings.ranked-ties')?.data).toEqual({ ties: 'batch' });
    expect(entries.some((e) => e.action === 'proposal.voting-ended')).toBe(false);
    expect(entries.find((e) => e.action === 'proposal.closed')?.data).toMatchObject({ ties: 'batch', winners: ['Hội An'] });
    const result = t.h.messenger.take().find((s) => s.kind === 'post' && s.text.includes('Result of proposal #1'))!;
    expect(result.text).toContain('Round 1: Hội An 2, Đà Lạt 1, Sa Pa 1; exhausted ballots: 0. Đà Lạt, Sa Pa share the fewest votes and are all eliminated together.');
    expect(result.text).toContain('Tie-breaks used: round 1: all options tied for fewest eliminated together');
  });

  it('--ties on one proposal overrides the group, and the choice stays with the proposal when the group changes', async () => {
    await t.h.group(['alice', 'bob', 'carol', 'dan'], 'Trip', 'trip');
    await t.h.run('alice', 'settings ties batch', { channel: 'trip' });
    expect((await t.h.run('alice', 'propose "Team offsite" --rule ranked --options "Hội An|Đà Lạt|Sa Pa" --ties lot', { channel: 'trip' })).ok).toBe(true);
    expect((await t.h.run('alice', 'settings ties lot', { channel: 'trip' })).ok).toBe(true);
    expect((await t.h.run('alice', 'propose "Second trip" --rule ranked --options "Hội An|Đà Lạt|Sa Pa"', { channel: 'trip' })).ok).toBe(true);
    await t.h.run('alice', 'settings ties batch', { channel: 'trip' });
    for (const [member, ballot] of tie) await t.h.run(member, `vote 2 ${ballot}`);
    const closed = (await auditEntries()).find((e) => e.action === 'proposal.closed' && e.data.winners)!;
    // Proposal #2 opened under lot: the later switch to batch does not reach it.
    expect(closed.data).toMatchObject({ ties: 'lot', seed: { seq: expect.any(Number) } });
  });

  it('says when nothing changes, and only a convener may change it, in English and Vietnamese', async () => {
    await t.h.group(['alice', 'bob'], 'Trip', 'trip');
    const same = await t.h.run('alice', 'settings ties lot', { channel: 'trip' });
    expect(same.text).toContain('Trip already settles ranked-choice ties by lot; nothing changed.');
    const refused = await t.h.run('bob', 'settings ties batch', { channel: 'trip' });
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/convener/i);
    expect((await auditEntries()).some((e) => e.action === 'settings.ranked-ties')).toBe(false);

    await t.h.run('alice', 'settings locale vi --workspace', { admin: true });
    const viSame = await t.h.run('alice', 'settings ties lot', { channel: 'trip' });
    expect(viSame.text).toContain('Trip vốn đã xử lý hòa phiếu trong bỏ phiếu xếp hạng theo cách lot; không có gì thay đổi.');
    const viSet = await t.h.run('alice', 'settings ties batch', { channel: 'trip' });
    expect(viSet.text).toContain('Từ nay các đề xuất bỏ phiếu xếp hạng mở trong Trip sẽ loại cùng lúc mọi phương án cùng ít phiếu nhất. Các đề xuất đang mở giữ nguyên thiết lập cũ.');
    const viLot = await t.h.run('alice', 'settings ties lot', { channel: 'trip' });
    expect(viLot.text).toContain('Từ nay các đề xuất bỏ phiếu xếp hạng mở trong Trip sẽ bốc thăm khi nhiều phương án cùng ít phiếu nhất, vào lúc việc bỏ phiếu kết thúc. Các đề xuất đang mở giữ nguyên thiết lập cũ.');
  });

  it('refuses --ties on other rules and unknown modes, saying how to write it, and stores nothing', async () => {
    await t.h.group(['alice', 'bob'], 'Trip', 'trip');
    const poll = await t.h.run('alice', 'propose "Lunch" --rule poll --options "Pho|Bun" --ties lot', { channel: 'trip' });
    expect(poll.ok).toBe(false);
    expect(poll.text).toContain('--ties');
    expect(poll.text).toContain('ranked');
    const mode = await t.h.run('alice', 'settings ties coin', { channel: 'trip' });
    expect(mode.ok).toBe(false);
    expect(mode.text).toContain('lot');
    expect(mode.text).toContain('batch');
    const bad = await t.h.run('alice', 'propose "Trip" --rule ranked --options "A|B" --ties coin', { channel: 'trip' });
    expect(bad.ok).toBe(false);
    expect(bad.text).toMatch(/lot.*batch|batch.*lot/);
    await t.h.run('alice', 'settings locale vi --workspace', { admin: true });
    const viPoll = await t.h.run('alice', 'propose "Lunch" --rule poll --options "Pho|Bun" --ties lot', { channel: 'trip' });
    expect(viPoll.ok).toBe(false);
    expect(viPoll.text).toContain('--ties');
    const viMode = await t.h.run('alice', 'settings ties coin', { channel: 'trip' });
    expect(viMode.ok).toBe(false);
    expect(viMode.text).toMatch(/lot.*batch|batch.*lot/);
    const [row] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from proposals`));
    expect(row!.n).toBe(0);
    expect((await auditEntries()).some((e) => e.action === 'settings.ranked-ties')).toBe(false);
  });
});
