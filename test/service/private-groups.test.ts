// Private groups: only members and invitees see them or join them; everyone else learns nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/bots/console/render.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness } from '../support/harness.js';

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
  h = await createHarness(database);
});

/** alice convenes the private "HR"; bob is a member; guest is in the workspace but not in the group. */
async function hr() {
  expect((await h.run('alice', 'group create "HR" --kind committee --private', { channel: 'hr' })).ok).toBe(true);
  expect((await h.run('alice', 'group add @bob --group HR', { channel: 'hr' })).ok).toBe(true);
  await h.run('guest', 'settings', { channel: 'general' });
  h.messenger.take();
}

/** The reply for a group that does not exist, with the name asked for put in place of "Nowhere". */
async function missingGroupText(member: string, command: string, name: string, locale?: 'en' | 'vi') {
  const reply = await h.run(member, command.replace(name, 'Nowhere'), locale ? { locale } : {});
  return reply.text.replaceAll('Nowhere', name);
}

describe('creating and listing', () => {
  it('marks a private group in the list for its members and leaves it out for everyone else', async () => {
    await hr();
    await h.run('carol', 'group create "Garden"', { channel: 'garden' });
    const mine = await h.run('bob', 'group list');
    expect(mine.text).toContain('HR (committee, private)');
    expect(mine.text).toContain('Garden (working group)');
    const theirs = await h.run('guest', 'group list');
    expect(theirs.text).toContain('Garden');
    expect(theirs.text).not.toContain('HR');
    const vi = await h.run('bob', 'group list', { locale: 'vi' });
    expect(vi.text).toContain('HR (ủy ban, riêng tư)');
  });

  it('says what private means when it is created, in English and Vietnamese', async () => {
    const en = await h.run('alice', 'group create "HR" --private', { channel: 'hr' });
    expect(en.text).toContain('Created the private working group "HR"');
    expect(en.text).toContain('/concord group invite @member --group "HR"');
    const vi = await h.run('alice', 'group create "Kín" --private', { channel: 'kin', locale: 'vi' });
    expect(vi.text).toContain('Đã tạo nhóm công tác riêng tư "Kín"');
  });

  it('does not offer to join a taken name the member may not see', async () => {
    await hr();
    const again = await h.run('guest', 'group create "hr"');
    expect(again.ok).toBe(false);
    expect(again.text).toContain('The name "HR" is already taken. Pick another name.');
    expect(again.text).not.toContain('group join');
  });
});

describe('a non-member learns nothing', () => {
  it('is told a private group does not exist, word for word as for a missing one, in both languages', async () => {
    await hr();
    for (const locale of ['en', 'vi'] as const) {
      for (const command of ['group info HR', 'group join HR', 'group leave HR', 'propose "Pay rise" --rule consent --group HR', 'decisions --group HR', 'commitments --group HR', 'commitment stats --group HR']) {
        const reply = await h.run('guest', command, { locale });
        expect(reply.ok, command).toBe(false);
        expect(reply.text, `${command} (${locale})`).toBe(await missingGroupText('guest', command, 'HR', locale));
      }
    }
  });

  it('does not list a private group among the groups a missing name could have meant', async () => {
    await hr();
    await h.run('carol', 'group create "Garden"', { channel: 'garden' });
    const reply = await h.run('guest', 'group info Nope');
    expect(reply.text).toContain('Groups here: Garden.');
    const member = await h.run('bob', 'group info Nope');
    expect(member.text).toContain('Groups here: Garden, HR.');
  });

  it('cannot join from the group channel without an invitation', async () => {
    await hr();
    const reply = await h.run('guest', 'group join', { channel: 'hr' });
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain('This channel has none');
    expect((await h.run('alice', 'group info HR')).text).not.toContain('@guest');
  });
});

