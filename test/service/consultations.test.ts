// Stakeholders consulted on a proposal, through the core and a real database: asking their contact and representatives
// once, in their language; who may advise and what the advice replaces; the card, `proposal` and `stakeholder show`;
// and that nothing names a member who advised as a representative.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { expectReplies, useHarness } from '../support/harness.js';

const t = useHarness();
const { ok, refused } = expectReplies(t);


const rows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(query));

/** Budget (open, #budget) with alice as convener; S-1 has carol as contact and bob (in Vietnamese) as representative, S-2 dan, S-3 nobody. */
async function consultedSetup() {
  await t.h.group(['alice', 'bob', 'carol', 'dan']);
  await ok('alice', 'stakeholder add "Riverside Residents" --kind community --sector community --contact @carol');
  await ok('alice', 'stakeholder add "City Council" --kind organisation --sector government');
  await ok('alice', 'stakeholder add "Chamber of Commerce" --kind organisation --sector business');
  await ok('alice', 'stakeholder add "Press Club" --kind organisation --sector other');
  await ok('bob', 'settings locale vi');
  await ok('bob', 'profile --represents S-1');
  await ok('dan', 'profile --represents S-2 --sector government');
  t.h.messenger.take();
}

describe('consulting stakeholders', () => {
  it('stores the consultation, asks the contact and the representatives once each, in their language, and tells the proposer only which stakeholders were asked', async () => {
    await consultedSetup();
    const reply = await ok('alice', 'propose "Open the garden on Sundays" --rule consent --consult S-1,s2,3', { channel: 'budget' });
    expect(reply).toContain('Asked for advice on #1: S-1 Riverside Residents, S-2 City Council.');
    expect(reply).toContain('Nobody could be asked for advice for S-3 "Chamber of Commerce"');
    // Who was asked is each member's private declaration (a contact apart): the proposer is not told.
    expect(reply).not.toMatch(/bob|dan/);

    const sent = t.h.messenger.take();
    const dms = sent.filter((m) => m.kind === 'dm');
    expect(dms.map((m) => m.to).sort()).toEqual(['bob', 'carol', 'dan']);
    const bob = dms.find((m) => m.to === 'bob')!.text;
    expect(bob).toContain('Bạn được hỏi ý kiến về đề xuất #1: Open the garden on Sundays');
    expect(bob).toContain('S-1 Riverside Residents: bạn đã cho biết mình đại diện cho bên này');
    expect(bob).toContain('/concord advise 1 S-1');
    const carol = dms.find((m) => m.to === 'carol')!.text;
    expect(carol).toContain('Your advice is asked on proposal #1: Open the garden on Sundays');
    expect(carol).toContain('S-1 Riverside Residents: you are its contact');
    expect(dms.find((m) => m.to === 'dan')!.text).toContain('S-2 City Council: you said you represent it');
    // Nobody's message names another member asked.
    for (const dm of dms) expect(dm.text).not.toMatch(/@(bob|carol|dan)/);

    const card = sent.find((m) => m.kind === 'post' && m.to === 'budget')!.text;
    expect(card).toContain('S-1 Riverside Residents — awaiting advice');
    expect(card).toContain('S-3 Chamber of Commerce — awaiting advice');

    expect(await rows<{ n: number }>(sql`select stakeholder_id::int as n from proposal_consultations order by stakeholder_id`)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const entries = await rows<{ action: string; data: Record<string, unknown> }>(sql`select action, data from audit_log where action = 'proposal.consulted'`);
    expect(entries).toEqual([{ action: 'proposal.consulted', data: { stakeholders: [1, 2, 3] } }]);

    // Votes, card refreshes and the close ask nobody again.
    await ok('bob', 'vote 1 consent');
    await ok('alice', 'close 1');
    expect(t.h.messenger.take().filter((m) => m.kind === 'dm')).toEqual([]);
  });

  it('refuses unknown, repeated, too many and unshared stakeholders, with nothing stored', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'stakeholder add "Riverside Residents" --kind community --sector community');
    await ok('alice', 'group create Board --private', { channel: 'board' });
    await ok('alice', 'stakeholder add "Donor Circle" --kind organisation --sector business --group Board');
    expect(await refused('alice', 'propose "A" --rule consent --consult S-9 --group Budget')).toContain('There is no stakeholder S-9.');
    expect(await refused('alice', 'propose "A" --rule consent --consult S-1,s-1 --group Budget')).toContain('S-1 is named twice in `--consult`.');
    expect(await refused('alice', 'propose "A" --rule consent --consult 1,2,3,4,5,6,7,8,9,10,11 --group Budget')).toContain('`--consult` names at most 10 stakeholders; you gave 11.');
    expect(await refused('alice', 'propose "A" --rule consent --consult S-1,council --group Budget')).toContain('should name a stakeholder by its number');
    // Bob may not read Board, so its stakeholder does not exist for him.
    expect(await refused('bob', 'propose "A" --rule consent --consult S-2 --group Budget')).toContain('There is no stakeholder S-2.');
    // Alice may, but the members of Budget may not: it would show on Budget's card.
    expect(await refused('alice', 'propose "A" --rule consent --consult S-2 --group Budget')).toContain('S-2 "Donor Circle" is filed under another private group');
    expect(await refused('alice', 'propose "A" --rule consent --consult S-2 --group Budget', { locale: 'vi' })).toContain('S-2 "Donor Circle" thuộc một nhóm riêng tư khác');
    // Filed under the proposal's own group it is fine.
    await ok('alice', 'propose "B" --rule consent --consult S-2 --group Board');
    expect(await rows<{ n: number }>(sql`select count(*)::int as n from proposals`)).toEqual([{ n: 1 }]);
    await ok('alice', 'stakeholder remove S-1');
    expect(await refused('alice', 'propose "C" --rule consent --consult S-1 --group Budget')).toContain('There is no stakeholder S-1.');
  });

  it('asks only members who may read a private group\'s proposal', async () => {
    await ok('alice', 'group create Board --private', { channel: 'board' });
    await ok('alice', 'group invite @bob --group Board');
    await ok('bob', 'group join Board');
    await ok('alice', 'stakeholder add "Donor Circle" --kind organisation --sector business --group Board --contact @erin');
    await ok('bob', 'profile --represents S-1');
    await ok('alice', 'group invite @carol --group Board');
    await ok('carol', 'profile --represents S-1');
    await ok('alice', 'group uninvite @carol --group Board');
    t.h.messenger.take();
    const reply = await ok('alice', 'propose "Budget 2027" --rule majority --consult S-1 --group Board');
    expect(reply).toContain('Asked for advice on #1: S-1 Donor Circle.');
    // erin (the contact) and carol (no longer invited) cannot read Board.
    expect(t.h.messenger.take().filter((m) => m.kind === 'dm').map((m) => m.to)).toEqual(['bob']);
  });
});

