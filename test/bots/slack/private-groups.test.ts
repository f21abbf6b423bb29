// Slack's App Home and propose modal draw from core's lists, so a private group stays out of them for outsiders.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../support/db.js';
import { FakeSlack, homeOpened, member, slashCommand, startHarness, textOf, type SlackHarness } from './support.js';

let database: TestDatabase;
let slack: FakeSlack;
let h: SlackHarness;

beforeAll(async () => {
  slack = new FakeSlack();
  slack.listen();
  database = await openTestDatabase();
  h = await startHarness(database);
});
afterAll(async () => {
  await h?.close();
  await database?.close();
  slack?.close();
});
beforeEach(async () => {
  await database.reset();
  slack.reset();
});
afterEach(() => {
  const errors = h.logged.filter((l) => l.level === 'error');
  h.logged.length = 0;
  expect(errors).toEqual([]);
  expect(slack.problems).toEqual([]);
  expect(slack.unhandled).toEqual([]);
});

const alice = member(1);
const bao = member(2);
const chi = member(3);
const HR = { id: 'G0HR', name: 'hr' };

async function homeText(who: typeof alice, eventId: string): Promise<string> {
  slack.take();
  await h.send(homeOpened(who, eventId));
  const [publish] = slack.of('views.publish');
  return textOf((publish!.params.view as { blocks: unknown[] }).blocks);
}

describe('App Home with a private group', () => {
  it('shows the group and its proposals to members and nothing of it to anyone else', async () => {
    await h.send(slashCommand(alice, 'group create "HR" --kind committee --private', { channel: HR }));
    await h.send(slashCommand(alice, `group add <@${bao.id}>`, { channel: HR }));
    await h.send(slashCommand(alice, 'propose "Pay rise" --rule consent', { channel: HR }));
    await h.send(slashCommand(chi, 'group create "Garden"', { channel: { id: 'C0GARDEN', name: 'garden' } }));

    const members = await homeText(bao, 'Ev0PRIV1');
    expect(members).toContain('Pay rise');
    expect(members).toMatch(/HR \(committee, private\)/);

    const outsider = await homeText(chi, 'Ev0PRIV2');
    expect(outsider).toMatch(/Garden \(working group\)/);
    expect(outsider).not.toContain('Pay rise');
    expect(outsider).not.toContain('HR');
  });
});
