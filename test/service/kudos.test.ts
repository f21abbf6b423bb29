// Kudos through the core and a real database: a thank-you posted in the group's channel, never to oneself, a daily
// limit counted in the giver's own zone, the weekly digest's kudos and reached targets, Vietnamese and the audit log.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, expectReplies, useHarness } from '../support/harness.js';

const t = useHarness();
const { ok, refused } = expectReplies(t, { channel: 'budget' });


const postsIn = (channel: string) => t.h.messenger.take().filter((s) => s.kind === 'post' && s.to === channel);

describe('kudos', () => {
  it('posts a thank-you in the group’s channel and lists it', async () => {
    await t.h.group(['alice', 'bob']);
    const given = await ok('alice', 'kudos @bob "For the venue booking"');
    expect(given).toContain('Your thanks to @bob is posted in Budget. You can give 4 more today (of 5).');
    const posts = postsIn('budget');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toContain('🙏 Thank you, @bob!');
    expect(posts[0]!.text).toContain('@alice thanks @bob: For the venue booking');
    const list = await ok('carol', 'kudos list');
    expect(list).toContain('@alice → @bob');
    expect(list).toContain('For the venue booking');
    expect(await ok('alice', 'audit')).toContain('thanked a member in Budget');
  });

  it('refuses thanking oneself', async () => {
    await t.h.group(['alice', 'bob']);
    expect(await refused('alice', 'kudos @alice "For being me"')).toContain('Thanking yourself does not count.');
    expect(postsIn('budget')).toEqual([]);
  });

  it('keeps to the daily limit, which resets at the giver’s own midnight', async () => {
    // 09:00 UTC is 16:00 in Ho Chi Minh City: the giver's day ends at 17:00 UTC.
    await ok('alice', 'settings timezone Asia/Ho_Chi_Minh');
    await t.h.group(['alice', 'bob', 'carol']);
    await ok('alice', 'settings kudos-limit 2', { admin: true });
    await ok('alice', 'kudos @bob "One"');
    await ok('alice', 'kudos @carol "Two"');
    const refusal = await refused('alice', 'kudos @bob "Three"');
    expect(refusal).toContain('You have given your 2 thank-yous for today. More from Wed 2 Dec 2026, 00:00 GMT+7.');
    // Still the same local day an hour before its midnight.
    await t.h.advance(7 * HOUR);
    await refused('alice', 'kudos @bob "Three"');
    // Others have their own count.
    await ok('bob', 'kudos @alice "Back at you"');
    await t.h.advance(HOUR + 60_000); // 00:01 in Ho Chi Minh City
    expect(await ok('alice', 'kudos @bob "Three"')).toContain('You can give 1 more today (of 2).');
  });

  it('lets only admins change the limit', async () => {
    await t.h.group(['alice', 'bob']);
    expect(await refused('alice', 'settings kudos-limit 3')).toContain('admin');
    expect(await ok('alice', 'settings kudos-limit 3', { admin: true })).toContain('each member can give 3 thank-yous a day');
    expect(await ok('alice', 'settings kudos-limit 3', { admin: true })).toContain('can already give 3');
    expect(await ok('alice', 'audit')).toContain('changed how many thank-yous a member may give a day');
  });

  it('speaks Vietnamese', async () => {
    await t.h.group(['alice', 'bob']);
    expect(await ok('alice', 'kudos @bob "Vì đã đặt hội trường"', { locale: 'vi' })).toContain('Lời cảm ơn của bạn tới @bob đã được đăng trong Budget.');
    expect(await refused('alice', 'kudos @alice "x"', { locale: 'vi' })).toContain('Tự cảm ơn mình thì không tính.');
  });
});

describe('the weekly digest', () => {
  it('lists the week’s kudos, kept commitments and targets reached', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'settings digest monday 9 --group Budget');
    await ok('alice', 'kudos @bob "For the venue booking"');
    await ok('bob', 'commit "Book the venue" --due "in 2 days"');
    await ok('bob', 'done 1');
    await ok('alice', 'goal add "Plant trees" --group Budget');
    await ok('alice', 'indicator add G-1 "Trees" --baseline 0 --target 10');
    await ok('alice', 'checkin I-1 10');
    t.h.messenger.take();
    await t.h.advance(7 * DAY);
    const digest = postsIn('budget').find((p) => p.text.includes('This week in Budget'));
    expect(digest).toBeDefined();
    expect(digest!.text).toContain('Kudos');
    expect(digest!.text).toContain('@alice → @bob: For the venue booking');
    expect(digest!.text).toContain('Targets reached');
    expect(digest!.text).toContain('I-1 Trees — G-1 Plant trees');
    expect(digest!.text).toContain('#1 Book the venue');
  });
});