describe('invitations', () => {
  it('let an invitee see the group and join it; the invitation is used up', async () => {
    await hr();
    const invited = await h.run('alice', 'group invite @guest --group HR');
    expect(invited.ok).toBe(true);
    expect(invited.text).toContain('Invited @guest to "HR"');
    const dm = h.messenger.take().find((m) => m.kind === 'dm' && m.to === 'guest');
    expect(dm?.text).toContain('@alice invited you to the private committee "HR"');
    expect(dm?.view.type === 'card' && dm.view.actions[0]?.command).toBe('group join HR');

    const info = await h.run('guest', 'group info HR');
    expect(info.ok).toBe(true);
    expect(info.text).toContain('Visibility: private');
    expect(info.text).toContain('Invited: @guest');
    expect((await h.run('guest', 'group list')).text).toContain('HR (committee, private)');

    const joined = await h.run('guest', 'group join HR');
    expect(joined.ok).toBe(true);
    expect(joined.text).toContain('You joined "HR"');
    const after = await h.run('alice', 'group info HR');
    expect(after.text).toMatch(/Members: @bob, @guest/);
    expect(after.text).toContain('Invited: —');
  });

  it('can be taken back, after which the person sees nothing again', async () => {
    await hr();
    await h.run('alice', 'group invite @guest @dan --group HR');
    const revoked = await h.run('alice', 'group uninvite @guest --group HR');
    expect(revoked.text).toContain('Took back the invitation of @guest to "HR"');
    expect((await h.run('guest', 'group info HR')).ok).toBe(false);
    expect((await h.run('guest', 'group join HR')).ok).toBe(false);
    expect((await h.run('dan', 'group join HR')).ok).toBe(true);
    const none = await h.run('alice', 'group uninvite @guest --group HR');
    expect(none.text).toContain('@guest had no invitation to "HR", so there was nothing to take back.');
  });

  it('are only for conveners and only for private groups, with translated explanations', async () => {
    await hr();
    const byMember = await h.run('bob', 'group invite @guest --group HR');
    expect(byMember.ok).toBe(false);
    expect(byMember.text).toContain('Only a convener of "HR"');
    await h.run('carol', 'group create "Garden"', { channel: 'garden' });
    const open = await h.run('carol', 'group invite @guest --group Garden');
    expect(open.ok).toBe(false);
    expect(open.text).toContain('"Garden" is open: everyone can already see it and join it');
    expect(open.text).toContain('/concord group visibility private --group "Garden"');
    const openVi = await h.run('carol', 'group invite @guest --group Garden', { locale: 'vi' });
    expect(openVi.text).toContain('"Garden" là nhóm công khai');
    const twice = await h.run('alice', 'group invite @bob --group HR', { locale: 'vi' });
    expect(twice.text).toContain('@bob đã ở trong "HR" từ trước.');
  });

  it('count members of the group channel as invited when the platform says the channel is members-only', async () => {
    await hr();
    const run = (channel: { id: string; membersOnly?: boolean }, text: string) =>
      h.app.core.execute(
        { platform: 'console', workspace: { externalId: 'test', name: 'Test' }, actor: { externalId: 'erin', displayName: 'erin' }, channel, idempotencyKey: randomUUID() },
        text,
      );
    expect((await run({ id: 'hr' }, 'group join')).ok).toBe(false);
    const joined = await run({ id: 'hr', membersOnly: true }, 'group join');
    expect(joined.ok).toBe(true);
    expect(joined.views.map(renderText).join('\n')).toContain('You joined "HR"');
  });
});

describe('changing visibility', () => {
  it('is for conveners; going open drops invitations, going private hides the group again', async () => {
    await hr();
    await h.run('alice', 'group invite @dan --group HR');
    const refused = await h.run('bob', 'group visibility open --group HR');
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain('Only a convener of "HR"');

    const open = await h.run('alice', 'group visibility open --group HR');
    expect(open.text).toContain('"HR" is now open: everyone in the workspace can see it and join it.');
    expect((await h.run('guest', 'group list')).text).toContain('HR (committee)');
    const same = await h.run('alice', 'group visibility open --group HR', { locale: 'vi' });
    expect(same.text).toContain('"HR" vốn đã ở chế độ công khai. Không có gì thay đổi.');

    const priv = await h.run('alice', 'group visibility private --group HR');
    expect(priv.text).toContain('"HR" is now private');
    expect((await h.run('guest', 'group list')).text).not.toContain('HR');
    // The invitation did not survive the open spell.
    expect((await h.run('dan', 'group join HR')).ok).toBe(false);
    const audit = await h.run('alice', 'audit');
    expect(audit.text).toContain('group.visibility-set');
  });
});

describe('members', () => {
  it('see and do everything as before', async () => {
    await hr();
    const info = await h.run('bob', 'group info HR');
    expect(info.text).toMatch(/Conveners: @alice/);
    expect(info.text).toMatch(/Members: @bob/);
    expect((await h.run('bob', 'propose "Pay rise" --rule consent --group HR')).ok).toBe(true);
    expect((await h.run('bob', 'group leave HR')).ok).toBe(true);
    // Having left, bob is an outsider like anyone else.
    expect((await h.run('bob', 'group info HR')).ok).toBe(false);
  });
});
