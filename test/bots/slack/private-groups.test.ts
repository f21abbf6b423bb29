// Slack's App Home and propose modal draw from core's lists, so a private group stays out of them for outsiders.
import { describe, expect, it } from 'vitest';
import { homeOpened, member, slashCommand, textOf, useSlack } from './support.js';

const t = useSlack({ fresh: true, check: 'fake and log' });

const alice = member(1);
const bao = member(2);
const chi = member(3);
const HR = { id: 'G0HR', name: 'hr' };

async function homeText(who: typeof alice, eventId: string): Promise<string> {
  t.slack.take();
  await t.h.send(homeOpened(who, eventId));
  const [publish] = t.slack.of('views.publish');
  return textOf((publish!.params.view as { blocks: unknown[] }).blocks);
}

describe('App Home with a private group', () => {
  it('shows the group and its proposals to members and nothing of it to anyone else', async () => {
    await t.h.send(slashCommand(alice, 'group create "HR" --kind committee --private', { channel: HR }));
    await t.h.send(slashCommand(alice, `group add <@${bao.id}>`, { channel: HR }));
    await t.h.send(slashCommand(alice, 'propose "Pay rise" --rule consent', { channel: HR }));
    await t.h.send(slashCommand(chi, 'group create "Garden"', { channel: { id: 'C0GARDEN', name: 'garden' } }));

    const members = await homeText(bao, 'Ev0PRIV1');
    expect(members).toContain('Pay rise');
    expect(members).toMatch(/HR \(committee, private\)/);

    const outsider = await homeText(chi, 'Ev0PRIV2');
    expect(outsider).toMatch(/Garden \(working group\)/);
    expect(outsider).not.toContain('Pay rise');
    expect(outsider).not.toContain('HR');
  });
});
