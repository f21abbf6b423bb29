// Commitments through the core service: reminders on time and once, rescheduling, escalation, the record.
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { DAY, HOUR, useHarness } from '../support/harness.js';

const t = useHarness();

beforeEach(async () => {
  // Tuesday 1 December 2026, 09:00 UTC.
  await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
  await t.h.run('bob', 'group join', { channel: 'budget' });
  t.h.messenger.take();
});

const dmsTo = (member: string) => t.h.messenger.take().filter((s) => s.kind === 'dm' && s.to === member);

describe('commitments', () => {
  it('reminds each owner 3 days, 1 day and 2 hours before, once each, with done, extend and blocked buttons', async () => {
    const made = await t.h.run('alice', 'commit "Draft the budget" --due "2026-12-10 15:00" --owner @bob,@carol', { channel: 'budget' });
    expect(made.ok).toBe(true);
    expect(made.text).toMatch(/Commitment #1 recorded: @bob, @carol/);
    expect(dmsTo('bob')[0]?.text).toMatch(/@alice named you owner of commitment #1/);
    await t.h.run('bob', 'commitment accept 1');
    await t.h.run('carol', 'commitment accept 1');
    t.h.messenger.take();
    await t.h.advance(6 * DAY + 7 * HOUR); // 7 Dec 16:00
    const first = t.h.messenger.take().filter((s) => s.kind === 'dm');
    expect(first.map((d) => d.to).sort()).toEqual(['bob', 'carol']);
    expect(first[0]!.text).toMatch(/Reminder: "Draft the budget" is due in 3 days/);
    const actions = first[0]!.view.type === 'card' ? first[0]!.view.actions : [];
    expect(actions.map((a) => a.command)).toEqual(['done 1', 'extend 1', 'blocked 1']);
    expect(actions[1]!.input).toMatchObject({ kind: 'form', fields: [{ flag: 'due' }, { flag: 'reason' }] });
    await t.h.advance(3 * DAY);
    const rest = t.h.messenger.take().filter((s) => s.kind === 'dm' && s.to === 'bob');
    expect(rest.map((d) => d.text.split('\n')[1])).toEqual([
      'Reminder: "Draft the budget" is due in 1 day.',
      'Reminder: "Draft the budget" is due in 2 hours.',
      expect.stringMatching(/was due on .* and is not marked done/),
    ]);
  });

  it('refuses a due date in the past and records nothing', async () => {
    const refused = await t.h.run('bob', 'commit "Too late" --due "2026-11-01 10:00"');
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/already passed/);
    expect((await t.h.run('bob', 'commitments --all')).text).toMatch(/No commitments/);
  });

  it('reschedules reminders when the due date moves, and removes them when cancelled or done', async () => {
    await t.h.run('bob', 'commit "Book the venue" --due "2026-12-04 12:00"', { channel: 'budget' });
    const extended = await t.h.run('bob', 'extend 1 --due "2026-12-20 12:00" --reason "Quotes are late"');
    expect(extended.ok).toBe(true);
    await t.h.advance(5 * DAY); // past the old due time
    expect(dmsTo('bob')).toEqual([]);
    const audit = await t.h.run('alice', 'audit');
    expect(audit.text).toContain('@bob extended commitment #1');
    expect(audit.text).toContain('Quotes are late');
    await t.h.run('bob', 'cancel 1');
    await t.h.advance(20 * DAY);
    expect(dmsTo('bob')).toEqual([]);
  });

  it('tells the owner just after the due time and the conveners after the grace period', async () => {
    await t.h.run('bob', 'commit "Send the minutes" --due "in 2 days"', { channel: 'budget' });
    t.h.messenger.take();
    await t.h.advance(2 * DAY + 60_000);
    expect(dmsTo('bob').at(-1)?.text).toMatch(/not marked done/);
    await t.h.advance(DAY);
    const escalation = t.h.messenger.take().filter((s) => s.kind === 'dm' && s.to === 'alice');
    expect(escalation).toHaveLength(1);
    expect(escalation[0]!.text).toMatch(/Commitment #1 \(@bob\) is overdue/);
    expect((await t.h.run('alice', 'commitments --overdue')).text).toMatch(/#1 Send the minutes/);
  });

  it('keeps score: on time, late, missed and open per member', async () => {
    await t.h.run('bob', 'commit "A" --due "in 1 day"', { channel: 'budget' });
    await t.h.run('bob', 'commit "B" --due "in 1 day"', { channel: 'budget' });
    await t.h.run('bob', 'commit "C" --due "in 1 day"', { channel: 'budget' });
    await t.h.run('alice', 'commit "D" --due "in 10 days"', { channel: 'budget' });
    await t.h.run('bob', 'done 1');
    await t.h.advance(2 * DAY);
    await t.h.run('bob', 'done 2 "Sorry, late"');
    const stats = await t.h.run('alice', 'commitments stats --group Budget');
    expect(stats.text).toMatch(/@bob\n\s+on time 1 · late 1 · missed 1 · open 0/);
    expect(stats.text).toMatch(/@alice\n\s+on time 0 · late 0 · missed 0 · open 1/);
  });

  it('lets only owners, the recorder and conveners change a commitment', async () => {
    await t.h.run('alice', 'commit "Chair the meeting" --due "in 3 days"', { channel: 'budget' });
    const stranger = await t.h.run('zed', 'done 1');
    expect(stranger.ok).toBe(false);
    expect(stranger.text).toMatch(/Only the owners/);
    const blocked = await t.h.run('alice', 'blocked 1 "Room is booked"');
    expect(blocked.ok).toBe(true);
    expect((await t.h.run('alice', 'commitment 1')).text).toMatch(/blocked \(Room is booked\)/);
  });

  it('reminds each owner in their own language and time zone', async () => {
    await t.h.run('bob', 'settings locale vi');
    await t.h.run('bob', 'settings timezone Asia/Ho_Chi_Minh');
    await t.h.run('alice', 'commit "Gửi biên bản" --due "2026-12-03 12:00" --owner @bob', { channel: 'budget' });
    await t.h.run('bob', 'commitment accept 1');
    t.h.messenger.take();
    await t.h.advance(2 * DAY);
    const dms = dmsTo('bob');
    expect(dms[0]!.text).toMatch(/Nhắc nhở: "Gửi biên bản" đến hạn/);
    expect(dms[0]!.text).toMatch(/GMT\+7/);
  });

  it('links a commitment to the decision it carries out', async () => {
    await t.h.run('alice', 'propose "Hire a facilitator" --rule consent', { channel: 'budget' });
    await t.h.run('alice', 'commit "Write the job description" --due "in 1 week" --proposal 1', { channel: 'budget' });
    expect((await t.h.run('alice', 'commitment 1')).text).toMatch(/Carries out: #1 Hire a facilitator/);
  });

  it('posts a weekly digest in the group channel with who has not voted and commitments completed', async () => {
    await t.h.run('alice', 'propose "Open ballot" --rule consent', { channel: 'budget' });
    await t.h.run('alice', 'propose "Secret ballot" --rule consent --anonymous', { channel: 'budget' });
    await t.h.run('bob', 'vote 1 consent');
    await t.h.run('bob', 'commit "Done early" --due "in 2 days"', { channel: 'budget' });
    expect((await t.h.run('bob', 'done 1')).ok).toBe(true);
    t.h.messenger.take();
    await t.h.advance(6 * DAY); // Monday 7 December 09:00
    const digest = t.h.messenger.take().find((s) => s.kind === 'post' && s.text.includes('This week in Budget'));
    expect(digest?.to).toBe('budget');
    expect(digest!.text).toMatch(/#1 Open ballot — 1 has not voted: @alice/);
    expect(digest!.text).toMatch(/#2 Secret ballot — 2 have not voted\n/);
    expect(digest!.text).toMatch(/Thank you @bob/);
    const jobs = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from jobs where kind = 'group.digest' and status = 'pending'`));
    expect(jobs[0]!.n).toBe(1);
  });
});
