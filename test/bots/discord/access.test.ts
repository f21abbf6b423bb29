// Who Discord says a member is: Manage Server changes workspace settings; a member still in membership screening watches.
import { PermissionFlagsBits } from 'discord.js';
import { expect, it } from 'vitest';
import { member, slash, useDiscord } from './support.js';

const t = useDiscord();

const alice = member('alice');
const manager = member('manager', { permissions: String(2248473465835073n | PermissionFlagsBits.ManageGuild) });
const newcomer = member('newcomer', { pending: true });

async function run(who: ReturnType<typeof member>, line: string): Promise<string> {
  const raw = slash(who, 'concord', [{ name: 'text', type: 3, value: line }]);
  await t.h.dispatch(raw);
  const replies = [...t.fake.callbacks(raw.id), ...t.fake.calls.filter((c) => c.path.includes(`/${raw.token}`)).map((c) => c.body)];
  return JSON.stringify(replies);
}

it('lets a member with Manage Server, not a convener, change workspace settings', async () => {
  await run(alice, 'group create "Budget"');
  expect(await run(alice, 'settings reminder 2')).toMatch(/Only a workspace admin can change settings for the whole workspace/);
  expect(await run(manager, 'settings reminder 2')).toMatch(/reminded 2 hours before a deadline/);
});

it('keeps a member who has not passed membership screening from joining a group on their own', async () => {
  expect(await run(newcomer, 'group join "Budget"')).toMatch(/Guest accounts take part in \\"Budget\\" only when a convener adds them/);
  await run(alice, `group add <@${newcomer.id}> --group "Budget"`);
  expect(await run(newcomer, 'group join "Budget"')).toMatch(/already/);
});
