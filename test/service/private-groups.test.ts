// Private groups: only members and invitees see them or join them; everyone else learns nothing.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/bots/console/render.js';
import { useHarness } from '../support/harness.js';

const t = useHarness();

/** alice convenes the private "HR"; bob is a member; guest is in the workspace but not in the group. */
async function hr() {
  expect((await t.h.run('alice', 'group create "HR" --kind committee --private', { channel: 'hr' })).ok).toBe(true);
  expect((await t.h.run('alice', 'group add @bob --group HR', { channel: 'hr' })).ok).toBe(true);
  await t.h.run('guest', 'settings', { channel: 'general' });
  t.h.messenger.take();
}

/** The reply for a group that does not exist, with the name asked for put in place of "Nowhere". */
async function missingGroupText(member: string, command: string, name: string, locale?: 'en' | 'vi') {
  const reply = await t.h.run(member, command.replace(name, 'Nowhere'), locale ? { locale } : {});
  return reply.text.replaceAll('Nowhere', name);
}

describe('creating and listing', () => {
  it('marks a private group in the list for its members and leaves it out for everyone else', async () => {
    await hr();
    await t.h.run('carol', 'group create "Garden"', { channel: 'garden' });
    const mine = await t.h.run('bob', 'group list');
    expect(mine.text).toContain('HR (committee, private)');
    expect(mine.text).toContain('Garden (working group)');
    const theirs = await t.h.run('guest', 'group list');
    expect(theirs.text).toContain('Garden');
    expect(theirs.text).not.toContain('HR');
    const vi = await t.h.run('bob', 'group list', { locale: 'vi' });
    expect(vi.text).toContain('HR (ủy ban, riêng tư)');
  });

  it('says what private means when it is created, in English and Vietnamese', async () => {
    const en = await t.h.run('alice', 'group create "HR" --private', { channel: 'hr' });
    expect(en.text).toContain('Created the private working group "HR"');
    expect(en.text).toContain('/concord group invite @member --group "HR"');
    const vi = await t.h.run('alice', 'group create "Kín" --private', { channel: 'kin', locale: 'vi' });
    expect(vi.text).toContain('Đã tạo nhóm công tác riêng tư "Kín"');
  });

  it('does not offer to join a taken name the member may not see', async () => {
    await hr();
    const again = await t.h.run('guest', 'group create "hr"');
    expect(again.ok).toBe(false);
    expect(again.text).toContain('The name "HR" is already taken. Pick another name.');
    expect(again.text).not.toContain('group join');
  });
});

describe('a non-member learns nothing', () => {
  it('is told a private group does not exist, word for word as for a missing one, in both languages', async () => {
    await hr();
    for (const locale of ['en', 'vi'] as const) {
      for (const command of ['group info HR', 'group join HR', 'group leave HR', 'propose "Pay rise" --rule consent --group HR', 'decisions --group HR', 'commitments --group HR', 'commitments stats --group HR']) {
        const reply = await t.h.run('guest', command, { locale });
        expect(reply.ok, command).toBe(false);
        expect(reply.text, `${command} (${locale})`).toBe(await missingGroupText('guest', command, 'HR', locale));
      }
    }
  });

  it('does not list a private group among the groups a missing name could have meant', async () => {
    await hr();
    await t.h.run('carol', 'group create "Garden"', { channel: 'garden' });
    const reply = await t.h.run('guest', 'group info Nope');
    expect(reply.text).toContain('Groups here: Garden.');
    const member = await t.h.run('bob', 'group info Nope');
    expect(member.text).toContain('Groups here: Garden, HR.');
  });

  it('cannot join from the group channel without an invitation', async () => {
    await hr();
    const reply = await t.h.run('guest', 'group join', { channel: 'hr' });
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain('This channel has none');
    expect((await t.h.run('alice', 'group info HR')).text).not.toContain('@guest');
  });
});

