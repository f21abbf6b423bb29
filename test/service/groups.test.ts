// Groups through the core service: one group per channel, so a channel's commands always reach the group it belongs to.
import { beforeEach, describe, expect, it } from 'vitest';
import { useHarness } from '../support/harness.js';

const t = useHarness();

beforeEach(async () => {
  await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
  t.h.messenger.take();
});

describe('one group per channel', () => {
  it('refuses a second group in a channel that has one, names the group there, and creates nothing', async () => {
    const refused = await t.h.run('bob', 'group create "Outreach"', { channel: 'budget' });
    expect(refused.ok).toBe(false);
    expect(refused.text).toBe(
      '✗ ' +
      'This channel already belongs to the group "Budget": proposals and joins here go to it. Create "Outreach" in a channel of its own, or join "Budget" with `/concord group join "Budget"`.',
    );
    expect((await t.h.run('bob', 'groups')).text).not.toMatch(/Outreach/);
    // Joining in the channel still reaches the group that is there.
    expect((await t.h.run('bob', 'group join', { channel: 'budget' })).text).toMatch(/You joined "Budget"/);
    expect((await t.h.run('bob', 'group create "Outreach"', { channel: 'outreach' })).ok).toBe(true);
  });

  it('says so in Vietnamese', async () => {
    const refused = await t.h.run('an', 'group create "Truyền thông"', { channel: 'budget', locale: 'vi' });
    expect(refused.ok).toBe(false);
    expect(refused.text).toBe(
      '✗ ' +
      'Kênh này đã thuộc về nhóm "Budget": các đề xuất và lượt tham gia ở đây đều vào nhóm đó. Hãy tạo "Truyền thông" trong một kênh riêng, hoặc tham gia "Budget" bằng `/concord group join "Budget"`.',
    );
  });
});
