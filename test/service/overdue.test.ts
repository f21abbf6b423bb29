// When a commitment becomes overdue, and who hears of it: on time up to the due instant, escalation past its owners.
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, useHarness } from '../support/harness.js';

const t = useHarness();

beforeEach(async () => {
  // Tuesday 1 December 2026, 09:00 UTC.
  await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
  await t.h.run('bob', 'group join', { channel: 'budget' });
  t.h.messenger.take();
});

const overdueNotices = () => t.h.messenger.take().filter((s) => s.kind === 'dm' && /was due on .* and is not marked done|đã đến hạn vào/.test(s.text));

describe('overdue starts strictly after the due time', () => {
  it('sends no overdue notice at the due instant, and "done" then is on time', async () => {
    await t.h.run('bob', 'commit "Book the venue" --due "2026-12-01 17:00" --remind none', { channel: 'budget' });
    t.h.messenger.take();
    await t.h.advance(8 * HOUR); // 17:00 exactly
    expect(overdueNotices()).toEqual([]);
    expect((await t.h.run('bob', 'commitment 1')).text).not.toMatch(/overdue/);
    const done = await t.h.run('bob', 'done 1');
    expect(done.text).toMatch(/Commitment #1 "Book the venue" is done, on time/);
    await t.h.advance(DAY);
    expect(overdueNotices()).toEqual([]);
  });

  it('says "on time" in Vietnamese at the due instant', async () => {
    await t.h.run('bob', 'commit "Đặt phòng" --due "2026-12-01 17:00" --remind none', { channel: 'budget', locale: 'vi' });
    await t.h.advance(8 * HOUR);
    expect(overdueNotices()).toEqual([]);
    expect((await t.h.run('bob', 'done 1', { locale: 'vi' })).text).toMatch(/Cam kết #1 "Đặt phòng" đã xong, đúng hạn/);
  });

  it('sends the overdue notice once the due time has passed', async () => {
    await t.h.run('bob', 'commit "Book the venue" --due "2026-12-01 17:00" --remind none', { channel: 'budget' });
    t.h.messenger.take();
    await t.h.advance(8 * HOUR + 60_000);
    expect(overdueNotices().map((s) => s.to)).toEqual(['bob']);
    expect((await t.h.run('bob', 'done 1')).text).toMatch(/done late/);
  });
});

describe('escalation skips the owners', () => {
  it('goes to whoever recorded it when the only convener is the owner', async () => {
    await t.h.run('bob', 'commit "Approve the budget" --due "2026-12-01 17:00" --owner @alice --remind none', { channel: 'budget' });
    await t.h.run('alice', 'commitment accept 1', { channel: 'budget' });
    t.h.messenger.take();
    await t.h.advance(8 * HOUR + 25 * HOUR);
    const escalations = t.h.messenger.take().filter((s) => s.kind === 'dm' && /is overdue:/.test(s.text));
    expect(escalations.map((s) => s.to)).toEqual(['bob']);
    expect(escalations[0]!.text).toMatch(/Commitment #1 \(@alice\) is overdue: "Approve the budget"/);
  });

  it('tells the other conveners, never the owner', async () => {
    await t.h.run('alice', 'group role @carol convener', { channel: 'budget' });
    await t.h.run('alice', 'commit "Approve the budget" --due "2026-12-01 17:00" --remind none', { channel: 'budget' });
    t.h.messenger.take();
    await t.h.advance(8 * HOUR + 25 * HOUR);
    const escalations = t.h.messenger.take().filter((s) => s.kind === 'dm' && /is overdue:/.test(s.text));
    expect(escalations.map((s) => s.to)).toEqual(['carol']);
  });

  it('tells nobody new when the owner is the only convener and recorded it', async () => {
    await t.h.run('alice', 'commit "Approve the budget" --due "2026-12-01 17:00" --remind none', { channel: 'budget' });
    t.h.messenger.take();
    await t.h.advance(8 * HOUR + 25 * HOUR);
    expect(t.h.messenger.take().filter((s) => s.kind === 'dm' && /is overdue:/.test(s.text))).toEqual([]);
  });
});
