// Proposals through the core service on a real database (PGlite, or Postgres when TEST_DATABASE_URL is set).
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, DAY, HOUR, useHarness } from '../support/harness.js';
import { rowsOf } from '../../src/db/client.js';

const t = useHarness();

describe('groups', () => {
  it('makes the creator convener and lets others join; only conveners add members or set roles', async () => {
    const created = await t.h.run('alice', 'group create "Budget" --kind task-force', { channel: 'budget' });
    expect(created.ok).toBe(true);
    expect(created.text).toContain('Budget');
    expect((await t.h.run('bob', 'group join', { channel: 'budget' })).ok).toBe(true);
    const refused = await t.h.run('bob', 'group add @carol', { channel: 'budget' });
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/convener/i);
    expect((await t.h.run('alice', 'group add @carol @dan', { channel: 'budget' })).ok).toBe(true);
    expect((await t.h.run('alice', 'group role @dan observer', { channel: 'budget' })).ok).toBe(true);
    const info = await t.h.run('bob', 'group info Budget');
    expect(info.text).toMatch(/Conveners: @alice/);
    expect(info.text).toMatch(/Members: @bob, @carol/);
    expect(info.text).toMatch(/Observers: @dan/);
    const leave = await t.h.run('alice', 'group leave Budget');
    expect(leave.ok).toBe(false);
    expect(leave.text).toMatch(/at least one convener/);
  });

  it('refuses a duplicate group name whatever its case', async () => {
    await t.h.run('alice', 'group create "Budget"');
    const again = await t.h.run('bob', 'group create "budget"');
    expect(again.ok).toBe(false);
    expect(again.text).toMatch(/already exists/);
  });
});

describe('consensus proposal lifecycle', () => {
  it('posts a card, records votes, requires a reason to block, and closes at the deadline', async () => {
    await t.h.group(['alice', 'bob', 'carol', 'dan']);
    const created = await t.h.run('alice', 'propose "Adopt the 2027 budget" --rule consensus --closes "in 3 days" --quorum 50%', { channel: 'budget' });
    expect(created.ok).toBe(true);
    expect(created.text).toContain('#1');
    const [post] = t.h.messenger.take();
    expect(post).toMatchObject({ kind: 'post', to: 'budget' });
    expect(post!.text).toContain('Adopt the 2027 budget');
    expect(post!.text).toMatch(/2 more ballots needed for quorum/);
    expect(post!.view.type === 'card' && post!.view.actions.map((a) => a.command)).toEqual([
      'vote 1 agree',
      'vote 1 abstain',
      'vote 1 disagree',
      'vote 1 block',
    ]);

    const noReason = await t.h.run('bob', 'vote 1 block');
    expect(noReason.ok).toBe(false);
    expect(await countBallots()).toBe(0);

    expect((await t.h.run('bob', 'vote 1 agree')).ok).toBe(true);
    const updates = t.h.messenger.take();
    expect(updates.map((s) => s.kind)).toEqual(['update']);
    expect(updates[0]!.text).toMatch(/1 of 4 members/);

    expect((await t.h.run('carol', 'vote 1 agree')).ok).toBe(true);
    const changed = await t.h.run('bob', 'vote 1 block "We have not costed the venue"');
    expect(changed.ok).toBe(true);
    expect(changed.text).toMatch(/now/);
    expect(await countBallots()).toBe(2);
    t.h.messenger.take();

    await t.h.advance(3 * DAY);
    const sent = t.h.messenger.take();
    const result = sent.find((s) => s.kind === 'post');
    expect(result?.text).toMatch(/did not pass/);
    expect(result?.text).toMatch(/block/i);
    const late = await t.h.run('dan', 'vote 1 agree');
    expect(late.ok).toBe(false);
    expect(late.text).toMatch(/closed/);
  });

  it('reminds only members who have not voted, 24 hours before the deadline', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Move the meeting" --rule consent --closes "in 2 days"', { channel: 'budget' });
    await t.h.run('bob', 'vote 1 consent');
    t.h.messenger.take();
    await t.h.advance(DAY + HOUR);
    const dms = t.h.messenger.take().filter((s) => s.kind === 'dm');
    expect(dms.map((d) => d.to).sort()).toEqual(['alice', 'carol']);
    expect(dms[0]!.text).toMatch(/Reminder/);
  });

  it('closes early when every eligible member has voted', async () => {
    await t.h.group(['alice', 'bob']);
    await t.h.run('alice', 'propose "Adopt" --rule majority --closes "in 5 days"');
    await t.h.run('alice', 'vote 1 yes');
    const last = await t.h.run('bob', 'vote 1 no');
    expect(last.text).toMatch(/Everyone has voted/);
    const proposal = await t.h.run('alice', 'proposal 1');
    expect(proposal.text).toMatch(/did not pass/);
  });

  it('refuses votes from non-members and observers, with the reason', async () => {
    await t.h.group(['alice', 'bob']);
    await t.h.run('alice', 'group add @olga');
    await t.h.run('alice', 'group role @olga observer');
    await t.h.run('alice', 'propose "Adopt" --rule majority');
    const outsider = await t.h.run('zed', 'vote 1 yes');
    expect(outsider.ok).toBe(false);
    expect(outsider.text).toMatch(/Only members of "Budget"/);
    const observer = await t.h.run('olga', 'vote 1 yes');
    expect(observer.ok).toBe(false);
    expect(observer.text).toMatch(/Observers/);
    await t.h.run('dora', 'group join Budget');
    const late = await t.h.run('dora', 'vote 1 yes');
    expect(late.text).toMatch(/joined after/);
  });
});

