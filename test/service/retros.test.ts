// Retrospectives through the core and a real database: items in a template's columns, dot limits, anonymity, actions
// that become commitments, carry-over into the group's next retro, the previous retro's actions, the blameless
// post-mortem offer, who may do what, Vietnamese, and the audit log.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, expectReplies, useHarness } from '../support/harness.js';

const t = useHarness();
const { ok, refused } = expectReplies(t);


const postsIn = (channel: string) => t.h.messenger.take().filter((s) => s.kind === 'post' && s.to === channel);

/** The harness starts on Tuesday 1 December 2026, 09:00 UTC; Budget's channel is `budget`. */
async function retroWithItems(flags = '') {
  await t.h.group(['alice', 'bob', 'carol']);
  const started = await ok('alice', `retro start "November sprint" ${flags}`, { channel: 'budget' });
  await ok('bob', 'retro add R-1 liked "The new sign-up sheet"');
  await ok('carol', 'retro add R-1 lacked "A shared calendar"');
  await ok('bob', 'retro add R-1 thiếu "Time to plan"');
  return started;
}

describe('a retrospective', () => {
  it('opens in the group’s channel and lists items under their columns, sorted by dots', async () => {
    const started = await retroWithItems();
    expect(started).toContain('Retrospective R-1 “November sprint” is open for Budget (4Ls)');
    expect(started).toContain('the columns are liked, learned, lacked, longed-for');
    expect(started).toContain('Items are anonymous');
    await ok('alice', 'retro vote R-1 3 --dots 2');
    await ok('bob', 'retro vote R-1 3');
    await ok('carol', 'retro vote R-1 2');
    const show = await ok('carol', 'retro show R-1');
    expect(show).toContain('R-1 November sprint');
    expect(show).toContain('#1 The new sign-up sheet · 0 dots');
    // Within Lacked, the item with three dots comes before the one with one.
    expect(show.indexOf('#3 Time to plan · 3 dots')).toBeGreaterThan(-1);
    expect(show.indexOf('#3 Time to plan')).toBeLessThan(show.indexOf('#2 A shared calendar · 1 dot'));
    expect(show).toContain('You have 4 of 5 dots left.');
    expect(await ok('dave', 'retros')).toContain('R-1 November sprint');
  });

  it('posts the opening card in the group’s channel', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'retro start "Launch" --template start-stop-continue --group Budget');
    const posts = postsIn('budget');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toContain('R-1 Launch');
    expect(posts[0]!.text).toContain('Start, stop, continue');
    expect(posts[0]!.text).toContain('What we should begin doing');
  });

  it('refuses a column the template does not have, and a member’s own duplicate', async () => {
    await retroWithItems();
    expect(await refused('bob', 'retro add R-1 stop "Meetings"')).toContain('“stop” is not a column of R-1. Its columns are liked, learned, lacked, longed-for.');
    expect(await refused('bob', 'retro add R-1 liked "the new sign-up sheet"')).toContain('You already added that to R-1 (item #1).');
    // Someone else may say the same.
    expect(await ok('carol', 'retro add R-1 liked "The new sign-up sheet"')).toContain('item #4');
  });
});

