// Participation by sector through the core and a real database: on the proposal card, its reminders and its result,
// small cells suppressed in each; frozen at close; the `inclusion` report for a proposal and for a group (with
// --since, and refused like a missing group for a private one); the threshold setting; and the once-only invitation
// to vote for the non-voters of under-represented sectors, in their language, with the result's inclusion note.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { DAY, HOUR, expectReplies, useHarness } from '../support/harness.js';

const t = useHarness();
const { ok, refused } = expectReplies(t);


/** alice convenes Budget; each other member joins and declares their sector (none for those under `undeclared`). */
async function budget(sectors: Record<string, string[]>) {
  const all = Object.values(sectors).flat();
  await t.h.group(['alice', ...all.filter((m) => m !== 'alice')]);
  for (const [sector, members] of Object.entries(sectors)) {
    if (sector === 'undeclared') continue;
    for (const m of members) await ok(m, `profile --sector ${sector}`);
  }
  t.h.messenger.take();
}

const remindJobsAgain = () =>
  t.database.db.execute(sql`update jobs set status = 'pending', done_at = null, run_at = ${t.h.clock.now().toISOString()}::timestamptz where key like 'proposal:%:remind'`);

describe('participation on the card, the reminders and the result', () => {
  it('shows counts by sector with small cells suppressed everywhere, and freezes them at close', async () => {
    await ok('alice', 'settings inclusion-min-cell 3', { admin: true });
    // community 5, business 2 (below the cell of 3), undeclared 4 (alice, u1, u2, u3): 11 eligible.
    await budget({ community: ['c1', 'c2', 'c3', 'c4', 'c5'], business: ['b1', 'b2'], undeclared: ['alice', 'u1', 'u2', 'u3'] });
    await ok('alice', 'propose "Open the garden on Sundays" --rule consent --closes "in 2 days"', { channel: 'budget' });
    const [post] = t.h.messenger.take();
    expect(post!.text).toContain('Participation by sector');
    // Nobody has voted yet: 0 is a count below the cell too.
    expect(post!.text).toContain('community: fewer than 3 of 5 voted');
    // Business has 2 eligible: hidden, and the next smallest (undeclared, 4) with it, so 2 cannot be worked out from 11.
    expect(post!.text).toContain('business: fewer than 3 of fewer than 3 voted');
    expect(post!.text).toContain('no sector declared: fewer than 3 of fewer than 3 voted');
    expect(post!.text).not.toMatch(/of [24] voted/);

    for (const m of ['c1', 'c2', 'c3', 'c4', 'b1']) await ok(m, 'vote 1 consent');
    const card = t.h.messenger.take().filter((s) => s.kind === 'update').at(-1)!;
    // community: 4 of 5 voted; its share of voters 4/5 over its share of the eligible 5/11.
    expect(card.text).toContain('community: 4 of 5 voted · ratio 1.76');
    expect(card.text).toContain('business: fewer than 3 of fewer than 3 voted · ratio withheld');
    expect(card.text).not.toContain('business: 1');

    // The reminder: members who declared no sector have not voted at all, so they are invited; the others are reminded.
    await t.h.advance(DAY + HOUR);
    const dms = t.h.messenger.take().filter((s) => s.kind === 'dm');
    const invited = dms.filter((d) => d.text.includes('Your vote is invited')).map((d) => d.to).sort();
    expect(invited).toEqual(['alice', 'u1', 'u2', 'u3']);
    expect(dms.filter((d) => d.text.includes('Reminder')).map((d) => d.to).sort()).toEqual(['b2', 'c5']);
    const invitation = dms.find((d) => d.to === 'u1')!.text;
    expect(invitation).toContain('Members who, like you, have not declared a sector are under-represented among those who have voted so far in Budget.');
    expect(invitation).toContain('business: fewer than 3 of fewer than 3 voted');
    expect(invitation).not.toMatch(/no sector declared: 0|business: 1/);

    await ok('alice', 'close 1');
    const result = t.h.messenger.take().find((s) => s.kind === 'post')!;
    expect(result.text).toContain('Result of proposal #1');
    expect(result.text).toContain('community: 4 of 5 voted · ratio 1.76');
    expect(result.text).toContain('business: fewer than 3 of fewer than 3 voted');
    // Undeclared was below the threshold, but its figures are withheld: the note does not name it.
    expect(result.text).toContain('Inclusion note: When voting ended, these were under-represented among those who voted: at least one sector too small to name (fewer than 3 members).');
    expect(result.text).not.toContain('voted: no sector declared');

    // Profiles changed afterwards do not change the result.
    await ok('b2', 'profile --sector community');
    await ok('u1', 'profile --sector community');
    const later = await ok('carol', 'inclusion 1');
    expect(later).toContain('Closed: the figures frozen when voting ended.');
    expect(later).toContain('community: could vote: 5 (45%) · voted: 4 (80%) · ratio 1.76');
    expect(later).toContain('business: could vote: fewer than 3 (withheld) · voted: fewer than 3 (withheld) · ratio withheld');
    expect(later).toContain('Counts below 3 show only as "fewer than 3"');
    expect(await ok('alice', 'proposal 1')).toContain('community: 4 of 5 voted · ratio 1.76');
    const [stored] = rowsOf<{ participation: { sectors: unknown[]; below: string[] } }>(await t.database.db.execute(sql`select participation from proposals`));
    expect(stored!.participation.below).toEqual(['undeclared']);
  });
});