describe('invitations', () => {
  it('let an invitee see the group and join it; the invitation is used up', async () => {
    await hr();
    const invited = await t.h.run('alice', 'group invite @guest --group HR');
    expect(invited.ok).toBe(true);
    expect(invited.text).toContain('Invited @guest to "HR"');
    const dm = t.h.messenger.take().find((m) => m.kind === 'dm' && m.to === 'guest');
    expect(dm?.text).toContain('@alice invited you to the private committee "HR"');
    expect(dm?.view.type === 'card' && dm.view.actions[0]?.command).toBe('group join HR');

    const info = await t.h.run('guest', 'group info HR');
    expect(info.ok).toBe(true);
    expect(info.text).toContain('Visibility: private');
    expect(info.text).toContain('Invited: @guest');
    expect((await t.h.run('guest', 'group list')).text).toContain('HR (committee, private)');

    const joined = await t.h.run('guest', 'group join HR');
    expect(joined.ok).toBe(true);
    expect(joined.text).toContain('You joined "HR"');
    const after = await t.h.run('alice', 'group info HR');
    expect(after.text).toMatch(/Members: @bob, @guest/);
    expect(after.text).toContain('Invited: —');
  });

  it('can be taken back, after which the person sees nothing again', async () => {
    await hr();
    await t.h.run('alice', 'group invite @guest @dan --group HR');
    const revoked = await t.h.run('alice', 'group uninvite @guest --group HR');
    expect(revoked.text).toContain('Took back the invitation of @guest to "HR"');
    expect((await t.h.run('guest', 'group info HR')).ok).toBe(false);
    expect((await t.h.run('guest', 'group join HR')).ok).toBe(false);
    expect((await t.h.run('dan', 'group join HR')).ok).toBe(true);
    const none = await t.h.run('alice', 'group uninvite @guest --group HR');
    expect(none.text).toContain('@guest had no invitation to "HR", so there was nothing to take back.');
  });

  it('are only for conveners and only for private groups, with translated explanations', async () => {
    await hr();
    const byMember = await t.h.run('bob', 'group invite @guest --group HR');
    expect(byMember.ok).toBe(false);
    expect(byMember.text).toContain('Only a convener of "HR"');
    await t.h.run('carol', 'group create "Garden"', { channel: 'garden' });
    const open = await t.h.run('carol', 'group invite @guest --group Garden');
    expect(open.ok).toBe(false);
    expect(open.text).toContain('"Garden" is open: everyone can already see it and join it');
    expect(open.text).toContain('/concord group visibility private --group "Garden"');
    const openVi = await t.h.run('carol', 'group invite @guest --group Garden', { locale: 'vi' });
    expect(openVi.text).toContain('"Garden" là nhóm công khai');
    const twice = await t.h.run('alice', 'group invite @bob --group HR', { locale: 'vi' });
    expect(twice.text).toContain('@bob đã ở trong "HR" từ trước.');
  });

  it('count members of the group channel as invited when the platform says the channel is members-only', async () => {
    await hr();
    const run = (channel: { id: string; membersOnly?: boolean }, text: string) =>
      t.h.app.core.execute(
        { platform: 'console', workspace: { externalId: 'test', name: 'Test' }, actor: { externalId: 'erin', displayName: 'erin' }, channel, idempotencyKey: randomUUID() },
        text,
      );
    expect((await run({ id: 'hr' }, 'group join')).ok).toBe(false);
    const joined = await run({ id: 'hr', membersOnly: true }, 'group join');
    expect(joined.ok).toBe(true);
    expect(joined.views.map(renderText).join('\n')).toContain('You joined "HR"');
  });
});

describe('help', () => {
  it('explains the new commands and what joining a private group takes, in English and Vietnamese', async () => {
    expect((await t.h.run('alice', 'help group join')).text).toContain('A private group needs an invitation from one of its conveners first.');
    expect((await t.h.run('alice', 'help group join', { locale: 'vi' })).text).toContain('bạn cần được một điều phối viên của nhóm mời trước');
    const invite = await t.h.run('alice', 'help group invite');
    expect(invite.text).toContain('group invite @member [@member...] [--group <name>]');
    expect((await t.h.run('alice', 'help group visibility', { locale: 'vi' })).text).toContain('Riêng tư (private)');
  });
});

describe('changing visibility', () => {
  it('is for conveners; going open drops invitations, going private hides the group again', async () => {
    await hr();
    await t.h.run('alice', 'group invite @dan --group HR');
    const refused = await t.h.run('bob', 'group visibility open --group HR');
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain('Only a convener of "HR"');

    const open = await t.h.run('alice', 'group visibility open --group HR');
    expect(open.text).toContain('"HR" is now open: everyone in the workspace can see it and join it.');
    expect((await t.h.run('guest', 'group list')).text).toContain('HR (committee)');
    const same = await t.h.run('alice', 'group visibility open --group HR', { locale: 'vi' });
    expect(same.text).toContain('"HR" vốn đã ở chế độ công khai. Không có gì thay đổi.');

    const priv = await t.h.run('alice', 'group visibility private --group HR');
    expect(priv.text).toContain('"HR" is now private');
    expect((await t.h.run('guest', 'group list')).text).not.toContain('HR');
    // The invitation did not survive the open spell.
    expect((await t.h.run('dan', 'group join HR')).ok).toBe(false);
    const audit = await t.h.run('alice', 'audit');
    expect(audit.text).toContain('group.visibility-set');
  });
});