describe('dot voting', () => {
  it('keeps each member within their dots and within the most on one item, and gives dots back', async () => {
    await retroWithItems();
    expect(await ok('bob', 'retro vote R-1 1 --dots 3')).toContain('3 dots on #1 in R-1. You have 2 of 5 dots left.');
    expect(await refused('bob', 'retro vote R-1 1')).toContain('At most 3 of your dots can go on one item: you can add 0 more to #1.');
    expect(await ok('bob', 'retro vote R-1 2 --dots 2')).toContain('You have 0 of 5 dots left.');
    expect(await refused('bob', 'retro vote R-1 3')).toContain('You have 0 of your 5 dots left in R-1: 1 more is too many.');
    expect(await ok('bob', 'retro unvote R-1 1')).toContain('3 dots taken back from #1 in R-1. You have 3 of 5 dots left.');
    expect(await ok('bob', 'retro vote R-1 3 --dots 3')).toContain('You have 0 of 5 dots left.');
    expect(await ok('bob', 'retro unvote R-1 1')).toContain('You have no dots on #1');
    const show = await ok('carol', 'retro show R-1');
    expect(show).toContain('#1 The new sign-up sheet · 0 dots');
    expect(show).toContain('#3 Time to plan · 3 dots');
  });

  it('follows the workspace’s settings, which only admins change', async () => {
    await retroWithItems();
    expect(await refused('alice', 'settings retro-dots 3 2')).toContain('admin');
    expect(await refused('alice', 'settings retro-dots 2 3', { admin: true })).toContain('cannot put more dots on one item (3) than they have (2)');
    expect(await ok('alice', 'settings retro-dots 3 2', { admin: true })).toContain('members have 3 dots in a retrospective, at most 2 on one item');
    expect(await refused('bob', 'retro vote R-1 1 --dots 3')).toContain('At most 2 of your dots');
    await ok('bob', 'retro vote R-1 1 --dots 2');
    expect(await refused('bob', 'retro vote R-1 2 --dots 2')).toContain('You have 1 of your 3 dots left');
  });

  it('is for the group’s members, on an open retro', async () => {
    await retroWithItems();
    expect(await refused('dave', 'retro vote R-1 1')).toContain('Only members of Budget');
    expect(await refused('dave', 'retro add R-1 liked "x"')).toContain('Only members of Budget');
    expect(await refused('bob', 'retro vote R-1 9')).toContain('R-1 has no item #9');
    await ok('alice', 'retro close R-1');
    expect(await refused('bob', 'retro vote R-1 1')).toContain('R-1 “November sprint” is closed');
  });
});

describe('anonymity', () => {
  it('never names an item’s author or a voter, in the retro or in the audit log', async () => {
    await retroWithItems();
    await ok('bob', 'retro vote R-1 1');
    const show = await ok('alice', 'retro show R-1');
    expect(show).not.toContain('@bob');
    expect(show).not.toContain('@carol');
    const log = await ok('alice', 'audit');
    const lines = log.split('\n').filter((l) => l.includes('retrospective R-1'));
    expect(lines.filter((l) => l.includes('added an item to retrospective R-1'))).toHaveLength(3);
    expect(lines.filter((l) => l.includes('put dots on an item of retrospective R-1'))).toHaveLength(1);
    for (const line of lines.filter((l) => !l.includes('started'))) {
      expect(line).not.toContain('@bob');
      expect(line).not.toContain('@carol');
      expect(line).toContain('A member');
    }
  });

  it('shows names in a retro started with --names, in the retro and the log', async () => {
    const started = await retroWithItems('--names');
    expect(started).toContain('Items show who wrote them.');
    const show = await ok('alice', 'retro show R-1');
    expect(show).toContain('#1 The new sign-up sheet · 0 dots · @bob');
    expect(show).toContain('#2 A shared calendar · 0 dots · @carol');
    await ok('bob', 'retro vote R-1 1');
    const log = await ok('alice', 'audit');
    expect(log).toMatch(/@bob\s+added an item to retrospective R-1|@bob.*added an item to retrospective R-1/);
    // Dots stay anonymous even so.
    expect(log).not.toMatch(/@bob.*put dots/);
  });
});

describe('actions', () => {
  it('turns an item into a commitment of the group that its owner accepts and is reminded of', async () => {
    await retroWithItems();
    expect(await refused('bob', 'retro action R-1 2 --owner @carol --due "in 3 days"')).toContain('Only whoever started R-1');
    const made = await ok('alice', 'retro action R-1 2 --owner @carol --due "in 3 days"');
    expect(made).toContain('Item #2 of R-1 is now commitment #1.');
    expect(await refused('alice', 'retro action R-1 2 --owner @bob --due "in 3 days"')).toContain('already commitment #1');
    // Carol is asked first, as for any commitment someone else records for her.
    const asked = t.h.messenger.take().filter((s) => s.kind === 'dm' && s.to === 'carol');
    expect(asked).toHaveLength(1);
    await ok('carol', 'commitment accept 1');
    expect(await ok('carol', 'commitments --group Budget')).toContain('#1 A shared calendar');
    t.h.messenger.take();
    await t.h.advance(2 * DAY + 2 * HOUR);
    const reminders = t.h.messenger.take().filter((s) => s.kind === 'dm' && s.to === 'carol');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders[0]!.text).toContain('A shared calendar');
    expect(await ok('bob', 'retro show R-1')).toContain('#2 A shared calendar · 0 dots · → commitment #1');
    expect(await ok('alice', 'audit')).toContain('turned an item of retrospective R-1 into a commitment');
  });

  it('works toward the retro’s goal', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'goal add "Cut landfill waste" --group Budget');
    await ok('alice', 'retro start "Waste look-back" --goal G-1', { channel: 'general' });
    await ok('bob', 'retro add R-1 learned "Sorting at source works"');
    await ok('alice', 'retro action R-1 1 --owner @alice --due "in 5 days"');
    await ok('alice', 'done 1');
    // The commitment counts toward the goal: its owner is thanked when the target is reached.
    await ok('alice', 'indicator add G-1 "Waste" --baseline 10 --target 5');
    t.h.messenger.take();
    await ok('alice', 'checkin I-1 5');
    expect(postsIn('budget')[0]!.text).toContain('Thank you @alice');
  });
});