describe('participation on an anonymous proposal', () => {
  it('shows who took part by sector, under the same cell, and nothing of what anyone chose', async () => {
    await ok('alice', 'settings inclusion-min-cell 2', { admin: true });
    await budget({ community: ['alice', 'c1', 'c2'], government: ['g1', 'g2'] });
    await ok('alice', 'propose "Pick a venue" --rule poll --options "Hall|Park" --anonymous', { channel: 'budget' });
    await ok('c1', 'vote 1 Hall');
    await ok('c2', 'vote 1 Park');
    await ok('g1', 'vote 1 Hall');
    await ok('g2', 'vote 1 Hall');
    const card = t.h.messenger.take().filter((s) => s.kind === 'update').at(-1)!.text;
    expect(card).toContain('community: 2 of 3 voted');
    expect(card).toContain('government: 2 of 2 voted');
    expect(card).not.toMatch(/@c1|@c2|@g1|@g2/);
  });
});

describe('the invitation to vote', () => {
  it('goes once to the non-voters of an under-represented sector, in their language, and the result names the sector', async () => {
    await ok('alice', 'settings inclusion-min-cell 2', { admin: true });
    // community 5 (alice, c1..c4), government 7 (g1..g7).
    await budget({ community: ['alice', 'c1', 'c2', 'c3', 'c4'], government: ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7'] });
    await ok('g3', 'settings locale vi');
    await ok('alice', 'propose "Buy a shared printer" --rule consent --closes "in 2 days"', { channel: 'budget' });
    for (const m of ['c1', 'c2', 'c3', 'c4', 'g1', 'g2']) await ok(m, 'vote 1 consent');
    t.h.messenger.take();

    // government: 2 of 6 voters over 7 of 12 eligible = 0.57, below 0.6; community 1.6.
    await t.h.advance(DAY + HOUR);
    const dms = t.h.messenger.take().filter((s) => s.kind === 'dm');
    expect(dms.map((d) => d.to).sort()).toEqual(['alice', 'g3', 'g4', 'g5', 'g6', 'g7']);
    const english = dms.find((d) => d.to === 'g4')!.text;
    expect(english).toContain('Your vote is invited: proposal #1: Buy a shared printer');
    expect(english).toContain('Members who, like you, declared the government sector are under-represented among those who have voted so far in Budget.');
    expect(english).toContain('Nobody is told who was invited.');
    const vietnamese = dms.find((d) => d.to === 'g3')!.text;
    expect(vietnamese).toContain('Mời bạn bỏ phiếu: đề xuất #1: Buy a shared printer');
    expect(vietnamese).toContain('Những thành viên giống bạn, đã khai lĩnh vực nhà nước, đang có ít đại diện');
    // alice's sector is above the threshold: the ordinary reminder.
    expect(dms.find((d) => d.to === 'alice')!.text).toContain('Reminder');
    expect(dms.find((d) => d.to === 'alice')!.text).not.toContain('invited');

    // The reminder job again (a retry): reminders, but no second invitation and no second audit entry.
    await remindJobsAgain();
    await t.h.tick();
    const again = t.h.messenger.take().filter((s) => s.kind === 'dm');
    expect(again.length).toBeGreaterThan(0);
    expect(again.filter((d) => d.text.includes('Your vote is invited') || d.text.includes('Mời bạn bỏ phiếu'))).toEqual([]);

    const audit = await ok('alice', 'audit');
    expect(audit.match(/invited members of under-represented sectors to vote on proposal #1/g)).toHaveLength(1);
    expect(audit).toContain('Members invited: 5');
    for (const g of ['g3', 'g4', 'g5', 'g6', 'g7']) expect(audit).not.toMatch(new RegExp(`@${g}\\b.*invited`));

    await t.h.advance(DAY);
    const result = t.h.messenger.take().find((s) => s.kind === 'post' && s.text.includes('Result of proposal #1'))!;
    expect(result.text).toContain('government: 2 of 7 voted · ratio 0.57');
    expect(result.text).toContain('Inclusion note: When voting ended, these were under-represented among those who voted: government.');
  });

  it('is not sent when every sector is in proportion, nor to members who voted', async () => {
    await ok('alice', 'settings inclusion-min-cell 2', { admin: true });
    await budget({ community: ['alice', 'c1'], government: ['g1', 'g2'] });
    await ok('alice', 'propose "Paint the hall" --rule consent --closes "in 2 days"', { channel: 'budget' });
    await ok('c1', 'vote 1 consent');
    await ok('g1', 'vote 1 consent');
    t.h.messenger.take();
    await t.h.advance(DAY + HOUR);
    const dms = t.h.messenger.take().filter((s) => s.kind === 'dm');
    expect(dms.map((d) => d.to).sort()).toEqual(['alice', 'g2']);
    expect(dms.every((d) => d.text.includes('Reminder'))).toBe(true);
    await t.h.advance(DAY);
    const result = t.h.messenger.take().find((s) => s.kind === 'post')!;
    expect(result.text).toContain('Participation by sector');
    expect(result.text).not.toContain('Inclusion note');
  });
});

describe('the inclusion report for a group', () => {
  it('counts proposals, commitments and mediations by sector since a date, and hides a private group', async () => {
    await budget({ community: ['alice', 'c1', 'c2', 'c3', 'c4'], government: ['g1', 'g2', 'g3', 'g4', 'g5'] });
    await ok('alice', 'propose "First" --rule consent', { channel: 'budget' });
    for (const m of ['c1', 'c2', 'c3', 'c4', 'g1']) await ok(m, 'vote 1 consent');
    await t.h.advance(10 * DAY);
    await ok('alice', 'propose "Second" --rule consent', { channel: 'budget' });
    for (const m of ['alice', 'c1', 'g1', 'g2', 'g3', 'g4', 'g5']) await ok(m, 'vote 2 consent');
    await ok('c1', 'commit "Book the venue" --due "in 5 days"', { channel: 'budget' });

    const all = await ok('c2', 'inclusion --group Budget');
    expect(all).toContain('Proposals in Budget');
    expect(all).toContain('2 proposals: members who could vote on at least one');
    // Each member once: every community member voted on at least one.
    expect(all).toContain('community: could vote: 5 (50%) · voted: 5 (50%) · ratio 1.00');
    expect(all).toContain('Commitments in Budget');
    expect(all).toContain('1 commitment: the group\'s members, and those of them who own one.');
    // One owner: a count below the cell of 5, and the other sector's 0 with it.
    expect(all).toContain('community: members: 5 (50%) · own a commitment: fewer than 5 (withheld) · ratio withheld');
    expect(all).toContain('0 mediations (confidential ones are not counted)');
    expect(all).toContain('Mediations in Budget');

    const since = await ok('c2', 'inclusion --group Budget --since "5 days ago"');
    expect(since).toContain('1 proposal: members who could vote on at least one');
    // Two community members voted on the second: below the cell, and government's 5 is hidden with it, else 7 - 5 would tell.
    expect(since).toContain('community: could vote: 5 (50%) · voted: fewer than 5 (withheld) · ratio withheld');
    expect(since).toContain('government: could vote: 5 (50%) · voted: fewer than 5 (withheld) · ratio withheld');
    expect(since).toContain('All sectors: could vote: 10 · voted: 7');
    expect(since).toMatch(/Proposals in Budget since /);

    expect(await refused('c2', 'inclusion --group Budget --since "in 3 days"')).toContain('is still to come');
    expect(await refused('c2', 'inclusion 1 --group Budget')).toContain('Name a proposal or a group, not both');
    expect(await refused('c2', 'inclusion')).toContain('Name a proposal or a group, not both');

    await ok('alice', 'group create "HR" --kind committee --private', { channel: 'hr' });
    await ok('alice', 'propose "Hire" --rule consent', { channel: 'hr' });
    // A member outside the private group hears what a missing group or proposal gets.
    expect(await refused('c2', 'inclusion --group HR')).toContain('There is no group called "HR". Groups here: Budget.');
    expect(await refused('c2', 'inclusion 3')).toContain('There is no proposal #3.');
    expect(await ok('alice', 'inclusion --group HR')).toContain('Proposals in HR');
  });

  it('reads in Vietnamese', async () => {
    await budget({ community: ['alice', 'c1'] });
    await ok('alice', 'propose "Một" --rule consent', { channel: 'budget' });
    const vi = await ok('c1', 'inclusion 1', { locale: 'vi' });
    expect(vi).toContain('Mức tham gia theo lĩnh vực: đề xuất #1: Một');
    expect(vi).toContain('Đang mở: số liệu tại thời điểm này.');
    expect(vi).toContain('cộng đồng: được bỏ phiếu: dưới 5');
  });
});

describe('settings inclusion-threshold', () => {
  it('is for admins, takes 0.1 to 1, says when nothing changes and is audited', async () => {
    await t.h.group(['alice', 'bob']);
    expect(await refused('bob', 'settings inclusion-threshold 0.8')).toMatch(/admin/i);
    expect(await refused('alice', 'settings inclusion-threshold 0.05', { admin: true })).toContain('0.1');
    expect(await refused('alice', 'settings inclusion-threshold 1.5', { admin: true })).toContain('0.1');
    expect(await ok('alice', 'settings inclusion-threshold 0.8', { admin: true })).toContain('members of a sector whose representation ratio is below 0.80 are now invited to vote');
    expect(await ok('alice', 'settings inclusion-threshold 0.8', { admin: true })).toContain('The invitation threshold is already 0.80.');
    expect(await ok('alice', 'settings inclusion-threshold 0,7', { admin: true, locale: 'vi' })).toContain('dưới 0,70 sẽ được mời bỏ phiếu');
    expect(await ok('alice', 'settings')).toContain('Invitation threshold for under-represented sectors: 0.70');
    const audit = await ok('alice', 'audit');
    expect(audit.match(/changed the invitation threshold for under-represented sectors/g)).toHaveLength(2);
    expect(audit).toContain('Threshold: 0.7');
  });
});