describe('members', () => {
  it('see and do everything as before', async () => {
    await hr();
    const info = await t.h.run('bob', 'group info HR');
    expect(info.text).toMatch(/Conveners: @alice/);
    expect(info.text).toMatch(/Members: @bob/);
    expect((await t.h.run('bob', 'propose "Pay rise" --rule consent --group HR')).ok).toBe(true);
    expect((await t.h.run('bob', 'group leave HR')).ok).toBe(true);
    // Having left, bob is an outsider like anyone else, even on the proposal he could vote on.
    expect((await t.h.run('bob', 'group info HR')).ok).toBe(false);
    const vote = await t.h.run('bob', 'vote 1 consent');
    expect(vote.ok).toBe(false);
    expect(vote.text).toBe((await t.h.run('bob', 'vote 99 consent')).text.replace('99', '1'));
  });
});

/**
 * HR (private): bob proposed #1, blocked by alice with a reason, and owes commitment #1; #2 was decided.
 * Garden (open): carol proposed #3 and owes commitment #2.
 */
async function hrWithRecords() {
  await hr();
  await t.h.run('carol', 'group create "Garden"', { channel: 'garden' });
  await t.h.run('guest', 'group join Garden');
  expect((await t.h.run('bob', 'propose "Pay rise" --rule consensus --group HR')).ok).toBe(true);
  expect((await t.h.run('alice', 'vote 1 block --reason "Unfair to juniors"')).ok).toBe(true);
  expect((await t.h.run('bob', 'propose "Hiring freeze" --rule consent --group HR')).ok).toBe(true);
  await t.h.run('alice', 'vote 2 consent');
  await t.h.run('bob', 'vote 2 consent');
  expect((await t.h.run('alice', 'outcome 2 "Freeze until March"')).ok).toBe(true);
  expect((await t.h.run('bob', 'commit "Draft the salary grid" --due "in 3 days" --group HR --proposal 1')).ok).toBe(true);
  expect((await t.h.run('carol', 'propose "Plant tomatoes" --rule consent --group Garden')).ok).toBe(true);
  expect((await t.h.run('carol', 'commit "Buy seeds" --due "in 3 days" --group Garden')).ok).toBe(true);
}

const SECRETS = ['HR', 'Pay rise', 'Hiring freeze', 'Freeze until March', 'Unfair to juniors', 'salary grid', 'proposal:1', 'proposal:2', 'commitment:1'];

describe('every view, for someone outside a private group', () => {
  it('answers a proposal or commitment of the group exactly as a missing one, in English and Vietnamese', async () => {
    await hrWithRecords();
    const cases: [string, string][] = [
      ['proposal 1', 'proposal 99'],
      ['vote 1 agree', 'vote 99 agree'],
      ['vote 2 consent', 'vote 99 consent'],
      ['close 1', 'close 99'],
      ['withdraw 1', 'withdraw 99'],
      ['outcome 2 "Mine now"', 'outcome 99 "Mine now"'],
      ['commitment 1', 'commitment 99'],
      ['done 1', 'done 99'],
      ['blocked 1 --reason "x"', 'blocked 99 --reason "x"'],
      ['commit "Peek" --due "in 2 days" --proposal 1', 'commit "Peek" --due "in 2 days" --proposal 99'],
      ['mediate @alice @guest --topic "Pay" --mediator @carol --proposal 1', 'mediate @alice @guest --topic "Pay" --mediator @carol --proposal 99'],
    ];
    for (const locale of ['en', 'vi'] as const) {
      for (const [asked, missing] of cases) {
        const reply = await t.h.run('guest', asked, { locale });
        const expected = await t.h.run('guest', missing, { locale });
        expect(reply.ok, asked).toBe(false);
        const number = /^\w+ (\d+)|--proposal (\d+)/.exec(asked)!.slice(1).find(Boolean)!;
        expect(reply.text, `${asked} (${locale})`).toBe(expected.text.replaceAll('99', number));
      }
    }
    // Nothing was changed on the way.
    expect((await t.h.run('bob', 'proposal 2')).text).toContain('Freeze until March');
  });

  it('leaves the group out of every list, the register, the statistics and the audit log', async () => {
    await hrWithRecords();
    const views = ['proposals', 'proposals --all', 'decisions', 'commitments --all', 'commitments', 'commitments stats', 'group list', 'audit --limit 200', 'mediations'];
    for (const command of views) {
      const reply = await t.h.run('guest', command);
      expect(reply.ok, command).toBe(true);
      for (const secret of SECRETS) expect(reply.text, `${command} shows ${secret}`).not.toContain(secret);
    }
    expect((await t.h.run('guest', 'proposals --all')).text).toContain('Plant tomatoes');
    expect((await t.h.run('guest', 'commitments --all')).text).toContain('Buy seeds');
    expect((await t.h.run('guest', 'commitments stats')).text).toContain('@carol');
    expect((await t.h.run('guest', 'commitments stats')).text).not.toContain('@bob');
    const audit = await t.h.run('guest', 'audit --limit 4');
    // The last four entries the guest may see reach back to Garden's creation, although HR wrote many since.
    expect(audit.text).toContain('Audit log: the latest 4 entries');
    expect(audit.text).toContain('created the group Garden');
    expect(audit.text).toContain('Plant tomatoes');
  });

  it('sends the group\'s own posts and digests only to its channel', async () => {
    await hr();
    t.h.messenger.take();
    await t.h.run('bob', 'propose "Pay rise" --rule consensus --group HR');
    await t.h.run('alice', 'settings digest monday 9 --group HR');
    await t.h.advance(8 * 24 * 3_600_000);
    const about = t.h.messenger.take().filter((m) => m.text.includes('Pay rise'));
    expect(about.length).toBeGreaterThan(0);
    for (const m of about) expect(m.kind === 'dm' ? ['alice', 'bob'] : ['hr'], m.text).toContain(m.to);
  });
});

