// Shared goals through the core and a real database: goals and indicators, check-ins and their reminders in the
// owner's zone, missed periods, late values, the celebration, who may do what, private groups and the audit log.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, expectReplies, useHarness } from '../support/harness.js';

const t = useHarness();
const { ok, refused } = expectReplies(t);

const dmsTo = (member: string) => t.h.messenger.take().filter((s) => s.kind === 'dm' && s.to === member);

/** The harness starts on Tuesday 1 December 2026, 09:00 UTC; the workspace's zone is UTC. */
async function goalWithIndicator(checkin = 'weekly') {
  await t.h.group(['alice', 'bob', 'carol']);
  expect(await ok('alice', 'goal add "Cut landfill waste" --due "2027-03-01" --group Budget')).toContain('Goal G-1 “Cut landfill waste” set for Budget.');
  const added = await ok('alice', `indicator add G-1 "Landfill waste" --baseline 120 --target 60 --unit t --owner @bob --checkin ${checkin}`);
  expect(added).toContain('Indicator I-1 “Landfill waste” measures G-1; @bob reports its values.');
  return added;
}

describe('goals and indicators', () => {
  it('measures progress between baseline and target and keeps pace with the goal’s calendar', async () => {
    const added = await goalWithIndicator();
    expect(added).toContain('First check-in: Mon 7 Dec 2026, 10:00');
    expect(await ok('bob', 'checkin I-1 90')).toContain('I-1 “Landfill waste”: 90 t recorded. Progress 50%.');

    let show = await ok('carol', 'goal show G-1');
    expect(show).toContain('G-1 Cut landfill waste');
    expect(show).toContain('Progress: 50%');
    expect(show).toContain('🟢 on track · 50%');
    expect(show).toContain('Latest 90 t · from 120 t to 60 t');
    expect(show).toContain('Reported by @bob');
    // The chart in words, as the console shows it beside the picture.
    expect(show).toContain('G-1 Cut landfill waste: progress');
    expect(show).toContain('I-1 Landfill waste  ▅  50%');

    // Two thirds of the time gone (1 Dec to 1 Mar is 90 days) and still at half: behind by 17 points, at risk.
    await t.h.advance(60 * DAY);
    show = await ok('carol', 'goal show G-1');
    expect(show).toContain('🟡 at risk');

    const list = await ok('carol', 'goals');
    expect(list).toContain('G-1 Cut landfill waste');
    expect(list).toContain('50% from 1 indicator');
  });

  it('asks the owner on the schedule, in their own zone, only when they have not reported for the period', async () => {
    await ok('bob', 'settings timezone Asia/Ho_Chi_Minh');
    await goalWithIndicator();
    t.h.messenger.take();
    // Monday 7 December, 10:00 in Ho Chi Minh City is 03:00 UTC.
    await t.h.advance(5 * DAY + 17 * HOUR + 59 * 60_000);
    expect(dmsTo('bob')).toEqual([]);
    await t.h.advance(2 * 60_000);
    const asked = dmsTo('bob');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain('Check-in: I-1 Landfill waste');
    expect(asked[0]!.text).toContain('What is the value of “Landfill waste” for G-1 Cut landfill waste now?');
    expect(dmsTo('alice')).toEqual([]);

    // Reported early on the next Monday (local morning): not asked that day.
    await t.h.advance(7 * DAY - 2 * HOUR);
    await ok('bob', 'checkin I-1 100');
    t.h.messenger.take();
    await t.h.advance(3 * HOUR);
    expect(dmsTo('bob')).toEqual([]);

    // The week after, nothing reported: asked again, once.
    await t.h.advance(7 * DAY);
    expect(dmsTo('bob')).toHaveLength(1);
  });

  it('takes the value from a reminder’s form, counts missed periods and keeps late values in date order', async () => {
    await goalWithIndicator();
    await t.h.advance(13 * DAY + 2 * HOUR); // past the check-ins of 7 and 14 December
    // The form of the reminder's button appends the value as a flag.
    expect(await ok('bob', 'checkin I-1 --value 100 --note "First count"')).toContain('100 t recorded');
    const show = await ok('carol', 'goal show G-1');
    expect(show).toContain('Missing: 1 check-in (last Mon 7 Dec 2026, 10:00');

    const late = await ok('bob', 'checkin I-1 110 --at "2026-12-08"');
    expect(late).toContain('110 t recorded for an earlier date. The latest value is still 100 t; progress 33%.');
    expect(await ok('carol', 'goal show G-1')).not.toContain('Missing');
  });

  it('celebrates the first value that reaches the target in the group’s channel, thanking owner and kept commitments', async () => {
    await goalWithIndicator();
    await ok('carol', 'commit "Sort the market bins" --due "in 3 days" --goal G-1');
    await ok('carol', 'done 1');
    t.h.messenger.take();
    await ok('bob', 'checkin I-1 58');
    const posts = t.h.messenger.take().filter((s) => s.kind === 'post' && s.to === 'budget');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toContain('🎉 Target reached: I-1 Landfill waste');
    expect(posts[0]!.text).toContain('G-1 Cut landfill waste reached 58 t. Thank you @bob, @carol!');

    await ok('bob', 'checkin I-1 55');
    expect(t.h.messenger.take().filter((s) => s.kind === 'post')).toEqual([]);
    expect(await ok('carol', 'goal show G-1')).toContain('✅ target reached');
  });

  it('closes a goal, after which nobody is asked and nothing is recorded', async () => {
    await goalWithIndicator();
    expect(await refused('carol', 'goal close G-1 achieved')).toContain('Only whoever set G-1');
    expect(await ok('alice', 'goal close G-1 dropped --note "The site was sold"')).toContain('closed as dropped');
    expect(await refused('bob', 'checkin I-1 80')).toContain('G-1 “Cut landfill waste” is closed');
    t.h.messenger.take();
    await t.h.advance(8 * DAY);
    expect(dmsTo('bob')).toEqual([]);
    expect(await ok('carol', 'goals')).toContain('No open goals');
    const all = await ok('carol', 'goals --all');
    expect(all).toContain('G-1 Cut landfill waste');
    expect(all).toContain('dropped');
  });

  it('edits a goal’s title and due date, and says when nothing changes', async () => {
    await goalWithIndicator();
    expect(await ok('alice', 'goal edit G-1 --title "Halve landfill waste"')).toContain('G-1 “Halve landfill waste” updated.');
    expect(await ok('alice', 'goal edit G-1 --title "Halve landfill waste"')).toContain('already reads so');
    await ok('alice', 'goal edit G-1 --due none');
    expect(await ok('carol', 'goal show G-1')).not.toContain('Due:');
  });
});

