// Mediation through the core service: the private space, stages, access control and the public record.
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { DAY, useHarness } from '../support/harness.js';

const t = useHarness();

beforeEach(async () => {
  await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
  for (const m of ['bob', 'carol', 'dan', 'erin']) await t.h.run(m, 'group join', { channel: 'budget' });
  await t.h.run('alice', 'group role @dan mediator', { channel: 'budget' });
  await t.h.run('alice', 'group role @erin mediator', { channel: 'budget' });
  t.h.messenger.take();
});

const inSpace = (member: string, text: string, n = 1) => t.h.run(member, text, { channel: `mediation-${n}` });

describe('opening a mediation', () => {
  it('opens a private space for the parties and the mediator, and tells the group only that it exists', async () => {
    const opened = await t.h.run('bob', 'mediate @bob @carol --topic "Who leads outreach" --confidential', { channel: 'budget' });
    expect(opened.ok).toBe(true);
    t.h.messenger.take();
    await t.h.run('carol', 'mediation accept 1');
    const sent = t.h.messenger.take();
    const space = sent.find((s) => s.kind === 'private');
    expect(space?.to).toBe('mediation-1');
    expect(space?.text.split(',').sort()).toEqual(['bob', 'carol', 'dan']);
    const record = sent.find((s) => s.kind === 'post' && s.to === 'budget');
    expect(record?.text).toMatch(/A mediation has been opened \(#1\)/);
    expect(record?.text).not.toMatch(/bob|carol|outreach/);
    expect(sent.find((s) => s.kind === 'post' && s.to === 'mediation-1')?.text).toMatch(/this space is private/);
  });

  it('chooses the group\'s mediators in turn and never a party', async () => {
    await t.h.run('bob', 'mediate @bob @carol --topic "One"');
    await t.h.run('bob', 'mediate @bob @carol --topic "Two"');
    await t.h.run('dan', 'mediate @dan @carol --topic "Three"');
    const mediators = rowsOf<{ number: number; mediator: string }>(
      await t.database.db.execute(sql`select d.number, m.external_id as mediator from disputes d join members m on m.id = d.mediator_id order by d.number`),
    );
    expect(mediators).toEqual([
      { number: 1, mediator: 'dan' },
      { number: 2, mediator: 'erin' },
      { number: 3, mediator: 'erin' },
    ]);
  });

  it('goes to a convener when the group has no mediator who is not a party', async () => {
    const reply = await t.h.run('dan', 'mediate @dan @erin --topic "Mediators disagree"');
    expect(reply.text).toMatch(/with @alice as mediator/);
    expect((await t.h.run('erin', 'mediation accept 1')).text).toMatch(/open with @alice as mediator/);
  });

  it('lets members ask only for disputes they are part of', async () => {
    const refused = await t.h.run('bob', 'mediate @carol @alice --topic "Not mine"');
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/dispute you are part of/);
    expect((await t.h.run('dan', 'mediate @carol @alice --topic "As mediator"')).ok).toBe(true);
  });

  it('keeps the case open and tells the requester when the space cannot be opened, then opens it once', async () => {
    t.h.messenger.privateSpaceError = 'the bot lacks the Create Private Threads permission';
    await t.h.run('bob', 'mediate @bob @carol --topic "Outreach"');
    await t.h.run('carol', 'mediation accept 1');
    const told = t.h.messenger.take().filter((s) => s.kind === 'dm' && s.to === 'bob');
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toMatch(/could not open the private space.*Create Private Threads/);
    expect((await t.h.run('bob', 'mediation 1')).text).toMatch(/in progress/);
    t.h.messenger.privateSpaceError = null;
    await t.h.advance(DAY);
    await t.h.advance(DAY);
    const spaces = t.h.messenger.take().filter((s) => s.kind === 'private');
    expect(spaces).toHaveLength(1);
  });
});

describe('inside the mediation', () => {
  beforeEach(async () => {
    await t.h.run('bob', 'mediate @bob @carol --topic "Who leads outreach"');
    await t.h.run('carol', 'mediation accept 1');
    t.h.messenger.take();
  });

  it('walks through the stages and records an agreement every party accepted', async () => {
    expect((await inSpace('bob', 'mediation next')).text).toMatch(/Only the mediator/);
    expect((await inSpace('dan', 'mediation next')).text).toMatch(/interests and needs/);
    await inSpace('dan', 'mediation next');
    await inSpace('dan', 'mediation next');
    expect((await inSpace('dan', 'mediation next')).text).toMatch(/last stage/);
    await inSpace('dan', 'mediation propose-agreement "Bob leads until March, Carol after"');
    expect((await inSpace('bob', 'mediation accept')).text).toMatch(/Waiting for the other parties/);
    expect((await inSpace('dan', 'mediation accept')).ok).toBe(false);
    const last = await inSpace('carol', 'mediation accept');
    expect(last.text).toMatch(/every party has now agreed/);
    expect((await t.h.run('bob', 'mediation 1')).text).toMatch(/accepted by all/);
  });

  it('needs the number outside the space and refuses a paused case', async () => {
    expect((await t.h.run('bob', 'mediation note "Outside"')).text).toMatch(/give its number/);
    expect((await t.h.run('bob', 'mediation note 1 "Outside, numbered"')).ok).toBe(true);
    await inSpace('dan', 'mediation pause');
    expect((await inSpace('dan', 'mediation propose-agreement "x"')).text).toMatch(/paused/);
    await inSpace('dan', 'mediation resume');
    expect((await inSpace('dan', 'mediation propose-agreement "x"')).ok).toBe(true);
  });

  it('sends a caucus only to the party named', async () => {
    await inSpace('dan', 'mediation caucus @carol "What matters most to you?"');
    const dms = t.h.messenger.take().filter((s) => s.kind === 'dm');
    expect(dms.map((d) => d.to)).toEqual(['carol']);
    expect(dms[0]!.text).toMatch(/What matters most to you\?/);
  });

  it('gives a non-party nothing, through any command', async () => {
    await inSpace('bob', 'mediation note "My private worry about the budget"');
    const outsider = 'zed';
    expect((await inSpace(outsider, 'mediation note "let me in"')).text).toMatch(/no mediation #1 that you take part in/);
    expect((await t.h.run(outsider, 'mediation 1')).text).toMatch(/no mediation #1/);
    expect((await t.h.run(outsider, 'mediations')).text).toMatch(/No mediations involve you/);
    // A convener sees the status only.
    const convener = await t.h.run('alice', 'mediation 1');
    expect(convener.text).toMatch(/in progress/);
    expect(convener.text).not.toMatch(/outreach|bob|carol/i);
    expect((await inSpace('alice', 'mediation note "hi"')).ok).toBe(false);
    for (const text of ['audit --limit 200', 'decisions', 'proposals --all', 'commitments --all']) {
      const reply = await t.h.run(outsider, text);
      expect(reply.text, text).not.toMatch(/private worry|Who leads outreach/);
    }
  });

  it('closes with a public summary, never the notes, and deletes the notes after the retention period', async () => {
    await inSpace('carol', 'mediation note "Carol\'s private note"');
    const closed = await inSpace('dan', 'mediation close resolved --summary "Shared leadership agreed"');
    expect(closed.text).toMatch(/deleted in 90 days/);
    const record = t.h.messenger.take().find((s) => s.kind === 'post' && s.to === 'budget');
    expect(record?.text).toMatch(/Shared leadership agreed/);
    expect(record?.text).not.toMatch(/private note/);
    expect((await t.h.run('zed', 'decisions')).text).toMatch(/Mediation #1 — resolved\n.*\n?.*Shared leadership agreed/);
    const notes = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from dispute_notes`))[0]!.n;
    expect(await notes()).toBe(1);
    await t.h.advance(91 * DAY);
    expect(await notes()).toBe(0);
    expect((await t.h.run('alice', 'audit verify')).text).toMatch(/intact/);
  });

  it('escalates to the conveners of the group named', async () => {
    await t.h.run('frank', 'group create "Steering Committee" --kind committee', { channel: 'steering' });
    t.h.messenger.take();
    await inSpace('dan', 'mediation close escalated --to "Steering Committee"');
    const dms = t.h.messenger.take().filter((s) => s.kind === 'dm');
    expect(dms.map((d) => d.to)).toEqual(['frank']);
    expect(dms[0]!.text).toMatch(/escalated to you/);
  });
});

describe('objections lead to mediation', () => {
  it('offers the objector and the proposer mediation when a consent proposal meets an objection', async () => {
    await t.h.run('alice', 'propose "Evening meetings" --rule consent', { channel: 'budget' });
    t.h.messenger.take();
    await t.h.run('bob', 'vote 1 object "Childcare"');
    const offers = t.h.messenger.take().filter((s) => s.kind === 'dm');
    expect(offers.map((o) => o.to).sort()).toEqual(['alice', 'bob']);
    const action = offers[0]!.view.type === 'card' ? offers[0]!.view.actions[0]!.command : '';
    expect(action).toBe('mediate @alice @bob --topic "Objection to proposal #1" --group "Budget" --proposal 1');
    expect((await t.h.run('bob', action)).ok).toBe(true);
  });

  it('asks only the objector on an anonymous proposal', async () => {
    await t.h.run('alice', 'propose "Secret" --rule consensus --anonymous', { channel: 'budget' });
    t.h.messenger.take();
    await t.h.run('bob', 'vote 1 block "No"');
    expect(t.h.messenger.take().filter((s) => s.kind === 'dm').map((d) => d.to)).toEqual(['bob']);
  });
});