describe('carry-over', () => {
  it('copies undiscussed items into the next retro of the same group only, and opens with the previous actions', async () => {
    await retroWithItems();
    await ok('alice', 'retro action R-1 2 --owner @alice --due "in 3 days"');
    await ok('alice', 'retro discussed R-1 1');
    expect(await ok('alice', 'retro close R-1')).toContain('1 item was not discussed: it carries over');
    // Another group's retro gets nothing of Budget's.
    await ok('dave', 'group create "Events"', { channel: 'events' });
    expect(await ok('dave', 'retro start "Fair" --group Events')).not.toContain('carried over');
    await ok('alice', 'done 1');
    t.h.messenger.take();
    const next = await ok('alice', 'retro start "December" --group Budget');
    expect(next).toContain('1 item not discussed last time is carried over.');
    const opening = postsIn('budget')[0]!.text;
    expect(opening).toContain('Actions from R-1 “November sprint”');
    expect(opening).toContain('#1 A shared calendar — @alice: ✅ kept');
    const show = await ok('bob', 'retro show R-3');
    expect(show).toContain('#1 Time to plan · 0 dots · ↪ carried over');
    expect(show).not.toContain('The new sign-up sheet');
    // Carried once: the retro after next gets it only if it is left undiscussed again.
    await ok('alice', 'retro discussed R-3 1');
    await ok('alice', 'retro close R-3');
    expect(await ok('alice', 'retro start "January" --group Budget')).not.toContain('carried over');
  });

  it('shows an action not kept as overdue at the next retro', async () => {
    await retroWithItems();
    await ok('alice', 'retro action R-1 2 --owner @alice --due "in 1 day"');
    await ok('alice', 'retro close R-1');
    await t.h.advance(3 * DAY);
    t.h.messenger.take();
    await ok('alice', 'retro start "December"');
    expect(postsIn('budget')[0]!.text).toContain('#1 A shared calendar — @alice: ⚠️ not kept, due');
  });

  it('closes by itself at the time set with --closes', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'retro start "Quick one" --closes "in 2 hours"', { channel: 'budget' });
    await ok('bob', 'retro add R-1 liked "Short meetings"');
    t.h.messenger.take();
    await t.h.advance(3 * HOUR);
    expect(postsIn('budget')[0]!.text).toContain('R-1 “Quick one” closed at its set time. 1 item was not discussed');
    expect(await ok('alice', 'retros')).toContain('closed');
  });
});

