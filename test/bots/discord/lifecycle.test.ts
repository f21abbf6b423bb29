// A whole proposal from Discord: slash commands, the card in the channel, twenty votes by button, the deadline and the outcome.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../support/harness.js';
import { buttons, CHANNEL, click, dmChannelOf, member, slash, useDiscord, type PostedMessage } from './support.js';

const t = useDiscord({ each: true });

type Embed = { title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } };
const embedsOf = (body: unknown) => ((body as { embeds?: Embed[] }).embeds ?? []) as Embed[];
const textOf = (body: unknown) => embedsOf(body).map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`), e.footer?.text].filter(Boolean).join('\n')).join('\n');

describe('a proposal decided in Discord', () => {
  it('goes from /proposal create to the recorded outcome', async () => {
    const alice = member('alice');
    const voters = Array.from({ length: 20 }, (_, i) => member(`voter${i + 1}`));

    await t.h.dispatch(slash(alice, 'group', [{ name: 'group', type: 3, value: 'Budget' }], 'create'));
    await t.h.dispatch(slash(alice, 'group', [{ name: 'members', type: 3, value: voters.map((v) => `<@${v.id}>`).join(' ') }], 'add'));
    let calls = t.fake.take();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([expect.stringMatching(/^POST \/interactions\/\d+\/token-\d+\/callback$/), expect.stringMatching(/callback$/)]);
    for (const call of calls) {
      const body = call.body as { type: number; data: { flags: number } };
      expect(body.type).toBe(4);
      expect(body.data.flags).toBe(64);
    }
    expect(textOf((calls[0]?.body as { data: unknown }).data)).toContain('Budget');

    await t.h.dispatch(
      slash(
        alice,
        'proposal',
        [
          { name: 'title', type: 3, value: 'Adopt the "lean" 2027 budget' },
          { name: 'rule', type: 3, value: 'majority' },
          { name: 'closes', type: 3, value: 'in 2 days' },
        ],
        'create',
      ),
    );
    const created = t.fake.take();
    expect(created).toHaveLength(1);
    expect((created[0]?.body as { data: { flags: number } }).data.flags).toBe(64);

    // The card reaches the channel through the outbox.
    await t.h.tick();
    calls = t.fake.take();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /channels/${CHANNEL}/messages`]);
    const posted = calls[0]?.body as { embeds: Embed[]; components: unknown[]; allowed_mentions: unknown };
    expect(posted.allowed_mentions).toEqual({ parse: [] });
    expect(posted.embeds[0]?.title).toBe('Proposal #1: Adopt the "lean" 2027 budget');
    const closes = posted.embeds[0]?.fields?.find((f) => /<t:\d+:F>/.test(f.value));
    const unix = Date.parse('2026-12-03T09:00:00Z') / 1000;
    expect(closes?.value).toBe(`<t:${unix}:F> (<t:${unix}:R>)`);
    expect(buttons(posted).map((b) => [b.label, b.custom_id])).toEqual([
      ['Yes', 'c:vote 1 yes'],
      ['No', 'c:vote 1 no'],
      ['Abstain', 'c:vote 1 abstain'],
    ]);
    const cardId = [...t.fake.messages.values()].find((m) => m.channel_id === CHANNEL)?.id ?? '';
    const card: PostedMessage = { id: cardId, channel_id: CHANNEL, embeds: posted.embeds, components: posted.components };

    // Twenty members vote with the buttons; each gets a private confirmation and the card follows along.
    for (const [i, voter] of voters.entries()) {
      const raw = click(voter, card, i < 14 ? 'c:vote 1 yes' : 'c:vote 1 no');
      await t.h.dispatch(raw);
      const [answer] = t.fake.callbacks(raw.id);
      expect(answer?.type).toBe(4);
      expect(answer?.data?.flags).toBe(64);
      expect(textOf(answer?.data)).toMatch(/vote/i);
      await t.h.tick();
    }
    calls = t.fake.take();
    const edits = calls.filter((c) => c.method === 'PATCH' && c.path === `/channels/${CHANNEL}/messages/${cardId}`);
    expect(edits).toHaveLength(20);
    expect(textOf(edits[edits.length - 1]?.body)).toMatch(/20 of 21/);

    // The deadline: alice, who has not voted, is reminded by DM, then the result is posted and the card closed.
    await t.h.advance(2 * DAY + 60_000);
    calls = t.fake.take();
    const dm = dmChannelOf(alice.id);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /users/@me/channels',
      `POST /channels/${dm}/messages`,
      `POST /channels/${CHANNEL}/messages`,
      `PATCH /channels/${CHANNEL}/messages/${cardId}`,
    ]);
    expect(calls[0]?.body).toEqual({ recipient_id: alice.id });
    const result = calls[2]?.body as { embeds: Embed[]; components: unknown[] };
    expect(result.embeds[0]?.title).toBe('Result of proposal #1: Adopt the "lean" 2027 budget');
    expect(textOf(result)).toMatch(/Yes\*\*: 14/);
    const closedCard = calls[3]?.body as { components: unknown[] };
    expect(closedCard.components).toEqual([]);

    await t.h.dispatch(slash(alice, 'proposal', [{ name: 'proposal', type: 4, value: 1 }, { name: 'statement', type: 3, value: 'The lean budget applies from January.' }], 'outcome'));
    await t.h.tick();
    calls = t.fake.take();
    expect(calls[0]?.path).toMatch(/callback$/);
    const decision = calls.find((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL}/messages`);
    expect(textOf(decision?.body)).toContain('The lean budget applies from January.');
  });
});
