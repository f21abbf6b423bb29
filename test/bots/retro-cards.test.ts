// A busy retrospective's card and the post-mortem offer, as core builds them, render within Slack's and Discord's
// limits, and the offer's button brings back the command that starts the retro.
import { describe, expect, it } from 'vitest';
import { decodeId } from '../../src/bots/discord/custom-ids.js';
import { renderView as renderDiscord } from '../../src/bots/discord/render.js';
import { decodeAction, renderMessage } from '../../src/bots/slack/render.js';
import type { View } from '../../src/core/views/types.js';
import { useHarness } from '../support/harness.js';
import { messageProblems } from './discord/limits.js';
import { blockKitProblems } from './slack/limits.js';
import { buttonsOf } from './slack/support.js';

const t = useHarness();

async function ok(member: string, line: string) {
  const reply = await t.h.run(member, line, { channel: 'budget' });
  expect(reply.ok, `${line}\n${reply.text}`).toBe(true);
  return reply;
}

const long = (n: number) => 'A longer thought about what held the group back, with details. '.repeat(10).slice(0, n);

describe('retro cards on the platforms', () => {
  it('keep a retro with many long items within the limits', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'retro start "November sprint" --names');
    for (let i = 0; i < 40; i++) await t.h.exec('bob', `retro add R-1 ${['liked', 'learned', 'lacked', 'longed-for'][i % 4]} "${i} ${long(480)}"`, { channel: 'budget' });
    const card = (await ok('alice', 'retro show R-1')).views[0] as View;
    expect(card.type).toBe('card');
    expect(JSON.stringify(card)).toContain('#40 39 A longer thought');
    const slack = renderMessage([card]);
    expect(blockKitProblems(slack, 'message')).toEqual([]);
    const discord = renderDiscord(card, { locale: 'en' });
    for (const m of discord) expect(messageProblems(m as never)).toEqual([]);
  });

  it('bring the post-mortem offer’s command back from its button', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'goal add "Open the café" --group Budget');
    t.h.messenger.take();
    await ok('alice', 'goal close G-1 dropped');
    const offer = t.h.messenger.take().find((s) => s.kind === 'post')!.view;
    const command = 'retro start "Post-mortem: Open the café" --template blameless --goal G-1';

    const slack = renderMessage([offer]);
    expect(blockKitProblems(slack, 'message')).toEqual([]);
    const [button] = buttonsOf(slack.blocks);
    expect(decodeAction(button!.action_id, button!.value).command).toBe(command);

    const [message] = renderDiscord(offer, { locale: 'en' });
    expect(messageProblems(message as never)).toEqual([]);
    const ids = message!.components.flatMap((row) => row.components.map((c) => c as { custom_id?: string; label?: string }));
    const commands = ids.map((c) => (c.custom_id ? decodeId(c.custom_id, c.label)?.ref : undefined)).map((r) => (r && 'command' in r ? r.command : null));
    expect(commands).toContain(command);
  });
});
