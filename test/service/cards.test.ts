// What proposal cards and result cards say: withdrawn cards, advice decisions, ranked rounds, approval shares, wording.
import { beforeEach, describe, expect, it } from 'vitest';
import { useHarness } from '../support/harness.js';

const t = useHarness();

beforeEach(async () => {
  await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
  for (const m of ['bob', 'carol', 'dan', 'erin']) await t.h.run(m, 'group join', { channel: 'budget' });
  t.h.messenger.take();
});

const posts = () => t.h.messenger.take().filter((s) => s.kind === 'post' && s.to === 'budget');

describe('a withdrawn proposal', () => {
  it('shows who withdrew it and no forecast of passing or failing', async () => {
    await t.h.run('bob', 'propose "Evening meetings" --rule consent', { channel: 'budget' });
    await t.h.run('carol', 'vote 1 consent');
    await t.h.run('alice', 'withdraw 1');
    const updated = t.h.messenger.take().filter((s) => s.kind === 'update').at(-1);
    expect(updated?.text).toMatch(/Withdrawn by @alice\./);
    expect(updated?.text).not.toMatch(/If voting ended now|passes|fails/);
    const shown = await t.h.run('carol', 'proposal 1');
    expect(shown.text).toMatch(/Withdrawn by @alice\./);
    expect(shown.text).not.toMatch(/If voting ended now|passes/);
    const vi = await t.h.run('carol', 'proposal 1', { locale: 'vi' });
    expect(vi.text).toMatch(/Đã được @alice rút lại\./);
    expect(vi.text).not.toMatch(/Nếu kết thúc bỏ phiếu ngay bây giờ|được thông qua/);
  });
});

