// The read API adapters build menus and forms from: the same data as the text views, and no more.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/core/context.js';
import { useHarness } from '../support/harness.js';

const t = useHarness();

function as(member: string, channel = 'general', opts: { locale?: 'en' | 'vi'; membersOnly?: boolean } = {}): CommandContext {
  return {
    platform: 'console',
    workspace: { externalId: 'test', name: 'Test' },
    actor: { externalId: member, displayName: member, ...(opts.locale ? { locale: opts.locale } : {}) },
    channel: { id: channel, name: channel, ...(opts.membersOnly ? { membersOnly: true } : {}) },
    idempotencyKey: randomUUID(),
  };
}

/** alice convenes the private "HR" with bob in it; carol convenes the open "Garden"; guest is in neither. */
async function groups() {
  const { h } = t;
  expect((await h.run('alice', 'group create "HR" --kind committee --private', { channel: 'hr' })).ok).toBe(true);
  expect((await h.run('alice', 'group add @bob --group HR', { channel: 'hr' })).ok).toBe(true);
  expect((await h.run('carol', 'group create "Garden (north)"', { channel: 'garden' })).ok).toBe(true);
  await h.run('guest', 'settings');
}

describe('groups', () => {
  it('lists the groups a member may read, with kind, role and the channel they are in', async () => {
    await groups();
    const { groups: bob, locale } = await t.h.app.core.readGroups(as('bob', 'hr'));
    expect(locale).toBe('en');
    expect(bob.map((g) => [g.name, g.kind, g.private, g.role, g.inThisChannel])).toEqual(
      expect.arrayContaining([
        ['HR', 'committee', true, 'member', true],
        ['Garden (north)', 'working-group', false, null, false],
      ]),
    );
    expect(bob).toHaveLength(2);
  });

  it('leaves out a private group the member is not in, as the text list does', async () => {
    await groups();
    const { groups: guest } = await t.h.app.core.readGroups(as('guest'));
    expect(guest.map((g) => g.name)).toEqual(['Garden (north)']);
    expect(JSON.stringify(guest)).not.toContain('HR');
  });

  it('counts the members of a private channel as invited to its group', async () => {
    await groups();
    const { groups: inChannel } = await t.h.app.core.readGroups(as('guest', 'hr', { membersOnly: true }));
    expect(inChannel.map((g) => g.name).sort()).toEqual(['Garden (north)', 'HR']);
  });
});