describe('advice', () => {
  it('is given by a representative or the contact while the proposal is open, replaced when given again, and shown as the stakeholder\'s', async () => {
    await consultedSetup();
    await ok('alice', 'propose "Open the garden on Sundays" --rule consent --consult S-1,S-2', { channel: 'budget' });
    t.h.messenger.take();

    expect(await refused('alice', 'advise 1 S-1 "Fine by us"')).toContain('Only the contact of S-1 "Riverside Residents" or a member who represents it can give its advice on #1.');
    expect(await refused('dan', 'advise 1 S-1 "Fine by us"')).toContain('Only the contact of S-1');
    expect(await refused('alice', 'advise 1 S-4 "Fine by us"')).toContain('Proposal #1 did not ask S-4 "Press Club" for advice.');
    expect(await refused('alice', 'advise 2 S-1 "Fine by us"')).toContain('There is no proposal #2.');
    expect(await refused('alice', 'advise 1 S-9 "Fine by us"')).toContain('There is no stakeholder S-9.');

    expect(await ok('bob', 'advise 1 S-1 "Họp sau 18:00 để cư dân đến được"', { locale: 'vi' })).toContain('Đã ghi ý kiến của bạn về #1 cho S-1 "Riverside Residents". Ý kiến được hiện là ý kiến của S-1, không kèm tên bạn.');
    const updated = t.h.messenger.take().filter((m) => m.kind === 'update').at(-1)!.text;
    expect(updated).toContain('S-1 Riverside Residents — answered');
    expect(updated).toContain('S-2 City Council — awaiting advice');
    // The group's card says who answered, not what: the advice is read with `proposal 1`.
    expect(updated).not.toContain('18:00');

    expect(await ok('bob', 'advise 1 S-1 Hold it after 18:00 so residents can come')).toContain('Ý kiến mới của bạn về #1 cho S-1 "Riverside Residents" đã thay ý kiến trước.');
    expect(await ok('bob', 'advise 1 S-1 "Hold it after 18:00 so residents can come"')).toContain('Ý kiến của bạn về #1 cho S-1 "Riverside Residents" vốn đã như vậy. Không có gì thay đổi.');
    expect(await ok('carol', 'advise 1 S-1 "The residents\' board agrees."')).toContain('Recorded your advice on #1 for S-1 "Riverside Residents", as its contact.');
    expect(await rows<{ advice: string }>(sql`select advice from proposal_advice order by given_at`)).toEqual([
      { advice: 'Hold it after 18:00 so residents can come' },
      { advice: "The residents' board agrees." },
    ]);

    const shown = await ok('alice', 'proposal 1');
    expect(shown).toContain('Advice from consulted stakeholders');
    expect(shown).toContain('S-1 Riverside Residents: Hold it after 18:00 so residents can come');
    expect(shown).toContain("S-1 Riverside Residents: The residents' board agrees.");
    expect(shown).not.toMatch(/@bob|@carol/);

    // The representative's entries name nobody; the contact, a public role, is named.
    const entries = await rows<{ actor: number | null; data: Record<string, unknown> }>(
      sql`select actor_id as actor, data from audit_log where action = 'proposal.advised' order by seq`,
    );
    const carolId = (await rows<{ id: number }>(sql`select id from members where external_id = 'carol'`))[0]!.id;
    expect(entries).toEqual([
      { actor: null, data: { proposal: 1, stakeholder: 1 } },
      { actor: null, data: { proposal: 1, stakeholder: 1, replaced: true } },
      { actor: carolId, data: { proposal: 1, stakeholder: 1 } },
    ]);
    const audit = await ok('alice', 'audit');
    expect(audit).toContain("A member gave a consulted stakeholder's advice on proposal #1 (a representative is not named)");
    expect(audit).toContain("@carol gave a consulted stakeholder's advice on proposal #1");
    expect(audit).not.toMatch(/@bob gave/);
    expect(audit).toContain('Stakeholder: S-1');
    expect(await ok('alice', 'audit', { locale: 'vi' })).toContain('Một thành viên đã gửi ý kiến của một bên liên quan được hỏi về');

    await ok('alice', 'close 1');
    expect(await refused('dan', 'advise 1 S-2 "Too late?"')).toContain('Proposal #1 is closed: advice is taken only while it is open.');
    const result = t.h.messenger.take().find((m) => m.kind === 'post' && m.text.includes('Result of proposal #1'))!.text;
    expect(result).toContain('S-1 Riverside Residents — answered');
    expect(result).toContain('S-2 City Council — awaiting advice');
  });
});

