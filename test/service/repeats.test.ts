// Doing the same thing twice: every command that changes state answers "already ..." the second time and writes nothing.
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { useHarness } from '../support/harness.js';

const t = useHarness();

beforeEach(async () => {
  await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
  for (const m of ['bob', 'carol', 'dan']) await t.h.run(m, 'group join', { channel: 'budget' });
  t.h.messenger.take();
});

const auditEntries = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_log`))[0]!.n;

/** Runs the command twice; returns the second reply after checking it wrote no audit entry and sent nothing. */
async function twice(member: string, text: string, opts: { channel?: string; locale?: 'en' | 'vi'; admin?: boolean } = {}) {
  const first = await t.h.run(member, text, opts);
  expect(first.ok, `${text}: ${first.text}`).toBe(true);
  t.h.messenger.take();
  const before = await auditEntries();
  const second = await t.h.run(member, text, opts);
  expect(await auditEntries(), text).toBe(before);
  expect(t.h.messenger.take(), text).toEqual([]);
  return second;
}

describe('mediation', () => {
  beforeEach(async () => {
    await t.h.run('alice', 'group role @dan mediator', { channel: 'budget' });
    await t.h.run('bob', 'mediate @bob @carol --topic "Who leads outreach"', { channel: 'budget' });
    await t.h.run('carol', 'mediation accept 1');
    await t.h.run('dan', 'mediation propose-agreement 1 "Bob leads until March"');
    t.h.messenger.take();
  });

  it('accepting an agreement twice answers "already accepted"', async () => {
    const again = await twice('bob', 'mediation accept 1');
    expect(again.ok).toBe(true);
    expect(again.text).toMatch(/You have already accepted the proposed agreement of mediation #1/);
  });

  it('in Vietnamese too', async () => {
    const again = await twice('bob', 'mediation accept 1', { locale: 'vi' });
    expect(again.text).toMatch(/Bạn đã chấp nhận thỏa thuận được đề xuất của hòa giải #1 rồi/);
  });

  it('accepting again once every party has agreed still answers "already accepted"', async () => {
    await t.h.run('bob', 'mediation accept 1');
    const again = await twice('carol', 'mediation accept 1');
    expect(again.text).toMatch(/already accepted/);
  });

  it('proposing the same terms twice answers "already"', async () => {
    expect((await twice('dan', 'mediation propose-agreement 1 "Carol leads after March"')).text).toMatch(/already waiting for the parties' answers/);
  });

  it('closing twice answers "already closed"', async () => {
    expect((await twice('dan', 'mediation close 1 resolved')).text).toMatch(/Mediation #1 is already closed/);
    expect((await t.h.run('dan', 'mediation close 1 resolved', { locale: 'vi' })).text).toMatch(/Hòa giải #1 đã kết thúc trước đó/);
  });

  it('declining twice answers "already declined"', async () => {
    expect((await twice('bob', 'mediation decline 1 "Too long"')).text).toMatch(/You have already declined/);
  });

  it('pausing twice and resuming a running mediation answer "already"', async () => {
    expect((await t.h.run('dan', 'mediation resume 1')).text).toMatch(/already in progress/);
    expect((await twice('dan', 'mediation pause 1')).text).toMatch(/Mediation #1 is already paused/);
    expect((await twice('dan', 'mediation resume 1', { locale: 'vi' })).text).toMatch(/Hòa giải #1 vẫn đang diễn ra/);
  });
});

describe('groups and proposals', () => {
  it('setting a role someone already has answers "already"', async () => {
    expect((await twice('alice', 'group role @bob mediator', { channel: 'budget' })).text).toMatch(/@bob is already mediator of "Budget"/);
    expect((await t.h.run('alice', 'group role @bob mediator', { channel: 'budget', locale: 'vi' })).text).toMatch(/@bob đã là .* của "Budget" rồi/);
  });

  it('joining twice answers "already"', async () => {
    expect((await twice('erin', 'group join', { channel: 'budget' })).text).toMatch(/already in "Budget"/);
  });

  it('withdrawing twice answers "already withdrawn"', async () => {
    await t.h.run('alice', 'propose "Evening meetings" --rule consent', { channel: 'budget' });
    const again = await twice('alice', 'withdraw 1');
    expect(again.text).toMatch(/Proposal #1 is already withdrawn/);
    expect((await t.h.run('alice', 'withdraw 1', { locale: 'vi' })).text).toMatch(/Đề xuất #1 đã được rút lại trước đó/);
  });

  it('casting the same ballot twice answers "already", and a different one still changes it', async () => {
    await t.h.run('alice', 'propose "Venue" --rule score --options "Hall|Park|Online"', { channel: 'budget' });
    expect((await twice('bob', 'vote 1 "Park=4 Hall=2"')).text).toMatch(/Your vote on #1 is already: Hall=2 Park=4\. Nothing changed\./);
    expect((await t.h.run('bob', 'vote 1 "Park=4 Hall=2"', { locale: 'vi' })).text).toMatch(/Phiếu của bạn cho #1 vốn đã là/);
    expect((await t.h.run('bob', 'vote 1 "Park=5"')).text).toMatch(/Your vote on #1 is now: Park=5/);
    await t.h.run('alice', 'propose "Evening meetings" --rule consent', { channel: 'budget' });
    expect((await twice('carol', 'vote 2 object "Childcare"')).text).toMatch(/already/);
    expect((await t.h.run('carol', 'vote 2 object "Childcare, and the late bus"')).text).toMatch(/is now/);
  });

  it('closing twice answers "already closed"', async () => {
    await t.h.run('alice', 'propose "Evening meetings" --rule consent', { channel: 'budget' });
    expect((await twice('alice', 'close 1')).text).toMatch(/already closed/);
  });

  it('recording the same decision twice answers "already recorded"', async () => {
    await t.h.run('alice', 'propose "Evening meetings" --rule consent', { channel: 'budget' });
    await t.h.run('alice', 'close 1');
    const again = await twice('alice', 'outcome 1 "Meetings move to 18:00"');
    expect(again.text).toMatch(/already recorded for #1/);
    expect((await t.h.run('alice', 'outcome 1 "Meetings move to 18:00"', { locale: 'vi' })).text).toMatch(/đã được ghi cho #1/);
  });
});

describe('commitments and settings', () => {
  beforeEach(async () => {
    await t.h.run('bob', 'commit "Book the venue" --due "2026-12-10 12:00"', { channel: 'budget' });
    t.h.messenger.take();
  });

  it('done, cancel, blocked and extend twice answer "already"', async () => {
    expect((await twice('bob', 'blocked 1 "Waiting for quotes"')).text).toMatch(/already marked blocked for that reason/);
    expect((await twice('bob', 'extend 1 --due "2026-12-20 12:00" --reason "Quotes are late"')).text).toMatch(/Commitment #1 is already due/);
    expect((await twice('bob', 'cancel 1')).text).toMatch(/Commitment #1 is already cancelled/);
    expect((await t.h.run('bob', 'cancel 1', { locale: 'vi' })).text).toMatch(/Cam kết #1 đã bị hủy trước đó/);
    await t.h.run('bob', 'commit "Print the flyers" --due "2026-12-10 12:00"');
    expect((await twice('bob', 'done 2')).text).toMatch(/already done/);
  });

  it('settings set to what they already are answer "already"', async () => {
    expect((await twice('alice', 'settings reminders "2d,1h"', { admin: true })).text).toMatch(/Commitment reminders for Test are already 2 days, 1 hour before the due time. Nothing changed./);
    expect((await twice('alice', 'settings quiet-hours 22 7', { admin: true })).text).toMatch(/Quiet hours are already 22:00 to 7:00/);
    expect((await twice('alice', 'settings digest friday 16', { channel: 'budget' })).text).toMatch(/already posted on Friday at 16:00/);
    expect((await twice('alice', 'settings digest off', { channel: 'budget' })).text).toMatch(/already off/);
    expect((await twice('alice', 'settings timezone Asia/Ho_Chi_Minh')).text).toMatch(/Your time zone is already Asia\/Ho_Chi_Minh/);
    expect((await twice('alice', 'settings reminder 12', { admin: true })).text).toMatch(/already reminded 12 hours before/);
    expect((await twice('alice', 'settings locale vi')).text).toBe('• Concord đã nói tiếng Việt với bạn rồi.');
  });
});