describe('anonymous and hidden results', () => {
  it('never shows who voted what on an anonymous proposal, not even in the audit log', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Pick a venue" --rule poll --options "Hall|Park|Online" --anonymous');
    await t.h.run('bob', 'vote 1 Park');
    // The audit view does not list anonymous ballots one by one at all (see test/service/audit.test.ts).
    const audit = await t.h.run('alice', 'audit');
    expect(audit.text).toMatch(/opened proposal #1/);
    expect(audit.text).not.toMatch(/voted on proposal #1|Park|@bob voted/);
    const shown = await t.h.run('alice', 'proposal 1');
    expect(shown.text).not.toMatch(/@bob/);
    const rows = rowsOf<{ data: unknown }>(await t.database.db.execute(sql`select data from audit_log where action = 'ballot.cast'`));
    expect(JSON.stringify(rows)).not.toContain('Park');
  });

  it('names each member who voted, once however often they changed their vote, on a proposal that is not anonymous', async () => {
    await t.h.group(['alice', 'bob', 'carol', 'dan']);
    await t.h.run('alice', 'propose "Open the books" --rule majority');
    await t.h.run('bob', 'vote 1 yes');
    await t.h.run('carol', 'vote 1 no');
    await t.h.run('bob', 'vote 1 no');
    const shown = await t.h.run('dan', 'proposal 1');
    const voted = shown.text.split('\n').find((line) => line.trim().startsWith('Voted:'));
    expect(voted?.match(/@\w+/g)?.sort()).toEqual(['@bob', '@carol']);
  });

  it('shows only the turnout until the member has voted with --hide-results until-vote', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Pick" --rule poll --options "A|B" --hide-results until-vote');
    await t.h.run('bob', 'vote 1 A');
    const before = await t.h.run('carol', 'proposal 1');
    expect(before.text).toMatch(/hidden until you vote/);
    expect(before.text).toMatch(/1 of 3/);
    const bobSees = await t.h.run('bob', 'proposal 1');
    expect(bobSees.text).toMatch(/A: 1/);
    const card = t.h.messenger.take().filter((s) => s.kind === 'update').at(-1);
    expect(card?.text).toMatch(/hidden until you vote/);
  });
});