describe('the advice process', () => {
  it('recording the decision posts no "decision pending" card first', async () => {
    await t.h.run('bob', 'propose "New website" --rule advice --decider @alice', { channel: 'budget' });
    await t.h.run('carol', 'vote 1 support');
    posts();
    await t.h.run('alice', 'outcome 1 "We build it in January"');
    const sent = posts();
    expect(sent.length).toBeGreaterThan(0);
    for (const post of sent) expect(post.text).not.toMatch(/decision pending|now records the decision/);
    expect(sent.map((s) => s.text).join('\n')).toMatch(/We build it in January/);
    expect(sent.find((s) => /Result of proposal #1/.test(s.text))?.text).toMatch(/decided/);
  });
});

describe('result cards', () => {
  it('tell ranked rounds once', async () => {
    await t.h.run('alice', 'propose "Trip" --rule ranked --options "Da Lat|Hoi An|Sa Pa"', { channel: 'budget' });
    await t.h.run('alice', 'vote 1 "Sa Pa>Hoi An"');
    await t.h.run('bob', 'vote 1 "Sa Pa>Da Lat"');
    await t.h.run('carol', 'vote 1 "Hoi An>Sa Pa"');
    await t.h.run('dan', 'vote 1 "Hoi An>Da Lat"');
    await t.h.run('erin', 'vote 1 "Da Lat>Hoi An"');
    const result = posts().find((s) => /Result of proposal #1/.test(s.text));
    expect(result?.text).toMatch(/chosen: Hoi An/);
    expect(result?.text.match(/Round 1/g)).toHaveLength(1);
    expect(result?.text.match(/Round 2/g)).toHaveLength(1);
  });

  it('show approvals as a share of the voters', async () => {
    await t.h.run('alice', 'propose "Snacks" --rule approval --options "Fruit|Cake|Nuts"', { channel: 'budget' });
    await t.h.run('alice', 'vote 1 Fruit,Cake');
    await t.h.run('bob', 'vote 1 Fruit,Nuts');
    await t.h.run('carol', 'vote 1 Fruit');
    await t.h.run('dan', 'vote 1 Cake');
    await t.h.run('erin', 'vote 1 Nuts');
    const result = posts().find((s) => /Result of proposal #1/.test(s.text));
    expect(result?.text).toMatch(/Fruit: approved by 3 of 5 voters \(60%\)/);
    expect(result?.text).toMatch(/Cake: approved by 2 of 5 voters \(40%\)/);
    const vi = await t.h.run('bob', 'proposal 1', { locale: 'vi' });
    expect(vi.text).toMatch(/Fruit: được 3 trên 5 người bỏ phiếu tán thành \(60%\)/);
  });

  it('show dots as a share of all dots placed', async () => {
    await t.h.run('alice', 'propose "Priorities" --rule dot --dots 3 --options "Docs|Tests"', { channel: 'budget' });
    await t.h.run('alice', 'vote 1 Docs=3');
    await t.h.run('bob', 'vote 1 "Docs=1 Tests=2"');
    const shown = await t.h.run('bob', 'proposal 1');
    expect(shown.text).toMatch(/Docs: 4 of 6 dots placed \(67%\)/);
  });
});

describe('numbers', () => {
  it('are written with the reader\'s decimal separator on cards', async () => {
    await t.h.run('alice', 'propose "Pace" --rule fist-of-five', { channel: 'budget' });
    await t.h.run('alice', 'vote 1 4');
    await t.h.run('bob', 'vote 1 4');
    expect((await t.h.run('bob', 'proposal 1')).text).toMatch(/The mean of 2 ballots is 4\.00/);
    expect((await t.h.run('bob', 'proposal 1', { locale: 'vi' })).text).toMatch(/Điểm trung bình của 2 phiếu là 4,00/);
    await t.h.run('alice', 'propose "Venue" --rule score --options "Hall|Park"', { channel: 'budget' });
    await t.h.run('alice', 'vote 2 "Hall=3 Park=1"');
    await t.h.run('bob', 'vote 2 Hall=2');
    const vi = await t.h.run('bob', 'proposal 2', { locale: 'vi' });
    expect(vi.text).toMatch(/Hall: 2,50/);
    expect(vi.text).toMatch(/Hall thắng với điểm trung bình 2,50/);
    expect((await t.h.run('bob', 'proposal 2')).text).toMatch(/Hall: 2\.50/);
  });
});

describe('wording', () => {
  it('says "no ballots" rather than "only 0 ballots" when quorum fails with nobody voting', async () => {
    await t.h.run('alice', 'propose "Quiet" --rule consent --quorum 50%', { channel: 'budget' });
    await t.h.run('alice', 'close 1');
    const text = posts().map((s) => s.text).join('\n');
    expect(text).toMatch(/No ballots were cast but quorum needs 3 of 5 members/);
    expect(text).not.toMatch(/Only 0/);
    await t.h.run('alice', 'settings locale vi --workspace', { admin: true });
    expect((await t.h.run('alice', 'proposal 1')).text).toMatch(/Chưa có phiếu nào trong khi túc số là 3 trên 5 thành viên/);
  });

  it('describes anonymous ballots without a second colon', async () => {
    await t.h.run('alice', 'propose "Secret" --rule consent --anonymous', { channel: 'budget' });
    const shown = await t.h.run('bob', 'proposal 1');
    expect(shown.text).toMatch(/Ballots: anonymous \(nobody can see who voted what\)/);
    expect((await t.h.run('bob', 'proposal 1', { locale: 'vi' })).text).toMatch(/ẩn danh \(không ai biết ai đã bầu gì\)/);
  });

  it('shows a poll option in a ballot reason, not a message key', async () => {
    await t.h.run('alice', 'propose "Venue" --rule poll --options "Hall|Park"', { channel: 'budget' });
    await t.h.run('bob', 'vote 1 Park "Fresh air"');
    const shown = await t.h.run('carol', 'proposal 1');
    expect(shown.text).toMatch(/@bob \(Park\): Fresh air/);
    expect(shown.text).not.toMatch(/choice\./);
  });
});