describe('stakeholder show', () => {
  it('lists the decisions a stakeholder was consulted on that the reader may read, with whether it gave advice', async () => {
    await consultedSetup();
    await ok('alice', 'propose "Open the garden on Sundays" --rule consent --consult S-1,S-2', { channel: 'budget' });
    await ok('alice', 'propose "Paint the fence" --rule majority --consult S-2', { channel: 'budget' });
    await ok('alice', 'group create Board --private', { channel: 'board' });
    await ok('alice', 'propose "Secret budget" --rule majority --consult S-2 --group Board');
    await ok('dan', 'advise 2 S-2 "Use the council\'s paint"');
    await ok('alice', 'close 1');

    const council = await ok('carol', 'stakeholder show S-2');
    expect(council).toContain('Decisions it was consulted on');
    expect(council).toContain('#2 Paint the fence (open) — advice given');
    expect(council).toContain('#1 Open the garden on Sundays (closed) — no advice given');
    // Carol may not read Board.
    expect(council).not.toContain('Secret budget');
    expect(await ok('alice', 'stakeholder show S-2')).toContain('#3 Secret budget (open) — no advice given');
    expect(await ok('bob', 'stakeholder show S-2', { locale: 'vi' })).toContain('#2 Paint the fence (đang mở) — đã góp ý');
    expect(await ok('carol', 'stakeholder show S-4')).not.toContain('Decisions it was consulted on');
  });
});
