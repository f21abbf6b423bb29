// Commitments for others: only group members record them, and a named owner's yes comes before reminders, digests and records.
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY, useHarness } from '../support/harness.js';

const t = useHarness();

beforeEach(async () => {
  // Tuesday 1 December 2026, 09:00 UTC.
  await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
  await t.h.run('bob', 'group join', { channel: 'budget' });
  await t.h.run('alice', 'settings digest monday 9 --group Budget');
  t.h.messenger.take();
});

const dmsTo = (member: string) => t.h.messenger.take().filter((s) => s.kind === 'dm' && s.to === member);

describe('who may record a group commitment', () => {
  it('refuses someone outside the group, in English and Vietnamese, and records nothing', async () => {
    const refused = await t.h.run('mallory', 'commit "Cover the stall" --due "in 3 days" --owner @bob --remind "1d,12h,1h"', { channel: 'budget' });
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/Only members of "Budget" can record its commitments. Join it first/);
    const vi = await t.h.run('mallory', 'commit "Trực quầy" --due "in 3 days" --owner @bob --group Budget', { locale: 'vi' });
    expect(vi.text).toMatch(/Chỉ thành viên của "Budget" mới ghi nhận được cam kết của nhóm/);
    expect((await t.h.run('bob', 'commitments --all')).text).toMatch(/No commitments/);
    await t.h.advance(7 * DAY);
    expect(dmsTo('bob')).toEqual([]);
  });
});

describe('a commitment with someone else as owner', () => {
  it('waits for the owner: no reminders, no digest entry, no record, until they accept with the DM button', async () => {
    const made = await t.h.run('alice', 'commit "Book the venue" --due "2026-12-10 12:00" --owner @bob', { channel: 'budget' });
    expect(made.text).toMatch(/It waits for @bob to accept/);
    const ask = dmsTo('bob');
    expect(ask).toHaveLength(1);
    const actions = ask[0]!.view.type === 'card' ? ask[0]!.view.actions : [];
    expect(actions.map((a) => [a.command, a.label])).toEqual([
      ['commitment accept 1', 'Accept'],
      ['commitment decline 1', 'Decline'],
    ]);
    expect((await t.h.run('alice', 'commitment 1')).text).toMatch(/waiting for its owners to accept/);
    expect((await t.h.run('bob', 'commitments --mine')).text).toMatch(/#1 Book the venue\n.*waiting for its owners to accept/);
    expect((await t.h.run('bob', 'commitments --mine', { locale: 'vi' })).text).toMatch(/đang chờ người thực hiện đồng ý/);
    expect((await t.h.run('bob', 'done 1')).text).toMatch(/still waiting for its owners to accept/);

    // A week with nothing else in it: the digest is posted anyway, so it shows what it leaves out.
    await t.h.run('alice', 'settings digest-empty post --group Budget');
    await t.h.advance(6 * DAY); // Monday 7 December: the digest, and the 3-day reminder had it counted
    const week = t.h.messenger.take();
    expect(week.filter((s) => s.kind === 'dm' && s.to === 'bob')).toEqual([]);
    const digest = week.find((s) => s.kind === 'post' && s.text.includes('This week in Budget'));
    expect(digest?.text).toBeDefined();
    expect(digest?.text).not.toMatch(/Book the venue/);
    expect((await t.h.run('alice', 'commitments stats --group Budget')).text).not.toMatch(/@bob/);

    const accepted = await t.h.run('bob', actions[0]!.command);
    expect(accepted.text).toMatch(/You accepted commitment #1 "Book the venue". 3 reminders are scheduled/);
    expect(dmsTo('alice').map((d) => d.text)).toEqual([expect.stringMatching(/@bob accepted commitment #1/)]);
    await t.h.advance(4 * DAY);
    expect(dmsTo('bob').map((d) => d.text.split('\n')[1])).toEqual([
      'Reminder: "Book the venue" is due in 3 days.',
      'Reminder: "Book the venue" is due in 1 day.',
      'Reminder: "Book the venue" is due in 2 hours.',
      expect.stringMatching(/was due on .* and is not marked done/),
    ]);
    expect((await t.h.run('alice', 'commitments stats --group Budget')).text).toMatch(/@bob\n\s+on time 0 · late 0 · missed 1/);
  });

  it('never counts once declined, and tells the recorder in their language', async () => {
    await t.h.run('alice', 'settings locale vi');
    await t.h.run('alice', 'commit "Trực quầy" --due "in 2 days" --owner @bob', { channel: 'budget' });
    t.h.messenger.take();
    expect((await t.h.run('carol', 'commitment decline 1')).text).toMatch(/You are not an owner of commitment #1/);
    const declined = await t.h.run('bob', 'commitment decline 1', { locale: 'vi' });
    expect(declined.text).toMatch(/Bạn đã từ chối cam kết #1 "Trực quầy"/);
    expect(dmsTo('alice').map((d) => d.text)).toEqual([expect.stringMatching(/@bob đã từ chối cam kết #1/)]);
    expect((await t.h.run('bob', 'commitment accept 1')).text).toMatch(/was declined by one of its owners/);
    await t.h.advance(5 * DAY);
    expect(dmsTo('bob')).toEqual([]);
    expect((await t.h.run('alice', 'commitments stats')).text).not.toMatch(/@bob/);
  });

  it('counts at once when the recorder is the only owner', async () => {
    const made = await t.h.run('bob', 'commit "Send the minutes" --due "in 2 days"', { channel: 'budget' });
    expect(made.text).toMatch(/reminders are scheduled/);
    expect((await t.h.run('bob', 'commitment accept 1')).text).toMatch(/already accepted/);
  });
});
