// Discord's autocomplete draws from core's lists, so it suggests nothing of a private group to outsiders.
import { beforeEach, describe, expect, it } from 'vitest';
import { autocomplete, member, slash, useDiscord, type Member } from './support.js';

const t = useDiscord({ each: true });
let alice: Member;
let bob: Member;
let chi: Member;

beforeEach(async () => {
  alice = member('alice');
  bob = member('bob');
  chi = member('chi');
  await t.h.dispatch(
    slash(alice, 'group', [
      { name: 'group', type: 3, value: 'HR' },
      { name: 'private', type: 5, value: true },
    ], 'create'),
  );
  await t.h.dispatch(slash(alice, 'group', [{ name: 'members', type: 3, value: `<@${bob.id}>` }], 'add'));
  await t.h.dispatch(slash(alice, 'proposal', [{ name: 'title', type: 3, value: 'Pay rise' }, { name: 'rule', type: 3, value: 'consent' }], 'create'));
  await t.h.tick();
  t.fake.take();
});

type Choices = { data?: { choices?: Array<{ name: string; value: unknown }> } };

async function suggestions(raw: { id: string }): Promise<Array<{ name: string; value: unknown }>> {
  await t.h.dispatch(raw);
  const [callback] = t.fake.callbacks(raw.id) as Choices[];
  return callback?.data?.choices ?? [];
}

describe('autocomplete with a private group', () => {
  it('suggests its proposals and its name to members only', async () => {
    expect(await suggestions(autocomplete(bob, 'vote', [{ name: 'proposal', type: 4, value: '', focused: true }]))).toEqual([{ name: '#1 Pay rise', value: 1 }]);
    expect(await suggestions(autocomplete(bob, 'proposal', [{ name: 'group', type: 3, value: 'h', focused: true }], 'create'))).toEqual([{ name: 'HR', value: 'HR' }]);

    expect(await suggestions(autocomplete(chi, 'vote', [{ name: 'proposal', type: 4, value: '', focused: true }]))).toEqual([]);
    expect(await suggestions(autocomplete(chi, 'proposal', [{ name: 'group', type: 3, value: 'h', focused: true }], 'create'))).toEqual([]);
    expect(
      await suggestions(autocomplete(chi, 'vote', [{ name: 'proposal', type: 4, value: 1 }, { name: 'choice', type: 3, value: '', focused: true }])),
    ).toEqual([]);
  });
});