describe('ballot forms', () => {
  it('gives a ranked ballot its options and prompt, in the member’s language', async () => {
    const { h } = t;
    await h.run('alice', 'group create "Budget"', { channel: 'budget' });
    await h.run('bob', 'group join Budget', { channel: 'budget' });
    await h.run('alice', 'propose "Venue" --rule ranked --options "Hall|Park|Online" --group Budget');
    const form = await h.app.core.readBallotForm(as('bob'), 1);
    expect(form).toMatchObject({ proposal: 1, title: 'Proposal #1: Venue', status: 'open', rule: 'ranked', anonymous: false, hasVoted: false });
    expect(form?.choices).toHaveLength(1);
    expect(form?.choices[0]).toMatchObject({ command: 'vote 1', reasonAsked: false, input: { kind: 'ballot', rule: 'ranked', options: ['Hall', 'Park', 'Online'] } });
    const card = await h.run('bob', 'proposal 1');
    const action = card.views.flatMap((v) => (v.type === 'card' ? v.actions : []))[0];
    expect(form?.choices[0]?.input).toEqual(action?.input);
    const vi = await h.app.core.readBallotForm(as('bob', 'general', { locale: 'vi' }), 1);
    expect(vi?.choices[0]?.input?.prompt).not.toBe(form?.choices[0]?.input?.prompt);
  });

  it('lists the choices of a consent proposal, asking a reason for an objection', async () => {
    const { h } = t;
    await h.run('alice', 'group create "Budget"', { channel: 'budget' });
    await h.run('alice', 'propose "Adopt" --rule consent --group Budget');
    const form = await h.app.core.readBallotForm(as('alice'), 1);
    const card = await h.run('alice', 'proposal 1');
    const actions = card.views.flatMap((v) => (v.type === 'card' ? v.actions : []));
    expect(form?.choices.map((c) => c.command)).toEqual(actions.map((a) => a.command));
    expect(form?.choices.find((c) => c.choice === 'object')?.reasonAsked).toBe(true);
    expect(form?.choices.find((c) => c.choice === 'consent')?.reasonAsked).toBe(false);
  });

  it('offers no choices once the proposal is closed', async () => {
    const { h } = t;
    await h.run('alice', 'group create "Budget"', { channel: 'budget' });
    await h.run('alice', 'propose "Adopt" --rule majority --group Budget');
    await h.run('alice', 'close 1');
    const form = await h.app.core.readBallotForm(as('alice'), 1);
    expect(form?.status).toBe('closed');
    expect(form?.choices).toEqual([]);
  });

  it('answers nothing for a proposal of a private group the member may not read, as for a missing one', async () => {
    await groups();
    const { h } = t;
    expect((await h.run('alice', 'propose "Pay rise" --rule consent --group HR', { channel: 'hr' })).ok).toBe(true);
    expect(await h.app.core.readBallotForm(as('guest'), 1)).toBeNull();
    expect(await h.app.core.readBallotForm(as('guest'), 99)).toBeNull();
    expect(await h.app.core.readBallotForm(as('bob'), 1)).not.toBeNull();
    expect((await h.app.core.readProposals(as('guest'), true)).map((p) => p.number)).toEqual([]);
    expect((await h.app.core.readProposals(as('bob'), true)).map((p) => p.title)).toEqual(['Pay rise']);
    const home = await h.app.core.readHome(as('guest'));
    expect(JSON.stringify(home)).not.toMatch(/HR|Pay rise/);
  });

  it('tells a member only whether they voted themselves on an anonymous proposal, and keeps hidden results hidden', async () => {
    const { h } = t;
    await h.run('alice', 'group create "Budget"', { channel: 'budget' });
    for (const m of ['bob', 'carol']) await h.run(m, 'group join Budget', { channel: 'budget' });
    await h.run('alice', 'propose "Venue" --rule poll --options "Hall|Park" --anonymous --hide-results until-close --group Budget');
    await h.run('bob', 'vote 1 Park');
    const bob = await h.app.core.readBallotForm(as('bob'), 1);
    expect(bob).toMatchObject({ anonymous: true, hideResults: 'until-close', resultsVisible: false, hasVoted: true });
    const carol = await h.app.core.readBallotForm(as('carol'), 1);
    expect(carol?.hasVoted).toBe(false);
    expect(JSON.stringify(carol)).not.toMatch(/bob/);
    const list = await h.app.core.readProposals(as('carol'));
    expect(list).toEqual([{ number: 1, title: 'Venue', status: 'open', rule: 'poll', voted: false }]);
  });
});

describe('commitments', () => {
  it('lists the member’s own open commitments, not anyone else’s', async () => {
    const { h } = t;
    await h.run('alice', 'group create "Budget"', { channel: 'budget' });
    await h.run('bob', 'group join Budget', { channel: 'budget' });
    expect((await h.run('alice', 'commit "Draft the budget" --due "in 3 days" --group Budget')).ok).toBe(true);
    const mine = await h.app.core.readMyCommitments(as('alice'));
    expect(mine).toEqual([{ number: 1, what: 'Draft the budget', status: 'open' }]);
    expect(await h.app.core.readMyCommitments(as('bob'))).toEqual([]);
  });
});

describe('App Home', () => {
  it('holds the same views as proposals, decisions and group list', async () => {
    const { h } = t;
    await h.run('alice', 'group create "Budget"', { channel: 'budget' });
    await h.run('alice', 'propose "Adopt" --rule majority --group Budget');
    const home = await h.app.core.readHome(as('alice'));
    expect(home.locale).toBe('en');
    const views = [];
    for (const command of ['proposals', 'decisions', 'group list']) views.push((await h.run('alice', command)).views);
    expect(home.sections).toEqual(views);
  });
});
