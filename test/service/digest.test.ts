// The weekly digest: skipped in a week with nothing in it, unless the group asks for it anyway.
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY, useHarness } from '../support/harness.js';

const t = useHarness();

beforeEach(async () => {
  // Tuesday 1 December 2026, 09:00 UTC; the digest goes out on Mondays at 09:00.
  await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
  await t.h.run('bob', 'group join', { channel: 'budget' });
  t.h.messenger.take();
});

const digests = () => t.h.messenger.take().filter((s) => s.kind === 'post' && s.to === 'budget' && /This week in Budget|Tuần này ở Budget/.test(s.text));

describe('an empty week', () => {
  it('sends no digest by default, and sends the next one that has something in it', async () => {
    await t.h.advance(7 * DAY); // past Monday 7 December
    expect(digests()).toEqual([]);
    await t.h.run('bob', 'commit "Book the venue" --due "2026-12-16 12:00"', { channel: 'budget' });
    await t.h.advance(7 * DAY); // past Monday 14 December
    const sent = digests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toMatch(/#1 Book the venue/);
  });

  it('is posted when the group turns empty digests on, and skipped again when it turns them off', async () => {
    const on = await t.h.run('alice', 'settings digest-empty post', { channel: 'budget' });
    expect(on.text).toMatch(/The weekly digest of "Budget" will be posted even in a week with nothing in it/);
    await t.h.advance(7 * DAY);
    const sent = digests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toMatch(/None\./);
    const off = await t.h.run('alice', 'settings digest-empty skip', { channel: 'budget', locale: 'vi' });
    expect(off.text).toMatch(/Bản tổng hợp hằng tuần của "Budget" sẽ không được đăng vào tuần không có gì/);
    await t.h.advance(7 * DAY);
    expect(digests()).toEqual([]);
  });

  it('is a convener\'s choice and says how to choose when the word is wrong', async () => {
    expect((await t.h.run('bob', 'settings digest-empty post', { channel: 'budget' })).text).toMatch(/Only a convener of "Budget"/);
    const wrong = await t.h.run('alice', 'settings digest-empty always', { channel: 'budget' });
    expect(wrong.ok).toBe(false);
    expect(wrong.text).toMatch(/post|skip/);
    expect((await t.h.run('alice', 'settings digest-empty post', { channel: 'budget', locale: 'vi' })).text).toMatch(/sẽ vẫn được đăng cả khi tuần đó không có gì/);
  });
});
