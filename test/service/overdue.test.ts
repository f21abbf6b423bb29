// When a commitment becomes overdue, and who hears of it: on time up to the due instant, escalation past its owners.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { createHarness, DAY, HOUR, type Harness } from '../support/harness.js';

let database: TestDatabase;
let h: Harness;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.reset();
  // Tuesday 1 December 2026, 09:00 UTC.
  h = await createHarness(database);
  await h.run('alice', 'group create "Budget"', { channel: 'budget' });
  await h.run('bob', 'group join', { channel: 'budget' });
  h.messenger.take();
});

const overdueNotices = () => h.messenger.take().filter((s) => s.kind === 'dm' && /was due on .* and is not marked done|đã đến hạn vào/.test(s.text));

describe('overdue starts strictly after the due time', () => {
  it('sends no overdue notice at the due instant, and "done" then is on time', async () => {
    await h.run('bob', 'commit "Book the venue" --due "2026-12-01 17:00" --remind none', { channel: 'budget' });
    h.messenger.take();
    await h.advance(8 * HOUR); // 17:00 exactly
    expect(overdueNotices()).toEqual([]);
    expect((await h.run('bob', 'commitment 1')).text).not.toMatch(/overdue/);
    const done = await h.run('bob', 'done 1');
    expect(done.text).toMatch(/Commitment #1 "Book the venue" is done, on time/);
    await h.advance(DAY);
    expect(overdueNotices()).toEqual([]);
  });

  it('says "on time" in Vietnamese at the due instant', async () => {
    await h.run('bob', 'commit "Đặt phòng" --due "2026-12-01 17:00" --remind none', { channel: 'budget', locale: 'vi' });
    await h.advance(8 * HOUR);
    expect(overdueNotices()).toEqual([]);
    expect((await h.run('bob', 'done 1', { locale: 'vi' })).text).toMatch(/Cam kết #1 "Đặt phòng" đã xong, đúng hạn/);
  });

  it('sends the overdue notice once the due time has passed', async () => {
    await h.run('bob', 'commit "Book the venue" --due "2026-12-01 17:00" --remind none', { channel: 'budget' });
    h.messenger.take();
    await h.advance(8 * HOUR + 60_000);
    expect(overdueNotices().map((s) => s.to)).toEqual(['bob']);
    expect((await h.run('bob', 'done 1')).text).toMatch(/done late/);
  });
});

describe('escalation skips the owners', () => {
  it('goes to whoever recorded it when the only convener is the owner', async () => {
    await h.run('bob', 'commit "Approve the budget" --due "2026-12-01 17:00" --owner @alice --remind none', { channel: 'budget' });
    await h.run('alice', 'commitment accept 1', { channel: 'budget' });
    h.messenger.take();
    await h.advance(8 * HOUR + 25 * HOUR);
    const escalations = h.messenger.take().filter((s) => s.kind === 'dm' && /is overdue:/.test(s.text));
    expect(escalations.map((s) => s.to)).toEqual(['bob']);
    expect(escalations[0]!.text).toMatch(/Commitment #1 \(@alice\) is overdue: "Approve the budget"/);
  });

  it('tells the other conveners, never the owner', async () => {
    await h.run('alice', 'group role @carol convener', { channel: 'budget' });
    await h.run('alice', 'commit "Approve the budget" --due "2026-12-01 17:00" --remind none', { channel: 'budget' });
    h.messenger.take();
    await h.advance(8 * HOUR + 25 * HOUR);
    const escalations = h.messenger.take().filter((s) => s.kind === 'dm' && /is overdue:/.test(s.text));
    expect(escalations.map((s) => s.to)).toEqual(['carol']);
  });

  it('tells nobody new when the owner is the only convener and recorded it', async () => {
    await h.run('alice', 'commit "Approve the budget" --due "2026-12-01 17:00" --remind none', { channel: 'budget' });
    h.messenger.take();
    await h.advance(8 * HOUR + 25 * HOUR);
    expect(h.messenger.take().filter((s) => s.kind === 'dm' && /is overdue:/.test(s.text))).toEqual([]);
  });
});
