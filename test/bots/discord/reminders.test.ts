// A commitment's reminder on Discord: a DM at the right time whose buttons act in the server it came from.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { CardView } from '../../../src/core/views/types.js';
import { DAY } from '../../support/harness.js';
import { buttons, click, dmChannelOf, GUILD, member, slash, useDiscord, type Member, type PostedMessage } from './support.js';

const t = useDiscord();
let alice: Member;

const HOUR = 3_600_000;

beforeAll(async () => {
  alice = member('alice');
});

const show = async (number: number): Promise<CardView> => {
  const reply = await t.h.app.core.execute(
    { platform: 'discord', workspace: { externalId: GUILD, name: 'Concord' }, actor: { externalId: alice.id, displayName: alice.name }, channel: { id: 'c', name: 'budget' }, idempotencyKey: randomUUID() },
    `commitment ${number}`,
  );
  expect(reply.ok).toBe(true);
  const card = reply.views.find((v): v is CardView => v.type === 'card');
  if (!card) throw new Error('no commitment card');
  return card;
};

it('reminds the owner by DM on time, and done in the DM marks the commitment done', async () => {
  await t.h.dispatch(slash(alice, 'concord', [{ name: 'text', type: 3, value: 'commit "Send the minutes" --due "2026-12-03 17:00" --remind 1d' }]));
  const due = (await show(1)).fields.find((f) => f.at)?.at;
  expect(due).toMatch(/^2026-12-03T/);
  const remindAt = Date.parse(due!) - DAY;
  t.fake.take();

  await t.h.advance(remindAt - HOUR - t.h.clock.now().getTime());
  expect(t.fake.calls.filter((c) => c.method === 'POST')).toEqual([]);
  await t.h.advance(2 * HOUR);

  const posts = t.fake.take().filter((c) => c.method === 'POST');
  const dmChannel = dmChannelOf(alice.id);
  expect(posts.map((c) => c.path)).toEqual(['/users/@me/channels', `/channels/${dmChannel}/messages`]);
  expect(posts[0]!.body).toEqual({ recipient_id: alice.id });
  const sent = [...t.fake.messages.values()].find((m) => m.channel_id === dmChannel)!;
  expect(JSON.stringify(sent.embeds)).toContain('Send the minutes');

  // Outside a server the interaction carries no guild, so each button names its own.
  const guild = BigInt(GUILD).toString(36);
  const [done, extend, blocked] = buttons(sent);
  expect(buttons(sent)).toHaveLength(3);
  expect(done!.custom_id).toBe(`c.${guild}:done 1`);
  expect(extend!.custom_id).toBe(`f.${guild}:due,reason;extend 1`);
  expect(blocked!.custom_id).toBe(`q.${guild}:blocked 1`);

  const message: PostedMessage = { id: sent.id, channel_id: dmChannel, embeds: sent.embeds, components: sent.components };
  const clicked = click(alice, message, done!.custom_id, { guild: false });
  await t.h.dispatch(clicked);
  const [answer] = t.fake.callbacks(clicked.id);
  expect(JSON.stringify(answer?.data)).toMatch(/✅/);

  const card = await show(1);
  expect(card.tone).toBe('success');
  expect(card.actions).toEqual([]);
});

it('keeps every option of a poll reminder reachable when the options are long', async () => {
  const options = ['Hoi An', 'Da Lat', 'Sa Pa'].map((town) => `${town}: three nights in a guesthouse near the old town, with the workshop room`.padEnd(80, '.'));
  await t.h.dispatch(slash(alice, 'concord', [{ name: 'text', type: 3, value: 'group create "Offsite"' }]));
  await t.h.dispatch(slash(alice, 'concord', [{ name: 'text', type: 3, value: `propose "Offsite venue" --rule poll --options "${options.join('|')}" --closes "in 2 days"` }]));
  t.fake.take();
  t.fake.messages.clear();
  await t.h.advance(DAY + HOUR);

  const dmChannel = dmChannelOf(alice.id);
  const sent = [...t.fake.messages.values()].find((m) => m.channel_id === dmChannel && JSON.stringify(m.embeds).includes('Offsite venue'))!;
  expect(sent).toBeDefined();
  const shown = buttons(sent);
  expect(shown.map((b) => b.label)).toEqual(options);
  expect(new Set(shown.map((b) => b.custom_id)).size).toBe(3);
  for (const b of shown) expect(b.custom_id.length).toBeLessThanOrEqual(100);

  const message: PostedMessage = { id: sent.id, channel_id: dmChannel, embeds: sent.embeds, components: sent.components };
  const clicked = click(alice, message, shown[1]!.custom_id, { guild: false });
  await t.h.dispatch(clicked);
  expect(JSON.stringify(t.fake.callbacks(clicked.id)[0]?.data)).toMatch(/✅/);
  const card = await t.h.app.core.execute(
    { platform: 'discord', workspace: { externalId: GUILD, name: 'Concord' }, actor: { externalId: alice.id, displayName: alice.name }, channel: { id: 'c', name: 'budget' }, idempotencyKey: randomUUID() },
    'proposal 1',
  );
  const tally = card.views.find((v): v is CardView => v.type === 'card')?.tally?.lines;
  expect(tally?.find((l) => l.label === options[1])?.value).toBe('1');
});