async function ballotsCast(): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select ballots_cast as n from proposals where number = 1`));
  return Number(row!.n);
}

describe('idempotency and concurrency', () => {
  it('applies the same idempotency key once and replays the first reply', async () => {
    await t.h.group(['alice', 'bob']);
    const first = await t.h.run('alice', 'propose "Once" --rule consent', { key: 'evt-1' });
    const again = await t.h.run('alice', 'propose "Once" --rule consent', { key: 'evt-1' });
    expect(again.replayed).toBe(true);
    expect(again.text).toBe(first.text);
    const list = await t.h.run('alice', 'proposals');
    expect(list.text.match(/Once/g)).toHaveLength(1);
  });

  it('keeps exactly one ballot when a member clicks two choices at the same moment', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Clicks" --rule majority');
    await Promise.all([t.h.exec('bob', 'vote 1 yes'), t.h.exec('bob', 'vote 1 no'), t.h.exec('bob', 'vote 1 abstain')]);
    expect(await countBallots()).toBe(1);
    expect(await ballotsCast()).toBe(1);
  });

  it('loses no ballot and counts none twice when 300 members vote at once', async () => {
    const members = Array.from({ length: 300 }, (_, i) => `m${i}`);
    await t.h.run('alice', 'group create "Assembly"', { channel: 'assembly' });
    await t.h.run('alice', `group add ${members.map((m) => `@${m}`).join(' ')}`, { channel: 'assembly' });
    await t.h.run('alice', 'propose "Big vote" --rule majority --closes "in 1 day"', { channel: 'assembly' });
    const replies = await Promise.all(members.map((m, i) => t.h.exec(m, `vote 1 ${i % 3 === 0 ? 'no' : 'yes'}`)));
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(await countBallots()).toBe(300);
    // The count every vote reads instead of counting ballots: kept exact under concurrency and changed votes.
    await Promise.all(members.slice(0, 50).map((m, i) => t.h.exec(m, `vote 1 ${i % 3 === 0 ? 'no' : 'yes'}`)));
    expect(await ballotsCast()).toBe(300);
    await t.h.run('alice', 'close 1', { channel: 'assembly' });
    const shown = await t.h.run('alice', 'proposal 1');
    expect(shown.text).toMatch(/Yes: 200/);
    expect(shown.text).toMatch(/No: 100/);
    const verify = await t.h.run('alice', 'audit verify');
    expect(verify.text).toMatch(/intact/);
  });
});

describe('outcomes, reviews and the register', () => {
  it('records a decision with a review date that brings it back to the group', async () => {
    await t.h.group(['alice', 'bob']);
    await t.h.run('alice', 'propose "Adopt" --rule consent');
    await t.h.run('bob', 'vote 1 consent');
    await t.h.run('alice', 'vote 1 consent');
    const outcome = await t.h.run('alice', 'outcome 1 "We adopt the budget as drafted" --review "in 6 months"');
    expect(outcome.ok).toBe(true);
    const register = await t.h.run('bob', 'decisions');
    expect(register.text).toMatch(/We adopt the budget as drafted/);
    t.h.messenger.take();
    await t.h.advance(190 * DAY);
    const review = t.h.messenger.take().find((s) => s.text.includes('review'));
    expect(review?.to).toBe('budget');
  });

  it('lets only the decider record an advice decision', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "New logo" --rule advice --decider @carol');
    await t.h.run('bob', 'vote 1 concern "Too busy"');
    const notDecider = await t.h.run('alice', 'outcome 1 "Go"');
    expect(notDecider.ok).toBe(false);
    const decided = await t.h.run('carol', 'outcome 1 "We go with the simpler logo"');
    expect(decided.ok).toBe(true);
    expect((await t.h.run('bob', 'decisions')).text).toMatch(/simpler logo/);
  });

  it('lets the proposer or a convener withdraw, nobody else', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('bob', 'propose "Mine" --rule consent');
    expect((await t.h.run('carol', 'withdraw 1')).ok).toBe(false);
    expect((await t.h.run('alice', 'withdraw 1')).ok).toBe(true);
    expect((await t.h.run('carol', 'vote 1 consent')).text).toMatch(/withdrawn/);
  });
});

describe('deadlines across restarts', () => {
  it('closes a proposal whose deadline passed while Concord was down, on the next start', async () => {
    await t.h.group(['alice', 'bob']);
    await t.h.run('alice', 'propose "Down" --rule consent --closes "in 1 hour"');
    await t.h.app.scheduler.stop();
    // A new process, two hours later, on the same database.
    const later = await createHarness(t.database, new Date(t.h.clock.now().getTime() + 2 * HOUR));
    await later.tick();
    const shown = await later.run('alice', 'proposal 1');
    expect(shown.text).toMatch(/Closed: /);
  });
});

describe('audit log', () => {
  it('refuses UPDATE and DELETE, and audit verify names the first tampered entry', async () => {
    await t.h.group(['alice', 'bob']);
    await t.h.run('alice', 'propose "Audit me" --rule consent');
    await t.h.run('bob', 'vote 1 consent');
    expect((await t.h.run('alice', 'audit verify')).text).toMatch(/intact/);
    await expect(t.database.db.execute(sql`update audit_log set action = 'x' where seq = 2`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log where seq = 2`)).rejects.toThrow();
    // Someone with owner rights disables the trigger and edits history.
    await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await t.database.db.execute(sql`update audit_log set data = '{"name":"Forged"}'::jsonb where seq = 2`);
    await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const verify = await t.h.run('alice', 'audit verify');
    expect(verify.ok).toBe(true);
    expect(verify.text).toMatch(/entry #2 does not match/);
  });
});