describe('the weekly digest', () => {
  it('posts each open goal’s progress as a chart after the digest', async () => {
    await goalWithIndicator('monthly');
    await ok('alice', 'settings digest monday 9 --group Budget');
    await ok('bob', 'checkin I-1 90');
    t.h.messenger.take();
    await t.h.advance(7 * DAY);
    const posts = t.h.messenger.take().filter((s) => s.kind === 'post' && s.to === 'budget');
    const digest = posts.findIndex((p) => p.text.includes('Budget'));
    const chart = posts.findIndex((p) => p.view.type === 'chart');
    expect(digest).toBeGreaterThanOrEqual(0);
    expect(chart).toBeGreaterThan(digest);
    expect(posts[chart]!.text).toContain('G-1 Cut landfill waste: progress');
    expect(posts[chart]!.text).toContain('I-1 Landfill waste  ▅  50%');
  });
});

describe('who may do what', () => {
  it('lets only the owner or the goal’s managers check in, and only members set goals', async () => {
    await goalWithIndicator();
    expect(await refused('carol', 'checkin I-1 80')).toContain('Only the owner of I-1');
    expect(await ok('alice', 'checkin I-1 80')).toContain('80 t recorded');
    expect(await refused('dave', 'goal add "Something" --group Budget')).toContain('Only members of Budget');
  });

  it('keeps a private group’s goals from everyone else', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'group create "Board" --private', { channel: 'board' });
    await ok('alice', 'goal add "Secret target" --group Board', { channel: 'board' });
    expect(await refused('bob', 'goal show G-1')).toContain('There is no goal G-1 you can see.');
    expect(await ok('bob', 'goals')).not.toContain('Secret target');
    expect(await ok('bob', 'audit')).not.toContain('G-1');
  });
});

describe('bad input', () => {
  it('says what was wrong and how to do it right', async () => {
    await goalWithIndicator();
    expect(await refused('alice', 'indicator add G-1 "Trees" --baseline 0 --target 10 --checkin "every tuesday"')).toContain('is not a check-in schedule I can read');
    expect(await refused('alice', 'indicator add G-1 "Trees" --baseline 0 --target 10 --checkin FREQ=HOURLY')).toContain('more than once a day');
    expect(await refused('bob', 'checkin I-1')).toContain('Give the value once');
    expect(await refused('bob', 'checkin I-1 5 --value 6')).toContain('Give the value once');
    expect(await refused('bob', 'checkin I-1 5 --at tomorrow')).toContain('is still to come');
    expect(await refused('bob', 'checkin X-1 5')).toContain('must be an indicator such as I-5');
    expect(await refused('alice', 'settings goal-thresholds 0.3 0.2', { admin: true })).toContain('must be smaller than the second');
    expect(await refused('alice', 'goal edit G-1')).toContain('Say what to change');
    // Nothing half-written: the refused indicator is not there.
    expect(await ok('carol', 'goal show G-1')).not.toContain('Trees');
  });
});

describe('in Vietnamese', () => {
  it('speaks the member’s language everywhere, the reminder in the owner’s', async () => {
    await ok('bob', 'settings locale vi');
    await goalWithIndicator();
    const show = await ok('carol', 'goal show G-1', { locale: 'vi' });
    expect(show).toContain('Tiến độ: 0%');
    expect(show).toContain('⚪ chưa có giá trị');
    t.h.messenger.take();
    await t.h.advance(6 * DAY + 2 * HOUR);
    const asked = dmsTo('bob');
    expect(asked[0]!.text).toContain('Cập nhật: I-1 Landfill waste');
  });
});

describe('the audit log', () => {
  it('records goals, indicators, check-ins and the target reached', async () => {
    await goalWithIndicator();
    await ok('bob', 'checkin I-1 60');
    const log = await ok('alice', 'audit');
    expect(log).toContain('set goal G-1');
    expect(log).toContain('added an indicator to goal G-1');
    expect(log).toContain('checked in a value for goal G-1');
    expect(log).toContain('an indicator of goal G-1 reached its target');
  });
});