describe('every view, for members and invitees', () => {
  it('shows members everything as before: the card with its block reason, lists, the register and the audit log', async () => {
    await hrWithRecords();
    const card = await t.h.run('bob', 'proposal 1');
    expect(card.text).toContain('Pay rise');
    expect(card.text).toContain('Unfair to juniors');
    expect((await t.h.run('bob', 'proposals --all')).text).toContain('Hiring freeze');
    expect((await t.h.run('bob', 'decisions')).text).toContain('Freeze until March');
    expect((await t.h.run('alice', 'commitments --all')).text).toContain('Draft the salary grid');
    expect((await t.h.run('alice', 'commitments stats --group HR')).text).toContain('@bob');
    const audit = await t.h.run('bob', 'audit --limit 200');
    for (const entry of ['opened proposal #1', 'commitment #1', 'Unfair to juniors']) expect(audit.text).toContain(entry);
  });

  it('lets an invitee read before joining and vote on proposals opened after', async () => {
    await hrWithRecords();
    await t.h.run('alice', 'group invite @guest --group HR');
    expect((await t.h.run('guest', 'proposal 1')).text).toContain('Unfair to juniors');
    expect((await t.h.run('guest', 'decisions')).text).toContain('Freeze until March');
    expect((await t.h.run('guest', 'group join HR')).ok).toBe(true);
    await t.h.run('alice', 'propose "Bonus" --rule consent --group HR');
    expect((await t.h.run('guest', 'vote 4 consent')).ok).toBe(true);
  });

  it('files a commitment that follows from a private decision under that group unless another is named', async () => {
    await hrWithRecords();
    expect((await t.h.run('alice', 'commit "Tell payroll" --due "in 2 days" --proposal 2', { channel: 'general' })).ok).toBe(true);
    expect((await t.h.run('guest', 'commitments --all')).text).not.toContain('Tell payroll');
    expect((await t.h.run('guest', 'commitment 3')).ok).toBe(false);
    expect((await t.h.run('bob', 'commitment 3')).text).toContain('HR');
  });

  it('uses up an invitation when the invitee is given a role directly', async () => {
    await hr();
    await t.h.run('alice', 'group invite @guest --group HR');
    expect((await t.h.run('alice', 'group role @guest observer --group HR')).ok).toBe(true);
    expect((await t.h.run('alice', 'group info HR')).text).toContain('Invited: —');
    expect((await t.h.run('guest', 'group leave HR')).ok).toBe(true);
    expect((await t.h.run('guest', 'group info HR')).ok).toBe(false);
  });

  it('keeps a commitment visible to its owner outside the group', async () => {
    await hr();
    expect((await t.h.run('alice', 'commit "Brief the lawyer" --due "in 2 days" --owner @guest --group HR')).ok).toBe(true);
    expect((await t.h.run('guest', 'commitment 1')).ok).toBe(true);
    expect((await t.h.run('guest', 'commitments --mine')).text).toContain('Brief the lawyer');
    expect((await t.h.run('guest', 'commitment accept 1')).ok).toBe(true);
    expect((await t.h.run('guest', 'done 1')).ok).toBe(true);
  });
});
