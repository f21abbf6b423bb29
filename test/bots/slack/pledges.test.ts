// Pledges through Slack's slash command: amounts typed either way, the list with its totals in the member's language.
import { describe, expect, it } from 'vitest';
import { member, slashCommand, textOf, useSlack } from './support.js';

const t = useSlack();
const alice = member(41);
const bao = member(42);

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const lastReply = () => plain(textOf(t.slack.hooks.at(-1)?.body.blocks));

describe('/concord pledge', () => {
  it('records pledges and lists them with totals per kind', async () => {
    await t.h.send(slashCommand(alice, 'group create "Budget"'));
    await t.h.send(slashCommand(bao, 'group join "Budget"'));
    await t.h.send(slashCommand(alice, 'pledge "For the library fund" --amount 5.000.000 --currency VND --group Budget'));
    expect(lastReply()).toContain('Pledge PL-1 recorded: ₫5,000,000 for “For the library fund”, to Budget.');
    await t.h.send(slashCommand(bao, 'pledge "Repair café shifts" --hours 10 --group Budget'));
    await t.h.send(slashCommand(bao, 'pledges --group Budget'));
    const list = lastReply();
    expect(list).toContain('PL-1 ₫5,000,000 — For the library fund');
    expect(list).toContain('PL-2 10 hours — Repair café shifts');
    expect(list).toContain('Total: ₫5,000,000 · 10 hours');
  });
});
