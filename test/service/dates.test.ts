// Dates typed into commands end-to-end: the date horizon, in English and Vietnamese.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, useHarness } from '../support/harness.js';

const t = useHarness();

describe('reminder offsets shown in words', () => {
  it('confirms and lists reminder times in the member\'s language, not as "1d"', async () => {
    await t.h.run('an', 'group create "Vườn"');
    await t.h.run('an', 'settings locale vi');
    const set = await t.h.run('an', 'settings reminders "3d,1d,2h"', { admin: true });
    expect(set.ok).toBe(true);
    expect(set.text).toContain('3 ngày, 1 ngày, 2 giờ trước hạn chót');
    expect((await t.h.run('an', 'settings')).text).toContain('3 ngày, 1 ngày, 2 giờ');
    const worded = await t.h.run('an', 'settings reminders "2 ngày, 3 giờ trước"', { admin: true });
    expect(worded.text).toContain('2 ngày, 3 giờ trước hạn chót');
    const en = await t.h.run('an', 'settings locale en').then(() => t.h.run('an', 'settings reminders "1w,1d12h"', { admin: true }));
    expect(en.text).toContain('1 week, 1 day 12 hours before the due time');
    expect(en.text).not.toContain('1d12h');
  });
});

describe('relative times in reminders', () => {
  it('says "due in 2 days" in a reminder sent 48 hours ahead across the end of summer time', async () => {
    // Thu 29 Oct 2026 09:00 in New York; summer time ends on Sunday 1 November.
    await t.restart({ start: new Date('2026-10-29T13:00:00Z') });
    await t.h.run('bob', 'settings timezone America/New_York');
    await t.h.run('lan', 'settings timezone America/New_York');
    await t.h.run('lan', 'settings locale vi');
    // Due Monday 10:00 EST; 48 hours earlier is Saturday 11:00 EDT, one day and 23 hours on the wall clock.
    await t.h.run('bob', 'commit "Send the minutes" --due "2026-11-02 10:00" --owner @bob,@lan --remind 48h');
    await t.h.run('lan', 'commitment accept 1');
    t.h.messenger.take();
    await t.h.advance(2 * DAY + 2 * HOUR);
    const dms = t.h.messenger.take().filter((s) => s.kind === 'dm');
    expect(dms.find((d) => d.to === 'bob')?.text).toContain('Reminder: "Send the minutes" is due in 2 days.');
    expect(dms.find((d) => d.to === 'lan')?.text).toContain('Nhắc nhở: "Send the minutes" đến hạn 2 ngày nữa.');
  });
});

describe('reminder caps', () => {
  it('refuses a commitment with ten reminders minutes apart and records nothing', async () => {
    const reply = await t.h.run('alice', 'commit "Draft the budget" --due "in 3 days" --remind "10m,15m,20m,25m,30m,35m,40m,45m,50m,55m"');
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain('You gave 10 reminder times; a commitment can have at most 5.');
    expect((await t.h.run('alice', 'commitments')).text).not.toContain('Draft the budget');
    const unreadable = await t.h.run('alice', 'commit "Draft the budget" --due "in 3 days" --remind soon');
    expect(unreadable.text).toContain('Give up to 5 times before the due time, at least 1 hour apart, such as "3d,1d,2h"');
    expect((await t.h.run('alice', 'commit "Draft the budget" --due "in 3 days" --remind "1d,2h,1h"')).ok).toBe(true);
  });

  it('refuses workspace and group reminder settings less than an hour apart, in Vietnamese, and keeps the old ones', async () => {
    await t.h.run('an', 'group create "Vườn"');
    await t.h.run('an', 'settings locale vi');
    const workspace = await t.h.run('an', 'settings reminders "1d,2h,90m"', { admin: true });
    expect(workspace.ok).toBe(false);
    expect(workspace.text).toContain('Hai lời nhắc 2 giờ và 90 phút trước hạn chót quá gần nhau');
    expect(workspace.text).toContain('ít nhất 1 giờ');
    const unreadable = await t.h.run('an', 'settings reminders "sớm thôi"', { admin: true });
    expect(unreadable.text).toContain('Hãy nhập tối đa 5 khoảng thời gian trước hạn, cách nhau ít nhất 1 giờ, như "3d,1d,2h"');
    const group = await t.h.run('an', 'settings reminders "1w,6d,5d,4d,3d,2d" --group "Vườn"');
    expect(group.ok).toBe(false);
    expect(group.text).toContain('Bạn đã nhập 6 thời điểm nhắc; mỗi cam kết chỉ có tối đa 5.');
    expect((await t.h.run('an', 'settings')).text).toContain('3 ngày, 1 ngày, 2 giờ');
  });
});

describe('date horizon', () => {
  it('refuses a closing date centuries ahead with the latest allowed date, not an unexpected error', async () => {
    await t.h.run('alice', 'group create "Garden"');
    for (const closes of ['in 500 years', 'in 9999999 weeks']) {
      const reply = await t.h.run('alice', `propose "Plant trees" --rule majority --closes "${closes}"`);
      expect(reply.ok).toBe(false);
      expect(reply.errorId).toBeUndefined();
      expect(reply.text).toContain('too far ahead');
      expect(reply.text).toContain('Fri 1 Dec 2028, 09:00 UTC');
    }
    expect((await t.h.run('alice', 'proposal list')).text).not.toContain('Plant trees');
  });

  it('refuses a due date past the horizon in Vietnamese', async () => {
    await t.h.run('an', 'settings locale vi');
    const reply = await t.h.run('an', 'commit "Viết báo cáo" --due "500 năm nữa"');
    expect(reply.ok).toBe(false);
    expect(reply.errorId).toBeUndefined();
    expect(reply.text).toContain('quá xa');
    expect(reply.text).toContain('T6, 01/12/2028 09:00 (GMT+0)');
  });

  it('refuses a review date and an extension past the horizon, leaving things as they were', async () => {
    await t.h.run('alice', 'group create "Garden"');
    await t.h.run('alice', 'propose "Adopt" --rule consent');
    await t.h.run('alice', 'vote 1 consent');
    const review = await t.h.run('alice', 'outcome 1 "Adopted" --review "in 30 months"');
    expect(review.ok).toBe(false);
    expect(review.text).toContain('"in 30 months" is too far ahead');
    expect((await t.h.run('alice', 'decisions')).text).not.toContain('Adopted');
    await t.h.run('alice', 'commit "Report" --due "in 3 days"');
    const extended = await t.h.run('alice', 'extend 1 --due "in 3 years" --reason "waiting"');
    expect(extended.ok).toBe(false);
    expect(extended.text).toContain('too far ahead');
    expect((await t.h.run('alice', 'commitment 1')).text).toContain('Fri 4 Dec 2026');
  });

  it('follows DATE_HORIZON_MONTHS', async () => {
    await t.restart({ env: { DATE_HORIZON_MONTHS: '3' } });
    expect((await t.h.run('alice', 'commit "Report" --due "in 4 months"')).text).toContain('Mon 1 Mar 2027, 09:00 UTC');
    expect((await t.h.run('alice', 'commit "Report" --due "in 2 months"')).ok).toBe(true);
  });
});