async function countBallots(): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(await t.database.db.execute(sql`select count(*)::int as n from ballots`));
  return Number(row?.n ?? 0);
}

describe('cards and the register tell the truth', () => {
  it('labels fist-of-five choices and shows no quorum for the advice process', async () => {
    await t.h.group(['alice', 'bob']);
    await t.h.run('alice', 'propose "Style guide" --rule fist-of-five');
    await t.h.run('bob', 'vote 1 4');
    const card = await t.h.run('alice', 'proposal 1');
    expect(card.text).not.toMatch(/choice\./);
    await t.h.run('alice', 'propose "Ask" --rule advice --quorum 50%');
    expect((await t.h.run('alice', 'proposal 2')).text).not.toMatch(/quorum/i);
  });

  it('shows an advice process as decided once the decider records the decision', async () => {
    await t.h.group(['alice', 'bob']);
    await t.h.run('alice', 'propose "Logo" --rule advice');
    await t.h.run('bob', 'vote 1 support "Go for it"');
    await t.h.run('alice', 'outcome 1 "Draft B, recoloured" --review "in 3 months"');
    const register = await t.h.run('bob', 'decisions');
    expect(register.text).toMatch(/#1 Logo — decided/);
    expect(register.text).toMatch(/Review on .*2027/);
    expect((await t.h.run('bob', 'proposal 1')).text).toMatch(/Closed: decided/);
  });

  it('keeps hidden results hidden when a proposal is withdrawn', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Day" --rule poll --options "Mon|Fri" --hide-results until-close');
    await t.h.run('bob', 'vote 1 Mon');
    await t.h.run('alice', 'withdraw 1');
    const last = t.h.messenger.take().filter((s) => s.kind === 'update').at(-1);
    expect(last?.text).toMatch(/hidden/);
    expect(last?.text).not.toMatch(/Mon: 1/);
  });

  it('lists ranked rounds in the proposal\'s option order', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await t.h.run('alice', 'propose "Trip" --rule ranked --options "Da Lat|Hoi An|Sa Pa"');
    await t.h.run('alice', 'vote 1 "Sa Pa>Hoi An"');
    await t.h.run('bob', 'vote 1 "Sa Pa>Da Lat"');
    await t.h.run('carol', 'vote 1 "Hoi An>Sa Pa"');
    const result = t.h.messenger.take().find((s) => s.kind === 'post' && s.text.includes('Result of proposal #1'));
    expect(result?.text).toMatch(/Round 1: Da Lat 0, Hoi An 1, Sa Pa 2/);
    expect(result?.text).not.toMatch(/%/);
  });

  it('writes dates inside errors in the member\'s language', async () => {
    await t.h.group(['alice', 'bob']);
    await t.h.run('alice', 'settings locale vi');
    const refused = await t.h.run('alice', 'propose "Late" --rule consent --closes "2026-11-01 10:00"');
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/01\/11\/2026/);
  });

  it('answers a language change in the new language, and says so in the reply, for members who follow the workspace', async () => {
    await t.h.group(['alice', 'bob']);
    const mine = await t.h.run('bob', 'settings locale vi');
    expect([mine.locale, mine.text]).toEqual(['vi', expect.stringContaining('tiếng Việt')]);
    // Alice has no language of her own, so the workspace's is hers; Bob keeps the one he chose.
    const workspace = await t.h.run('alice', 'settings locale vi --workspace', { admin: true });
    expect([workspace.locale, workspace.text]).toEqual(['vi', expect.stringContaining('Ngôn ngữ của không gian làm việc giờ là vi')]);
    const workspaceAgain = await t.h.run('alice', 'settings locale en --workspace', { admin: true });
    expect([workspaceAgain.locale, workspaceAgain.text]).toEqual(['en', expect.stringContaining('The workspace language is now en')]);
    expect((await t.h.run('bob', 'settings')).locale).toBe('vi');
  });

  it('after a long stop, closes the proposal and sends no reminder for the deadline that passed', async () => {
    await t.h.group(['alice', 'bob']);
    await t.h.run('alice', 'propose "Order" --rule consent --closes "in 2 days"');
    t.h.messenger.take();
    t.h.clock.set(new Date(t.h.clock.now().getTime() + 3 * DAY));
    await t.h.tick();
    const sent = t.h.messenger.take();
    expect(sent.filter((s) => s.kind === 'dm')).toEqual([]);
    expect(sent.some((s) => s.text.includes('Result of proposal #1'))).toBe(true);
  });
});
