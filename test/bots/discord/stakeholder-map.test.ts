// The stakeholder map on Discord: the picture attached to the member's own (ephemeral) reply, the grid beside it.
import { describe, expect, it } from 'vitest';
import { DISCORD_MAX_BYTES } from '../../../src/charts/render.js';
import { member, slash, useDiscord, type Call } from './support.js';

const t = useDiscord({ each: true });

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

type Embed = { title?: string; description?: string; image?: { url: string } };
type Payload = { type?: number; data?: Payload; flags?: number; embeds?: Embed[]; attachments?: Array<{ id: number | string; filename: string; description?: string }> };

/** The reply's message, whether it answered at once (callback) or after a deferral (edit of the original). */
const messageOf = (call: Call): Payload => {
  const body = call.body as Payload;
  return body.data ?? body;
};

describe('/stakeholders map', () => {
  for (const [locale, title, grid, alt] of [
    ['en-US', 'Power/interest map', 'Manage closely (1)', 'Manage closely: S-1 City Council.'],
    ['vi', 'Bản đồ quyền lực/quan tâm', 'Quản lý chặt chẽ (1)', 'Quản lý chặt chẽ: S-1 City Council.'],
  ] as const) {
    it(`attaches the picture to the member's own reply, with the grid as text (${locale})`, async () => {
      const alice = member('alice', { locale });
      await t.h.dispatch(slash(alice, 'stakeholder', [{ name: 'stakeholder-name', type: 3, value: 'City Council' }, { name: 'kind', type: 3, value: 'organisation' }, { name: 'sector', type: 3, value: 'government' }], 'add'));
      await t.h.dispatch(slash(alice, 'stakeholder', [{ name: 'stakeholder', type: 3, value: 'S-1' }, { name: 'power', type: 4, value: 5 }, { name: 'interest', type: 4, value: 4 }], 'rate'));
      t.fake.take();

      const asked = slash(alice, 'stakeholders', [{ name: 'map', type: 5, value: true }]);
      await t.h.dispatch(asked);
      const calls = t.fake.take().filter((c) => c.path.includes(asked.id) || c.path.includes(asked.token));
      const sent = calls.find((c) => c.files?.length);
      expect(sent, JSON.stringify(calls.map((c) => `${c.method} ${c.path}`))).toBeDefined();
      const file = sent!.files![0]!;
      expect(file.name).toBe('stakeholder-map.png');
      expect([...file.bytes.subarray(0, 8)]).toEqual(PNG);
      expect(file.bytes.byteLength).toBeLessThan(DISCORD_MAX_BYTES);

      const message = messageOf(sent!);
      const embed = message.embeds?.[0];
      expect(embed?.title).toBe(title);
      expect(embed?.image?.url).toBe('attachment://stakeholder-map.png');
      expect(embed?.description).toContain(grid);
      expect(message.attachments?.[0]?.description).toContain(alt);
      // Only the member who asked sees it: an ephemeral answer, either at once or deferred as one.
      const ephemeral = calls.some((c) => ((c.body as Payload | undefined)?.data?.flags ?? 0) & 64);
      expect(ephemeral).toBe(true);
      expect(t.fake.problems).toEqual([]);
    });
  }

  it('is offered as an option of the native command', async () => {
    const { NATIVE_COMMANDS } = await import('../../../src/bots/discord/commands.js');
    const stakeholders = NATIVE_COMMANDS.find((d) => d.path[0] === 'stakeholders' && d.path.length === 1);
    expect(stakeholders?.options.map((o) => o.name)).toContain('map');
  });
});