describe('the blameless post-mortem offer', () => {
  it('is posted once when a goal is dropped, with a button that starts the retro', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'goal add "Open the \\"green\\" café" --group Budget');
    t.h.messenger.take();
    await ok('alice', 'goal close G-1 dropped');
    const offer = postsIn('budget');
    expect(offer).toHaveLength(1);
    expect(offer[0]!.text).toContain('A blameless look back at G-1 “Open the "green" café”?');
    const card = offer[0]!.view;
    if (card.type !== 'card') throw new Error('not a card');
    const command = card.actions[0]!.command;
    expect(command).toBe('retro start "Post-mortem: Open the \\"green\\" café" --template blameless --goal G-1');
    const started = await ok('bob', command, { channel: 'budget' });
    expect(started).toContain('R-1 “Post-mortem: Open the "green" café” is open for Budget (Blameless post-mortem)');
    expect(started).toContain('happened, helped, hindered, try');
    expect(await ok('bob', 'retro add R-1 "in the way" "No budget line for it"')).toContain('under “What got in the way”');
    expect(await ok('alice', 'audit')).toContain('offered goal G-1’s group a blameless post-mortem');
  });

  it('is posted at the due date when an indicator is off track, once, and not when on track', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'goal add "Plant trees" --due "in 10 days" --group Budget');
    await ok('alice', 'indicator add G-1 "Trees" --baseline 0 --target 100');
    await ok('alice', 'checkin I-1 10');
    await ok('alice', 'goal add "Fix the roof" --due "in 10 days" --group Budget');
    await ok('alice', 'indicator add G-2 "Tiles" --baseline 0 --target 10');
    await ok('alice', 'checkin I-2 10');
    t.h.messenger.take();
    await t.h.advance(11 * DAY);
    const offers = postsIn('budget').filter((p) => p.text.includes('blameless'));
    expect(offers).toHaveLength(1);
    expect(offers[0]!.text).toContain('G-1 “Plant trees” has reached its due date with an indicator off track.');
    // Dropping it now does not offer it again.
    await ok('alice', 'goal close G-1 dropped');
    expect(postsIn('budget').filter((p) => p.text.includes('blameless look back'))).toEqual([]);
  });
});

describe('in Vietnamese', () => {
  it('speaks the member’s language, column names included', async () => {
    await t.h.group(['alice', 'bob']);
    const started = await ok('alice', 'retro start "Tháng 11" --template start-stop-continue', { locale: 'vi', channel: 'budget' });
    expect(started).toContain('Buổi nhìn lại R-1 “Tháng 11” đã mở cho Budget (Bắt đầu, dừng, tiếp tục)');
    expect(await ok('bob', 'retro add R-1 "bắt đầu" "Họp ngắn hơn"', { locale: 'vi' })).toContain('Đã thêm vào R-1: mục #1, cột “Bắt đầu”.');
    expect(await ok('bob', 'retro vote R-1 1 --dots 2', { locale: 'vi' })).toContain('Đã đặt 2 chấm cho #1 trong R-1. Bạn còn 3 trên 5 chấm.');
    expect(await refused('bob', 'retro vote R-1 1 --dots 2', { locale: 'vi' })).toContain('Mỗi mục chỉ nhận tối đa 3 chấm của bạn');
    const show = await ok('bob', 'retro show R-1', { locale: 'vi' });
    expect(show).toContain('#1 Họp ngắn hơn · 2 chấm');
    expect(show).toContain('Điều ta nên thôi làm');
    expect(await ok('alice', 'audit', { locale: 'vi' })).toContain('đã mở buổi nhìn lại R-1');
  });
});

describe('private groups', () => {
  it('keeps a private group’s retros from everyone else', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'group create "Board" --private', { channel: 'board' });
    await ok('alice', 'retro start "Secret look-back" --group Board', { channel: 'board' });
    expect(await refused('bob', 'retro show R-1')).toContain('There is no retrospective R-1 you can see.');
    expect(await ok('bob', 'retros')).not.toContain('Secret look-back');
    expect(await ok('bob', 'audit')).not.toContain('R-1');
  });
});

describe('the due-date check', () => {
  it('moves with the goal’s due date and is dropped with it', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'goal add "Plant trees" --due "in 10 days" --group Budget');
    await ok('alice', 'indicator add G-1 "Trees" --baseline 0 --target 100');
    await ok('alice', 'checkin I-1 10');
    await ok('alice', 'goal edit G-1 --due "in 20 days"');
    await ok('alice', 'goal add "Fix the roof" --due "in 5 days" --group Budget');
    await ok('alice', 'indicator add G-2 "Tiles" --baseline 0 --target 100');
    await ok('alice', 'checkin I-2 10');
    await ok('alice', 'goal edit G-2 --due none');
    t.h.messenger.take();
    await t.h.advance(11 * DAY);
    expect(postsIn('budget').filter((p) => p.text.includes('blameless'))).toEqual([]);
    await t.h.advance(10 * DAY);
    const offers = postsIn('budget').filter((p) => p.text.includes('blameless'));
    expect(offers).toHaveLength(1);
    expect(offers[0]!.text).toContain('G-1 “Plant trees”');
  });
});
